//! The analyzer over real scraped news (`../shared/corpus/news-zh/sample-100.jsonl`):
//! no panic, every offset on a char boundary with `doc[start..end] == text`,
//! every value a plain exact decimal. Prints counts per kind.

mod common;

use std::collections::BTreeMap;

use serde_json::Value;
use zhnews::{Analyzer, RefDate};

fn plain_decimal(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !frac.ends_with('0')
        && (frac.is_empty() != body.contains('.'))
}

#[test]
fn sample_100_invariants() {
    let Some(path) = common::shared_file("corpus/news-zh/sample-100.jsonl") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("read sample");
    let analyzer = Analyzer::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut docs = 0;
    for line in data.lines() {
        let rec: Value = serde_json::from_str(line).expect("sample line is JSON");
        let text = rec["text"].as_str().expect("text");
        let date = rec["date"].as_str().and_then(|d| RefDate::parse(d).ok());
        let doc = analyzer.analyze_at(text, date);
        docs += 1;
        for q in &doc.quantities {
            assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
            assert!(q.start < q.end && q.end <= text.len());
            assert_eq!(&text[q.start..q.end], q.text);
            for v in [q.value, q.low, q.high].into_iter().flatten() {
                let s = zhnews_plain(&v);
                assert!(plain_decimal(&s), "not a plain decimal: {s} in {q:?}");
            }
            assert!(q.value.is_some() != (q.low.is_some() && q.high.is_some()));
            let kind = serde_json::to_value(q.kind).expect("kind");
            *counts
                .entry(format!("quantity {}", kind.as_str().unwrap_or("?")))
                .or_default() += 1;
        }
        for t in &doc.times {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert_eq!(&text[t.start..t.end], t.text);
            assert!(t.value.is_some() || t.offset.is_some(), "{t:?}");
            *counts.entry("time".to_string()).or_default() += 1;
        }
    }
    println!("{docs} documents");
    for (k, v) in &counts {
        println!("{k}: {v}");
    }
    assert_eq!(docs, 100);
    assert!(counts.get("quantity money").copied().unwrap_or(0) > 500);
}

/// The string a value serializes to.
fn zhnews_plain(v: &rust_decimal::Decimal) -> String {
    let q = zhnews::Quantity {
        kind: zhnews::quantity::Kind::Number,
        text: String::new(),
        start: 0,
        end: 0,
        value: Some(*v),
        low: None,
        high: None,
        unit: None,
        qualifier: None,
    };
    serde_json::to_value(&q).expect("serializable")["value"]
        .as_str()
        .expect("string")
        .to_string()
}
