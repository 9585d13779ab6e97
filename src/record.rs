//! JSONL records in and out: one output for every input record, an error
//! record for one that cannot be processed (SPEC.md "Document"), written
//! through a [`RecordSink`] (JSON lines here, Parquet with the `parquet`
//! feature).
//!
//! ```
//! use zhnews::Analyzer;
//! use zhnews::record::{JsonlSink, RecordOutput, RecordSink};
//!
//! let analyzer = Analyzer::new();
//! let records = [
//!     RecordOutput::from_line(&analyzer, r#"{"id": "a1", "text": "营收 889 亿元"}"#.as_bytes(), 1, None),
//!     RecordOutput::from_line(&analyzer, b"{not json", 2, None),
//! ];
//! assert!(records[1].is_error());
//! let mut sink = JsonlSink::new(Vec::new());
//! sink.write_rows(records.into_iter().map(JsonlSink::<Vec<u8>>::row).collect())?;
//! let out = String::from_utf8(sink.into_inner()?).unwrap();
//! assert!(out.starts_with(r#"{"id":"a1","quantities":[{"kind":"money""#));
//! assert!(out.ends_with("{\"id\":null,\"line\":2,\"error\":\"invalid JSON: key must be a string at line 1 column 2\"}\n"));
//! # Ok::<(), zhnews::Error>(())
//! ```

use std::io::Write;

use serde::Serialize;
use serde_json::Value;

use crate::analyzer::Analyzer;
use crate::document::Document;
use crate::error::{Error, JsonType, RecordProblem, Result};
use crate::time::RefDate;

/// One input record: `{"id", "text", "date"?}`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Record {
    /// The record's `id`, as given (`null` when absent).
    pub id: Value,
    /// The document text.
    pub text: String,
    /// The record's own reference date, if it has a `date` field.
    pub date: Option<RefDate>,
}

/// Why a record could not be read, with whatever `id` could be recovered.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct RecordError {
    /// The record's `id`, when it could be read.
    pub id: Option<Value>,
    /// What is wrong.
    pub problem: RecordProblem,
}

impl From<RecordError> for Error {
    fn from(e: RecordError) -> Error {
        Error::Record(e.problem)
    }
}

fn fail(id: Option<Value>, problem: RecordProblem) -> RecordError {
    RecordError { id, problem }
}

/// Parses one JSONL line (without its line end) into a [`Record`].
///
/// ```
/// use zhnews::RecordProblem;
/// let r = zhnews::record::parse_record(r#"{"id": "a1", "text": "营收 889 亿元"}"#.as_bytes()).unwrap();
/// assert_eq!(r.text, "营收 889 亿元");
/// let e = zhnews::record::parse_record(br#"{"id": 7}"#).unwrap_err();
/// assert_eq!(e.problem, RecordProblem::MissingText);
/// assert_eq!(e.problem.to_string(), "missing field `text`");
/// ```
pub fn parse_record(line: &[u8]) -> Result<Record, RecordError> {
    let text = std::str::from_utf8(line).map_err(|e| {
        // recover the id if the rest is readable
        let lossy = String::from_utf8_lossy(line);
        let id = serde_json::from_str::<Value>(&lossy)
            .ok()
            .and_then(|v| v.get("id").cloned());
        let valid_up_to = e.valid_up_to();
        fail(id, RecordProblem::InvalidUtf8 { valid_up_to })
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        fail(None, RecordProblem::InvalidJson { message })
    })?;
    let Value::Object(mut obj) = value else {
        return Err(fail(None, RecordProblem::NotAnObject(JsonType::of(&value))));
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        None => return Err(fail(Some(id), RecordProblem::MissingText)),
        Some(other) => {
            let problem = RecordProblem::TextNotString(JsonType::of(&other));
            return Err(fail(Some(id), problem));
        }
    };
    match record_date(obj.get("date")) {
        Ok(date) => Ok(Record { id, text, date }),
        Err(problem) => Err(fail(Some(id), problem)),
    }
}

