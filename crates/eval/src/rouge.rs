//! Evaluation module `rouge` (being built).
