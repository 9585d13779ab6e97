//! Parquet read-back helpers shared by the library's and the CLI's Parquet
//! tests (included with `#[path]`; both enable the `parquet` feature).
#![allow(dead_code)]

use std::fs::File;
use std::path::PathBuf;

use arrow_array::cast::AsArray;
use arrow_array::types::UInt64Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

/// Input lines: documents with a claim and a range, a numeric id, huge and
/// small exact values, an unresolved relative time, an empty text, and two
/// error records (one with an id, one without).
pub const LINES: [&str; 6] = [
    r#"{"id":"a1","text":"小米集团二季度营收 889 亿元，同比增长 32%。公司计划融资 3-6 亿美元。","date":"2024-08-21"}"#,
    r#"{not json"#,
    r#"{"id":7,"text":"去年 9 月，超过 5 万家门店，毛利率为 6.20%，市值 12345678901234567890123.45 元"}"#,
    r#"{"id":"e1","text":5}"#,
    r#"{"id":"empty","text":""}"#,
    r#"{"text":"营收 8 亿元"}"#,
];

/// A file in the temp dir, removed on drop.
pub struct TempFile(pub PathBuf);

impl TempFile {
    pub fn new(name: &str) -> TempFile {
        TempFile(std::env::temp_dir().join(format!("zhnews-test-{}-{name}", std::process::id())))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

pub fn read(path: &PathBuf) -> Vec<RecordBatch> {
    ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .map(|b| b.unwrap())
        .collect()
}

/// One Arrow value as JSON, generically (struct → object, list → array).
pub fn to_json(array: &dyn Array, i: usize) -> Value {
    if array.is_null(i) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Utf8 => Value::from(array.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => Value::from(array.as_string::<i64>().value(i)),
        DataType::UInt64 => Value::from(array.as_primitive::<UInt64Type>().value(i)),
        DataType::Boolean => Value::from(array.as_boolean().value(i)),
        DataType::List(_) => {
            let items = array.as_list::<i32>().value(i);
            Value::Array((0..items.len()).map(|j| to_json(&items, j)).collect())
        }
        DataType::Struct(fields) => {
            let s = array.as_struct();
            Value::Object(
                fields
                    .iter()
                    .zip(s.columns())
                    .map(|(f, c)| (f.name().clone(), to_json(c, i)))
                    .collect(),
            )
        }
        other => panic!("unexpected Arrow type {other}"),
    }
}

/// Every row of the file as a JSON object, in file order.
pub fn rows(path: &PathBuf) -> Vec<Value> {
    let mut out = Vec::new();
    for batch in read(path) {
        for i in 0..batch.num_rows() {
            out.push(Value::Object(
                batch
                    .schema()
                    .fields()
                    .iter()
                    .zip(batch.columns())
                    .map(|(f, c)| (f.name().clone(), to_json(c, i)))
                    .collect(),
            ));
        }
    }
    out
}

/// Drops `null` members recursively: the JSON output omits some absent
/// fields, the Parquet rows hold them as nulls.
pub fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_nulls).collect()),
        other => other,
    }
}
