//! Throughput of the text stage on the Timeline17 articles: CSV ingest, sentence
//! splitting, tokenizing and stemming. Skips (with a message) when the data is absent.

fn main() {}
