//! Evaluation module `clusters` (being built).
