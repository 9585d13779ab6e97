//! Property tests (issue 7): for any string, `analyze` never panics and every
//! offset is a char boundary in bounds with `doc[start..end] == text`; every
//! value is a plain exact decimal (SPEC.md "Exact values"); a generated exact
//! number, rendered in Arabic, grouped, magnitude, full-width and Chinese
//! forms, reads back as the same number.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;
use zhnews::QuantityKind;
use zhnews::{Analyzer, RefDate};

/// Cases per property: `default`, or `$ZHNEWS_PROPTEST_CASES` for a long run.
fn cases(default: u32) -> u32 {
    std::env::var("ZHNEWS_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Built once: an analyzer loads dictionaries.
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

// ---------------------------------------------------------------------------
// arbitrary hostile-ish strings

const PIECES: &[&str] = &[
    "亿",
    "万",
    "万亿",
    "亿元",
    "美元",
    "元",
    "港元",
    "人民币",
    "%",
    "％",
    "‰",
    "个百分点",
    "百分之",
    "千分之",
    "分之",
    "年",
    "月",
    "日",
    "号",
    "季度",
    "上半年",
    "前三季度",
    "去年",
    "今年",
    "上月",
    "本周",
    "第",
    "倍",
    "翻倍",
    "成",
    "折",
    "约",
    "超过",
    "以上",
    "左右",
    "不到",
    "至",
    "到",
    "-",
    "~",
    "—",
    ".",
    ",",
    "，",
    "。",
    "、",
    "点",
    "多",
    "余",
    "几",
    "数",
    "两",
    "零",
    "〇",
    "负",
    "半",
    "又",
    "块",
    "角",
    "分",
    "$",
    "¥",
    "HK$",
    "US$",
    "€",
    "k",
    "M",
    "e",
    "E",
    "^",
    "/",
    ":",
    "：",
    "Q",
    "H",
    "http://",
    "www.",
    "@",
    "a",
    "GPT-",
    "iPhone ",
    " ",
    "\u{3000}",
    "\u{a0}",
    "\t",
    "\n",
    "\r\n",
    "\0",
    "😀",
    "👨‍👩‍👧",
    "\u{feff}",
    "\u{200b}",
    "é",
    "ｉＰ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        // Chinese numerals
        4 => prop::collection::vec(
            prop::sample::select("零〇一二两三四五六七八九十百千万亿壹贰叁拾佰仟".chars().collect::<Vec<_>>()),
            1..6
        ).prop_map(|v| v.into_iter().collect()),
        // Arabic and full-width digits
        4 => prop::collection::vec(
            prop::sample::select("0123456789０１２３４５６７８９".chars().collect::<Vec<_>>()),
            1..8
        ).prop_map(|v| v.into_iter().collect()),
        // long runs
        1 => "[0-9]{20,60}",
        1 => "[一二三四五六七八九十百千万亿]{10,40}",
        // CJK text and anything at all
        2 => "[\u{4e00}-\u{9fff}]{1,4}",
        2 => any::<char>().prop_map(String::from),
        1 => "\\PC{1,4}",
    ]
}

fn messy_string() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(3000), ..ProptestConfig::default() })]

    #[test]
    fn analyze_never_panics_and_offsets_hold(s in messy_string()) {
        let doc = ANALYZER.analyze(&s);
        if let Err(e) = common::check_document(&s, &doc) {
            return Err(TestCaseError::fail(format!("{e} in {s:?}")));
        }
        let r = RefDate::parse("2024-08-21").ok();
        let doc = ANALYZER.analyze_at(&s, r);
        if let Err(e) = common::check_document(&s, &doc) {
            return Err(TestCaseError::fail(format!("{e} in {s:?} (with date)")));
        }
        for t in &doc.times {
            prop_assert!(t.value.is_some() || !t.relative, "unresolved with a date: {t:?}");
        }
    }

    #[test]
    fn any_unicode_never_panics(s in "\\PC*", raw in any::<Vec<char>>()) {
        for text in [s, raw.into_iter().collect::<String>()] {
            let doc = ANALYZER.analyze(&text);
            if let Err(e) = common::check_document(&text, &doc) {
                return Err(TestCaseError::fail(format!("{e} in {text:?}")));
            }
        }
    }

    #[test]
    fn normalize_never_panics(s in messy_string()) {
        if let Ok(q) = zhnews::normalize(&s) {
            prop_assert!(q.start <= q.end && q.end <= s.len());
            prop_assert_eq!(&s[q.start..q.end], q.text.as_str());
            let json = serde_json::to_value(&q).unwrap_or(Value::Null);
            for field in ["value", "low", "high"] {
                if let Value::String(v) = &json[field] {
                    prop_assert!(common::plain_decimal(v), "{} in {}", v, json);
                }
            }
        }
        if let Ok(t) = zhnews::normalize_time(&s, RefDate::parse("2025-03-10").ok()) {
            prop_assert!(t.start <= t.end && t.end <= s.len());
            prop_assert_eq!(&s[t.start..t.end], t.text.as_str());
        }
        let _ = zhnews::parse_number(&s);
    }
}

