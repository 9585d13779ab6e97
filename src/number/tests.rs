//! Tests of the numeral grammar on whole expressions.

use super::*;

fn v(s: &str) -> String {
    match parse(s) {
        Ok(n) => match n.high {
            Some(h) => format!("{}..{}", n.value, h),
            None if n.over => format!("{}+", n.value),
            None => n.value.to_string(),
        },
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn arabic() {
    assert_eq!(v("1,234.5"), "1234.5");
    assert_eq!(v("１２３．４"), "123.4");
    assert_eq!(v("82，225.00"), "82225");
    assert_eq!(v("1,050,000,000"), "1050000000");
    assert_eq!(v(".5"), "0.5");
    assert_eq!(v("-.5"), "-0.5");
    assert_eq!(v("4.800"), "4.8");
    assert_eq!(v(".23456000"), "0.23456");
    assert_eq!(v("6.0"), "6");
}

#[test]
fn scientific() {
    assert_eq!(v("1.2732E+15"), "1273200000000000");
    assert_eq!(v("-127.32e13"), "-1273200000000000");
    assert_eq!(v("2e5"), "200000");
    assert_eq!(v("２.７８９０e－１"), "0.2789");
    assert_eq!(v("-12e-1"), "-1.2");
    assert_eq!(v("2^5"), "32");
    assert_eq!(v("2^-1"), "0.5");
    assert_eq!(v("2.5^-1"), "0.4");
}

#[test]
fn chinese() {
    assert_eq!(v("一万五千亿"), "1500000000000");
    assert_eq!(v("二十万亿"), "20000000000000");
    assert_eq!(v("两千"), "2000");
    assert_eq!(v("〇"), "0");
    assert_eq!(v("肆佰陸拾"), "460");
    assert_eq!(v("壹佰伍拾"), "150");
    assert_eq!(v("四亿五千六百四十二万零一十五"), "456420015");
    assert_eq!(v("五兆六十二亿四万五千二"), "5006200045200");
    assert_eq!(v("四万万"), "400000000");
    assert_eq!(v("10万万"), "1000000000");
    assert_eq!(v("一百零十万"), "1100000");
    assert_eq!(v("一万零十二"), "10012");
    assert_eq!(v("零十"), "10");
    assert_eq!(v("拾亿零六万零五百零六"), "1000060506");
    assert_eq!(v("二〇二四"), "2024");
    assert_eq!(v("二十 億"), "2000000000");
    assert_eq!(v("一百 五 十 二"), "152");
    assert_eq!(v("三千 八百 九十六 万 四千 九百 六十五"), "38964965");
}

#[test]
fn elided_last_digit() {
    assert_eq!(v("一万三"), "13000");
    assert_eq!(v("两千四百五"), "2450");
    assert_eq!(v("九十二万四"), "924000");
    assert_eq!(v("一千零五"), "1005");
    assert_eq!(v("百三"), "130");
    assert_eq!(v("千三"), "1300");
    assert_eq!(v("两千三点一"), "2300.1");
}

#[test]
fn mixed() {
    assert_eq!(v("2.4亿"), "240000000");
    assert_eq!(v("3万4000"), "34000");
    assert_eq!(v("25万6千"), "256000");
    assert_eq!(v("1.5万亿"), "1500000000000");
    assert_eq!(v("1,100.9亿"), "110090000000");
    assert_eq!(v("3.07 亿"), "307000000");
    assert_eq!(v("3.07亿"), "307000000");
    assert_eq!(v("5亿1万4千6百"), "500014600");
    assert_eq!(v("2千零30万"), "20300000");
    assert_eq!(v("1000  万"), "10000000");
    assert_eq!(v("7 万5 千4 百"), "75400");
    assert_eq!(v("2010 万"), "20100000");
    assert_eq!(v("40k"), "40000");
    assert_eq!(v("-2.5 M"), "-2500000");
    assert_eq!(v("2051万2331"), "20512331");
}

/// Digits after a unit that count days, months or years belong to the span
/// after them (`1600亿7天期逆回购`), not to the numeral.
#[test]
fn digits_of_a_span_of_time_end_the_numeral() {
    assert_eq!(
        v("1600亿7天期"),
        "error: unexpected text \"7天期\" after \"1600亿\""
    );
    assert_eq!(
        v("100亿6个月期"),
        "error: unexpected text \"6个月期\" after \"100亿\""
    );
}

#[test]
fn decimals_negatives_fractions() {
    assert_eq!(v("三点五"), "3.5");
    assert_eq!(v("三点五亿"), "350000000");
    assert_eq!(v("两千万点五五四四"), "20000000.5544");
    assert_eq!(v("四百亿点零五零"), "40000000000.05");
    assert_eq!(v("负三十二"), "-32");
    assert_eq!(v("负10000"), "-10000");
    assert_eq!(v("-10000"), "-10000");
    assert_eq!(v("二分之一"), "0.5");
    assert_eq!(v("五 分之 一"), "0.2");
    assert_eq!(v("3/4"), "0.75");
    assert_eq!(v("-3/2"), "-1.5");
    assert_eq!(v("1 3/5"), "1.6");
    assert_eq!(v("4 6/3"), "6");
    assert_eq!(v("负一又二分之一"), "-1.5");
    assert_eq!(v("3又一千分之23"), "3.023");
    assert_eq!(v("一百万又五十万分之二十五"), "1000000.00005");
    assert_eq!(v("负３分之负一百五十七").get(..10), Some("52.3333333"));
    assert_eq!(v("半百"), "50");
    assert_eq!(v("十打"), "120");
}

#[test]
fn approximate() {
    assert_eq!(v("十余"), "10+");
    assert_eq!(v("十 余 万"), "100000+");
    assert_eq!(v("一千多万"), "10000000+");
    assert_eq!(v("500余万"), "5000000+");
    assert_eq!(v("十几"), "10..20");
    assert_eq!(v("几十"), "10..100");
    assert_eq!(v("数十"), "10..100");
    assert_eq!(v("三十几万"), "300000..400000");
    assert_eq!(v("一百零几万"), "1000000..1100000");
    assert_eq!(v("一百 二 十 几亿"), "12000000000..13000000000");
}

#[test]
fn overflow_is_an_error() {
    assert_eq!(
        v("9999999999999999999999999999亿"),
        "error: number out of range: \"9999999999999999999999999999亿\""
    );
    assert!(v("99999999999999999999999999999999").starts_with("error: number out of range"));
    assert!(v("1e99").starts_with("error: number out of range"));
    assert!(v("3/0").starts_with("error: division by zero"));
    assert_eq!(v("9亿亿亿亿"), "error: number out of range: \"9亿亿亿亿\"");
}

#[test]
fn not_numbers() {
    assert!(v("万").starts_with("error: not a quantity"));
    assert!(v("两两").starts_with("error"));
    assert!(v("五十千").starts_with("error: unexpected text \"千\""));
}

#[test]
fn the_memo_keeps_each_text_apart() {
    let text = "三百五十亿元，二十";
    let lens = |s: &str| match parse_prefix(s, Grammar::TEXT) {
        Ok(Some(p)) => (p.len, p.numeral.value.to_string()),
        _ => (0, String::new()),
    };
    let (a, b, c, d) = with_memo(|| {
        // the same text twice, then shorter slices of the same bytes and
        // another text: each is read as itself
        (
            lens(text),
            lens(text),
            lens(&text[..6]),
            lens(&text[text.len() - 6..]),
        )
    });
    assert_eq!(a, (15, "35000000000".to_string()));
    assert_eq!(b, a);
    assert_eq!(c, (6, "300".to_string()));
    assert_eq!(d, (6, "20".to_string()));
    // nested scopes and no scope read the same
    assert_eq!(with_memo(|| with_memo(|| lens(&text[..6]))), c);
    assert_eq!(lens(text), a);
}
