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

#[test]
fn normalize_reads_a_currency_before_the_number() {
    assert_eq!(
        normalized("港币3.14"),
        r#"{"kind":"money","text":"港币3.14","start":0,"end":10,"value":"3.14","unit":"HKD","qualifier":null}"#
    );
    assert_eq!(
        normalized("美元3亿"),
        r#"{"kind":"money","text":"美元3亿","start":0,"end":10,"value":"300000000","unit":"USD","qualifier":null}"#
    );
    assert_eq!(
        normalized("港元3亿"),
        r#"{"kind":"money","text":"港元3亿","start":0,"end":10,"value":"300000000","unit":"HKD","qualifier":null}"#
    );
    // a bare 元 after a named currency is that currency's unit
    assert_eq!(
        normalized("新臺幣100萬元"),
        r#"{"kind":"money","text":"新臺幣100萬元","start":0,"end":18,"value":"1000000","unit":"TWD","qualifier":null}"#
    );
}

#[test]
fn running_text_reads_a_currency_name_first_only_before_a_magnitude() {
    assert_eq!(
        quantities("2月营收约为新台币1970亿，较去年增长"),
        owned(&[("约为新台币1970亿", "197000000000", "TWD")])
    );
    // an exchange rate, and a currency name before a plain number
    assert_eq!(quantities("人民币兑美元6.8"), owned(&[]));
    assert_eq!(quantities("兑美元3亿"), owned(&[("3亿", "300000000", "")]));
    assert_eq!(quantities("美元3.5附近"), owned(&[]));
}

#[test]
fn bare_jiao_and_fen() {
    assert_eq!(
        normalized("八毛"),
        r#"{"kind":"money","text":"八毛","start":0,"end":6,"value":"0.8","unit":"CNY","qualifier":null}"#
    );
    assert_eq!(
        normalized("三块六毛五"),
        r#"{"kind":"money","text":"三块六毛五","start":0,"end":15,"value":"3.65","unit":"CNY","qualifier":null}"#
    );
    assert_eq!(
        normalized("五分钱"),
        r#"{"kind":"money","text":"五分钱","start":0,"end":9,"value":"0.05","unit":"CNY","qualifier":null}"#
    );
    assert_eq!(
        normalized("八毛五"),
        r#"{"kind":"money","text":"八毛五","start":0,"end":9,"value":"0.85","unit":"CNY","qualifier":null}"#
    );
    // running text: 毛/角 before 钱 or no CJK character; 分 only before 钱
    assert_eq!(
        quantities("鸡蛋涨了八毛，白菜五角钱，五角大楼，考了三分，一毛不拔，三分钱，每公斤涨2角。"),
        owned(&[
            ("八毛", "0.8", "CNY"),
            ("五角钱", "0.5", "CNY"),
            ("三分钱", "0.03", "CNY"),
            ("2角", "0.2", "CNY"),
        ])
    );
    assert_eq!(quantities("冰山一角，铁三角，九牛一毛。"), owned(&[]));
}

#[test]
fn normalize_reads_change_phrases_as_a_change() {
    assert_eq!(
        normalized("同比增长 14%"),
        r#"{"basis":"yoy","direction":"up","value":{"kind":"percent","text":"14%","start":13,"end":16,"value":"0.14","unit":null,"qualifier":null}}"#
    );
    assert_eq!(
        normalized("增长3倍"),
        r#"{"basis":null,"direction":"up","value":{"kind":"multiple","text":"3倍","start":6,"end":10,"value":"3","unit":"x","qualifier":null}}"#
    );
    assert_eq!(
        normalized("環比下降了2個百分點"),
        r#"{"basis":"qoq","direction":"down","value":{"kind":"percentage_point","text":"2個百分點","start":15,"end":28,"value":"2","unit":null,"qualifier":null}}"#
    );
    assert_eq!(
        normalized("增长"),
        r#"error: not a quantity or time: "增长""#
    );
    assert_eq!(
        normalized("同比增长abc"),
        r#"error: not a quantity or time: "abc""#
    );
}

#[test]
fn spans_across_a_year_end() {
    assert_eq!(
        normalized("2024年12月至1月"),
        r#"{"text":"2024年12月至1月","start":0,"end":19,"value":"2024-12/2025-01","relative":false}"#
    );
    assert_eq!(
        normalized("2024年11月20日至1月5日"),
        r#"{"text":"2024年11月20日至1月5日","start":0,"end":28,"value":"2024-11-20/2025-01-05","relative":false}"#
    );
    assert_eq!(
        normalized("2024年四季度至一季度"),
        r#"{"text":"2024年四季度至一季度","start":0,"end":28,"value":"2024-Q4/2025-Q1","relative":false}"#
    );
    assert_eq!(
        times("8月至2月", "2024-06-01"),
        [("8月至2月".to_string(), "2024-08/2025-02".to_string())]
    );
    // in order, the year stays
    assert_eq!(
        normalized("2024年1月至3月"),
        r#"{"text":"2024年1月至3月","start":0,"end":18,"value":"2024-01/2024-03","relative":false}"#
    );
}
