//! Traditional Chinese, Hong Kong and Taiwan forms, and the long tail of
//! dates and money (issue 14), with their exact results.

use std::sync::LazyLock;

use zhnews::{Analyzer, RefDate};

/// Built once: an analyzer loads dictionaries.
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

/// `normalize`'s JSON, or `error: ...`.
fn normalized(expr: &str) -> String {
    match zhnews::normalize_expression(expr, None) {
        Ok(x) => serde_json::to_string(&x).unwrap_or_default(),
        Err(e) => format!("error: {e}"),
    }
}

/// `(text, value, unit)` of every quantity of `text`.
fn quantities(text: &str) -> Vec<(String, String, String)> {
    ANALYZER
        .analyze(text)
        .quantities
        .iter()
        .map(|q| {
            let v = q.value.or(q.low).map(|v| v.to_string()).unwrap_or_default();
            (q.text.clone(), v, q.unit.clone().unwrap_or_default())
        })
        .collect()
}

/// `(text, value)` of every time of `text`, resolved on `date`.
fn times(text: &str, date: &str) -> Vec<(String, String)> {
    let r = RefDate::parse(date).ok();
    ANALYZER
        .analyze_at(text, r)
        .times
        .iter()
        .map(|t| (t.text.clone(), t.value.clone().unwrap_or_default()))
        .collect()
}

fn owned(v: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    v.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn traditional_numerals_currencies_and_dates() {
    assert_eq!(
        quantities("騰訊去年營收3.8億港幣，同比增長5%，員工超過十萬個"),
        owned(&[
            ("3.8億港幣", "380000000", "HKD"),
            ("5%", "0.05", ""),
            ("超過十萬個", "100000", "个"),
        ])
    );
    assert_eq!(
        times("2024年3月5號發佈，後天上市", "2024-03-05"),
        [
            ("2024年3月5號".to_string(), "2024-03-05".to_string()),
            ("後天".to_string(), "2024-03-07".to_string()),
        ]
    );
}

#[test]
fn offsets_point_into_the_traditional_original() {
    let text = "據悉，營收１２億元";
    let doc = ANALYZER.analyze(text);
    let q = &doc.quantities[0];
    assert_eq!((q.start, q.end), (15, 27));
    assert_eq!(&text[q.start..q.end], "１２億元");
    assert_eq!(
        q.value.map(|v| v.to_string()).as_deref(),
        Some("1200000000")
    );
}

#[test]
fn normalize_reads_traditional_forms() {
    assert_eq!(
        normalized("3.8億港幣"),
        r#"{"kind":"money","text":"3.8億港幣","start":0,"end":12,"value":"380000000","unit":"HKD","qualifier":null}"#
    );
    assert_eq!(
        normalized("2024年3月5號"),
        r#"{"text":"2024年3月5號","start":0,"end":15,"value":"2024-03-05","relative":false}"#
    );
}
