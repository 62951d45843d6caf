//! Builds the Arrow tables of a processed batch. Byte spans become code-point offsets here, once.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, RecordBatch, StringViewArray, UInt32Array,
};
use arrow_schema::{DataType, Field, Schema};

use super::schema::{self, Column, Dtype};
use crate::document::{Document, Span};
use crate::error::{Error, Result};
use crate::pipeline::Processed;

/// Byte offset → code point offset for one text, in O(1) memory per 64 bytes.
pub struct CharIndex<'a> {
    text: &'a str,
    ascii: bool,
    /// Code points before each 64-byte block.
    blocks: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut blocks = Vec::new();
        if !ascii {
            let bytes = text.as_bytes();
            let mut count = 0u32;
            for chunk in bytes.chunks(64) {
                blocks.push(count);
                count += u32::try_from(chunk.iter().filter(|&&b| (b & 0xC0) != 0x80).count())
                    .unwrap_or(0);
            }
        }
        Self {
            text,
            ascii,
            blocks,
        }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary).
    #[must_use]
    pub fn char_at(&self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return u32::try_from(byte).unwrap_or(u32::MAX);
        }
        let block = byte / 64;
        let base = self.blocks.get(block).copied().unwrap_or(0);
        let start = block * 64;
        let extra = self.text.as_bytes()[start..byte]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        base + u32::try_from(extra).unwrap_or(0)
    }

    /// `(start_char, end_char)` of a byte span.
    #[must_use]
    pub fn span(&self, span: Span) -> (u32, u32) {
        (self.char_at(span.start), self.char_at(span.end))
    }
}

/// Values of one column while a table is being built.
enum Values {
    Str(Vec<Option<String>>),
    U32(Vec<Option<u32>>),
    F64(Vec<Option<f64>>),
    Bool(Vec<bool>),
    StrList(Vec<Vec<String>>),
}

/// A table under construction, checked against its schema when finished.
struct Table {
    name: &'static str,
    columns: &'static [Column],
    values: Vec<Values>,
}

impl Table {
    fn new(name: &'static str) -> Self {
        let columns = schema::frame(name).unwrap_or(&[]);
        let values = columns
            .iter()
            .map(|c| match c.dtype {
                Dtype::Str | Dtype::Enum(_) => Values::Str(Vec::new()),
                Dtype::U32 => Values::U32(Vec::new()),
                Dtype::F64 => Values::F64(Vec::new()),
                Dtype::Bool => Values::Bool(Vec::new()),
                Dtype::StrList => Values::StrList(Vec::new()),
            })
            .collect();
        Self {
            name,
            columns,
            values,
        }
    }

    /// Starts a row; values are pushed in schema order through the returned writer.
    fn row(&mut self) -> Row<'_> {
        Row {
            table: self,
            col: 0,
        }
    }

    fn finish(self) -> Result<RecordBatch> {
        let mut fields = Vec::with_capacity(self.columns.len());
        let mut arrays: Vec<ArrayRef> = Vec::with_capacity(self.columns.len());
        for (c, v) in self.columns.iter().zip(self.values) {
            let (dt, arr): (DataType, ArrayRef) = match v {
                Values::Str(v) => (DataType::Utf8View, Arc::new(StringViewArray::from_iter(v))),
                Values::U32(v) => (DataType::UInt32, Arc::new(UInt32Array::from(v))),
                Values::F64(v) => (DataType::Float64, Arc::new(Float64Array::from(v))),
                Values::Bool(v) => (DataType::Boolean, Arc::new(BooleanArray::from(v))),
                Values::StrList(v) => {
                    let mut b = ListBuilder::new(StringBuilder::new());
                    for row in v {
                        for s in row {
                            b.values().append_value(s);
                        }
                        b.append(true);
                    }
                    let arr = b.finish();
                    (arr.data_type().clone(), Arc::new(arr))
                }
            };
            fields.push(Field::new(
                c.name,
                dt,
                c.nullable || matches!(c.dtype, Dtype::StrList),
            ));
            arrays.push(arr);
        }
        RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(|e| Error::Frame {
            frame: self.name,
            message: e.to_string(),
        })
    }
}

/// Writes one row, column by column, in schema order.
struct Row<'t> {
    table: &'t mut Table,
    col: usize,
}

