//! Parquet output (feature `parquet`): files written by
//! `zhnews::parquet::ParquetWriter` and by `zhnews extract --format parquet`
//! read back with the parquet crate's Arrow reader.
//!
//! `cargo test --features parquet --test parquet`
#![cfg(feature = "parquet")]

#[path = "common/parquet_rows.rs"]
mod parquet_rows;

use std::fs::File;
use std::path::PathBuf;
use std::sync::LazyLock;

use arrow_array::Array;
use arrow_array::cast::AsArray;
use arrow_array::types::UInt64Type;
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::Type as PhysicalType;
use parquet_rows::{LINES, TempFile, read, rows, without_nulls};
use serde_json::{Value, json};
use zhnews::Analyzer;
use zhnews::parquet::ParquetWriter;
use zhnews::record::RecordOutput;
use zhnews::record::process_line;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fn records(lines: &[&str]) -> Vec<RecordOutput> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| RecordOutput::from_line(&ANALYZER, l.as_bytes(), i + 1, None))
        .collect()
}

fn write(path: &PathBuf, records: &[RecordOutput]) {
    let mut writer = ParquetWriter::new(File::create(path).unwrap()).unwrap();
    // two calls: rows keep their order across batches
    let (a, b) = records.split_at(records.len() / 2);
    writer.write_batch(a).unwrap();
    writer.write_batch(b).unwrap();
    assert_eq!(writer.rows(), records.len() as u64);
    writer.finish().unwrap();
}

#[test]
fn rows_read_back_with_literal_values() {
    let file = TempFile::new("literal.parquet");
    write(&file.0, &records(&LINES));
    let batches = read(&file.0);
    let batch = &batches[0];
    assert_eq!(batch.num_rows(), 6);

    // flat columns
    let id = batch.column_by_name("id").unwrap().as_string::<i32>();
    let ids: Vec<Option<&str>> = (0..6)
        .map(|i| id.is_valid(i).then(|| id.value(i)))
        .collect();
    assert_eq!(
        ids,
        [Some("a1"), None, Some("7"), Some("e1"), Some("empty"), None]
    );
    let line = batch
        .column_by_name("line")
        .unwrap()
        .as_primitive::<UInt64Type>();
    let lines: Vec<Option<u64>> = (0..6)
        .map(|i| line.is_valid(i).then(|| line.value(i)))
        .collect();
    assert_eq!(lines, [None, Some(2), None, Some(4), None, None]);
    let error = batch.column_by_name("error").unwrap().as_string::<i32>();
    assert_eq!(
        error.value(1),
        "invalid JSON: key must be a string at line 1 column 2"
    );
    assert_eq!(error.value(3), "field `text` is a number, not a string");
    assert_eq!(error.null_count(), 4);

    let rows = rows(&file.0);
    // a document: quantities with exact strings, a range as low/high
    assert_eq!(
        rows[0]["quantities"],
        json!([
            {"kind": "money", "text": "889 亿元", "start": 28, "end": 38, "value": "88900000000",
             "low": null, "high": null, "unit": "CNY", "qualifier": null},
            {"kind": "percent", "text": "32%", "start": 54, "end": 57, "value": "0.32",
             "low": null, "high": null, "unit": null, "qualifier": null},
            {"kind": "money", "text": "3-6 亿美元", "start": 79, "end": 92, "value": null,
             "low": "300000000", "high": "600000000", "unit": "USD", "qualifier": null},
        ])
    );
    assert_eq!(
        rows[0]["times"],
        json!([{"text": "二季度", "start": 12, "end": 21, "value": "2024-Q2", "relative": true, "offset": null, "part": null}])
    );
    assert_eq!(
        rows[0]["entities"],
        json!([{"kind": "org", "text": "小米集团", "start": 0, "end": 12}])
    );
    let claim = &rows[0]["claims"][0];
    assert_eq!(claim["subject"], "小米集团");
    assert_eq!(claim["metric"], "营收");
    assert_eq!(claim["period"], "2024-Q2");
    assert_eq!(claim["value"]["value"], "88900000000");
    assert_eq!(claim["value"]["unit"], "CNY");
    assert_eq!(claim["change"]["basis"], "yoy");
    assert_eq!(claim["change"]["direction"], "up");
    assert_eq!(claim["change"]["value"]["value"], "0.32");
    assert_eq!(claim["change"]["value"]["kind"], "percent");
    assert_eq!(claim["start"], 0);
    assert_eq!(claim["end"], 60);
    let range = &rows[0]["claims"][1];
    assert_eq!(range["metric"], "融资");
    assert_eq!(range["value"]["low"], "300000000");
    assert_eq!(range["value"]["high"], "600000000");
    assert_eq!(range["value"]["value"], Value::Null);
    assert_eq!(range["change"], Value::Null);
    assert_eq!(rows[0]["line"], Value::Null);
    assert_eq!(rows[0]["error"], Value::Null);

    // an error row: id, line and error set, no lists
    assert_eq!(
        rows[3],
        json!({"id": "e1", "line": 4, "error": "field `text` is a number, not a string",
               "quantities": null, "times": null, "entities": null, "claims": null})
    );
    assert_eq!(rows[1]["id"], Value::Null);
    assert_eq!(rows[1]["line"], 2);

    // exact values beyond f64, trailing zeros dropped, a qualifier, an
    // unresolved relative time
    let q = &rows[2]["quantities"];
    assert_eq!(q[0]["text"], "超过 5 万家");
    assert_eq!(q[0]["value"], "50000");
    assert_eq!(q[0]["unit"], "家");
    assert_eq!(q[0]["qualifier"], "over");
    assert_eq!(q[1]["value"], "0.062");
    assert_eq!(q[2]["value"], "12345678901234567890123.45");
    assert_eq!(
        rows[2]["times"][0],
        json!({"text": "去年 9 月", "start": 0, "end": 12, "value": null, "relative": true, "offset": "-1y", "part": "09"})
    );

    // an empty document: empty lists, not nulls
    for list in ["quantities", "times", "entities", "claims"] {
        assert_eq!(rows[4][list], json!([]), "{list}");
    }
    // a record without an id
    assert_eq!(rows[5]["id"], Value::Null);
    assert_eq!(rows[5]["quantities"][0]["value"], "800000000");
}

