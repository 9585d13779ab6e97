//! Scores the analyzer on `corpus/gold/quantities.jsonl`: hand-written
//! sentences in the style of Chinese tech-finance news with their expected
//! quantities and times.
//!
//! A predicted quantity matches a gold one when the spans overlap and kind,
//! value (or low/high) and unit are equal; a time matches when the spans
//! overlap and the values are equal. Asserts recall and precision ≥ 95% for
//! quantities and for times.

use serde_json::Value;
use zhnews::{Analyzer, RefDate};

const GOLD: &str = include_str!("../corpus/gold/quantities.jsonl");

/// All byte ranges where `needle` occurs in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    hay.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

fn overlaps(a: (usize, usize), spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, e)| a.0 < e && s < a.1)
}

fn key_of_gold(g: &Value) -> String {
    format!(
        "{} {} {} {} {}",
        g["kind"].as_str().unwrap_or("?"),
        g["value"].as_str().unwrap_or("-"),
        g["low"].as_str().unwrap_or("-"),
        g["high"].as_str().unwrap_or("-"),
        g["unit"].as_str().unwrap_or("-"),
    )
}

fn key_of(q: &Value) -> String {
    key_of_gold(q)
}

struct Score {
    gold: usize,
    predicted: usize,
    matched: usize,
}

impl Score {
    fn recall(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.matched as f64 / self.predicted.max(1) as f64
    }
}

#[test]
fn gold_quantities_and_times() {
    let analyzer = Analyzer::new();
    let mut qs = Score {
        gold: 0,
        predicted: 0,
        matched: 0,
    };
    let mut ts = Score {
        gold: 0,
        predicted: 0,
        matched: 0,
    };
    let mut qualifier_right = 0;
    let mut lines = 0;
    for (n, line) in GOLD
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        lines += 1;
        let case: Value = serde_json::from_str(line).expect("gold line is JSON");
        let text = case["text"].as_str().expect("text");
        let date = case["ref_date"]
            .as_str()
            .and_then(|d| RefDate::parse(d).ok());
        let doc = analyzer.analyze_at(text, date);
        let doc = serde_json::to_value(&doc).expect("serializable");

        // quantities
        let predicted = doc["quantities"].as_array().cloned().unwrap_or_default();
        let gold = case["quantities"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; predicted.len()];
        qs.gold += gold.len();
        qs.predicted += predicted.len();
        for g in &gold {
            let spans = occurrences(text, g["text"].as_str().unwrap_or(""));
            let found = predicted.iter().enumerate().position(|(i, p)| {
                !used[i]
                    && key_of(p) == key_of_gold(g)
                    && overlaps(
                        (
                            p["start"].as_u64().unwrap() as usize,
                            p["end"].as_u64().unwrap() as usize,
                        ),
                        &spans,
                    )
            });
            match found {
                Some(i) => {
                    used[i] = true;
                    qs.matched += 1;
                    if predicted[i]["qualifier"] == g["qualifier"] {
                        qualifier_right += 1;
                    } else {
                        println!(
                            "line {}: qualifier of {:?}: {} != gold {}",
                            n + 1,
                            g["text"],
                            predicted[i]["qualifier"],
                            g["qualifier"]
                        );
                    }
                }
                None => println!(
                    "line {}: MISSED {} [{}] in {text}",
                    n + 1,
                    g["text"],
                    key_of_gold(g)
                ),
            }
        }
        for (i, p) in predicted.iter().enumerate() {
            if !used[i] {
                println!(
                    "line {}: SPURIOUS {} [{}] in {text}",
                    n + 1,
                    p["text"],
                    key_of(p)
                );
            }
        }

        // times
        let predicted = doc["times"].as_array().cloned().unwrap_or_default();
        let gold = case["times"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; predicted.len()];
        ts.gold += gold.len();
        ts.predicted += predicted.len();
        for g in &gold {
            let spans = occurrences(text, g["text"].as_str().unwrap_or(""));
            let found = predicted.iter().enumerate().position(|(i, p)| {
                !used[i]
                    && p["value"] == g["value"]
                    && overlaps(
                        (
                            p["start"].as_u64().unwrap() as usize,
                            p["end"].as_u64().unwrap() as usize,
                        ),
                        &spans,
                    )
            });
            match found {
                Some(i) => {
                    used[i] = true;
                    ts.matched += 1;
                }
                None => println!(
                    "line {}: MISSED time {} = {} in {text}",
                    n + 1,
                    g["text"],
                    g["value"]
                ),
            }
        }
        for (i, p) in predicted.iter().enumerate() {
            if !used[i] {
                println!(
                    "line {}: SPURIOUS time {} = {} in {text}",
                    n + 1,
                    p["text"],
                    p["value"]
                );
            }
        }
    }
    println!(
        "gold: {lines} sentences; quantities: {} gold, {} predicted, {} matched: recall {:.1}%, precision {:.1}%; qualifiers right on {qualifier_right}/{}",
        qs.gold,
        qs.predicted,
        qs.matched,
        qs.recall() * 100.0,
        qs.precision() * 100.0,
        qs.matched
    );
    println!(
        "times: {} gold, {} predicted, {} matched: recall {:.1}%, precision {:.1}%",
        ts.gold,
        ts.predicted,
        ts.matched,
        ts.recall() * 100.0,
        ts.precision() * 100.0
    );
    assert!(
        lines >= 80,
        "the gold set needs at least 80 sentences, has {lines}"
    );
    assert!(
        qs.recall() >= 0.95,
        "quantity recall {:.3} < 0.95",
        qs.recall()
    );
    assert!(
        qs.precision() >= 0.95,
        "quantity precision {:.3} < 0.95",
        qs.precision()
    );
    assert!(ts.recall() >= 0.95, "time recall {:.3} < 0.95", ts.recall());
    assert!(
        ts.precision() >= 0.95,
        "time precision {:.3} < 0.95",
        ts.precision()
    );
}