impl Row<'_> {
    fn next(&mut self) -> &mut Values {
        let i = self.col;
        self.col += 1;
        &mut self.table.values[i]
    }
    fn s(mut self, v: impl Into<String>) -> Self {
        if let Values::Str(x) = self.next() {
            x.push(Some(v.into()));
        }
        self
    }
    fn os(mut self, v: Option<String>) -> Self {
        if let Values::Str(x) = self.next() {
            x.push(v);
        }
        self
    }
    fn u(mut self, v: u32) -> Self {
        if let Values::U32(x) = self.next() {
            x.push(Some(v));
        }
        self
    }
    fn ou(mut self, v: Option<u32>) -> Self {
        if let Values::U32(x) = self.next() {
            x.push(v);
        }
        self
    }
    fn f(mut self, v: f64) -> Self {
        if let Values::F64(x) = self.next() {
            x.push(Some(v));
        }
        self
    }
    fn of(mut self, v: Option<f64>) -> Self {
        if let Values::F64(x) = self.next() {
            x.push(v);
        }
        self
    }
    fn b(mut self, v: bool) -> Self {
        if let Values::Bool(x) = self.next() {
            x.push(v);
        }
        self
    }
    fn l(mut self, v: Vec<String>) -> Self {
        if let Values::StrList(x) = self.next() {
            x.push(v);
        }
        self
    }
    /// Checks that every column got a value (caught by tests when the schema changes).
    fn end(self) {
        debug_assert_eq!(
            self.col,
            self.table.columns.len(),
            "row of `{}` is incomplete",
            self.table.name
        );
    }
}

/// What the frames need to know about a CAMEO code.
#[derive(Clone, Debug, Default)]
pub struct CameoInfo {
    /// Name of the code.
    pub name: Option<String>,
    /// QuadClass 1..=4.
    pub quad_class: Option<u32>,
    /// Goldstein score.
    pub goldstein: Option<f64>,
    /// PLOVER event type.
    pub plover: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
}

fn cameo_info(code: &str) -> CameoInfo {
    crate::knowledge::cameo_info(code)
}

/// The tables of one batch, in [`schema::FRAMES`] order.
pub struct Frames {
    /// `(frame name, table)` pairs.
    pub tables: Vec<(&'static str, RecordBatch)>,
}

/// Options for building frames.
#[derive(Clone, Copy, Debug)]
pub struct BuildOptions {
    /// Whether to fill the `tokens` frame (it is large).
    pub tokens: bool,
    /// Whether failed documents keep their partial rows (`collect`) or lose them (`skip`).
    pub keep_failed: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        Self {
            tokens: true,
            keep_failed: true,
        }
    }
}

fn text_of(doc: &Document, span: Span) -> String {
    doc.slice(span).to_owned()
}

fn actor_id(doc: &Document, idx: Option<u32>) -> Option<String> {
    idx.and_then(|i| doc.actors.get(i as usize))
        .map(|a| a.id.clone())
}

/// Corpus-level actor row under construction.
struct ActorAgg {
    name: String,
    kind: Option<&'static str>,
    country: Option<String>,
    sectors: Vec<String>,
    code: Option<String>,
    roles: Vec<String>,
    aliases: Vec<String>,
    n_mentions: u32,
    n_docs: u32,
    rule: &'static str,
}

fn push_unique(into: &mut Vec<String>, from: &[String]) {
    for s in from {
        if !into.iter().any(|x| x == s) {
            into.push(s.clone());
        }
    }
}

