use super::*;

/// `kind value unit qualifier` (or `kind low..high unit qualifier`).
fn n(expr: &str) -> String {
    match normalize(expr) {
        Ok(q) => {
            let v = match (&q.value, &q.low, &q.high) {
                (Some(v), _, _) => v.to_string(),
                (None, Some(l), Some(h)) => format!("{l}..{h}"),
                _ => "?".to_string(),
            };
            let kind = serde_json::to_value(q.kind).unwrap();
            let qual = q.qualifier.map(|x| {
                serde_json::to_value(x)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            });
            format!(
                "{} {} {} {}",
                kind.as_str().unwrap(),
                v,
                q.unit.as_deref().unwrap_or("-"),
                qual.as_deref().unwrap_or("-")
            )
        }
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn money() {
    assert_eq!(n("2.4 亿美元"), "money 240000000 USD -");
    assert_eq!(n("2010 万美元"), "money 20100000 USD -");
    assert_eq!(n("889 亿元"), "money 88900000000 CNY -");
    assert_eq!(n("１２３．４亿元"), "money 12340000000 CNY -");
    assert_eq!(n("82，225.00元"), "money 82225 CNY -");
    assert_eq!(n("1.95港元"), "money 1.95 HKD -");
    assert_eq!(n("5306亿台币"), "money 530600000000 TWD -");
    assert_eq!(n("5306亿新台币"), "money 530600000000 TWD -");
    assert_eq!(n("1万亿日元"), "money 1000000000000 JPY -");
    assert_eq!(n("十五美元"), "money 15 USD -");
    assert_eq!(n("两美元"), "money 2 USD -");
    assert_eq!(n("3块"), "money 3 CNY -");
    assert_eq!(n("8亿元人民币"), "money 800000000 CNY -");
    assert_eq!(n("4人民币"), "money 4 CNY -");
    assert_eq!(n("人民币 8千元"), "money 8000 CNY -");
    assert_eq!(n("$20"), "money 20 USD -");
    assert_eq!(n("US$ 5亿"), "money 500000000 USD -");
    assert_eq!(n("HK$3.5"), "money 3.5 HKD -");
    assert_eq!(n("￥300"), "money 300 CNY -");
    assert_eq!(n("€12"), "money 12 EUR -");
    assert_eq!(n("£7.5"), "money 7.5 GBP -");
    assert_eq!(n("200亿韩元"), "money 20000000000 KRW -");
    assert_eq!(n("1.2万欧元"), "money 12000 EUR -");
    assert_eq!(n("3000英镑"), "money 3000 GBP -");
    assert_eq!(n("500亿卢布"), "money 50000000000 RUB -");
    assert_eq!(n("1.0092瑞士法郎"), "money 1.0092 CHF -");
    assert_eq!(n("五元三毛"), "money 5.3 CNY -");
    assert_eq!(n("50元6角三分"), "money 50.63 CNY -");
    assert_eq!(n("9块9"), "money 9.9 CNY -");
    assert_eq!(n("两美元又三美分"), "money 2.03 USD -");
    assert_eq!(n("三十几万元"), "money 300000..400000 CNY approx");
    assert_eq!(n("一千多万元"), "money 10000000 CNY over");
    assert_eq!(
        n("四十九兆九千五百九十二億元"),
        "money 49959200000000 CNY -"
    );
}

#[test]
fn percent() {
    assert_eq!(n("14%"), "percent 0.14 - -");
    assert_eq!(n("6.0%"), "percent 0.06 - -");
    assert_eq!(n("２５％"), "percent 0.25 - -");
    assert_eq!(n("120%"), "percent 1.2 - -");
    assert_eq!(n("-22.2%"), "percent -0.222 - -");
    assert_eq!(n("负3.9%"), "percent -0.039 - -");
    assert_eq!(n("百分之十四"), "percent 0.14 - -");
    assert_eq!(n("百分之百"), "percent 1 - -");
    assert_eq!(n("百 分 之 2.4"), "percent 0.024 - -");
    assert_eq!(n("百分之15Ｋ"), "percent 150 - -");
    assert_eq!(n("三成"), "percent 0.3 - -");
    assert_eq!(n("七成 六"), "percent 0.76 - -");
    assert_eq!(n("三成半"), "percent 0.35 - -");
    assert_eq!(n("半成"), "percent 0.05 - -");
    // `半成品` (semi-finished goods) is no quantity
    assert_eq!(n("半成品"), "error: not a quantity or time: \"半成品\"");
    // `翻倍股` (stocks that doubled) is a noun
    assert_eq!(n("翻倍股"), "error: not a quantity or time: \"翻倍股\"");
    assert_eq!(n("9.5成"), "percent 0.95 - -");
    assert_eq!(n("5‰"), "percent 0.005 - -");
    assert_eq!(n("千分之五"), "percent 0.005 - -");
    assert_eq!(n("万分之三"), "percent 0.0003 - -");
    assert_eq!(n("百万分之五"), "percent 0.000005 - -");
    assert_eq!(n("五折"), "percent 0.5 - -");
    assert_eq!(n("75折"), "percent 0.75 - -");
    assert_eq!(n("9.9折"), "percent 0.99 - -");
    assert_eq!(n("三八折"), "percent 0.38 - -");
    assert_eq!(n("三点一折"), "percent 0.31 - -");
    assert_eq!(n("对折"), "percent 0.5 - -");
    assert!(n("十折").starts_with("error"));
}

#[test]
fn points_counts_ordinals_multiples() {
    assert_eq!(n("2个百分点"), "percentage_point 2 - -");
    assert_eq!(n("2 个百分点"), "percentage_point 2 - -");
    assert_eq!(n("四点 五个百分点"), "percentage_point 4.5 - -");
    assert_eq!(n("六   个 百 分点"), "percentage_point 6 - -");
    assert_eq!(n("25个基点"), "percentage_point 0.25 - -");
    assert_eq!(n("0.2个基点"), "percentage_point 0.002 - -");
    assert_eq!(n("50 基点"), "percentage_point 0.5 - -");
    assert_eq!(n("0.32港仙"), "money 0.0032 HKD -");
    assert_eq!(n("50美分"), "money 0.5 USD -");
    assert_eq!(n("两美元又三美分"), "money 2.03 USD -");
    assert_eq!(n("6000 万条"), "count 60000000 条 -");
    assert_eq!(n("超过 5 万家"), "count 50000 家 over");
    assert_eq!(n("1.2亿人次"), "count 120000000 人次 -");
    assert_eq!(n("十余家"), "count 10 家 over");
    assert_eq!(n("第14名"), "ordinal 14 - -");
    assert_eq!(n("第 9 名"), "ordinal 9 - -");
    assert_eq!(n("第三"), "ordinal 3 - -");
    assert_eq!(n("翻倍"), "multiple 2 x -");
    assert_eq!(n("翻番"), "multiple 2 x -");
    assert_eq!(n("翻两番"), "multiple 4 x -");
    assert_eq!(n("3倍"), "multiple 3 x -");
    assert_eq!(n("1.5 倍"), "multiple 1.5 x -");
}

#[test]
fn numbers() {
    assert_eq!(n("3.05 亿"), "number 305000000 - -");
    assert_eq!(n("3.07亿"), "number 307000000 - -");
    assert_eq!(n("一万五千亿"), "number 1500000000000 - -");
    assert_eq!(n("两千"), "number 2000 - -");
    assert_eq!(n("十 余 万"), "number 100000 - over");
    assert_eq!(n("几十"), "number 10..100 - approx");
    assert_eq!(n("数十"), "number 10..100 - approx");
    assert_eq!(n("十几"), "number 10..20 - approx");
}

#[test]
fn ranges() {
    assert_eq!(n("3-6 亿美元"), "money 300000000..600000000 USD -");
    assert_eq!(n("2-5亿美元"), "money 200000000..500000000 USD -");
    assert_eq!(n("2至5亿"), "number 200000000..500000000 - -");
    assert_eq!(n("4%-5%"), "percent 0.04..0.05 - -");
    assert_eq!(n("6-8%"), "percent 0.06..0.08 - -");
    assert_eq!(n("10~20%"), "percent 0.1..0.2 - -");
    assert_eq!(n("10～20％"), "percent 0.1..0.2 - -");
    assert_eq!(n("八到九百亿泰铢"), "money 80000000000..90000000000 THB -");
    assert_eq!(
        n("1,500 亿至 1,800 亿元"),
        "money 150000000000..180000000000 CNY -"
    );
    assert_eq!(n("25～30 万元"), "money 250000..300000 CNY -");
    assert_eq!(n("4000-6000 元"), "money 4000..6000 CNY -");
    assert_eq!(n("一千到一千五百万"), "number 10000000..15000000 - -");
    assert_eq!(n("$2-$5"), "money 2..5 USD -");
    assert_eq!(n("约3-5亿元"), "money 300000000..500000000 CNY approx");
}

#[test]
fn to_after_a_change_verb_is_not_a_range() {
    let doc = crate::Analyzer::new()
        .analyze("毛利率提高4.23%至38.86%，营收增长2至5亿元，销量将增长 20% 至 30%");
    let texts: Vec<&str> = doc.quantities.iter().map(|q| q.text.as_str()).collect();
    // `2至5亿元` and `20% 至 30%` are ranges of the change: the ends are close
    assert_eq!(texts, ["4.23%", "38.86%", "2至5亿元", "20% 至 30%"]);
}

#[test]
fn qualifiers() {
    assert_eq!(n("约 100 亿元"), "money 10000000000 CNY approx");
    assert_eq!(n("约为 6000 万美元"), "money 60000000 USD approx");
    assert_eq!(n("近 3 成"), "percent 0.3 - approx");
    assert_eq!(n("超过 5 万家"), "count 50000 家 over");
    assert_eq!(n("超5万家"), "count 50000 家 over");
    assert_eq!(n("逾 3%"), "percent 0.03 - over");
    assert_eq!(n("突破 1 万亿元"), "money 1000000000000 CNY over");
    assert_eq!(n("不到 10%"), "percent 0.1 - under");
    assert_eq!(n("不足 1 成"), "percent 0.1 - under");
    assert_eq!(n("10% 以上"), "percent 0.1 - over");
    assert_eq!(n("10%以下"), "percent 0.1 - under");
    assert_eq!(n("8000 万元左右"), "money 80000000 CNY approx");
    assert_eq!(n("3000 亿上下"), "number 300000000000 - approx");
    assert_eq!(n("至少 2 亿元"), "money 200000000 CNY at_least");
    assert_eq!(n("不低于 5%"), "percent 0.05 - at_least");
    assert_eq!(n("至多 3 家"), "count 3 家 at_most");
    assert_eq!(n("最多 3 家"), "count 3 家 at_most");
    assert_eq!(n("不超过 5 亿元"), "money 500000000 CNY at_most");
    // `不超` is `不超过` shortened, not `超` (over) after a stray `不`
    assert_eq!(n("不超9800万元"), "money 98000000 CNY at_most");
    assert_eq!(n("不超0.9%"), "percent 0.009 - at_most");
    assert_eq!(n("至少有7艘"), "count 7 艘 at_least");
    // both ends negative: one range (a bond yield band)
    assert_eq!(n("-0.055%至-0.008%"), "percent -0.00055..-0.00008 - -");
    // a falling pair is no range
    assert_eq!(
        n("-3%至-5%"),
        "error: unexpected text \"至-5%\" after \"-3%\""
    );
    assert_eq!(n("未超过 3 成"), "percent 0.3 - at_most");
    assert_eq!(n("不高于 4%"), "percent 0.04 - at_most");
    assert_eq!(n("500余万"), "number 5000000 - over");
}

#[test]
fn errors() {
    assert_eq!(
        n("9999999999999999999999999999亿"),
        "error: number out of range: \"9999999999999999999999999999亿\""
    );
    assert_eq!(n("1e40美元"), "error: number out of range: \"1e40美元\"");
    assert_eq!(n(""), "error: not a quantity or time: \"\"");
    assert_eq!(n("营收"), "error: not a quantity or time: \"营收\"");
    assert_eq!(n("2024年"), "error: unexpected text \"年\" after \"2024\"");
}

#[test]
fn offsets_and_json() {
    let q = normalize("  ２５％ ").unwrap();
    assert_eq!((q.start, q.end), (2, 11));
    assert_eq!(q.text, "２５％");
    let json = serde_json::to_string(&normalize("3-6 亿美元").unwrap()).unwrap();
    assert_eq!(
        json,
        r#"{"kind":"money","text":"3-6 亿美元","start":0,"end":13,"low":"300000000","high":"600000000","unit":"USD","qualifier":null}"#
    );
    let back: Quantity = serde_json::from_str(&json).unwrap();
    assert_eq!(back, normalize("3-6 亿美元").unwrap());
}
