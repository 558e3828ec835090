//! The Storyline HTTP service (being built).
