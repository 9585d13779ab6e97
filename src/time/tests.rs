//! Tests of the time grammar on whole expressions.

use super::*;

fn t(expr: &str, r: &str) -> String {
    let r = RefDate::parse(r).ok();
    match normalize_time(expr, r) {
        Ok(t) => format!(
            "{}{}",
            t.value.as_deref().unwrap_or("null"),
            if t.relative { " rel" } else { "" }
        ),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn absolute() {
    assert_eq!(t("2024 年", ""), "2024");
    assert_eq!(t("２０２４年", ""), "2024");
    assert_eq!(t("二〇二四年", ""), "2024");
    assert_eq!(t("二○○一年", ""), "2001");
    assert_eq!(t("2024年3月", ""), "2024-03");
    assert_eq!(t("2024 年 3 月 15 日", ""), "2024-03-15");
    assert_eq!(t("2023年12月31日", ""), "2023-12-31");
    assert_eq!(t("2024 年二季度", ""), "2024-Q2");
    assert_eq!(t("2024年第三季度", ""), "2024-Q3");
    assert_eq!(t("2024Q2", ""), "2024-Q2");
    assert_eq!(t("2024 Q2", ""), "2024-Q2");
    assert_eq!(t("2024H1", ""), "2024-H1");
    assert_eq!(t("2024年上半年", ""), "2024-H1");
    assert_eq!(t("2020年半年度", ""), "2020-H1");
    assert_eq!(t("2024年底", ""), "2024-12");
    assert_eq!(t("2024-03-15", ""), "2024-03-15");
    assert_eq!(t("2024/3/5", ""), "2024-03-05");
    assert_eq!(t("2024年前三季度", ""), "2024-Q1/2024-Q3");
    assert_eq!(t("2024年1-9月", ""), "2024-01/2024-09");
}

#[test]
fn spans() {
    assert_eq!(t("2020年至2022年", ""), "2020/2022");
    assert_eq!(t("2020-2022年", ""), "2020/2022");
    assert_eq!(t("1-9月", "2024-10-20"), "2024-01/2024-09 rel");
    assert_eq!(t("1月至9月", "2024-10-20"), "2024-01/2024-09 rel");
    assert_eq!(t("前三季度", "2025-11-01"), "2025-Q1/2025-Q3 rel");
    assert_eq!(t("今年 1-7 月", "2024-08-10"), "2024-01/2024-07 rel");
    assert_eq!(t("一至三季度", "2024-11-01"), "2024-Q1/2024-Q3 rel");
    assert_eq!(t("2023年3月至2024年6月", ""), "2023-03/2024-06");
}

#[test]
fn relative() {
    let r = "2024-08-21";
    assert_eq!(t("今年", r), "2024 rel");
    assert_eq!(t("去年", r), "2023 rel");
    assert_eq!(t("前年", r), "2022 rel");
    assert_eq!(t("明年", r), "2025 rel");
    assert_eq!(t("上月", r), "2024-07 rel");
    assert_eq!(t("上个月", "2024-01-05"), "2023-12 rel");
    assert_eq!(t("上季度", r), "2024-Q2 rel");
    assert_eq!(t("上季度", "2024-02-01"), "2023-Q4 rel");
    assert_eq!(t("本周", r), "2024-W34 rel");
    assert_eq!(t("本周", "2021-01-01"), "2020-W53 rel");
    assert_eq!(t("去年 9 月", r), "2023-09 rel");
    assert_eq!(t("去年二季度", r), "2023-Q2 rel");
    assert_eq!(t("今年上半年", r), "2024-H1 rel");
    assert_eq!(t("今年年底", r), "2024-12 rel");
    assert_eq!(t("年底", r), "2024-12 rel");
    assert_eq!(t("二季度", r), "2024-Q2 rel");
    assert_eq!(t("第二季度", r), "2024-Q2 rel");
    assert_eq!(t("Q2", r), "2024-Q2 rel");
    assert_eq!(t("上半年", r), "2024-H1 rel");
    assert_eq!(t("H1", r), "2024-H1 rel");
    assert_eq!(t("3 月下旬", r), "2024-03 rel");
    assert_eq!(t("3月15日", r), "2024-03-15 rel");
    assert_eq!(t("昨日", r), "2024-08-20 rel");
    assert_eq!(t("15日", r), "2024-08-15 rel");
    assert_eq!(t("上周五", r), "2024-08-16 rel");
    assert_eq!(t("2016年前三个季度", r), "2016-Q1/2016-Q3");
    assert_eq!(t("前10个月", r), "2024-01/2024-10 rel");
    assert_eq!(t("今年前8月", r), "2024-01/2024-08 rel");
    assert_eq!(t("前 8 个月", r), "2024-01/2024-08 rel");
    assert_eq!(t("第三季", r), "error: not a quantity or time: \"第三季\"");
    assert!(t("一日", r).starts_with("error"));
}

#[test]
fn unresolved_keeps_offset() {
    let tm = normalize_time("去年 9 月", None).unwrap();
    assert_eq!(tm.value, None);
    assert!(tm.relative);
    assert_eq!(tm.offset.as_deref(), Some("-1y"));
    assert_eq!(
        serde_json::to_string(&normalize_time("上季度", None).unwrap()).unwrap(),
        r#"{"text":"上季度","start":0,"end":9,"value":null,"relative":true,"offset":"-1q"}"#
    );
    assert_eq!(
        serde_json::to_string(&normalize_time("2024 年二季度", None).unwrap()).unwrap(),
        r#"{"text":"2024 年二季度","start":0,"end":17,"value":"2024-Q2","relative":false}"#
    );
}

#[test]
fn not_times() {
    assert!(t("2010 万美元", "").starts_with("error"));
    assert!(t("6-8%", "").starts_with("error"));
    assert!(t("去年同期", "").starts_with("error"));
    assert!(t("12:30", "").starts_with("error"));
    assert!(t("13月", "").starts_with("error"));
    assert_eq!(
        t("2024年2月30日", ""),
        "error: unexpected text \"30日\" after \"2024年2月\""
    );
}

#[test]
fn ref_dates() {
    assert!(RefDate::parse("2024-8-1").is_ok());
    assert!(RefDate::parse("2024-13-01").is_err());
    assert!(RefDate::parse("20240801").is_err());
    assert!(RefDate::parse("").is_err());
}

#[test]
fn every_data_line_is_read() {
    use super::words::{RELATIVE_DATA, WORDS, WORDS_DATA, relative_line};
    use crate::lexicon::data_lines;
    let w = &*WORDS;
    for (n, line) in data_lines(RELATIVE_DATA) {
        let (word, r) = relative_line(line).unwrap_or_else(|| panic!("relative.txt:{n}"));
        assert_eq!(
            w.relative.longest_at(word, 0),
            Some((&r, word.len())),
            "{word}"
        );
        assert!(w.starts.longest_at(word, 0).is_some(), "{word}");
    }
    for (n, line) in data_lines(WORDS_DATA) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let (role, word) = (f[0], f[1]);
        let value = f.get(2).map(|v| v.parse::<u32>().ok());
        let found = match (role, value) {
            ("clock", None) => w.clock.longest_at(word, 0).map(|f| (0, f.1)),
            ("skip", None) => w.skip.longest_at(word, 0).map(|f| (0, f.1)),
            ("week", None) => w.week.longest_at(word, 0).map(|f| (0, f.1)),
            ("half", Some(Some(_))) => w.half.longest_at(word, 0).map(|f| (*f.0, f.1)),
            ("year_end", Some(Some(_))) => w.year_end.longest_at(word, 0).map(|f| (*f.0, f.1)),
            ("end", Some(Some(_))) => w.end.longest_at(word, 0).map(|f| (*f.0, f.1)),
            ("year_half", Some(Some(_))) => w.year_half.longest_at(word, 0).map(|f| (*f.0, f.1)),
            ("future", None) => w.future.longest_at(word, 0).map(|f| (0, f.1)),
            _ => panic!("words.txt:{n}: {line}"),
        };
        let expected = value.flatten().unwrap_or(0);
        assert_eq!(found, Some((expected, word.len())), "words.txt:{n}: {line}");
        // `end` and `year_half` words are read only after a year, `future`
        // words only before a month
        if role != "future" {
            assert_eq!(
                w.starts.longest_at(word, 0).is_some(),
                role != "end" && role != "year_half",
                "{word}"
            );
        }
    }
}
