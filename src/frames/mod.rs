//! `frames`: the output tables (Arrow record batches) and their documented schema.

mod build;
pub mod schema;

pub use build::{build, BuildOptions, CameoInfo, CharIndex, Frames};
