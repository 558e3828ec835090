//! Evaluation module `syndication` (being built).
