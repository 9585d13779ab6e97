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
fn news_convention_for_months_without_a_year() {
    let t = |text: &str, date: &str| times(text, date);
    // up to six months ahead of the reference month: this year's
    assert_eq!(
        t("将于7月中旬召开", "2015-06-17"),
        pair("7月中旬", "2015-07")
    );
    assert_eq!(t("12月份会加息", "2017-11-09"), pair("12月份", "2017-12"));
    assert_eq!(t("9月停止缩表", "2019-03-21"), pair("9月", "2019-09"));
    // further ahead: last year's
    assert_eq!(
        t("较11月增加123亿美元", "2020-01-08"),
        pair("11月", "2019-11")
    );
    assert_eq!(t("12月环比下降1.8%", "2013-01-19"), pair("12月", "2012-12"));
    assert_eq!(t("10月油价首次突破", "2018-03-28"), pair("10月", "2017-10"));
    // `预计` in January forecasts last December's figure
    assert_eq!(t("预计12月份CPI", "2019-01-07"), pair("12月份", "2018-12"));
    // unless the clause says this year or points ahead
    assert_eq!(
        t("今年美联储还剩下12月", "2013-01-02"),
        vec![
            ("今年".to_string(), "2013".to_string()),
            ("12月".to_string(), "2013-12".to_string())
        ]
    );
    assert_eq!(t("有望在10月份", "2020-03-25"), pair("10月份", "2020-10"));
    assert_eq!(
        t("可能就要等到12月份了", "2015-05-05"),
        pair("12月份", "2015-12")
    );
    // the word counts only in the same clause
    assert_eq!(
        t("今年增长，较11月增加", "2020-01-08"),
        vec![
            ("今年".to_string(), "2020".to_string()),
            ("11月".to_string(), "2019-11".to_string())
        ]
    );
    // spans: in the year of their first month
    assert_eq!(
        t("10-12月", "2020-01-08"),
        pair("10-12月", "2019-10/2019-12")
    );
    assert_eq!(t("5-9月", "2024-02-01"), pair("5-9月", "2024-05/2024-09"));
    assert_eq!(
        t("11月至2月", "2024-01-10"),
        pair("11月至2月", "2023-11/2024-02")
    );
    assert_eq!(
        t("8月至2月", "2024-06-01"),
        pair("8月至2月", "2024-08/2025-02")
    );
    // months on or before the reference month are as before
    assert_eq!(t("3月", "2024-06-01"), pair("3月", "2024-03"));
    // with no reference date: the offset and the month
    assert_eq!(
        normalized("11月"),
        r#"{"text":"11月","start":0,"end":5,"value":null,"relative":true,"offset":"0y","part":"11"}"#
    );
}

#[test]
fn ordinal_weekdays_of_a_month() {
    each_time(
        "2019-07-30",
        &[
            ("4月的最后一个周五", "2019-04-26"),
            ("四月的最后一个星期一", "2019-04-29"),
            ("11月第一个周一", "2019-11-04"),
            ("6月第二个星期五", "2019-06-14"),
            ("2020年2月的最后一个周六", "2020-02-29"),
            ("2019年12月最后1个周二", "2019-12-31"),
            ("去年5月第三个礼拜三", "2018-05-16"),
            ("1月第四个周日", "2019-01-27"),
        ],
    );
    // a fifth weekday is not read (not every month has one): the month alone
    assert_eq!(
        times("2019年4月第五个周一", "2019-07-30"),
        vec![
            ("2019年4月".to_string(), "2019-04".to_string()),
            ("周一".to_string(), "2019-07-29".to_string())
        ]
    );
    // with no reference date: the offset only (the day differs each year)
    assert_eq!(
        normalized("去年5月的最后一个周五"),
        r#"{"text":"去年5月的最后一个周五","start":0,"end":31,"value":null,"relative":true,"offset":"-1y"}"#
    );
    // as the first or the second end of a span
    assert_eq!(
        times("我从四月的最后一个星期一到十月一日不在", "2019-07-30"),
        pair("四月的最后一个星期一到十月一日", "2019-04-29/2019-10-01")
    );
    assert_eq!(
        times("3月1日至3月的最后一个周五", "2019-07-30"),
        pair("3月1日至3月的最后一个周五", "2019-03-01/2019-03-29")
    );
    // no weekday after the ordinal: the month alone
    assert_eq!(
        times("5月第一个交易日", "2019-07-30"),
        pair("5月", "2019-05")
    );
}

#[test]
fn spans_between_two_relative_years() {
    each_time(
        "2024-06-20",
        &[
            ("前年3月至去年5月", "2022-03/2023-05"),
            ("去年10月到今年2月", "2023-10/2024-02"),
            ("去年三季度至今年一季度", "2023-Q3/2024-Q1"),
            ("去年至今年", "2023/2024"),
            ("2020年至今年", "2020/2024"),
            ("去年12月1日至今年1月15日", "2023-12-01/2024-01-15"),
        ],
    );
    // with no reference date: the first end's offset
    assert_eq!(
        normalized("前年3月至去年5月"),
        r#"{"text":"前年3月至去年5月","start":0,"end":23,"value":null,"relative":true,"offset":"-2y"}"#
    );
    // a comparison base is no end of a span
    assert_eq!(times("今年至去年同期", "2024-06-20"), pair("今年", "2024"));
}

