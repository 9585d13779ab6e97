//! Parquet output (cargo feature `parquet`): one row per input record, the
//! same facts as the JSONL output (SPEC.md "Document"), with nested lists.
//!
//! The file has standard Parquet `LIST` and struct columns, Snappy
//! compressed, so DuckDB, Spark, pandas/pyarrow and polars read it as
//! written. Exact decimals (`value`, `low`, `high`) are strings in plain
//! notation, the same as the JSON: never floats. Field names are SPEC.md's.
//!
//! | column | type |
//! | --- | --- |
//! | `id` | string, null when absent (a string id as is, any other JSON id as its JSON text) |
//! | `line` | uint64, null for a document; the 1-based input line of an error record |
//! | `error` | string, null for a document |
//! | `quantities` | list of quantity structs (below), null for an error record |
//! | `times` | list of struct `text`, `start`, `end`, `value`?, `relative`, `offset`?, `part`? |
//! | `entities` | list of struct `kind`, `text`, `start`, `end` |
//! | `claims` | list of struct `subject`?, `metric`?, `period`?, `value`? (a quantity), `change`? (struct `basis`?, `direction`, `value`? a quantity), `start`, `end`, `subject_span`?, `metric_span`? (struct `start`, `end`) |
//!
//! A quantity is a struct `kind`, `text`, `start`, `end`, `value`?, `low`?,
//! `high`?, `unit`?, `qualifier`? (`?`: nullable). Offsets are uint64 byte
//! offsets into the original text (DuckDB reads them as `UBIGINT`, pyarrow
//! as `uint64`, Spark as `decimal(20,0)`); enums (`kind`, `qualifier`,
//! `basis`, `direction`) are their SPEC.md names as strings. The lists are
//! null on an error row and present (maybe empty) on a document row.
//!
//! [`ParquetWriter`] streams: each [`ParquetWriter::write_batch`] call is
//! encoded at once, and a row group is written out every
//! [`ROW_GROUP_ROWS`] rows or sooner when its buffers grow past
//! [`ROW_GROUP_BYTES`], so memory stays bounded whatever the number of
//! records.
//!
//! ```
//! use zhnews::parquet::ParquetWriter;
//! use zhnews::record::RecordOutput;
//! use zhnews::Analyzer;
//!
//! let analyzer = Analyzer::new();
//! let records = [
//!     RecordOutput::from_line(&analyzer, r#"{"id":"a1","text":"营收 889 亿元"}"#.as_bytes(), 1, None),
//!     RecordOutput::from_line(&analyzer, b"{not json", 2, None),
//! ];
//! assert!(records[1].is_error());
//! let mut writer = ParquetWriter::new(Vec::new())?;
//! writer.write_batch(&records)?;
//! let bytes: Vec<u8> = writer.finish()?;
//! assert_eq!(&bytes[..4], b"PAR1");
//! # Ok::<(), zhnews::Error>(())
//! ```

use std::io::Write;
use std::sync::{Arc, LazyLock};

use ::parquet::arrow::ArrowWriter;
use ::parquet::arrow::arrow_writer::ArrowWriterOptions;
use ::parquet::basic::Compression;
use ::parquet::errors::ParquetError;
use ::parquet::file::properties::WriterProperties;
use arrow_array::builder::{BooleanBuilder, LargeStringBuilder, UInt64Builder};
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::{NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use serde::Serialize;
use serde_json::Value;

use crate::claim::{Change, Claim, Span};
use crate::entity::Entity;
use crate::error::{Error, Result};
use crate::exact::to_plain;
use crate::quantity::Quantity;
use crate::record::{RecordOutput, RecordSink};
use crate::time::Time;

/// Rows per row group (the last one may be shorter).
pub const ROW_GROUP_ROWS: usize = 65_536;
/// A row group is written out early when its in-memory buffers pass this
/// many bytes.
pub const ROW_GROUP_BYTES: usize = 32 << 20;
/// Records encoded per Arrow record batch inside
/// [`ParquetWriter::write_batch`].
const BATCH_ROWS: usize = 2048;

fn utf8(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::LargeUtf8, nullable)
}