/// The `date` field: absent or null, or a `YYYY-MM-DD` string.
fn record_date(date: Option<&Value>) -> Result<Option<RefDate>, RecordProblem> {
    match date {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(d)) => RefDate::parse(d)
            .map(Some)
            .map_err(|_| RecordProblem::InvalidDate { input: d.clone() }),
        Some(other) => Err(RecordProblem::DateNotString(JsonType::of(other))),
    }
}

/// The outcome of one input record: a document (its `id` set), or an error.
/// One output line or row each.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RecordOutput {
    /// A record that was analyzed; [`Document::id`] is the record's `id`.
    Document(Document),
    /// A record that could not be processed.
    Error {
        /// The record's `id`, when it could be read.
        id: Option<Value>,
        /// 1-based input line number.
        line: usize,
        /// What is wrong.
        problem: RecordProblem,
    },
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    id: &'a Value,
    line: usize,
    error: String,
}

impl RecordOutput {
    /// Processes one JSONL input line (1-based number `line_no`). The
    /// record's `date` wins over `default_date`.
    pub fn from_line(
        analyzer: &Analyzer,
        line: &[u8],
        line_no: usize,
        default_date: Option<RefDate>,
    ) -> RecordOutput {
        match parse_record(line) {
            Ok(r) => {
                let doc = analyzer.analyze_at(&r.text, r.date.or(default_date));
                RecordOutput::Document(doc.with_id(r.id))
            }
            Err(e) => RecordOutput::Error {
                id: e.id,
                line: line_no,
                problem: e.problem,
            },
        }
    }

    /// A whole plain-text document given as bytes (`zhnews extract
    /// --text`): analyzed if it is UTF-8, else an error record of line 1.
    pub fn from_text(
        analyzer: &Analyzer,
        id: Value,
        bytes: &[u8],
        ref_date: Option<RefDate>,
    ) -> RecordOutput {
        match std::str::from_utf8(bytes) {
            Ok(text) => RecordOutput::Document(analyzer.analyze_at(text, ref_date).with_id(id)),
            Err(e) => RecordOutput::Error {
                id: Some(id),
                line: 1,
                problem: RecordProblem::InvalidUtf8 {
                    valid_up_to: e.valid_up_to(),
                },
            },
        }
    }

    /// Whether this is an error record.
    pub fn is_error(&self) -> bool {
        matches!(self, RecordOutput::Error { .. })
    }

    /// The output line (JSON, no line end): the SPEC document, or
    /// `{"id", "line", "error"}` (`id` null when it could not be read).
    pub fn json_line(&self) -> String {
        match self {
            RecordOutput::Document(doc) => serde_json::to_string(doc).unwrap_or_else(|e| {
                let problem = format!("cannot serialize: {e}");
                error_json(&doc.id, 0, problem)
            }),
            RecordOutput::Error { id, line, problem } => error_json(
                id.as_ref().unwrap_or(&Value::Null),
                *line,
                problem.to_string(),
            ),
        }
    }
}

fn error_json(id: &Value, line: usize, error: String) -> String {
    serde_json::to_string(&ErrorLine { id, line, error }).unwrap_or_else(|_| {
        format!("{{\"id\":null,\"line\":{line},\"error\":\"unprintable error\"}}")
    })
}

/// Processes one JSONL input line (1-based number `line_no`) into its output
/// line (JSON, no line end). The record's `date` wins over `default_date`.
pub fn process_line(
    analyzer: &Analyzer,
    line: &[u8],
    line_no: usize,
    default_date: Option<RefDate>,
) -> String {
    RecordOutput::from_line(analyzer, line, line_no, default_date).json_line()
}

/// Whether a line is blank (only whitespace): blank lines are not records.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Where processed records go, in input order: JSON lines ([`JsonlSink`]),
/// Parquet rows (`parquet::ParquetWriter`, feature `parquet`), or a sink of
/// your own.
///
/// Records become rows with [`RecordSink::row`], which needs no sink and
/// can run on worker threads; the rows of a batch are then written in order.
pub trait RecordSink {
    /// What one record becomes before it is written.
    type Row: Send;

