//! Evaluation module `paraphrase` (being built).
