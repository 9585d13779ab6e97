//! Hostile input (issue 7): megabyte lines, digit tables, runs of 亿, NUL
//! bytes, broken JSON and UTF-8, blank lines and CRLF. Each gives a result or
//! a clear error record, never a crash; and work grows linearly with input
//! size, checked by structure rather than by the clock: a pathological
//! pattern is analyzed at two sizes (10× apart), both finish, and n copies
//! of a unit give exactly n times its findings.

mod common;

use std::sync::LazyLock;

use serde_json::{Value, json};
use zhnews::record::process_line;
use zhnews::{Analyzer, Document, RefDate};

/// Built once: an analyzer loads dictionaries.
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

/// The document invariants (`common::check_document`).
fn check(s: &str, doc: &Document) {
    if let Err(e) = common::check_document(s, doc) {
        panic!("{e}");
    }
}

/// Counts of quantities, times, entities and claims.
fn findings(s: &str) -> [usize; 4] {
    let doc = ANALYZER.analyze_at(s, RefDate::from_ymd(2024, 8, 21));
    check(s, &doc);
    [
        doc.quantities.len(),
        doc.times.len(),
        doc.entities.len(),
        doc.claims.len(),
    ]
}

fn times(n: usize, f: [usize; 4]) -> [usize; 4] {
    f.map(|x| x * n)
}

/// One JSONL line through the record reader, parsed.
fn record(line: &[u8], line_no: usize) -> Value {
    let out = process_line(&ANALYZER, line, line_no, None);
    assert!(!out.contains('\n'), "one line: {out}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("output is not JSON ({e}): {out}"))
}

fn error_of(v: &Value) -> &str {
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error record: {v}"))
}

const PARAGRAPH: &str = "小米集团二季度营收 889 亿元，同比增长 32%；活跃用户达 3.05 亿，\
                         毛利率提升 2 个百分点。";

// ---------------------------------------------------------------------------
// big inputs

/// Size of the one-line inputs: big enough that anything quadratic shows
/// (the linear-work tests below check the growth itself), small enough for CI.
const BIG_LINE: usize = 2_000_000;

/// A line of `BIG_LINE` bytes of `unit` copies: exactly n× the findings of
/// one copy, in the analyzer and through the JSONL record reader; the last
/// quantity is `last` at the right offset.
fn megabytes_of(unit: &str, last: &str) {
    let one = findings(unit);
    let n = BIG_LINE / unit.len() + 1;
    let big = unit.repeat(n);
    assert!(big.len() >= BIG_LINE && !big.contains('\n'));
    assert_eq!(findings(&big), times(n, one));

    // the same line as one JSONL record
    let line = serde_json::to_vec(&json!({"id": "big", "text": big})).expect("json");
    let v = record(&line, 1);
    assert_eq!(v["id"], "big");
    let qs = v["quantities"].as_array().expect("quantities");
    assert_eq!(qs.len(), n * one[0]);
    let q = &qs[qs.len() - 1];
    assert_eq!(q["text"], last);
    let at = big.rfind(last).expect("last quantity");
    assert_eq!(q["start"].as_u64(), Some(at as u64));
}

/// Noise around quantities and times: full-width forms, U+3000, NUL,
/// stray separators; no names, so no entities or claims.
#[test]
fn megabyte_single_line() {
    let unit = "1亿 2024年 3.5% ，。\0 ２２ 百分之五 第9名；\u{3000}约３．５万家 --- ... 12:30 ";
    assert_eq!(findings(unit), [5, 1, 0, 0]);
    megabytes_of(unit, "约３．５万家");
}

/// Megabytes of news in one line.
#[test]
fn megabytes_of_news_in_one_line() {
    assert_eq!(findings(PARAGRAPH)[0], 4, "{PARAGRAPH}");
    megabytes_of(PARAGRAPH, "2 个百分点");
}

#[test]
fn megabyte_of_digits() {
    let digits = "1234567890".repeat(100_000);
    assert_eq!(findings(&digits), [0, 0, 0, 0]);
    assert_eq!(findings(&digits[..100_000]), [0, 0, 0, 0]);
    let err = zhnews::normalize(&digits).expect_err("too many digits");
    assert!(err.to_string().starts_with("number out of range"), "{err}");
    // with a magnitude and a currency after it, and a figure after that
    let text = format!("营收{digits}亿元，净利润 3 亿元");
    let doc = ANALYZER.analyze(&text);
    check(&text, &doc);
    assert_eq!(doc.quantities.len(), 1);
    assert_eq!(doc.quantities[0].text, "3 亿元");
    // a table of digit columns
    let table = "600519 1234.56 -0.52% 987654321\n".repeat(30_000);
    let doc = ANALYZER.analyze(&table);
    check(&table, &doc);
}

#[test]
fn two_hundred_thousand_yi() {
    let yi = "亿".repeat(200_000);
    assert_eq!(findings(&yi), [0, 0, 0, 0]);
    assert!(zhnews::normalize(&yi).is_err());

    let one = format!("1{yi}");
    let doc = ANALYZER.analyze(&one);
    check(&one, &doc);
    assert!(doc.quantities.is_empty(), "{:?}", &doc.quantities);
    let err = zhnews::normalize(&one).expect_err("overflow");
    assert!(err.to_string().starts_with("number out of range"), "{err}");
    // `1亿亿` (10^16) still reads
    let q = zhnews::normalize("1亿亿元").expect("1亿亿元");
    assert_eq!(
        q.value.map(|v| v.to_string()).as_deref(),
        Some("10000000000000000")
    );
    // a figure after the run is still found
    let text = format!("{one}，营收 5 亿元");
    let doc = ANALYZER.analyze(&text);
    check(&text, &doc);
    assert_eq!(
        doc.quantities.last().map(|q| q.text.as_str()),
        Some("5 亿元")
    );
}

#[test]
fn sixty_digits_then_yi_yi_yi_yi_dollars() {
    let expr = format!("{}亿亿亿亿美元", &"123456789".repeat(7)[..60]);
    let err = zhnews::normalize(&expr).expect_err("overflow");
    assert_eq!(err.to_string(), format!("number out of range: {expr:?}"));
    let text = format!("估值{expr}，另有 2.4 亿美元");
    let doc = ANALYZER.analyze(&text);
    check(&text, &doc);
    let texts: Vec<&str> = doc.quantities.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["2.4 亿美元"]);
    // a 28-digit mantissa is the most that fits
    assert!(zhnews::normalize("9999999999999999999999999999美元").is_ok());
    assert!(zhnews::normalize("99999999999999999999999999999美元").is_err());
}

