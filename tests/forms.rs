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

/// Each `(text, value)`: `text` read alone on `date` is one time of that
/// value.
fn each_time(date: &str, cases: &[(&str, &str)]) {
    for (text, value) in cases {
        assert_eq!(times(text, date), pair(text, value), "{text}");
    }
}

/// One `(text, value)` time.
fn pair(text: &str, value: &str) -> Vec<(String, String)> {
    vec![(text.to_string(), value.to_string())]
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

#[test]
fn old_numerals_and_cantonese_money() {
    assert_eq!(
        normalized("廿五"),
        r#"{"kind":"number","text":"廿五","start":0,"end":6,"value":"25","unit":null,"qualifier":null}"#
    );
    assert_eq!(
        normalized("卅"),
        r#"{"kind":"number","text":"卅","start":0,"end":3,"value":"30","unit":null,"qualifier":null}"#
    );
    assert_eq!(
        normalized("卌二"),
        r#"{"kind":"number","text":"卌二","start":0,"end":6,"value":"42","unit":null,"qualifier":null}"#
    );
    assert_eq!(
        normalized("五蚊"),
        r#"{"kind":"money","text":"五蚊","start":0,"end":6,"value":"5","unit":"HKD","qualifier":null}"#
    );
    assert_eq!(
        normalized("三毫子"),
        r#"{"kind":"money","text":"三毫子","start":0,"end":9,"value":"0.3","unit":"HKD","qualifier":null}"#
    );
    assert_eq!(
        normalized("五蚊三毫"),
        r#"{"kind":"money","text":"五蚊三毫","start":0,"end":12,"value":"5.3","unit":"HKD","qualifier":null}"#
    );
    assert_eq!(
        normalized("八個半"),
        r#"{"kind":"money","text":"八個半","start":0,"end":9,"value":"8.5","unit":"HKD","qualifier":null}"#
    );
    // 毫 before a unit is that unit's milli-
    assert_eq!(
        normalized("5毫米"),
        r#"error: unexpected text "毫米" after "5""#
    );
    assert_eq!(
        times("廿五日到期", "2024-06-26"),
        [("廿五日".to_string(), "2024-06-25".to_string())]
    );
    assert_eq!(
        quantities("一杯奶茶卖廿五蚊，涨了三毫。"),
        owned(&[("廿五蚊", "25", "HKD"), ("三毫", "0.3", "HKD")])
    );
}

#[test]
fn two_digit_years_where_they_cannot_be_durations() {
    let t = |text: &str| times(text, "2024-06-20");
    assert_eq!(t("08年奥运会在北京举办"), pair("08年", "2008"));
    assert_eq!(t("零八年奥运会在北京举办"), pair("零八年", "2008"));
    assert_eq!(t("九八年金融危机"), pair("九八年", "1998"));
    assert_eq!(t("98年3月上市"), pair("98年3月", "1998-03"));
    assert_eq!(t("一二年三月"), pair("一二年三月", "2012-03"));
    assert_eq!(
        t("18年10月1日到19年2月3日"),
        pair("18年10月1日到19年2月3日", "2018-10-01/2019-02-03")
    );
    // durations stay durations
    for text in [
        "10年来",
        "十二年来",
        "五六年后",
        "三五年内",
        "一二年内",
        "98年",
    ] {
        assert_eq!(t(text), [], "{text}");
    }
}

#[test]
fn more_relative_days_and_weeks() {
    let t = |text: &str| times(text, "2024-06-20");
    each_time(
        "2024-06-20",
        &[
            ("大前天", "2024-06-17"),
            ("大后天", "2024-06-23"),
            ("前天", "2024-06-18"),
            ("上周五", "2024-06-14"),
            ("上週五", "2024-06-14"),
            ("上个周三", "2024-06-12"),
            ("3月5号", "2024-03-05"),
        ],
    );
    assert_eq!(
        t("任務是在上上個週三完成的"),
        pair("上上個週三", "2024-06-05")
    );
    assert_eq!(t("3月5號"), pair("3月5號", "2024-03-05"));
}

#[test]
fn unresolved_relative_times_keep_their_calendar_part() {
    assert_eq!(
        normalized("去年三季度"),
        r#"{"text":"去年三季度","start":0,"end":15,"value":null,"relative":true,"offset":"-1y","part":"Q3"}"#
    );
    assert_eq!(
        normalized("去年9月15日"),
        r#"{"text":"去年9月15日","start":0,"end":15,"value":null,"relative":true,"offset":"-1y","part":"09-15"}"#
    );
    assert_eq!(
        normalized("今年上半年"),
        r#"{"text":"今年上半年","start":0,"end":15,"value":null,"relative":true,"offset":"0y","part":"H1"}"#
    );
    assert_eq!(
        normalized("去年1-9月"),
        r#"{"text":"去年1-9月","start":0,"end":12,"value":null,"relative":true,"offset":"-1y","part":"01/09"}"#
    );
    assert_eq!(
        normalized("去年"),
        r#"{"text":"去年","start":0,"end":6,"value":null,"relative":true,"offset":"-1y"}"#
    );
    // resolved: no offset, no part
    let t = zhnews::normalize_time("去年三季度", RefDate::parse("2024-08-21").ok()).unwrap();
    assert_eq!((t.value.as_deref(), t.part), (Some("2023-Q3"), None));
}

#[test]
fn news_conventions_for_days_without_a_year() {
    let t = |text: &str, date: &str| times(text, date);
    // a day of the month or a weekday alone: the most recent on or before
    assert_eq!(t("29日你开心吗", "2018-01-10"), pair("29日", "2017-12-29"));
    assert_eq!(t("29日收盘", "2018-03-10"), pair("29日", "2018-01-29"));
    assert_eq!(t("周三", "2024-06-20"), pair("周三", "2024-06-19"));
    assert_eq!(t("周四", "2024-06-20"), pair("周四", "2024-06-20"));
    assert_eq!(t("周五", "2024-06-20"), pair("周五", "2024-06-14"));
    // unless the week is named
    assert_eq!(t("本周五", "2024-06-20"), pair("本周五", "2024-06-21"));
    assert_eq!(t("下周五", "2024-06-20"), pair("下周五", "2024-06-28"));
    // a month and day: this year, or last year beyond half a year ahead
    assert_eq!(
        t("3月5日将召开", "2024-03-01"),
        pair("3月5日", "2024-03-05")
    );
    assert_eq!(t("12月28日", "2024-01-05"), pair("12月28日", "2023-12-28"));
    assert_eq!(t("2月29日", "2018-05-01"), pair("2月29日", "2016-02-29"));
    assert_eq!(
        t("2月29日-3月1日", "2017-05-01"),
        pair("2月29日-3月1日", "2016-02-29/2016-03-01")
    );
    assert_eq!(
        t("12月28日至1月5日", "2024-01-03"),
        pair("12月28日至1月5日", "2023-12-28/2024-01-05")
    );
}

#[test]
fn parts_of_years_decades_and_spans() {
    let t = |text: &str| times(text, "2019-09-10");
    each_time(
        "2019-09-10",
        &[
            ("2021年的第一周", "2021-W01"),
            ("2021年的第三个月", "2021-03"),
            ("明年第九个月", "2020-09"),
            ("九十年代", "1990/1999"),
            ("80年代", "1980/1989"),
            ("2018年前半年", "2018-H1"),
            ("上个半年", "2019-H1"),
            ("下下周末", "2019-09-28/2019-09-29"),
            ("5天前", "2019-09-05"),
            ("5年前", "2014-09-10"),
            ("过去十年", "2009-09-10/2019-09-09"),
        ],
    );
    assert_eq!(
        t("2021年的前2周"),
        pair("2021年的前2周", "2021-W01/2021-W02")
    );
    assert_eq!(
        t("今年的最後 3 週"),
        pair("今年的最後 3 週", "2019-W50/2019-W52")
    );
    assert_eq!(
        t("2021 年的最後 4 个月"),
        pair("2021 年的最後 4 个月", "2021-09/2021-12")
    );
    assert_eq!(
        t("去年的前10天"),
        pair("去年的前10天", "2018-01-01/2018-01-10")
    );
    assert_eq!(t("十九世纪七十年代"), []);
    assert_eq!(
        t("2015年和2018年之间"),
        pair("2015年和2018年之间", "2015/2018")
    );
    assert_eq!(
        t("三月和九月之间"),
        pair("三月和九月之间", "2019-03/2019-09")
    );
    // 和 without 之间 joins two times, no span
    assert_eq!(
        t("2015年和2018年"),
        vec![
            ("2015年".to_string(), "2015".to_string()),
            ("2018年".to_string(), "2018".to_string()),
        ]
    );
    assert_eq!(
        t("2018/1/10-2018/7/10"),
        pair("2018/1/10-2018/7/10", "2018-01-10/2018-07-10")
    );
    assert_eq!(
        t("二零零四年八月十五"),
        pair("二零零四年八月十五", "2004-08-15")
    );
    assert_eq!(t("过去3周"), pair("过去3周", "2019-08-20/2019-09-09"));
}

#[test]
fn no_new_times_in_these() {
    let t = |text: &str| times(text, "2019-09-10");
    for text in [
        "此前半年报中",
        "随后半年内上证",
        "收盘后半年涨幅",
        "5年后的资本",
        "五六年后",
    ] {
        assert_eq!(t(text), [], "{text}");
    }
}

#[test]
fn document_spans_point_at_the_original_bytes() {
    // full-width digits and signs, traditional characters, an ideographic
    // space, and a number inside a name (`第一財經`: no quantity)
    let text = "騰訊控股２０２４年第二季度營收１６１１億元，同比增長８％。\u{3000}據第一財經報道";
    let doc = ANALYZER.analyze_at(text, RefDate::parse("2024-08-21").ok());
    // each expected span is checked against the bytes of `text`
    fn spans<'a>(text: &str, v: Vec<(&'a str, usize, usize)>) -> Vec<(&'a str, usize, usize)> {
        for &(t, a, b) in &v {
            assert_eq!(&text[a..b], t);
        }
        v
    }
    let quantities: Vec<(&str, usize, usize)> = doc
        .quantities
        .iter()
        .map(|q| (q.text.as_str(), q.start, q.end))
        .collect();
    assert_eq!(
        quantities,
        spans(text, vec![("１６１１億元", 45, 63), ("８％", 78, 84)])
    );
    let times: Vec<(&str, usize, usize)> = doc
        .times
        .iter()
        .map(|t| (t.text.as_str(), t.start, t.end))
        .collect();
    assert_eq!(times, spans(text, vec![("２０２４年第二季度", 12, 39)]));
    let entities: Vec<(&str, usize, usize)> = doc
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.start, e.end))
        .collect();
    assert_eq!(
        entities,
        spans(text, vec![("騰訊控股", 0, 12), ("第一財經", 93, 105)])
    );
    assert_eq!(doc.claims.len(), 1);
    let c = &doc.claims[0];
    assert_eq!((c.start, c.end), (0, 87));
    assert_eq!(
        &text[c.start..c.end],
        "騰訊控股２０２４年第二季度營收１６１１億元，同比增長８％。"
    );
    let subject = c.subject_span.map(|s| (s.start, s.end));
    let metric = c.metric_span.map(|s| (s.start, s.end));
    assert_eq!((subject, metric), (Some((0, 12)), Some((39, 45))));
    assert_eq!(
        (c.subject.as_deref(), c.metric.as_deref()),
        (Some("騰訊控股"), Some("營收"))
    );
    assert_eq!(c.period.as_deref(), Some("2024-Q2"));
    let value = c.value.as_ref().map(|q| (q.text.as_str(), q.start, q.end));
    assert_eq!(value, Some(("１６１１億元", 45, 63)));
    let change = c.change.as_ref().and_then(|ch| ch.value.as_ref());
    assert_eq!(
        change.map(|q| (q.text.as_str(), q.start, q.end)),
        Some(("８％", 78, 84))
    );
}
