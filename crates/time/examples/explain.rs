//! Prints the tagger's timexes and the rule behind each one for a text read from stdin,
//! anchored to the DCT given as the first argument (YYYY-MM-DD; omit for no anchor).
//! `echo "He left Tuesday." | cargo run -p storyline-time --example explain -- 2016-12-07`

use std::io::Read;

fn main() {
    let dct = std::env::args()
        .nth(1)
        .and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("cannot read stdin");
        return;
    }
    for line in storyline_time::explain(&text, dct) {
        println!("{line}");
    }
}
