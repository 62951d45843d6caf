//! Code tables shipped as Arrow tables (`ef.codebooks` in Python).

use std::sync::Arc;

use arrow_array::{ArrayRef, Float64Array, RecordBatch, StringViewArray, UInt32Array};
use arrow_schema::{DataType, Field, Schema};

use crate::error::{Error, Result};
use crate::knowledge::cameo;

/// The CAMEO event codebook: `code, name, root, quad_class, goldstein, plover, plover_mode`.
///
/// # Errors
/// [`Error::Frame`] if Arrow rejects the table (a bug).
pub fn cameo_table() -> Result<RecordBatch> {
    let rows: Vec<_> = cameo::all().collect();
    let s = |f: &dyn Fn(&cameo::CameoCode) -> Option<&'static str>| -> ArrayRef {
        Arc::new(StringViewArray::from_iter(rows.iter().map(|r| f(r))))
    };
    let columns: Vec<(&str, DataType, bool, ArrayRef)> = vec![
        ("code", DataType::Utf8View, false, s(&|r| Some(r.code))),
        ("name", DataType::Utf8View, false, s(&|r| Some(r.name))),
        ("root", DataType::Utf8View, false, s(&|r| Some(r.root))),
        (
            "quad_class",
            DataType::UInt32,
            false,
            Arc::new(UInt32Array::from_iter_values(
                rows.iter().map(|r| u32::from(r.quad_class)),
            )),
        ),
        (
            "goldstein",
            DataType::Float64,
            false,
            Arc::new(Float64Array::from_iter_values(
                rows.iter().map(|r| f64::from(r.goldstein)),
            )),
        ),
        ("plover", DataType::Utf8View, true, s(&|r| r.plover)),
        (
            "plover_mode",
            DataType::Utf8View,
            true,
            s(&|r| r.plover_mode),
        ),
    ];
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, t, null, _)| Field::new(*n, t.clone(), *null))
        .collect();
    let arrays: Vec<ArrayRef> = columns.into_iter().map(|c| c.3).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| Error::Frame {
        frame: "codebooks.cameo",
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn cameo_table_has_every_code() {
        let t = super::cameo_table().unwrap();
        assert_eq!(t.num_rows(), crate::knowledge::cameo::len());
        assert!(t.num_rows() > 250);
    }
}