fn offset(name: &str) -> Field {
    Field::new(name, DataType::UInt64, false)
}

fn list_of(name: &str, item: Fields) -> Field {
    Field::new(name, list_type(item), true)
}

fn list_type(item: Fields) -> DataType {
    DataType::List(item_field(item))
}

fn item_field(item: Fields) -> FieldRef {
    // `coerce_types` renames the item to the standard `element` on write
    Arc::new(Field::new("item", DataType::Struct(item), false))
}

static QUANTITY_FIELDS: LazyLock<Fields> = LazyLock::new(|| {
    Fields::from(vec![
        utf8("kind", false),
        utf8("text", false),
        offset("start"),
        offset("end"),
        utf8("value", true),
        utf8("low", true),
        utf8("high", true),
        utf8("unit", true),
        utf8("qualifier", true),
    ])
});

static TIME_FIELDS: LazyLock<Fields> = LazyLock::new(|| {
    Fields::from(vec![
        utf8("text", false),
        offset("start"),
        offset("end"),
        utf8("value", true),
        Field::new("relative", DataType::Boolean, false),
        utf8("offset", true),
        utf8("part", true),
    ])
});

static ENTITY_FIELDS: LazyLock<Fields> = LazyLock::new(|| {
    Fields::from(vec![
        utf8("kind", false),
        utf8("text", false),
        offset("start"),
        offset("end"),
    ])
});

static CHANGE_FIELDS: LazyLock<Fields> = LazyLock::new(|| {
    Fields::from(vec![
        utf8("basis", true),
        utf8("direction", false),
        Field::new("value", DataType::Struct(QUANTITY_FIELDS.clone()), true),
    ])
});

static CLAIM_FIELDS: LazyLock<Fields> = LazyLock::new(|| {
    Fields::from(vec![
        utf8("subject", true),
        utf8("metric", true),
        utf8("period", true),
        Field::new("value", DataType::Struct(QUANTITY_FIELDS.clone()), true),
        Field::new("change", DataType::Struct(CHANGE_FIELDS.clone()), true),
        offset("start"),
        offset("end"),
        Field::new("subject_span", DataType::Struct(SPAN_FIELDS.clone()), true),
        Field::new("metric_span", DataType::Struct(SPAN_FIELDS.clone()), true),
    ])
});

static SPAN_FIELDS: LazyLock<Fields> =
    LazyLock::new(|| Fields::from(vec![offset("start"), offset("end")]));

static SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        utf8("id", true),
        Field::new("line", DataType::UInt64, true),
        utf8("error", true),
        list_of("quantities", QUANTITY_FIELDS.clone()),
        list_of("times", TIME_FIELDS.clone()),
        list_of("entities", ENTITY_FIELDS.clone()),
        list_of("claims", CLAIM_FIELDS.clone()),
    ]))
});

/// The Arrow schema of the rows [`ParquetWriter`] writes (strings are
/// `LargeUtf8` in Arrow and plain UTF-8 `BYTE_ARRAY` in the file; a reader
/// without the Arrow schema sees `Utf8`).
pub fn schema() -> SchemaRef {
    SCHEMA.clone()
}

