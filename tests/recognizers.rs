//! Conformance against Microsoft Recognizers-Text's Chinese specs
//! (`../shared/data/recognizers-zh`): every expected span of NumberModel,
//! PercentModel and CurrencyModel goes through `zhnews::normalize`.
//!
//! Where a spec case contradicts SPEC.md, SPEC.md wins; each such case is
//! printed with its reason (see `spec_wins`).

mod common;

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;
use zhnews::QuantityKind;

/// The span `input[start..=end]` in chars.
fn span(input: &str, start: usize, end: usize) -> String {
    input.chars().skip(start).take(end + 1 - start).collect()
}

fn expected_decimal(s: &str) -> Option<Decimal> {
    let s = s.trim_end_matches('%');
    if s.contains(['E', 'e']) {
        Decimal::from_scientific(s).ok()
    } else {
        Decimal::from_str(s).ok()
    }
}

/// Equal, or equal to the 15 significant digits the specs print
/// (`350.333333333333`).
fn same(ours: Decimal, expected: Decimal) -> bool {
    if ours == expected {
        return true;
    }
    let mantissa = expected.normalize().mantissa().unsigned_abs().to_string();
    let digits = mantissa.trim_end_matches('0').len() as u32;
    digits >= 14 && ours.round_sf(digits) == expected.round_sf(digits)
}

/// Cases where SPEC.md decides differently from the spec; the reason is
/// printed. Returns `Some(reason)` and the expectation SPEC.md gives.
fn spec_wins(model: &str, text: &str, res: &Value) -> Option<(&'static str, Expect)> {
    let resolution = &res["resolution"];
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if model == "PercentModel" && (compact.contains("百分点") || compact.contains("百分點")) {
        let v = expected_decimal(resolution["value"].as_str()?)?;
        return Some((
            "SPEC.md: 个百分点 is kind percentage_point with the number itself as value, not a percent",
            Expect::Point(v),
        ));
    }
    if text.contains("1.1^") {
        return Some((
            "SPEC.md: values are exact; the spec prints a float power, 1.1^23 is exactly 8.95430243255237372246531",
            Expect::Value(Decimal::from_str("8.95430243255237372246531").ok()?),
        ));
    }
    if model == "CurrencyModel" && resolution["value"].is_null() {
        return Some((
            "SPEC.md: a quantity has a value; a currency name alone is not one",
            Expect::NotQuantity,
        ));
    }
    if model == "CurrencyModel" && resolution["unit"] == "Bitcoin" {
        return Some((
            "SPEC.md: money units are ISO 4217 codes; bitcoin has none",
            Expect::NotMoney,
        ));
    }
    None
}

enum Expect {
    Point(Decimal),
    Value(Decimal),
    NotQuantity,
    NotMoney,
}

