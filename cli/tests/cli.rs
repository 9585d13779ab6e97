//! The CLI (`zhnews extract`) over hostile JSONL: blank lines, CRLF, broken
//! records, order and count across parallel batches. Each record gives exactly
//! one output line, in input order.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

const PARAGRAPH: &str = "小米集团二季度营收 889 亿元，同比增长 32%；活跃用户达 3.05 亿，\
                         毛利率提升 2 个百分点。";

fn error_of(v: &Value) -> &str {
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error record: {v}"))
}

/// `zhnews extract ARGS` with `input` on stdin: its stdout (status 0).
fn extract(input: &[u8], args: &[&str]) -> String {
    let args: Vec<&str> = std::iter::once("extract")
        .chain(args.iter().copied())
        .collect();
    let (code, out, err) = zhnews(&args, input);
    assert_eq!(code, Some(0), "{err}");
    out
}

#[test]
fn cli_blank_lines_crlf_and_errors() {
    let input =
        b"{\"id\":\"a\",\"text\":\"\xe8\x90\xa5\xe6\x94\xb6 5 \xe4\xba\xbf\xe5\x85\x83\"}\r\n\
\r\n\
   \t \r\n\
{\"id\":\"b\",\"text\":null}\r\n\
\n\
[1]\n\
{\"id\":\"c\",\"text\":\"\xff\"}\r\n\
{\"id\":\"d\",\"text\":\"\\ud800\"}\n\
{\"id\":\"e\",\"text\":\"3%\\r\\n\"}";
    let out = extract(input, &["--threads", "2"]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert!(out.ends_with('\n') && !out.contains('\r'));
    assert_eq!(lines.len(), 6, "{out}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quantities"][0]["text"], "5 亿元");
    assert_eq!(
        lines[1],
        json!({"id": "b", "line": 4, "error": "field `text` is null, not a string"})
    );
    assert_eq!(
        lines[2],
        json!({"id": null, "line": 6, "error": "record is not a JSON object but an array"})
    );
    assert_eq!(
        lines[3],
        json!({"id": "c", "line": 7, "error": "invalid UTF-8 at byte 18"})
    );
    assert_eq!(lines[4]["line"], 8);
    assert!(error_of(&lines[4]).starts_with("invalid JSON: "));
    // the last line has no line end; the `\r\n` inside the text is text
    assert_eq!(lines[5]["id"], "e");
    assert_eq!(lines[5]["quantities"][0]["text"], "3%");

    // only blank lines: no output at all
    assert_eq!(extract(b"\n\r\n  \n\t\n", &[]), "");
}

#[test]
fn cli_keeps_order_and_count() {
    let mut input = Vec::new();
    for i in 0..3000 {
        match i % 7 {
            0 => input.extend_from_slice(b"\n"),
            1 => input.extend_from_slice(b"{\"id\":1}\r\n"),
            _ => {
                let line = json!({"id": i, "text": format!("{PARAGRAPH}{i} 万元")});
                input.extend_from_slice(line.to_string().as_bytes());
                input.extend_from_slice(b"\n");
            }
        }
    }
    let out = extract(&input, &["--threads", "2"]);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let records: Vec<usize> = (0..3000).filter(|i| i % 7 != 0).collect();
    assert_eq!(lines.len(), records.len());
    for (v, &i) in lines.iter().zip(&records) {
        if i % 7 == 1 {
            assert_eq!(v["line"], i + 1);
            assert_eq!(v["error"], "missing field `text`");
        } else {
            assert_eq!(v["id"], i);
            let qs = v["quantities"].as_array().expect("quantities");
            assert_eq!(qs.len(), 5);
            assert_eq!(qs[4]["text"], format!("{i} 万元"));
        }
    }
}

/// Runs `zhnews ARGS` with `input` on stdin: (status code, stdout, stderr).
fn zhnews(args: &[&str], input: &[u8]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhnews"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run zhnews");
    // written from a thread: the child may fill its stdout pipe first
    let mut stdin = child.stdin.take().expect("stdin");
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("zhnews output");
    writer.join().expect("writer").expect("write stdin");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

