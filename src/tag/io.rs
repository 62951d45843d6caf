//! Little-endian byte writer and checked reader for the compact model files.

use crate::error::{Error, Result};

/// Appends little-endian values to a byte vector.
#[derive(Debug, Default)]
pub struct Writer {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl Writer {
    /// Writes one byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Writes a `u16`.
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `i16`.
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a length-prefixed UTF-8 string (at most 65,535 bytes; longer ones are cut).
    pub fn str(&mut self, s: &str) {
        let mut end = s.len().min(u16::MAX as usize);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        self.u16(end as u16);
        self.buf.extend_from_slice(&s.as_bytes()[..end]);
    }
}

/// Reads little-endian values from a byte slice, failing cleanly on truncation.
#[derive(Debug)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    /// A reader over `data`; `what` names the model in error messages.
    #[must_use]
    pub fn new(data: &'a [u8], what: &'static str) -> Self {
        Self { data, pos: 0, what }
    }

    fn corrupt(&self, detail: &str) -> Error {
        Error::config(format!(
            "model `{}` is corrupt at byte {}: {detail}\nhint: rebuild it with `cargo run --release --bin train_tag`",
            self.what, self.pos
        ))
    }

    /// Takes `n` raw bytes.
    ///
    /// # Errors
    /// When fewer than `n` bytes are left.
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        match end {
            Some(e) => {
                let s = &self.data[self.pos..e];
                self.pos = e;
                Ok(s)
            }
            None => Err(self.corrupt(&format!(
                "wanted {n} more bytes, file has {}",
                self.data.len()
            ))),
        }
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N]> {
        let b = self.bytes(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(b);
        Ok(a)
    }
    /// Reads one byte.
    ///
    /// # Errors
    /// On truncation.
    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.arr::<1>()?[0])
    }
    /// Reads a `u16`.
    ///
    /// # Errors
    /// On truncation.
    pub fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.arr()?))
    }
    /// Reads a `u32`.
    ///
    /// # Errors
    /// On truncation.
    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    /// Reads a `u64`.
    ///
    /// # Errors
    /// On truncation.
    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    /// Reads an `i16`.
    ///
    /// # Errors
    /// On truncation.
    pub fn i16(&mut self) -> Result<i16> {
        Ok(i16::from_le_bytes(self.arr()?))
    }
    /// Reads an `f32`.
    ///
    /// # Errors
    /// On truncation.
    pub fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    /// Reads a length-prefixed string.
    ///
    /// # Errors
    /// On truncation or invalid UTF-8.
    pub fn str(&mut self) -> Result<String> {
        let n = self.u16()? as usize;
        let b = self.bytes(n)?;
        match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => Err(self.corrupt("a string is not valid UTF-8")),
        }
    }
    /// Fails unless the next bytes are `magic`.
    ///
    /// # Errors
    /// When the magic differs.
    pub fn expect_magic(&mut self, magic: &[u8]) -> Result<()> {
        let b = self.bytes(magic.len())?;
        if b == magic {
            Ok(())
        } else {
            Err(self.corrupt(&format!(
                "expected section `{}`",
                String::from_utf8_lossy(magic)
            )))
        }
    }
    /// A count that must fit the remaining bytes at `unit` bytes each (guards huge allocations).
    ///
    /// # Errors
    /// When the count cannot be right.
    pub fn count(&mut self, unit: usize) -> Result<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(unit.max(1)) > self.data.len() - self.pos {
            return Err(self.corrupt(&format!("count {n} exceeds the file")));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_truncation() {
        let mut w = Writer::default();
        w.u8(7);
        w.u16(513);
        w.u32(70_000);
        w.u64(u64::MAX - 3);
        w.i16(-300);
        w.f32(1.5);
        w.str("héllo");
        let mut r = Reader::new(&w.buf, "test");
        assert_eq!(r.u8().unwrap(), 7);
        assert_eq!(r.u16().unwrap(), 513);
        assert_eq!(r.u32().unwrap(), 70_000);
        assert_eq!(r.u64().unwrap(), u64::MAX - 3);
        assert_eq!(r.i16().unwrap(), -300);
        assert!((r.f32().unwrap() - 1.5).abs() < f32::EPSILON);
        assert_eq!(r.str().unwrap(), "héllo");
        let e = r.u8().unwrap_err().to_string();
        assert!(e.contains("`test`") && e.contains("hint:"), "{e}");
    }
}
