//! Evaluation module `quotes` (being built).