/// Builds all frames of a batch.
///
/// # Errors
/// [`Error::Frame`] when Arrow rejects a table (a bug).
#[allow(clippy::too_many_lines)]
pub fn build(batch: &[Processed], opts: BuildOptions) -> Result<Frames> {
    let mut documents = Table::new("documents");
    let mut sentences = Table::new("sentences");
    let mut tokens = Table::new("tokens");
    let mut mentions = Table::new("mentions");
    let mut events = Table::new("events");
    let mut figures = Table::new("figures");
    let mut errors = Table::new("errors");
    let mut actor_order: Vec<String> = Vec::new();
    let mut actors: HashMap<String, ActorAgg> = HashMap::new();

    for p in batch {
        let doc = &p.doc;
        let ci = CharIndex::new(&doc.text);
        documents
            .row()
            .s(doc.doc_id.clone())
            .os(doc.published.map(|d| d.to_string()))
            .u(u32::try_from(doc.sentences.len()).unwrap_or(u32::MAX))
            .u(u32::try_from(doc.tokens.len()).unwrap_or(u32::MAX))
            .u(ci.char_at(doc.text.len()))
            .s(p.status.as_str())
            .end();
        for e in &p.errors {
            errors
                .row()
                .s(e.doc_id.clone())
                .s(e.stage.as_str())
                .s(e.error)
                .s(e.message.clone())
                .end();
        }
        if !opts.keep_failed && p.status == crate::pipeline::Status::Error {
            continue;
        }
        for (i, s) in doc.sentences.iter().enumerate() {
            let (a, b) = ci.span(s.span);
            sentences
                .row()
                .s(doc.doc_id.clone())
                .u(idx(i))
                .u(a)
                .u(b)
                .s(text_of(doc, s.span))
                .end();
        }
        if opts.tokens {
            for (i, t) in doc.tokens.iter().enumerate() {
                let (a, b) = ci.span(t.span);
                let tag = |s: &'static str| (!s.is_empty()).then(|| s.to_owned());
                tokens
                    .row()
                    .s(doc.doc_id.clone())
                    .u(t.sentence)
                    .u(idx(i))
                    .u(a)
                    .u(b)
                    .s(text_of(doc, t.span))
                    .os(t.lemma.clone())
                    .os(tag(t.upos))
                    .os(tag(t.xpos))
                    .ou(t.head)
                    .os(tag(t.deprel))
                    .end();
            }
        }
        for (i, m) in doc.mentions.iter().enumerate() {
            let (a, b) = ci.span(m.span);
            mentions
                .row()
                .s(doc.doc_id.clone())
                .u(idx(i))
                .u(m.sentence)
                .u(a)
                .u(b)
                .s(text_of(doc, m.span))
                .s(m.label.as_str())
                .os(actor_id(doc, m.actor))
                .f(f64::from(m.score))
                .s(m.rule)
                .end();
        }
        let mut seen_here: Vec<&str> = Vec::new();
        for a in &doc.actors {
            let n = u32::try_from(a.mentions.len()).unwrap_or(u32::MAX);
            let first_in_doc = !seen_here.contains(&a.id.as_str());
            if first_in_doc {
                seen_here.push(&a.id);
            }
            match actors.get_mut(&a.id) {
                Some(agg) => {
                    agg.n_mentions += n;
                    if first_in_doc {
                        agg.n_docs += 1;
                    }
                    push_unique(&mut agg.roles, &a.roles);
                    push_unique(&mut agg.aliases, &a.aliases);
                    push_unique(&mut agg.sectors, &a.sectors);
                    agg.country = agg.country.take().or_else(|| a.country.clone());
                    agg.code = agg.code.take().or_else(|| a.code.clone());
                }
                None => {
                    actor_order.push(a.id.clone());
                    actors.insert(
                        a.id.clone(),
                        ActorAgg {
                            name: a.name.clone(),
                            kind: a.kind.map(crate::document::ActorKind::as_str),
                            country: a.country.clone(),
                            sectors: a.sectors.clone(),
                            code: a.code.clone(),
                            roles: a.roles.clone(),
                            aliases: a.aliases.clone(),
                            n_mentions: n,
                            n_docs: 1,
                            rule: a.rule,
                        },
                    );
                }
            }
        }
        for (i, e) in doc.events.iter().enumerate() {
            let (a, b) = ci.span(e.trigger);
            let info = cameo_info(&e.cameo);
            let root: String = e.cameo.chars().take(2).collect();
            let arg = |x: &Option<crate::document::EventArg>| {
                x.as_ref().map(|x| {
                    let (s, t) = ci.span(x.span);
                    (
                        actor_id(doc, x.actor),
                        text_of(doc, x.span),
                        s,
                        t,
                        x.code.clone(),
                        x.country.clone(),
                    )
                })
            };
            let src = arg(&e.source);
            let tgt = arg(&e.target);
            let loc = e.location.map(|l| (text_of(doc, l), ci.span(l)));
            let claim = e.claimed_by.map(|c| text_of(doc, c));
            events
                .row()
                .s(format!("{}:e{i}", doc.doc_id))
                .s(doc.doc_id.clone())
                .u(e.sentence)
                .u(a)
                .u(b)
                .s(text_of(doc, e.trigger))
                .s(e.cameo.clone())
                .s(root)
                .os(info.name)
                .ou(info.quad_class)
                .of(info.goldstein)
                .os(info.plover)
                .os(info.plover_mode)
                .os(src.as_ref().and_then(|x| x.0.clone()))
                .os(src.as_ref().map(|x| x.1.clone()))
                .ou(src.as_ref().map(|x| x.2))
                .ou(src.as_ref().map(|x| x.3))
                .os(src.as_ref().and_then(|x| x.4.clone()))
                .os(src.as_ref().and_then(|x| x.5.clone()))
                .os(tgt.as_ref().and_then(|x| x.0.clone()))
                .os(tgt.as_ref().map(|x| x.1.clone()))
                .ou(tgt.as_ref().map(|x| x.2))
                .ou(tgt.as_ref().map(|x| x.3))
                .os(tgt.as_ref().and_then(|x| x.4.clone()))
                .os(tgt.as_ref().and_then(|x| x.5.clone()))
                .os(e.date.map(crate::document::DateValue::iso))
                .os(e.date.map(|d| d.precision.as_str().to_owned()))
                .b(e.date_is_fallback)
                .os(loc.as_ref().map(|l| l.0.clone()))
                .ou(loc.as_ref().map(|l| l.1 .0))
                .ou(loc.as_ref().map(|l| l.1 .1))
                .os(e.location_country.clone())
                .of(e.lat)
                .of(e.lon)
                .s(e.modality.as_str())
                .b(e.negated)
                .os(claim)
                .os(actor_id(doc, e.claimed_by_actor))
                .s(e.rule.clone())
                .f(f64::from(e.confidence))
                .end();
        }
        for (i, f) in doc.figures.iter().enumerate() {
            let (a, b) = ci.span(f.span);
            figures
                .row()
                .s(format!("{}:f{i}", doc.doc_id))
                .s(doc.doc_id.clone())
                .u(f.sentence)
                .u(a)
                .u(b)
                .s(text_of(doc, f.span))
                .s(f.label)
                .of(f.value)
                .of(f.value_max)
                .os(f.unit.clone())
                .b(f.approximate)
                .os(f.bound.map(str::to_owned))
                .os(f.about.map(|s| text_of(doc, s)))
                .os(actor_id(doc, f.about_actor))
                .os(f.attributed_to.map(|s| text_of(doc, s)))
                .os(f.hedge.map(str::to_owned))
                .os(f.date.map(crate::document::DateValue::iso))
                .os(f.date.map(|d| d.precision.as_str().to_owned()))
                .os(f.event.map(|e| format!("{}:e{e}", doc.doc_id)))
                .s(f.rule)
                .end();
        }
    }
    let mut actor_table = Table::new("actors");
    for id in actor_order {
        if let Some(a) = actors.remove(&id) {
            let sector = a.sectors.first().cloned();
            actor_table
                .row()
                .s(id)
                .s(a.name)
                .os(a.kind.map(str::to_owned))
                .os(a.country)
                .os(sector)
                .l(a.sectors)
                .os(a.code)
                .l(a.roles)
                .l(a.aliases)
                .u(a.n_mentions)
                .u(a.n_docs)
                .s(a.rule)
                .end();
        }
    }
    let mut out = Vec::with_capacity(8);
    for t in [
        documents,
        sentences,
        tokens,
        mentions,
        actor_table,
        events,
        figures,
        errors,
    ] {
        out.push((t.name, t.finish()?));
    }
    Ok(Frames { tables: out })
}

fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_matches_chars() {
        let text = "Zelenskyy’s “first battles” — 北朝鮮 🙂 end".repeat(9);
        let ci = CharIndex::new(&text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ci.char_at(b) as usize, n);
        }
        assert_eq!(ci.char_at(text.len()) as usize, text.chars().count());
    }

    #[test]
    fn empty_batch_builds_every_frame_with_schema_columns() {
        let f = build(&[], BuildOptions::default()).unwrap();
        assert_eq!(f.tables.len(), schema::FRAMES.len());
        for ((name, t), (sname, cols)) in f.tables.iter().zip(schema::FRAMES) {
            assert_eq!(name, sname);
            let names: Vec<_> = t
                .schema()
                .fields()
                .iter()
                .map(|f| f.name().clone())
                .collect();
            let want: Vec<_> = cols.iter().map(|c| c.name.to_owned()).collect();
            assert_eq!(names, want);
        }
    }
}