#[test]
fn io_errors_name_their_path() {
    let dir = std::env::temp_dir();
    let dir_arg = dir.to_str().expect("temp dir path");
    let (code, out, err) = zhnews(&["extract", dir_arg], b"");
    assert_eq!((code, out.as_str()), (Some(1), ""));
    assert_eq!(
        err,
        format!("zhnews: {dir_arg}: is a directory, not a file\n")
    );
    let (code, _, err) = zhnews(&["segment", "--dict", "/no/such/dict.txt"], b"x\n");
    assert_eq!(code, Some(1));
    assert!(err.starts_with("zhnews: /no/such/dict.txt: "), "{err}");
    let (code, _, err) = zhnews(&["extract", "/no/such/file.jsonl"], b"");
    assert_eq!(code, Some(1));
    assert!(err.starts_with("zhnews: /no/such/file.jsonl: "), "{err}");
}

#[test]
fn a_byte_order_mark_on_the_first_line_is_skipped() {
    let input = "\u{feff}{\"id\":\"a\",\"text\":\"营收 5 亿元\"}\n".as_bytes();
    let (code, out, _) = zhnews(&["extract", "-q"], input);
    assert_eq!(code, Some(0));
    let v: Value = serde_json::from_str(out.trim_end()).expect("JSON line");
    assert_eq!(v["id"], "a");
    assert_eq!(v["quantities"][0]["value"], "500000000");
    let (_, out, _) = zhnews(&["segment"], "\u{feff}小米集团\n".as_bytes());
    assert_eq!(out, "小米集团\n");
}

#[test]
fn normalize_reads_negatives_and_fails_when_an_argument_fails() {
    let (code, out, _) = zhnews(&["normalize", "-3.5%", "2024 年二季度"], b"");
    assert_eq!(code, Some(0));
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines[0]["value"], "-0.035");
    assert_eq!(lines[1]["value"], "2024-Q2");
    let (code, out, _) = zhnews(&["normalize", "营收", "5 亿元"], b"");
    assert_eq!(code, Some(1));
    assert_eq!(
        out.lines().next(),
        Some(r#"{"error":"not a quantity or time: \"营收\""}"#)
    );
    // from stdin, one line out per line in, status 0
    let (code, out, _) = zhnews(&["normalize"], "营收\n5 亿元\n".as_bytes());
    assert_eq!((code, out.lines().count()), (Some(0), 2));
}

#[test]
fn segment_reports_invalid_utf8_with_its_line() {
    let (code, out, err) = zhnews(
        &["segment"],
        b"\xe8\x90\xa5\xe6\x94\xb6\n\xff\n\xe5\x85\x83\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(out, "营收\n\n元\n");
    assert_eq!(
        err,
        "zhnews segment: stdin line 2: invalid UTF-8 at byte 0\n"
    );
}

#[test]
fn progress_lines_are_not_the_summary() {
    let (code, _, err) = zhnews(&["extract", "--progress"], b"{\"id\":1,\"text\":\"x\"}\n");
    assert_eq!(code, Some(0));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("zhnews extract: 1 records, 0 errors, "),
        "{err}"
    );
}

/// `--no-ner-model`: the rules alone still find names; it cannot be given
/// with `--ner-model`.
#[test]
fn extract_without_the_entity_model() {
    let input = "{\"id\":1,\"text\":\"董事长王兴表示，美团营收增长。\"}\n".as_bytes();
    let out = extract(input, &["--no-ner-model"]);
    let v: Value = serde_json::from_str(out.trim()).expect("JSON");
    assert_eq!(v["entities"][0]["text"], "王兴");
    let (code, _, err) = zhnews(&["extract", "--no-ner-model", "--ner-model", "x"], b"");
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot be used with"), "{err}");
}
