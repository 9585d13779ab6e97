//! Real news through the CLI (issue 7): `zhnews extract` over
//! `../shared/corpus/news-zh/sample-100.jsonl` gives exactly one output line
//! per record, in input order, and byte-identical output with `--threads 1`
//! and `--threads 2`.
//!
//! The same over every part file is a manual run (see the issue 7 report):
//! `cat ../shared/corpus/news-zh/part-*.jsonl | zhnews extract --threads 1`.

#[path = "../../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn extract(path: &Path, threads: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .args(["extract", "--threads", threads])
        .arg(path)
        .output()
        .expect("run zhnews extract");
    assert!(
        out.status.success(),
        "zhnews extract --threads {threads}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn sample_100_same_output_on_one_and_two_threads() {
    let Some(path) = common::shared_file("corpus/news-zh/sample-100.jsonl") else {
        return;
    };
    let input = std::fs::read_to_string(&path).expect("read sample");
    let records: Vec<Value> = input
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("sample line is JSON"))
        .collect();
    assert_eq!(records.len(), 100);

    let one = extract(&path, "1");
    let two = extract(&path, "2");
    assert!(one == two, "--threads 1 and --threads 2 differ");

    let text = String::from_utf8(one).expect("UTF-8 output");
    assert!(text.ends_with('\n'));
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("output line is JSON"))
        .collect();
    assert_eq!(lines.len(), records.len());
    for (out, rec) in lines.iter().zip(&records) {
        assert_eq!(out["id"], rec["id"]);
        assert!(out.get("error").is_none(), "{}", out["error"]);
        assert!(out["quantities"].as_array().is_some_and(|q| !q.is_empty()));
        let doc = rec["text"].as_str().expect("text");
        for q in out["quantities"].as_array().into_iter().flatten() {
            let (start, end) = (q["start"].as_u64(), q["end"].as_u64());
            let (Some(start), Some(end)) = (start, end) else {
                panic!("offsets: {q}");
            };
            assert_eq!(doc.get(start as usize..end as usize), q["text"].as_str());
        }
    }
}