/// SPEC.md's name of an enum value (its serde name).
fn name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The `id` column: a string id as is, null as null, anything else as its
/// JSON text.
fn id_text(id: Option<&Value>) -> Option<String> {
    match id? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn arrow_err(e: ArrowError) -> Error {
    Error::Parquet(Box::new(e))
}

fn parquet_err(e: ParquetError) -> Error {
    match e {
        ParquetError::External(inner) => match inner.downcast::<std::io::Error>() {
            Ok(io) => Error::from(*io),
            Err(other) => Error::Parquet(other),
        },
        other => Error::Parquet(Box::new(other)),
    }
}

fn nulls(valid: &mut Vec<bool>) -> Option<NullBuffer> {
    let v = std::mem::take(valid);
    if v.iter().all(|b| *b) {
        None
    } else {
        Some(NullBuffer::from(v))
    }
}

fn struct_array(
    fields: &Fields,
    columns: Vec<ArrayRef>,
    valid: &mut Vec<bool>,
) -> Result<StructArray> {
    StructArray::try_new(fields.clone(), columns, nulls(valid)).map_err(arrow_err)
}

/// Offsets and validity of one list column.
struct ListCol {
    offsets: Vec<i32>,
    valid: Vec<bool>,
}

impl ListCol {
    fn new() -> ListCol {
        ListCol {
            offsets: vec![0],
            valid: Vec::new(),
        }
    }

    /// One row: a list of `len` items, or null.
    fn push(&mut self, len: Option<usize>) -> Result<()> {
        let last = self.offsets.last().copied().unwrap_or(0);
        let next = match len {
            Some(n) => i32::try_from(n)
                .ok()
                .and_then(|n| last.checked_add(n))
                .ok_or_else(|| Error::Parquet("too many list items in one batch".into()))?,
            None => last,
        };
        self.offsets.push(next);
        self.valid.push(len.is_some());
        Ok(())
    }

    fn finish(&mut self, item: &Fields, values: StructArray) -> Result<ArrayRef> {
        let offsets = std::mem::replace(&mut self.offsets, vec![0]);
        let array = ListArray::try_new(
            item_field(item.clone()),
            OffsetBuffer::new(ScalarBuffer::from(offsets)),
            Arc::new(values),
            nulls(&mut self.valid),
        )
        .map_err(arrow_err)?;
        Ok(Arc::new(array))
    }
}

/// Column builders of quantity structs; a null slot gets placeholder
/// values under the struct's null bit.
#[derive(Default)]
struct QuantityCols {
    kind: LargeStringBuilder,
    text: LargeStringBuilder,
    start: UInt64Builder,
    end: UInt64Builder,
    value: LargeStringBuilder,
    low: LargeStringBuilder,
    high: LargeStringBuilder,
    unit: LargeStringBuilder,
    qualifier: LargeStringBuilder,
    valid: Vec<bool>,
}

impl QuantityCols {
    fn push(&mut self, q: Option<&Quantity>) {
        match q {
            Some(q) => {
                self.kind.append_value(name(&q.kind));
                self.text.append_value(&q.text);
                self.start.append_value(q.start as u64);
                self.end.append_value(q.end as u64);
                self.value.append_option(q.value.as_ref().map(to_plain));
                self.low.append_option(q.low.as_ref().map(to_plain));
                self.high.append_option(q.high.as_ref().map(to_plain));
                self.unit.append_option(q.unit.as_deref());
                self.qualifier.append_option(q.qualifier.as_ref().map(name));
            }
            None => {
                self.kind.append_value("");
                self.text.append_value("");
                self.start.append_value(0);
                self.end.append_value(0);
                self.value.append_null();
                self.low.append_null();
                self.high.append_null();
                self.unit.append_null();
                self.qualifier.append_null();
            }
        }
        self.valid.push(q.is_some());
    }

    fn finish(&mut self) -> Result<StructArray> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.kind.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.value.finish()),
            Arc::new(self.low.finish()),
            Arc::new(self.high.finish()),
            Arc::new(self.unit.finish()),
            Arc::new(self.qualifier.finish()),
        ];
        struct_array(&QUANTITY_FIELDS, columns, &mut self.valid)
    }
}

#[derive(Default)]
struct TimeCols {
    text: LargeStringBuilder,
    start: UInt64Builder,
    end: UInt64Builder,
    value: LargeStringBuilder,
    relative: BooleanBuilder,
    offset: LargeStringBuilder,
    part: LargeStringBuilder,
    valid: Vec<bool>,
}

impl TimeCols {
    fn push(&mut self, t: &Time) {
        self.text.append_value(&t.text);
        self.start.append_value(t.start as u64);
        self.end.append_value(t.end as u64);
        self.value.append_option(t.value.as_deref());
        self.relative.append_value(t.relative);
        self.offset.append_option(t.offset.as_deref());
        self.part.append_option(t.part.as_deref());
        self.valid.push(true);
    }

