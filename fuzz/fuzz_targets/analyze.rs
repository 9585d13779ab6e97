//! Any bytes, read as (lossy) UTF-8, through `Analyzer::analyze_at` with a
//! fixed reference date; panics when an offset invariant is violated.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zhnews::{Analyzer, RefDate};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

/// SPEC.md "Exact values".
fn plain_decimal(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !frac.ends_with('0')
        && (frac.is_empty() != body.contains('.'))
        && s != "-0"
}

fn check_span(s: &str, start: usize, end: usize, text: &str, what: &dyn std::fmt::Debug) {
    assert!(start <= end && end <= s.len(), "out of bounds: {what:?}");
    assert!(
        s.is_char_boundary(start) && s.is_char_boundary(end),
        "not on a char boundary: {what:?}"
    );
    assert_eq!(
        &s[start..end],
        text,
        "text is not doc[start..end]: {what:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    let date = RefDate::from_ymd(2024, 8, 21);
    let doc = ANALYZER.analyze_at(s, date);
    for q in &doc.quantities {
        check_span(s, q.start, q.end, &q.text, q);
        let json = serde_json::to_value(q).expect("quantity serializes");
        for field in ["value", "low", "high"] {
            match &json[field] {
                serde_json::Value::Null => {}
                serde_json::Value::String(v) => assert!(plain_decimal(v), "{json}"),
                other => panic!("{field} is {other} in {json}"),
            }
        }
        assert!(
            q.value.is_some() != (q.low.is_some() && q.high.is_some()),
            "{q:?}"
        );
    }
    for t in &doc.times {
        check_span(s, t.start, t.end, &t.text, t);
        // with a reference date every time resolves
        assert!(t.value.is_some() || !t.relative, "{t:?}");
    }
});
