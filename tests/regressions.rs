//! Inputs that once crashed or misread (issue 7), replayed with their exact
//! results. Each names the bug it pins.

use std::sync::LazyLock;

use zhnews::Analyzer;

/// Built once: an analyzer loads dictionaries.
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fn normalized(expr: &str) -> String {
    match zhnews::normalize(expr) {
        Ok(q) => serde_json::to_string(&q).unwrap_or_default(),
        Err(e) => format!("error: {e}"),
    }
}

fn quantities(text: &str) -> String {
    serde_json::to_string(&ANALYZER.analyze(text).quantities).unwrap_or_default()
}

/// `v + cents` in `quantity::grammar::apply` was an unchecked `+`: a money
/// amount at the top of the decimal range plus 角/块 cents panicked with
/// "Addition overflowed", in `normalize` and in `analyze`.
#[test]
fn cents_on_the_largest_amount_do_not_panic() {
    assert_eq!(
        normalized("79228162514264337593543950335元9角"),
        "error: number out of range: \"79228162514264337593543950335元9角\""
    );
    assert_eq!(
        normalized("79228162514264337593543950335块9"),
        "error: number out of range: \"79228162514264337593543950335块9\""
    );
    assert_eq!(quantities("79228162514264337593543950335元9角"), "[]");
    assert_eq!(quantities("营收79228162514264337593543950335块9，"), "[]");
    // the amount alone still fits
    assert_eq!(
        normalized("79228162514264337593543950335元"),
        r#"{"kind":"money","text":"79228162514264337593543950335元","start":0,"end":32,"value":"79228162514264337593543950335","unit":"CNY","qualifier":null}"#
    );
}

/// The same addition rounded silently when the sum needed more than 28
/// significant digits: `…335美元又9美分` gave `…335`, `…33.5元9角` gave
/// `…34`. A value that does not fit is an overflow error, never a rounded
/// number.
#[test]
fn cents_that_do_not_fit_are_an_error_not_a_rounded_value() {
    assert_eq!(
        normalized("79228162514264337593543950335美元又9美分"),
        "error: number out of range: \"79228162514264337593543950335美元又9美分\""
    );
    assert_eq!(
        normalized("7922816251426433759354395033.5元9角"),
        "error: number out of range: \"7922816251426433759354395033.5元9角\""
    );
    assert_eq!(
        normalized("12.5元9角"),
        r#"{"kind":"money","text":"12.5元9角","start":0,"end":11,"value":"13.4","unit":"CNY","qualifier":null}"#
    );
}

/// A Chinese decimal part added to a 28-digit integer was rounded by
/// `checked_add` (`…33点五九` → `…34`).
#[test]
fn chinese_decimal_that_does_not_fit_is_an_error() {
    let e = zhnews::parse_number("7922816251426433759354395033点五九").map(|n| n.value);
    assert_eq!(
        e.map_err(|e| e.to_string()),
        Err("number out of range: \"7922816251426433759354395033点五九\"".to_string())
    );
    // a fraction is rounded by nature and stays readable
    let n = zhnews::parse_number("一又三分之一").map(|n| n.value.to_string());
    assert_eq!(n.ok().as_deref(), Some("1.3333333333333333333333333333"));
    let n = zhnews::parse_number("两千万点五五四四").map(|n| n.value.to_string());
    assert_eq!(n.ok().as_deref(), Some("20000000.5544"));
}

/// `high > low * 3` in `quantity::grammar::range` (a change `增长 A 至 B`)
/// panicked with "Multiplication overflowed" for `low` above a third of the
/// decimal range.
#[test]
fn range_after_a_change_verb_at_the_top_of_the_range() {
    assert_eq!(
        quantities("增长30000000000000000000000000000至40000000000000000000000000000"),
        "[]"
    );
    assert_eq!(
        quantities("营收增长30000000000000000000000000000元至40000000000000000000000000000元"),
        r#"[{"kind":"money","text":"30000000000000000000000000000元至40000000000000000000000000000元","start":12,"end":79,"low":"30000000000000000000000000000","high":"40000000000000000000000000000","unit":"CNY","qualifier":null}]"#
    );
    assert_eq!(
        quantities("营收增长20%至30%"),
        r#"[{"kind":"percent","text":"20%至30%","start":12,"end":21,"low":"0.2","high":"0.3","unit":null,"qualifier":null}]"#
    );
}

/// An organisation suffix (`股份`) once extended leftwards over a quantity
/// token, made `拟以2至5亿元回购股份` a name and dropped the range inside it.
#[test]
fn a_quantity_never_becomes_part_of_an_organisation_name() {
    assert_eq!(
        quantities("公司拟以2至5亿元回购股份，回购股份数量不超过 3000 万股。"),
        r#"[{"kind":"money","text":"2至5亿元","start":12,"end":23,"low":"200000000","high":"500000000","unit":"CNY","qualifier":null},{"kind":"count","text":"不超过 3000 万股","start":56,"end":77,"value":"30000000","unit":"股","qualifier":"at_most"}]"#
    );
}

/// The gate that skips lone Chinese digits once skipped `八` before `到`.
#[test]
fn a_chinese_digit_before_a_range_separator_starts_a_range() {
    assert_eq!(
        quantities("总投资预计为八到九百亿泰铢。"),
        r#"[{"kind":"money","text":"八到九百亿泰铢","start":18,"end":39,"low":"80000000000","high":"90000000000","unit":"THB","qualifier":null}]"#
    );
}