    fn finish(&mut self) -> Result<StructArray> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.text.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.value.finish()),
            Arc::new(self.relative.finish()),
            Arc::new(self.offset.finish()),
            Arc::new(self.part.finish()),
        ];
        struct_array(&TIME_FIELDS, columns, &mut self.valid)
    }
}

#[derive(Default)]
struct EntityCols {
    kind: LargeStringBuilder,
    text: LargeStringBuilder,
    start: UInt64Builder,
    end: UInt64Builder,
    valid: Vec<bool>,
}

impl EntityCols {
    fn push(&mut self, e: &Entity) {
        self.kind.append_value(name(&e.kind));
        self.text.append_value(&e.text);
        self.start.append_value(e.start as u64);
        self.end.append_value(e.end as u64);
        self.valid.push(true);
    }

    fn finish(&mut self) -> Result<StructArray> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.kind.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
        ];
        struct_array(&ENTITY_FIELDS, columns, &mut self.valid)
    }
}

#[derive(Default)]
struct ChangeCols {
    basis: LargeStringBuilder,
    direction: LargeStringBuilder,
    value: QuantityCols,
    valid: Vec<bool>,
}

impl ChangeCols {
    fn push(&mut self, c: Option<&Change>) {
        match c {
            Some(c) => {
                self.basis.append_option(c.basis.as_ref().map(name));
                self.direction.append_value(name(&c.direction));
                self.value.push(c.value.as_ref());
            }
            None => {
                self.basis.append_null();
                self.direction.append_value("");
                self.value.push(None);
            }
        }
        self.valid.push(c.is_some());
    }

    fn finish(&mut self) -> Result<StructArray> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.basis.finish()),
            Arc::new(self.direction.finish()),
            Arc::new(self.value.finish()?),
        ];
        struct_array(&CHANGE_FIELDS, columns, &mut self.valid)
    }
}

#[derive(Default)]
struct ClaimCols {
    subject: LargeStringBuilder,
    metric: LargeStringBuilder,
    period: LargeStringBuilder,
    value: QuantityCols,
    change: ChangeCols,
    start: UInt64Builder,
    end: UInt64Builder,
    subject_span: SpanCols,
    metric_span: SpanCols,
    valid: Vec<bool>,
}

/// A nullable struct column of byte spans.
#[derive(Default)]
struct SpanCols {
    start: UInt64Builder,
    end: UInt64Builder,
    valid: Vec<bool>,
}

impl SpanCols {
    fn push(&mut self, s: Option<Span>) {
        let s = s.unwrap_or(Span { start: 0, end: 0 });
        self.start.append_value(s.start as u64);
        self.end.append_value(s.end as u64);
    }

    fn push_span(&mut self, s: Option<Span>) {
        self.valid.push(s.is_some());
        self.push(s);
    }

    fn finish(&mut self) -> Result<StructArray> {
        let columns: Vec<ArrayRef> =
            vec![Arc::new(self.start.finish()), Arc::new(self.end.finish())];
        struct_array(&SPAN_FIELDS, columns, &mut self.valid)
    }
}

impl ClaimCols {
    fn push(&mut self, c: &Claim) {
        self.subject.append_option(c.subject.as_deref());
        self.metric.append_option(c.metric.as_deref());
        self.period.append_option(c.period.as_deref());
        self.value.push(c.value.as_ref());
        self.change.push(c.change.as_ref());
        self.start.append_value(c.start as u64);
        self.end.append_value(c.end as u64);
        self.subject_span.push_span(c.subject_span);
        self.metric_span.push_span(c.metric_span);
        self.valid.push(true);
    }

    fn finish(&mut self) -> Result<StructArray> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.subject.finish()),
            Arc::new(self.metric.finish()),
            Arc::new(self.period.finish()),
            Arc::new(self.value.finish()?),
            Arc::new(self.change.finish()?),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.subject_span.finish()?),
            Arc::new(self.metric_span.finish()?),
        ];
        struct_array(&CLAIM_FIELDS, columns, &mut self.valid)
    }
}

