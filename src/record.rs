//! JSONL records in and out: one output line for every input record, an
//! error line for a record that cannot be processed (SPEC.md "Document").

use serde::Serialize;
use serde_json::Value;

use crate::analyzer::Analyzer;
use crate::claim::Claim;
use crate::document::Document;
use crate::entity::Entity;
use crate::error::Error;
use crate::quantity::Quantity;
use crate::time::{RefDate, Time};

/// One input record: `{"id", "text", "date"?}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's `id`, as given (`null` when absent).
    pub id: Value,
    /// The document text.
    pub text: String,
    /// The record's own reference date, if it has a `date` field.
    pub date: Option<RefDate>,
}

/// Why a record could not be read, with whatever `id` could be recovered.
#[derive(Debug)]
pub struct RecordError {
    /// The record's `id`, when it could be read.
    pub id: Option<Value>,
    /// What is wrong.
    pub error: Error,
}

fn fail(id: Option<Value>, msg: impl Into<String>) -> RecordError {
    RecordError {
        id,
        error: Error::Record(msg.into()),
    }
}

/// Parses one JSONL line (without its line end) into a [`Record`].
///
/// ```
/// let r = zhnews::record::parse_record(r#"{"id": "a1", "text": "营收 889 亿元"}"#.as_bytes()).unwrap();
/// assert_eq!(r.text, "营收 889 亿元");
/// let e = zhnews::record::parse_record(br#"{"id": 7}"#).unwrap_err();
/// assert_eq!(e.error.to_string(), "missing field `text`");
/// ```
pub fn parse_record(line: &[u8]) -> Result<Record, RecordError> {
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            // recover the id if the rest is readable
            let lossy = String::from_utf8_lossy(line);
            let id = serde_json::from_str::<Value>(&lossy)
                .ok()
                .and_then(|v| v.get("id").cloned());
            return Err(fail(
                id,
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            ));
        }
    };
    let value: Value =
        serde_json::from_str(text).map_err(|e| fail(None, format!("invalid JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err(fail(
            None,
            format!("record is not a JSON object but {}", json_type(&value)),
        ));
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        None => return Err(fail(Some(id), "missing field `text`")),
        Some(other) => {
            return Err(fail(
                Some(id),
                format!("field `text` is {}, not a string", json_type(&other)),
            ));
        }
    };
    let date = match obj.get("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(d)) => match RefDate::parse(d) {
            Ok(d) => Some(d),
            Err(e) => return Err(fail(Some(id), format!("field `date`: {e}"))),
        },
        Some(other) => {
            return Err(fail(
                Some(id),
                format!("field `date` is {}, not a string", json_type(other)),
            ));
        }
    };
    Ok(Record { id, text, date })
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[derive(Serialize)]
struct DocLine<'a> {
    id: &'a Value,
    quantities: &'a [Quantity],
    times: &'a [Time],
    entities: &'a [Entity],
    claims: &'a [Claim],
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    line: usize,
    error: String,
}

/// The output line (JSON, no line end) for a document.
pub fn document_line(id: &Value, doc: &Document) -> String {
    serde_json::to_string(&DocLine {
        id,
        quantities: &doc.quantities,
        times: &doc.times,
        entities: &doc.entities,
        claims: &doc.claims,
    })
    .unwrap_or_else(|e| error_line(Some(id), 0, &format!("cannot serialize: {e}")))
}

/// The output line (JSON, no line end) for a record that failed.
pub fn error_line(id: Option<&Value>, line: usize, error: &str) -> String {
    serde_json::to_string(&ErrorLine {
        id,
        line,
        error: error.to_string(),
    })
    .unwrap_or_else(|_| format!("{{\"line\":{line},\"error\":\"unprintable error\"}}"))
}

/// Processes one JSONL input line (1-based number `line_no`) into its output
/// line. The record's `date` wins over `default_date`.
pub fn process_line(
    analyzer: &Analyzer,
    line: &[u8],
    line_no: usize,
    default_date: Option<RefDate>,
) -> String {
    process_line_status(analyzer, line, line_no, default_date).0
}

/// [`process_line`], and whether the output line is an error line.
pub fn process_line_status(
    analyzer: &Analyzer,
    line: &[u8],
    line_no: usize,
    default_date: Option<RefDate>,
) -> (String, bool) {
    match parse_record(line) {
        Ok(r) => {
            let doc = analyzer.analyze_at(&r.text, r.date.or(default_date));
            (document_line(&r.id, &doc), false)
        }
        Err(e) => (
            error_line(e.id.as_ref(), line_no, &e.error.to_string()),
            true,
        ),
    }
}

/// Whether a line is blank (only whitespace): blank lines are not records.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
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
            r#"{"line":3,"error":"invalid JSON: key must be a string at line 1 column 2"}"#
        );
        assert_eq!(
            out(b"[1,2]"),
            r#"{"line":3,"error":"record is not a JSON object but an array"}"#
        );
        assert_eq!(
            out(b"42"),
            r#"{"line":3,"error":"record is not a JSON object but a number"}"#
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
        assert!(out(br#"{"id":"a","text":"\ud800"}"#).contains(r#""error":"invalid JSON: "#));
    }

    #[test]
    fn good_record() {
        assert_eq!(
            out(br#"{"id":"a","text":"\u8425\u6536 8 \u4ebf\u5143","date":"2024-01-01"}"#),
            r#"{"id":"a","quantities":[{"kind":"money","text":"8 亿元","start":7,"end":15,"value":"800000000","unit":"CNY","qualifier":null}],"times":[],"entities":[],"claims":[{"subject":null,"metric":"营收","period":null,"value":{"kind":"money","text":"8 亿元","start":7,"end":15,"value":"800000000","unit":"CNY","qualifier":null},"change":null,"start":0,"end":15}]}"#
        );
    }
}