fn check(model: &str, text: &str, res: &Value) -> Result<(), String> {
    let got = zhnews::normalize(text);
    if let Some((reason, expect)) = spec_wins(model, text, res) {
        println!("  SPEC.md wins {text:?}: {reason}");
        return match (expect, &got) {
            (Expect::Point(v), Ok(q))
                if q.kind == QuantityKind::PercentagePoint
                    && q.value.is_some_and(|x| same(x, v)) =>
            {
                Ok(())
            }
            (Expect::Value(v), Ok(q)) if q.value.is_some_and(|x| x.abs() == v) => Ok(()),
            (Expect::NotQuantity, Err(_)) => Ok(()),
            (Expect::NotMoney, Ok(q)) if q.kind != QuantityKind::Money => Ok(()),
            (Expect::NotMoney, Err(_)) => Ok(()),
            _ => Err(format!("{got:?}")),
        };
    }
    let q = got.map_err(|e| e.to_string())?;
    let ours = q.value.or(q.low).ok_or("no value")?;
    let resolution = &res["resolution"];
    let expected = resolution["value"]
        .as_str()
        .and_then(expected_decimal)
        .ok_or("unreadable expected value")?;
    match model {
        "NumberModel" => {
            if !same(ours, expected) {
                return Err(format!("value {ours} != {expected}"));
            }
        }
        "PercentModel" => {
            let expected = expected / Decimal::ONE_HUNDRED;
            if q.kind != QuantityKind::Percent {
                return Err(format!("kind {:?}", q.kind));
            }
            if !same(ours, expected) {
                return Err(format!("value {ours} != {expected}"));
            }
        }
        "CurrencyModel" => {
            if q.kind != QuantityKind::Money {
                return Err(format!("kind {:?}", q.kind));
            }
            if !same(ours, expected) {
                return Err(format!("value {ours} != {expected}"));
            }
            let code = resolution["isoCurrency"].as_str().unwrap_or(
                // `$` alone: SPEC.md reads it as USD
                if resolution["unit"] == "Dollar" {
                    "USD"
                } else {
                    "?"
                },
            );
            if q.unit.as_deref() != Some(code) {
                return Err(format!("unit {:?} != {code}", q.unit));
            }
        }
        _ => unreachable!(),
    }
    Ok(())
}

fn run(model: &str) -> Option<(usize, usize)> {
    let path = common::shared_file(&format!("data/recognizers-zh/{model}.jsonl"))?;
    let data = std::fs::read_to_string(path).expect("read spec file");
    let (mut pass, mut total) = (0, 0);
    println!("== {model}");
    for line in data.lines() {
        let case: Value = serde_json::from_str(line).expect("spec line is JSON");
        let input = case["input"].as_str().expect("input");
        for res in case["results"].as_array().expect("results") {
            let start = res["start"].as_u64().expect("start") as usize;
            let end = res["end"].as_u64().expect("end") as usize;
            let text = span(input, start, end);
            total += 1;
            match check(model, &text, res) {
                Ok(()) => pass += 1,
                Err(why) => println!(
                    "  FAIL {text:?} (in {input:?}): expected {}; {why}",
                    res["resolution"]
                ),
            }
        }
    }
    println!(
        "{model}: {pass}/{total} = {:.1}%",
        100.0 * pass as f64 / total as f64
    );
    Some((pass, total))
}

fn assert_rate(model: &str, min: f64) {
    if let Some((pass, total)) = run(model) {
        let rate = pass as f64 / total as f64;
        assert!(
            rate >= min,
            "{model}: {pass}/{total} = {:.1}% < {:.0}%",
            rate * 100.0,
            min * 100.0
        );
    }
}

#[test]
fn number_model() {
    assert_rate("NumberModel", 0.95);
}

#[test]
fn percent_model() {
    assert_rate("PercentModel", 0.95);
}

#[test]
fn currency_model() {
    assert_rate("CurrencyModel", 0.90);
}

// ---------------------------------------------------------------------------
// End to end: the whole spec input through `Analyzer::analyze`.

use zhnews::{Analyzer, RefDate};

/// Byte range of the char range `start..=end` of `input`.
fn byte_span(input: &str, start: usize, end: usize) -> (usize, usize) {
    let mut idx = input.char_indices().map(|(i, _)| i).chain([input.len()]);
    let s = idx.nth(start).unwrap_or(input.len());
    let e = input
        .char_indices()
        .map(|(i, _)| i)
        .chain([input.len()])
        .nth(end + 1)
        .unwrap_or(input.len());
    (s, e)
}