// ---------------------------------------------------------------------------
// strange characters

#[test]
fn nul_bytes() {
    let text = "营收\0 889 亿元\0，\0同比增长\u{0}32%\0";
    let doc = ANALYZER.analyze(text);
    check(text, &doc);
    let texts: Vec<&str> = doc.quantities.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["889 亿元", "32%"]);
    assert_eq!(findings(&"\0".repeat(100_000)), [0, 0, 0, 0]);

    let v = record(
        r#"{"id":"nul","text":"\u0000 5 \u0000\u4ebf\u5143 3 亿元\u0000"}"#.as_bytes(),
        2,
    );
    assert_eq!(v["id"], "nul");
    assert_eq!(v["quantities"][0]["text"], "3 亿元");
    // a raw NUL inside a JSON string is invalid JSON (a control character)
    let v = record(b"{\"id\":\"raw\",\"text\":\"a\0b\"}", 3);
    assert!(
        error_of(&v).starts_with("invalid JSON: control character"),
        "{v}"
    );
    assert_eq!(v["line"], 3);
}

#[test]
fn lone_surrogate_escapes() {
    for line in [
        r#"{"id":"s","text":"\ud800"}"#,
        r#"{"id":"s","text":"营收 5 亿元\udc00"}"#,
        r#"{"id":"s","text":"\ud800\u0041"}"#,
    ] {
        let v = record(line.as_bytes(), 5);
        assert!(error_of(&v).starts_with("invalid JSON: "), "{v}");
        assert_eq!(v["line"], 5);
    }
    // a proper pair is fine
    let v = record(br#"{"id":"s","text":"\ud83d\ude00 5 \u4ebf\u5143"}"#, 5);
    assert_eq!(v["quantities"][0]["text"], "5 亿元");
    assert_eq!(v["quantities"][0]["start"], 5);
}

#[test]
fn invalid_utf8_in_a_line() {
    let v = record(b"{\"id\":\"x\",\"text\":\"\xe8\x90\xa5 5 \xff\xfe\"}", 9);
    assert_eq!(
        v,
        json!({"id": "x", "line": 9, "error": "invalid UTF-8 at byte 24"})
    );
    // a truncated character at the very end, and bytes that are not JSON at all
    let v = record(b"{\"id\":1,\"text\":\"\xe4\xbf\"}", 1);
    assert_eq!(v["id"], 1);
    assert!(error_of(&v).starts_with("invalid UTF-8"));
    let v = record(b"\xff\xfe\x00\x01", 2);
    assert_eq!(
        v,
        json!({"id": null, "line": 2, "error": "invalid UTF-8 at byte 0"})
    );
}

#[test]
fn json_that_is_not_a_record() {
    for (line, kind) in [
        ("[1,2]", "an array"),
        (r#"[{"id":"a","text":"5 亿元"}]"#, "an array"),
        ("42", "a number"),
        ("-1.5e300", "a number"),
        (r#""text""#, "a string"),
        ("true", "a boolean"),
        ("null", "null"),
    ] {
        let v = record(line.as_bytes(), 4);
        assert_eq!(
            v,
            json!({"id": null, "line": 4, "error": format!("record is not a JSON object but {kind}")}),
            "{line}"
        );
    }
    for line in [
        "{",
        "{\"id\":",
        "nonsense",
        "{\"text\":\"a\"} trailing",
        "\u{feff}{}",
    ] {
        let v = record(line.as_bytes(), 4);
        assert!(error_of(&v).starts_with("invalid JSON: "), "{line}: {v}");
    }
}

#[test]
fn text_missing_null_or_not_a_string() {
    let cases = [
        (r#"{"id":"a"}"#, "missing field `text`"),
        (r#"{"id":"a","title":"5 亿元"}"#, "missing field `text`"),
        (
            r#"{"id":"a","text":null}"#,
            "field `text` is null, not a string",
        ),
        (
            r#"{"id":"a","text":5}"#,
            "field `text` is a number, not a string",
        ),
        (
            r#"{"id":"a","text":["5 亿元"]}"#,
            "field `text` is an array, not a string",
        ),
        (
            r#"{"id":"a","text":{"t":1}}"#,
            "field `text` is an object, not a string",
        ),
        (
            r#"{"id":"a","text":true}"#,
            "field `text` is a boolean, not a string",
        ),
    ];
    for (line, error) in cases {
        let v = record(line.as_bytes(), 8);
        assert_eq!(v, json!({"id": "a", "line": 8, "error": error}), "{line}");
    }
    // no id at all: the error line has none either
    let v = record(br#"{"text":7}"#, 8);
    assert_eq!(
        v,
        json!({"id": null, "line": 8, "error": "field `text` is a number, not a string"})
    );
}

// ---------------------------------------------------------------------------
// linear work

/// Analyzes `unit` repeated to about 30 KB and to ten times as many copies
/// (about 300 KB); returns the findings of both.
fn two_sizes(unit: &str) -> ([usize; 4], [usize; 4], usize) {
    let n = (30_000 / unit.len()).max(1);
    (findings(&unit.repeat(n)), findings(&unit.repeat(10 * n)), n)
}

/// Patterns whose copies are independent: 10× the copies, exactly 10× the
/// findings.
#[test]
fn pathological_runs_scale_exactly() {
    // each unit with its quantities and times; entities and claims of the
    // runs are whatever one unit gives, times the copies
    for (unit, qt) in [
        ("1,000,000,000,", [0, 0]),
        ("1，000，000，", [0, 0]),
        // `百分之百分之百|分之…`: one percent in every three copies
        ("百分之百分之百分之", [1, 0]),
        ("百分之百", [1, 0]),
        ("第", [0, 0]),
        ("约", [0, 0]),
        ("约 ", [0, 0]),
        ("2024年", [0, 1]),
        ("-", [0, 0]),
        (".", [0, 0]),
        ("，", [0, 0]),
        ("\u{3000}", [0, 0]),
        ("1%，", [1, 0]),
        ("增长1%，", [1, 0]),
        ("3 亿元。", [1, 0]),
        ("1至", [0, 0]),
        ("1-", [0, 0]),
        ("一点", [0, 0]),
        ("几十", [0, 0]),
        ("3月", [0, 1]),
        ("a@b.", [0, 0]),
        ("http://x ", [0, 0]),
        (PARAGRAPH, [4, 1]),
    ] {
        let per_copy = findings(unit);
        assert_eq!(per_copy[..2], qt, "{unit:?}");
        let (small, large, n) = two_sizes(unit);
        assert_eq!(small, times(n, per_copy), "{unit:?} × {n}");
        assert_eq!(large, times(10 * n, per_copy), "{unit:?} × {}", 10 * n);
    }
}

/// Runs that read as one long numeral (or none): both sizes finish, with the
/// same findings.
#[test]
fn pathological_numerals_finish() {
    for unit in [
        "一二三四五六七八九",
        "亿",
        "零",
        "十",
        "万",
        "一亿",
        "1234567890",
        "１，",
        "1.",
        "点",
        "多",
    ] {
        let (small, large, n) = two_sizes(unit);
        assert_eq!(small, large, "{unit:?} × {n} and × {}", 10 * n);
    }
    // `1亿亿亿…`: one overflowing numeral at any length
    for n in [30_000 / 3, 300_000 / 3] {
        let s = format!("1{}", "亿".repeat(n));
        assert_eq!(findings(&s), [0, 0, 0, 0]);
    }
}
