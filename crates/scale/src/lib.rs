//! Storyline at scale: the benchmark corpus generator ([`corpus`]), the bounded-memory
//! single-machine streaming run of ingest → syndication → story assignment ([`stream`]).

#![warn(missing_docs)]

pub mod corpus;
pub mod stream;
