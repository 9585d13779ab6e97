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
use zhnews::quantity::Kind;

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
                if q.kind == Kind::PercentagePoint && q.value.is_some_and(|x| same(x, v)) =>
            {
                Ok(())
            }
            (Expect::Value(v), Ok(q)) if q.value.is_some_and(|x| x.abs() == v) => Ok(()),
            (Expect::NotQuantity, Err(_)) => Ok(()),
            (Expect::NotMoney, Ok(q)) if q.kind != Kind::Money => Ok(()),
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
            if q.kind != Kind::Percent {
                return Err(format!("kind {:?}", q.kind));
            }
            if !same(ours, expected) {
                return Err(format!("value {ours} != {expected}"));
            }
        }
        "CurrencyModel" => {
            if q.kind != Kind::Money {
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