// ---------------------------------------------------------------------------
// the renderer of exact numbers

const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// How to write a number in Chinese.
#[derive(Debug, Clone, Copy)]
struct CnStyle {
    /// `两` for a 2 before 千 or 百.
    liang: bool,
    /// `一十五` rather than `十五` at the very start.
    yi_shi: bool,
}

/// A section below 10^4 (`1005` → `一千零五`); `lead` when nothing is written
/// before it (so `10` may be `十`).
fn cn_section(n: u64, lead: bool, st: CnStyle) -> String {
    debug_assert!(n > 0 && n < 10_000);
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let units = ["千", "百", "十", ""];
    let mut out = String::new();
    let mut zero = false;
    let mut written = false;
    for (i, &d) in digits.iter().enumerate() {
        if d == 0 {
            zero = written;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        let first = !written && lead;
        if i == 2 && d == 1 && first && !st.yi_shi {
            // `十五`
        } else if d == 2 && i < 2 && st.liang {
            out.push('两');
        } else {
            out.push(CN_DIGITS[d as usize]);
        }
        out.push_str(units[i]);
        written = true;
    }
    out
}

/// A number below 10^8 with 万 sections; `lead` as in [`cn_section`].
fn cn_below_yi(n: u64, lead: bool, st: CnStyle) -> String {
    debug_assert!(n > 0 && n < 100_000_000);
    let (hi, lo) = (n / 10_000, n % 10_000);
    let mut out = String::new();
    if hi > 0 {
        out.push_str(&cn_section(hi, lead, st));
        out.push('万');
        if lo > 0 {
            if lo < 1000 {
                out.push('零');
            }
            out.push_str(&cn_section(lo, false, st));
        }
    } else {
        out.push_str(&cn_section(lo, lead, st));
    }
    out
}

/// A non-negative integer in Chinese numerals, 亿 above 10^8 (up to 亿亿).
fn cn_integer(n: u64, st: CnStyle) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let (hi, lo) = (n / 100_000_000, n % 100_000_000);
    if hi == 0 {
        return cn_below_yi(lo, true, st);
    }
    let mut out = if hi >= 100_000_000 {
        // 10^16 and above: `一亿亿`
        let mut h = cn_integer(hi / 100_000_000, st);
        h.push('亿');
        let rest = hi % 100_000_000;
        if rest > 0 {
            if rest < 10_000_000 {
                h.push('零');
            }
            h.push_str(&cn_below_yi(rest, false, st));
        }
        h
    } else {
        cn_below_yi(hi, true, st)
    };
    out.push('亿');
    if lo > 0 {
        if lo < 10_000_000 {
            out.push('零');
        }
        out.push_str(&cn_below_yi(lo, false, st));
    }
    out
}

/// The integer and fraction digit strings of a non-negative decimal.
fn split(n: Decimal) -> (u64, String) {
    let s = n.normalize().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    (
        int.parse().expect("integer part fits u64"),
        frac.to_string(),
    )
}

/// Chinese numerals: `两千万点五五四四`.
fn chinese(n: Decimal, st: CnStyle) -> String {
    let (int, frac) = split(n);
    let mut out = cn_integer(int, st);
    if !frac.is_empty() {
        out.push('点');
        out.extend(frac.bytes().map(|b| CN_DIGITS[usize::from(b - b'0')]));
    }
    out
}

/// `1,234,567.89`.
fn grouped(n: Decimal) -> String {
    let (int, frac) = split(n);
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    }
    out
}

/// `n / 10^k` in plain notation followed by `word`: `1234.5678万`.
fn with_magnitude(n: Decimal, k: u32, word: &str) -> String {
    let scaled = n / Decimal::from_i128_with_scale(10i128.pow(k), 0);
    format!("{}{word}", scaled.normalize())
}

/// `１２３４．５`.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c),
            '.' => '．',
            ',' => '，',
            _ => c,
        })
        .collect()
}

