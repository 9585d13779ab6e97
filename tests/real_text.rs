//! The analyzer over real scraped news (`../shared/corpus/news-zh/sample-100.jsonl`):
//! no panic, every offset on a char boundary with `doc[start..end] == text`,
//! every value a plain exact decimal. Prints counts per kind.

mod common;

use std::collections::BTreeMap;

use serde_json::Value;
use zhnews::{Analyzer, RefDate};

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
        if let Err(e) = common::check_document(text, &doc) {
            panic!("{e}");
        }
        for q in &doc.quantities {
            let kind = serde_json::to_value(q.kind).expect("kind");
            *counts
                .entry(format!("quantity {}", kind.as_str().unwrap_or("?")))
                .or_default() += 1;
        }
        for t in &doc.times {
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