/// Whether `doc` holds a quantity over `span` that gives the expected result.
fn found_in(
    doc: &zhnews::Document,
    span: (usize, usize),
    model: &str,
    text: &str,
    res: &Value,
) -> bool {
    let resolution = &res["resolution"];
    let expect_value = resolution["value"].as_str().and_then(expected_decimal);
    let spec = spec_wins(model, text, res).map(|x| x.1);
    doc.quantities.iter().any(|q| {
        if !(q.start < span.1 && span.0 < q.end) {
            return false;
        }
        // a range (`5-20%`) counts when either end is the expected value
        let ends = [q.value, q.low, q.high];
        let ours_any = |f: &dyn Fn(Decimal) -> bool| ends.iter().flatten().any(|&o| f(o));
        match (&spec, model) {
            (Some(Expect::Point(v)), _) => {
                q.kind == QuantityKind::PercentagePoint && ours_any(&|o| same(o, *v))
            }
            (Some(Expect::Value(v)), _) => ours_any(&|o| o.abs() == *v),
            (Some(Expect::NotQuantity | Expect::NotMoney), _) => false,
            (None, "PercentModel") => {
                q.kind == QuantityKind::Percent
                    && expect_value
                        .is_some_and(|e| ours_any(&|o| same(o, e / Decimal::ONE_HUNDRED)))
            }
            (None, _) => {
                let code = resolution["isoCurrency"].as_str().unwrap_or(
                    if resolution["unit"] == "Dollar" {
                        "USD"
                    } else {
                        "?"
                    },
                );
                q.kind == QuantityKind::Money
                    && q.unit.as_deref() == Some(code)
                    && expect_value.is_some_and(|e| ours_any(&|o| same(o, e)))
            }
        }
    })
}

fn run_end_to_end(model: &str) -> Option<(usize, usize)> {
    let path = common::shared_file(&format!("data/recognizers-zh/{model}.jsonl"))?;
    let data = std::fs::read_to_string(path).expect("read spec file");
    let analyzer = Analyzer::new();
    let (mut found, mut total, mut skipped) = (0, 0, 0);
    println!("== {model} end to end");
    for line in data.lines() {
        let case: Value = serde_json::from_str(line).expect("spec line is JSON");
        let input = case["input"].as_str().expect("input");
        let doc = analyzer.analyze(input);
        for res in case["results"].as_array().expect("results") {
            let start = res["start"].as_u64().expect("start") as usize;
            let end = res["end"].as_u64().expect("end") as usize;
            let text = span(input, start, end);
            if matches!(
                spec_wins(model, &text, res),
                Some((_, Expect::NotQuantity | Expect::NotMoney))
            ) {
                // SPEC.md says this is no quantity: it is not expected
                skipped += 1;
                continue;
            }
            total += 1;
            if found_in(&doc, byte_span(input, start, end), model, &text, res) {
                found += 1;
            } else {
                println!(
                    "  NOT FOUND {text:?} in {input:?} (expected {}); got {:?}",
                    res["resolution"],
                    doc.quantities
                        .iter()
                        .map(|q| (&q.text, q.value.or(q.low).map(|v| v.to_string())))
                        .collect::<Vec<_>>()
                );
            }
        }
        if case["results"].as_array().is_some_and(|r| r.is_empty()) && !doc.quantities.is_empty() {
            println!(
                "  note: negative case {input:?} gives {:?}",
                doc.quantities.iter().map(|q| &q.text).collect::<Vec<_>>()
            );
        }
    }
    println!(
        "{model} end to end: {found}/{total} = {:.1}% found ({skipped} results SPEC.md does not count as quantities)",
        100.0 * found as f64 / total as f64
    );
    Some((found, total))
}

#[test]
fn percent_model_end_to_end() {
    if let Some((found, total)) = run_end_to_end("PercentModel") {
        assert!(found as f64 / total as f64 >= 0.90, "{found}/{total} < 90%");
    }
}

#[test]
fn currency_model_end_to_end() {
    if let Some((found, total)) = run_end_to_end("CurrencyModel") {
        assert!(found as f64 / total as f64 >= 0.90, "{found}/{total} < 90%");
    }
}

