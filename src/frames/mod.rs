//! `frames`: the output tables (Arrow record batches) and their documented schema.

mod build;
mod codebook;
pub mod schema;

pub use build::{build, BuildOptions, CameoInfo, CharIndex, Frames};
pub use codebook::cameo_table;
