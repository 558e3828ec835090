//! Storyline at scale (being built).