/// The Arrow record batch of some records, one row each, in order.
fn record_batch(records: &[RecordOutput]) -> Result<RecordBatch> {
    let mut id = LargeStringBuilder::new();
    let mut line = UInt64Builder::new();
    let mut error = LargeStringBuilder::new();
    let (mut ql, mut tl, mut el, mut cl) = (
        ListCol::new(),
        ListCol::new(),
        ListCol::new(),
        ListCol::new(),
    );
    let mut quantities = QuantityCols::default();
    let mut times = TimeCols::default();
    let mut entities = EntityCols::default();
    let mut claims = ClaimCols::default();
    for r in records {
        match r {
            RecordOutput::Document(document) => {
                id.append_option(id_text(Some(&document.id)));
                line.append_null();
                error.append_null();
                ql.push(Some(document.quantities.len()))?;
                tl.push(Some(document.times.len()))?;
                el.push(Some(document.entities.len()))?;
                cl.push(Some(document.claims.len()))?;
                for q in &document.quantities {
                    quantities.push(Some(q));
                }
                for t in &document.times {
                    times.push(t);
                }
                for e in &document.entities {
                    entities.push(e);
                }
                for c in &document.claims {
                    claims.push(c);
                }
            }
            RecordOutput::Error {
                id: i,
                line: n,
                problem,
            } => {
                id.append_option(id_text(i.as_ref()));
                line.append_value(*n as u64);
                error.append_value(problem.to_string());
                for l in [&mut ql, &mut tl, &mut el, &mut cl] {
                    l.push(None)?;
                }
            }
        }
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(id.finish()),
        Arc::new(line.finish()),
        Arc::new(error.finish()),
        ql.finish(&QUANTITY_FIELDS, quantities.finish()?)?,
        tl.finish(&TIME_FIELDS, times.finish()?)?,
        el.finish(&ENTITY_FIELDS, entities.finish()?)?,
        cl.finish(&CLAIM_FIELDS, claims.finish()?)?,
    ];
    RecordBatch::try_new(schema(), columns).map_err(arrow_err)
}

/// Writes records as Parquet rows, in order, streaming: see the
/// [module docs](self) for the schema.
///
/// Call [`ParquetWriter::finish`] at the end: without it the file has no
/// footer and is unreadable.
pub struct ParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    rows: u64,
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer to `out` (a [`std::fs::File`], a `Vec<u8>`, ...). It
    /// buffers internally: no need for a [`std::io::BufWriter`].
    pub fn new(out: W) -> Result<Self> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_size(ROW_GROUP_ROWS)
            .set_coerce_types(true)
            .set_created_by(format!("zhnews {}", env!("CARGO_PKG_VERSION")))
            .build();
        // no embedded Arrow schema: every reader, Arrow-based or not, sees
        // the same plain Parquet types
        let options = ArrowWriterOptions::new()
            .with_properties(props)
            .with_skip_arrow_metadata(true);
        let writer =
            ArrowWriter::try_new_with_options(out, schema(), options).map_err(parquet_err)?;
        Ok(ParquetWriter { writer, rows: 0 })
    }

    /// Appends one row per record, in order.
    pub fn write_batch(&mut self, records: &[RecordOutput]) -> Result<()> {
        for chunk in records.chunks(BATCH_ROWS) {
            let batch = record_batch(chunk)?;
            self.writer.write(&batch).map_err(parquet_err)?;
            if self.writer.memory_size() >= ROW_GROUP_BYTES {
                self.writer.flush().map_err(parquet_err)?;
            }
            self.rows += chunk.len() as u64;
        }
        Ok(())
    }

    /// Rows written so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Writes the last row group and the footer, and gives back the
    /// underlying writer (flushed).
    pub fn finish(self) -> Result<W> {
        let mut out = self.writer.into_inner().map_err(parquet_err)?;
        out.flush()?;
        Ok(out)
    }
}

impl<W: Write + Send> RecordSink for ParquetWriter<W> {
    type Row = RecordOutput;

    fn row(record: RecordOutput) -> RecordOutput {
        record
    }

    fn write_rows(&mut self, rows: Vec<RecordOutput>) -> Result<()> {
        self.write_batch(&rows)
    }

    fn finish(self) -> Result<()> {
        ParquetWriter::finish(self).map(drop)
    }
}
