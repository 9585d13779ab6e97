//! `zhnews extract --format parquet` (feature `parquet`): rows in input
//! order, read back with the parquet crate's Arrow reader.
//!
//! `cargo test -p zhnews-cli --features parquet --test parquet`
#![cfg(feature = "parquet")]

#[path = "../../tests/common/parquet_rows.rs"]
mod parquet_rows;

use std::process::Command;

use parquet_rows::{LINES, TempFile, rows};
use serde_json::{Value, json};

#[test]
fn cli_writes_parquet_rows_in_input_order() {
    let input = TempFile::new("cli-in.jsonl");
    // a blank line is not a record
    std::fs::write(&input.0, format!("{}\n\n{}\n", LINES.join("\n"), LINES[0])).unwrap();
    let output = TempFile::new("cli-out.parquet");
    let status = Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .args([
            "extract",
            "--quiet",
            "--threads",
            "2",
            "--format",
            "parquet",
            "--output",
        ])
        .arg(&output.0)
        .arg(&input.0)
        .status()
        .unwrap();
    assert!(status.success());
    let rows = rows(&output.0);
    let ids: Vec<&Value> = rows.iter().map(|r| &r["id"]).collect();
    assert_eq!(
        ids,
        [
            &json!("a1"),
            &Value::Null,
            &json!("7"),
            &json!("e1"),
            &json!("empty"),
            &Value::Null,
            &json!("a1"),
        ]
    );
    let lines: Vec<&Value> = rows.iter().map(|r| &r["line"]).collect();
    assert_eq!(lines[1], &json!(2));
    assert_eq!(lines[3], &json!(4));
    assert_eq!(rows[6]["quantities"][2]["low"], "300000000");

    // --output is required for Parquet
    let out = Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .args(["extract", "--format", "parquet"])
        .arg(&input.0)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--output"));
}