#[test]
fn a_span_to_a_relative_year_ends_with_the_last_of_its_months() {
    // regression: `今年前两月` as the second end gave its first month
    assert_eq!(
        times("去年底到今年前两月的新基金发行", "2020-05-25"),
        pair("去年底到今年前两月", "2019-12/2020-02")
    );
    assert_eq!(
        times("2019年1月至2020年前10个月", "2020-12-01"),
        pair("2019年1月至2020年前10个月", "2019-01/2020-10")
    );
}

#[test]
fn two_digit_years_before_a_part_of_the_year() {
    each_time(
        "2020-03-01",
        &[
            ("19年四季度", "2019-Q4"),
            ("19 年四季度", "2019-Q4"),
            ("22年Q4", "2022-Q4"),
            ("18年上半年", "2018-H1"),
            ("16年底", "2016-12"),
            ("11年末", "2011-12"),
            ("21年年底", "2021-12"),
            ("18年前三季度", "2018-Q1/2018-Q3"),
            ("18年1-9月", "2018-01/2018-09"),
            ("一二年上半年", "2012-H1"),
            ("九八年下半年", "1998-H2"),
        ],
    );
    assert_eq!(
        times("碧桂园17年全年销售", "2020-03-01"),
        pair("17年", "2017")
    );
    // traps stay traps: durations, tenors, years ago, decades, model names
    for text in [
        "98年",
        "经过17年的发展",
        "10年期国债",
        "花了17年时间",
        "一二年内",
        "收到一二年的租金",
        "上世纪70年末到80年初",
        "FF91年底量产",
        "18年前一起获批",
        "自10年前三星把",
    ] {
        // `18年前` and `10年前` are days, years before the reference date
        let got: Vec<_> = times(text, "2020-03-01")
            .into_iter()
            .filter(|(t, _)| !t.ends_with("年前"))
            .collect();
        assert_eq!(got, [], "{text}");
    }
}

#[test]
fn two_months_in_a_row_in_chinese_digits() {
    // regression: `一二月份` was read as December
    assert_eq!(
        times("3月份好于一二月份", "2016-05-03"),
        vec![
            ("3月份".to_string(), "2016-03".to_string()),
            ("一二月份".to_string(), "2016-01/2016-02".to_string())
        ]
    );
    each_time(
        "2016-05-03",
        &[
            ("七八月份", "2016-07/2016-08"),
            ("今年五六月份", "2016-05/2016-06"),
            ("去年七八月", "2015-07/2015-08"),
        ],
    );
    // not months: `三四年`, `十二月` is one month
    assert_eq!(times("十二月", "2016-05-03"), pair("十二月", "2015-12"));
    assert_eq!(times("三四年", "2016-05-03"), []);
}

#[test]
fn a_year_end_word_after_a_numeral_that_is_no_year_is_no_time() {
    // regression: `年末` of `第3年末` was read as the reference year's end
    for text in [
        "附第3年末发行人调整票面利率选择权",
        "若投资者第2年末行使回售选择权",
        "这一年初夏",
        "当第二年初",
        "目前行业形势与208年底相似",
    ] {
        assert_eq!(times(text, "2019-06-24"), [], "{text}");
    }
    // a year end word on its own is as before
    assert_eq!(times("年末", "2019-06-24"), pair("年末", "2019-12"));
}

#[test]
fn months_listed_after_a_year_take_its_year() {
    let t = |text: &str, date: &str| times(text, date);
    let owned2 = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        t(
            "时间节点分别为2019年6月份、9月份和2020年3月份",
            "2019-01-15"
        ),
        owned2(&[
            ("2019年6月份", "2019-06"),
            ("9月份", "2019-09"),
            ("2020年3月份", "2020-03")
        ])
    );
    assert_eq!(
        t("2014年3月、7月、8月期间", "2015-03-11"),
        owned2(&[
            ("2014年3月", "2014-03"),
            ("7月", "2014-07"),
            ("8月", "2014-08")
        ])
    );
    assert_eq!(
        t("先后于去年5月、10月受让", "2019-06-12"),
        owned2(&[("去年5月", "2018-05"), ("10月", "2018-10")])
    );
    assert_eq!(
        t("2016年5月和12月先后两次", "2018-03-16"),
        owned2(&[("2016年5月", "2016-05"), ("12月", "2016-12")])
    );
    assert_eq!(
        t("2019年1月3日、3月5日", "2020-06-01"),
        owned2(&[("2019年1月3日", "2019-01-03"), ("3月5日", "2019-03-05")])
    );
    // no list: another word between, or a month before the first
    assert_eq!(
        t("2016年5月上市，12月增发", "2018-03-16"),
        owned2(&[("2016年5月", "2016-05"), ("12月", "2017-12")])
    );
    assert_eq!(
        t("2019年11月、1月", "2020-03-01"),
        owned2(&[("2019年11月", "2019-11"), ("1月", "2020-01")])
    );
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

/// A small unit with no digit after a magnitude starts a measure word
/// (`11.4亿千瓦` is 1.14 billion kW, not 1140001000); `一波三折` is an
/// idiom, no discount.
#[test]
fn a_magnitude_before_a_measure_word_that_starts_with_a_unit() {
    assert_eq!(
        quantities("煤电装机容量11.4亿千瓦左右，新增3万千克。"),
        owned(&[
            ("11.4亿千瓦左右", "1140000000", "千瓦"),
            ("3万千克", "30000", "千克"),
        ])
    );
    assert_eq!(quantities("全球经济复苏仍然一波三折。"), owned(&[]));
}
