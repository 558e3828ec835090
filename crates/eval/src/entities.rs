//! Evaluation module `entities` (being built).