    /// Turns a record into a row (on any thread).
    fn row(record: RecordOutput) -> Self::Row;

    /// Writes rows in order.
    fn write_rows(&mut self, rows: Vec<Self::Row>) -> Result<()>;

    /// Writes whatever is buffered (a footer, the last lines).
    fn finish(self) -> Result<()>;
}

/// JSON lines: one line per record, SPEC.md's document or error line.
#[derive(Debug)]
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out` (buffer it: lines are written one by one).
    pub fn new(out: W) -> JsonlSink<W> {
        JsonlSink { out }
    }

    /// Flushes and gives back the writer.
    pub fn into_inner(mut self) -> Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> RecordSink for JsonlSink<W> {
    type Row = String;

    fn row(record: RecordOutput) -> String {
        record.json_line()
    }

    fn write_rows(&mut self, rows: Vec<String>) -> Result<()> {
        for line in rows {
            self.out.write_all(line.as_bytes())?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        Ok(self.out.flush()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(line: &[u8]) -> String {
        process_line(&Analyzer::new(), line, 3, None)
    }

    #[test]
    fn bad_records_give_error_lines() {
        assert_eq!(
            out(b"{not json"),
            r#"{"id":null,"line":3,"error":"invalid JSON: key must be a string at line 1 column 2"}"#
        );
        assert_eq!(
            out(b"[1,2]"),
            r#"{"id":null,"line":3,"error":"record is not a JSON object but an array"}"#
        );
        assert_eq!(
            out(b"42"),
            r#"{"id":null,"line":3,"error":"record is not a JSON object but a number"}"#
        );
        assert_eq!(
            out(br#"{"id":"a"}"#),
            r#"{"id":"a","line":3,"error":"missing field `text`"}"#
        );
        assert_eq!(
            out(br#"{"id":"a","text":null}"#),
            r#"{"id":"a","line":3,"error":"field `text` is null, not a string"}"#
        );
        assert_eq!(
            out(br#"{"id":"a","text":5}"#),
            r#"{"id":"a","line":3,"error":"field `text` is a number, not a string"}"#
        );
        assert_eq!(
            out(b"{\"id\":\"a\",\"text\":\"\xff\"}"),
            r#"{"id":"a","line":3,"error":"invalid UTF-8 at byte 18"}"#
        );
        assert_eq!(
            out(br#"{"id":"a","text":"x","date":"2024-02-30"}"#),
            r#"{"id":"a","line":3,"error":"field `date`: invalid date \"2024-02-30\": expected YYYY-MM-DD"}"#
        );
        assert_eq!(
            out(br#"{"id":"a","text":"x","date":7}"#),
            r#"{"id":"a","line":3,"error":"field `date` is a number, not a string"}"#
        );
        assert!(out(br#"{"id":"a","text":"\ud800"}"#).contains(r#""error":"invalid JSON: "#));
    }

    #[test]
    fn a_record_without_id_has_id_null_on_document_and_error_lines() {
        assert!(out(br#"{"text":"x"}"#).starts_with(r#"{"id":null,"quantities":[]"#));
        assert!(out(br#"{"text":7}"#).starts_with(r#"{"id":null,"line":3,"#));
    }

    #[test]
    fn good_record() {
        assert_eq!(
            out(br#"{"id":"a","text":"\u8425\u6536 8 \u4ebf\u5143","date":"2024-01-01"}"#),
            r#"{"id":"a","quantities":[{"kind":"money","text":"8 亿元","start":7,"end":15,"value":"800000000","unit":"CNY","qualifier":null}],"times":[],"entities":[],"claims":[{"subject":null,"metric":"营收","period":null,"value":{"kind":"money","text":"8 亿元","start":7,"end":15,"value":"800000000","unit":"CNY","qualifier":null},"change":null,"start":0,"end":15,"subject_span":null,"metric_span":{"start":0,"end":6}}]}"#
        );
    }
}
