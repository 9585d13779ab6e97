//! Scores entities and claims on `corpus/gold/claims.jsonl`: hand-written
//! passages in the style of Chinese business reporting with their expected
//! entities and claims.
//!
//! Entities are compared as distinct (kind, text) pairs per passage. A claim
//! is fully right when subject, metric, period, value (kind, value or
//! low/high, unit) and change (basis, direction, value) all equal the gold.
//! Asserts entity recall ≥ 90%, precision ≥ 85%, claims fully right ≥ 80%.

use std::collections::BTreeSet;

use serde_json::{Value, json};
use zhnews::{Analyzer, RefDate};

const GOLD: &str = include_str!("../corpus/gold/claims.jsonl");

/// The comparable part of a quantity.
fn quantity_key(q: &Value) -> Value {
    if q.is_null() {
        return Value::Null;
    }
    json!({
        "kind": q["kind"],
        "value": q.get("value").cloned().unwrap_or(Value::Null),
        "low": q.get("low").cloned().unwrap_or(Value::Null),
        "high": q.get("high").cloned().unwrap_or(Value::Null),
        "unit": q.get("unit").cloned().unwrap_or(Value::Null),
    })
}

fn claim_key(c: &Value) -> Value {
    let change = &c["change"];
    json!({
        "subject": c["subject"],
        "metric": c["metric"],
        "period": c["period"],
        "value": quantity_key(&c["value"]),
        "change": if change.is_null() { Value::Null } else { json!({
            "basis": change["basis"],
            "direction": change["direction"],
            "value": quantity_key(&change["value"]),
        })},
    })
}

#[test]
fn gold_entities_and_claims() {
    let analyzer = Analyzer::new();
    let (mut eg, mut ep, mut eh) = (0usize, 0usize, 0usize);
    let (mut cg, mut cp, mut ch) = (0usize, 0usize, 0usize);
    let mut passages = 0;
    for (n, line) in GOLD
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        passages += 1;
        let case: Value = serde_json::from_str(line).expect("gold line is JSON");
        let text = case["text"].as_str().expect("text");
        let date = case["date"].as_str().and_then(|d| RefDate::parse(d).ok());
        let doc = serde_json::to_value(analyzer.analyze_at(text, date)).expect("serializable");

        let gold: BTreeSet<(String, String)> = case["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| (e["kind"].to_string(), e["text"].to_string()))
            .collect();
        let predicted: BTreeSet<(String, String)> = doc["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| (e["kind"].to_string(), e["text"].to_string()))
            .collect();
        eg += gold.len();
        ep += predicted.len();
        eh += gold.intersection(&predicted).count();
        for g in gold.difference(&predicted) {
            println!("line {}: entity MISSED {g:?}", n + 1);
        }
        for p in predicted.difference(&gold) {
            println!("line {}: entity SPURIOUS {p:?}", n + 1);
        }

        let gold: Vec<Value> = case["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .map(claim_key)
            .collect();
        let mut predicted: Vec<Option<Value>> = doc["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| Some(claim_key(c)))
            .collect();
        cg += gold.len();
        cp += predicted.len();
        for g in &gold {
            if let Some(slot) = predicted.iter_mut().find(|p| p.as_ref() == Some(g)) {
                *slot = None;
                ch += 1;
            } else {
                println!("line {}: claim WRONG or MISSED {g}\n   in {text}", n + 1);
            }
        }
        for p in predicted.iter().flatten() {
            println!("line {}: claim predicted, not in gold: {p}", n + 1);
        }
    }
    let er = eh as f64 / eg.max(1) as f64;
    let epr = eh as f64 / ep.max(1) as f64;
    let cr = ch as f64 / cg.max(1) as f64;
    let cpr = ch as f64 / cp.max(1) as f64;
    println!("gold: {passages} passages");
    println!(
        "entities: {eg} gold, {ep} predicted, {eh} right: recall {:.1}%, precision {:.1}%",
        er * 100.0,
        epr * 100.0
    );
    println!(
        "claims: {cg} gold, {cp} predicted, {ch} fully right: {:.1}% of gold, {:.1}% of predicted",
        cr * 100.0,
        cpr * 100.0
    );
    assert!(passages >= 40);
    assert!(er >= 0.90, "entity recall {er:.3} < 0.90");
    assert!(epr >= 0.85, "entity precision {epr:.3} < 0.85");
    assert!(cr >= 0.80, "claims fully right {cr:.3} < 0.80");
}
