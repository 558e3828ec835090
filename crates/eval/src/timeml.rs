//! Evaluation module `timeml` (being built).
