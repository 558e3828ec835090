//! Evaluation module `mds` (being built).