/// Every rendering of `n`.
fn renderings(n: Decimal, st: CnStyle) -> Vec<String> {
    let plain = n.normalize().to_string();
    let mut out = vec![
        plain.clone(),
        grouped(n),
        full_width(&plain),
        full_width(&grouped(n)),
    ];
    for (k, word) in [(4, "万"), (8, "亿"), (12, "万亿")] {
        out.push(with_magnitude(n, k, word));
    }
    out.push(chinese(n, st));
    // Chinese digits under an Arabic magnitude and vice versa: `1.5万亿`,
    // `一千二百三十四万`
    let (int, frac) = split(n);
    if frac.is_empty() && int > 0 {
        if int % 100_000_000 == 0 && int / 100_000_000 < 10_000 {
            out.push(format!("{}亿", cn_integer(int / 100_000_000, st)));
        } else if int % 10_000 == 0 && int / 10_000 < 10_000 {
            out.push(format!("{}万", cn_integer(int / 10_000, st)));
        }
    }
    out
}

/// Exact numbers: integers up to 10^16, decimals with up to 4 places.
fn exact_number() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0u64..=10_000_000_000_000_000).prop_map(Decimal::from),
        (0u64..=10_000_000_000_000_000u64, 0u32..=4).prop_map(|(m, k)| Decimal::new(m as i64, k)),
        // round figures, as news writes them
        (1u64..10_000, 0u32..=12).prop_map(|(m, k)| Decimal::from(m * 10u64.pow(k))),
        (1u64..100_000, 1u32..=4).prop_map(|(m, k)| Decimal::new(m as i64, k)),
    ]
}

fn check_round_trip(n: Decimal, st: CnStyle) -> Result<(), TestCaseError> {
    for r in renderings(n, st) {
        match zhnews::parse_number(&r) {
            Ok(p) => prop_assert_eq!(p.value, n, "number::parse({:?})", r),
            Err(e) => return Err(TestCaseError::fail(format!("number::parse({r:?}): {e}"))),
        }
        let money = format!("{r}元");
        match zhnews::normalize(&money) {
            Ok(q) => {
                prop_assert_eq!(q.kind, QuantityKind::Money, "{:?}", money);
                prop_assert_eq!(q.value, Some(n), "normalize({:?})", money);
                prop_assert_eq!(q.unit.as_deref(), Some("CNY"));
                prop_assert_eq!((q.start, q.end), (0, money.len()));
            }
            Err(e) => return Err(TestCaseError::fail(format!("normalize({money:?}): {e}"))),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), ..ProptestConfig::default() })]

    #[test]
    fn rendered_numbers_read_back(n in exact_number(), liang: bool, yi_shi: bool) {
        check_round_trip(n, CnStyle { liang, yi_shi })?;
    }
}

#[test]
fn renderer_writes_standard_forms() {
    let st = CnStyle {
        liang: false,
        yi_shi: false,
    };
    let d = |s: &str| s.parse::<Decimal>().expect("decimal");
    assert_eq!(chinese(d("1500000000000"), st), "一万五千亿");
    assert_eq!(chinese(d("3050"), st), "三千零五十");
    assert_eq!(chinese(d("10005"), st), "一万零五");
    assert_eq!(chinese(d("100000005"), st), "一亿零五");
    assert_eq!(chinese(d("100500000"), st), "一亿零五十万");
    assert_eq!(chinese(d("456420015"), st), "四亿五千六百四十二万零一十五");
    assert_eq!(chinese(d("10000000000000000"), st), "一亿亿");
    assert_eq!(chinese(d("0.05"), st), "零点零五");
    assert_eq!(chinese(d("15"), st), "十五");
    let liang = CnStyle {
        liang: true,
        yi_shi: true,
    };
    assert_eq!(chinese(d("20000000.5544"), liang), "两千万点五五四四");
    assert_eq!(chinese(d("15"), liang), "一十五");
    assert_eq!(grouped(d("1234567.89")), "1,234,567.89");
    assert_eq!(with_magnitude(d("12345678"), 4, "万"), "1234.5678万");
    assert_eq!(with_magnitude(d("1500000000000"), 12, "万亿"), "1.5万亿");
    assert_eq!(full_width("1,234.5"), "１，２３４．５");
}

#[test]
fn round_trip_examples() {
    let d = |s: &str| s.parse::<Decimal>().expect("decimal");
    for n in [
        "0",
        "1",
        "10",
        "15",
        "3050",
        "10005",
        "100000005",
        "1500000000000",
        "20000000.5544",
        "10000000000000000",
        "9999999999999999",
        "0.0001",
        "1234.5678",
        "100000000.0001",
    ] {
        for (liang, yi_shi) in [(false, false), (true, true)] {
            check_round_trip(d(n), CnStyle { liang, yi_shi }).expect(n);
        }
    }
}