#[test]
fn rows_match_the_jsonl_output() {
    let sample = std::fs::read_to_string("corpus/sample.jsonl").unwrap();
    let mut lines: Vec<&str> = LINES.to_vec();
    lines.extend(sample.lines().filter(|l| !l.trim().is_empty()));
    let file = TempFile::new("jsonl.parquet");
    write(&file.0, &records(&lines));
    let rows = rows(&file.0);
    assert_eq!(rows.len(), lines.len());
    for (i, (row, line)) in rows.into_iter().zip(&lines).enumerate() {
        let mut expected: Value =
            serde_json::from_str(&process_line(&ANALYZER, line.as_bytes(), i + 1, None)).unwrap();
        // the `id` column is text: a non-string id is its JSON text
        if let Some(id) = expected.get_mut("id") {
            if !id.is_string() && !id.is_null() {
                *id = Value::String(id.to_string());
            }
        }
        assert_eq!(
            without_nulls(row),
            without_nulls(expected),
            "record {}",
            i + 1
        );
    }
}

#[test]
fn standard_nested_encoding_and_no_floats() {
    let file = TempFile::new("schema.parquet");
    write(&file.0, &records(&LINES));
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(&file.0).unwrap()).unwrap();
    let columns: Vec<(String, PhysicalType)> = builder
        .parquet_schema()
        .columns()
        .iter()
        .map(|c| (c.path().string(), c.physical_type()))
        .collect();
    let path = |p: &str| columns.iter().find(|(c, _)| c == p).map(|(_, t)| *t);
    // the 3-level LIST encoding of the Parquet spec (`list` / `element`)
    assert_eq!(
        path("quantities.list.element.low"),
        Some(PhysicalType::BYTE_ARRAY)
    );
    assert_eq!(
        path("claims.list.element.change.value.value"),
        Some(PhysicalType::BYTE_ARRAY)
    );
    assert_eq!(
        path("times.list.element.relative"),
        Some(PhysicalType::BOOLEAN)
    );
    assert_eq!(
        path("entities.list.element.start"),
        Some(PhysicalType::INT64)
    );
    assert_eq!(path("line"), Some(PhysicalType::INT64));
    // times: text, start, end, value, relative, offset, part; claims:
    // subject, metric, period, value (9), change (basis, direction, value 9),
    // start, end, subject_span (2), metric_span (2)
    assert_eq!(columns.len(), 3 + 9 + 7 + 4 + (3 + 9 + 2 + 9 + 2 + 2 + 2));
    assert_eq!(
        path("claims.list.element.metric_span.start"),
        Some(PhysicalType::INT64)
    );
    for (c, t) in &columns {
        assert!(
            matches!(
                t,
                PhysicalType::BYTE_ARRAY | PhysicalType::INT64 | PhysicalType::BOOLEAN
            ),
            "{c}: {t}"
        );
    }
    // unsigned offsets and line numbers, UTF-8 strings
    let schema = builder.schema();
    assert_eq!(
        schema.field_with_name("line").unwrap().data_type(),
        &DataType::UInt64
    );
    assert_eq!(
        schema.field_with_name("id").unwrap().data_type(),
        &DataType::Utf8
    );
}