/// The interval `[start, end)` of a time value (`2024`, `2024-03`,
/// `2024-Q2`, `2024-H1`, `2024-W05`, `2024-03-15`, or `A/B`).
fn interval(v: &str) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::{Datelike, Duration, Months, NaiveDate};
    if let Some((a, b)) = v.split_once('/') {
        return Some((interval(a)?.0, interval(b)?.1));
    }
    let y: i32 = v.get(0..4)?.parse().ok()?;
    let rest = v.get(4..).unwrap_or("");
    let ym = |m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    Some(match rest {
        "" => (ym(1)?, NaiveDate::from_ymd_opt(y + 1, 1, 1)?),
        r if r.starts_with("-Q") => {
            let q: u32 = r[2..].parse().ok()?;
            let s = ym(3 * q - 2)?;
            (s, s.checked_add_months(Months::new(3))?)
        }
        r if r.starts_with("-H") => {
            let h: u32 = r[2..].parse().ok()?;
            let s = ym(6 * h - 5)?;
            (s, s.checked_add_months(Months::new(6))?)
        }
        r if r.starts_with("-W") => {
            let w: u32 = r[2..].parse().ok()?;
            let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
            (s, s + Duration::days(7))
        }
        r if r.len() == 3 => {
            let s = ym(r[1..].parse().ok()?)?;
            (s, s.checked_add_months(Months::new(1))?)
        }
        r => {
            let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
            let _ = (r, d.year());
            (d, d + Duration::days(1))
        }
    })
}

#[test]
fn datetime_model_report() {
    let Some(path) = common::shared_file("data/recognizers-zh/DateTimeModel.jsonl") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("read spec file");
    let analyzer = Analyzer::new();
    let (mut right, mut total) = (0, 0);
    for line in data.lines() {
        let case: Value = serde_json::from_str(line).expect("spec line is JSON");
        let input = case["input"].as_str().expect("input");
        let date = case["context"]["ReferenceDateTime"]
            .as_str()
            .and_then(|d| RefDate::parse(d.get(..10)?).ok());
        let doc = analyzer.analyze_at(input, date);
        for res in case["results"].as_array().expect("results") {
            let ty = res["type"].as_str().unwrap_or("");
            if ty != "datetimeV2.date" && ty != "datetimeV2.daterange" {
                continue;
            }
            let Some(v) = res["resolution"]["values"].get(0) else {
                continue;
            };
            let expected = match (v["value"].as_str(), v["start"].as_str(), v["end"].as_str()) {
                (Some(d), _, _) => chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .ok()
                    .map(|d| (d, d + chrono::Duration::days(1))),
                (None, Some(s), Some(e)) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()
                    .zip(chrono::NaiveDate::parse_from_str(e, "%Y-%m-%d").ok()),
                _ => None,
            };
            let Some(expected) = expected else { continue };
            total += 1;
            let start = res["start"].as_u64().unwrap_or(0) as usize;
            let end = res["end"].as_u64().unwrap_or(0) as usize;
            let span = byte_span(input, start, end);
            // the specs end a span `1995-1997年` at the start of its last part
            // (1997-01-01); ours ends at the end of it: either counts
            let ok = doc.times.iter().any(|t| {
                let Some(v) = t.value.as_deref() else {
                    return false;
                };
                let ends = match v.split_once('/') {
                    Some((_, b)) => vec![
                        interval(v),
                        interval(b).map(|b| (interval(v).map_or(b.0, |x| x.0), b.0)),
                    ],
                    None => vec![interval(v)],
                };
                t.start < span.1 && span.0 < t.end && ends.contains(&Some(expected))
            });
            if ok {
                right += 1;
            } else {
                println!(
                    "  date miss {:?} in {input:?}: expected {expected:?}, got {:?}",
                    res["text"],
                    doc.times
                        .iter()
                        .map(|t| (&t.text, &t.value))
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    println!(
        "DateTimeModel (date and daterange results): {right}/{total} = {:.1}% found with the right value",
        100.0 * right as f64 / total.max(1) as f64
    );
}
