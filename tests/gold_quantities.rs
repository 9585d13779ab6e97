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

/// Pairs each gold item with an unused predicted one that overlaps one of
/// its occurrences in `text` and satisfies `same`; counts into `score`.
fn match_items<'a>(
    text: &str,
    gold: &'a Value,
    predicted: &'a Value,
    score: &mut Score,
    same: impl Fn(&Value, &Value) -> bool,
) -> Vec<(&'a Value, Option<&'a Value>)> {
    let gold = gold.as_array().map(Vec::as_slice).unwrap_or_default();
    let predicted = predicted.as_array().map(Vec::as_slice).unwrap_or_default();
    let mut used = vec![false; predicted.len()];
    score.gold += gold.len();
    score.predicted += predicted.len();
    gold.iter()
        .map(|g| {
            let spans = occurrences(text, g["text"].as_str().unwrap_or(""));
            let found = predicted.iter().enumerate().position(|(i, p)| {
                let span = (
                    p["start"].as_u64().unwrap_or(0) as usize,
                    p["end"].as_u64().unwrap_or(0) as usize,
                );
                !used[i] && same(p, g) && overlaps(span, &spans)
            });
            if let Some(i) = found {
                used[i] = true;
                score.matched += 1;
            }
            (g, found.map(|i| &predicted[i]))
        })
        .collect()
}

/// Prints the predicted items no gold item was paired with.
fn report_spurious(
    n: usize,
    text: &str,
    predicted: &Value,
    pairs: &[(&Value, Option<&Value>)],
    what: &str,
) {
    for p in predicted.as_array().into_iter().flatten() {
        if !pairs
            .iter()
            .any(|(_, m)| m.is_some_and(|m| std::ptr::eq(m, p)))
        {
            println!(
                "line {}: SPURIOUS {what}{} [{}] in {text}",
                n + 1,
                p["text"],
                key_of(p)
            );
        }
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

        // quantities: kind, value or low/high, unit
        let pairs = match_items(
            text,
            &case["quantities"],
            &doc["quantities"],
            &mut qs,
            |p, g| key_of(p) == key_of_gold(g),
        );
        for (g, p) in &pairs {
            match p {
                Some(p) if p["qualifier"] == g["qualifier"] => qualifier_right += 1,
                Some(p) => println!(
                    "line {}: qualifier of {:?}: {} != gold {}",
                    n + 1,
                    g["text"],
                    p["qualifier"],
                    g["qualifier"]
                ),
                None => println!(
                    "line {}: MISSED {} [{}] in {text}",
                    n + 1,
                    g["text"],
                    key_of_gold(g)
                ),
            }
        }
        report_spurious(n, text, &doc["quantities"], &pairs, "");

        // times: value
        let pairs = match_items(text, &case["times"], &doc["times"], &mut ts, |p, g| {
            p["value"] == g["value"]
        });
        for (g, p) in &pairs {
            if p.is_none() {
                println!(
                    "line {}: MISSED time {} = {} in {text}",
                    n + 1,
                    g["text"],
                    g["value"]
                );
            }
        }
        report_spurious(n, text, &doc["times"], &pairs, "time ");
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
