//! Evaluation module `tls` (being built).
