//! The calendar fields of a time expression at a position: small numbers,
//! years, quarters, halves, months, days, year ends, weekdays and numeric
//! dates (`2024-03-15`).

use chrono::NaiveDate;

use super::point::{Point, Year};
use super::starts;
use super::words::WORDS;
use crate::number::{Grammar, parse_prefix};
use crate::text::{char_at, skip_ws};

/// A small non-negative integer (Arabic or Chinese) at `p`: value, end, and
/// how many Arabic digits it has (0 for Chinese).
pub(super) fn small_int(s: &str, p: usize) -> Option<(u32, usize, usize)> {
    let c = char_at(s, p)?;
    if c.is_ascii_digit() {
        // fast path: plain digits, nothing after them that the numeral
        // grammar would read on (`.5`, `,000`, `万`, `k`)
        let b = s.as_bytes();
        let mut e = p;
        let mut v: u32 = 0;
        while e < b.len() && b[e].is_ascii_digit() {
            v = v.checked_mul(10)?.checked_add(u32::from(b[e] - b'0'))?;
            e += 1;
        }
        let q = skip_ws(s, e);
        let plain = match char_at(s, q) {
            None => true,
            Some('.' | ',' | '，' | 'k' | 'K') => false,
            Some(c) => {
                crate::number::unit_power(c).is_none() && !matches!(c, '多' | '余' | '几' | '点')
            }
        };
        if plain {
            return Some((v, e, e - p));
        }
    } else if !crate::number::is_chinese_numeral_char(c) {
        return None;
    }
    let parsed = parse_prefix(&s[p..], Grammar::TEXT).ok()??;
    let n = &parsed.numeral;
    if n.high.is_some()
        || n.over
        || n.shape.negative
        || n.shape.decimal
        || n.shape.fraction
        || n.shape.big
        || n.value.scale() != 0
    {
        return None;
    }
    let v = u32::try_from(n.value.mantissa()).ok()?;
    let digits = if n.shape.arabic {
        n.shape.int_digits
    } else {
        0
    };
    Some((v, p + parsed.len, digits))
}

/// `2024 年`, `二〇二四年`, or four bare digits: the year, the end, and
/// whether `年` was written.
pub(super) fn abs_year(s: &str, p: usize) -> Option<(i32, usize, bool)> {
    let (v, e, digits) = small_int(s, p)?;
    if v < 100 {
        return short_year(s, p, v, e, digits);
    }
    if !(1000..=2999).contains(&v) || (digits != 0 && digits != 4) {
        return None;
    }
    let q = skip_ws(s, e);
    match starts(s, q, "年") {
        // `2024年度`
        Some(after) => Some((v as i32, starts(s, after, "度").unwrap_or(after), true)),
        None => Some((v as i32, e, false)),
    }
}

/// A two-digit year with its `年`, where it cannot be a number of years:
/// two Arabic digits with a leading zero (`08年`), or before a part of that
/// year (`18年10月`, `19年四季度`, `17年全年`, `16年底`, `18年1-9月`), or two
/// Chinese digits without units (`九八年`, `零八年`) that are not two digits
/// in a row (`五六年` is five or six years; `一二年三月` and `一二年上半年`,
/// with a part of the year, are 2012) and start with neither 三 nor 四 (`三五年`
/// is a few years). `00`-`49` are 2000-2049, `50`-`99` 1950-1999. `98年`
/// alone, `10年`, `十二年` stay durations (`在20年前`, `经过17年`, `10年期`),
/// and so does a year shortly after `世纪` (`上世纪70年末到80年初` are the
/// decades').
fn short_year(s: &str, p: usize, v: u32, e: usize, digits: usize) -> Option<(i32, usize, bool)> {
    let after = starts(s, skip_ws(s, e), "年")?;
    // `上世纪70年末到80年初`: the decade's end and start
    let head = &s[..p];
    let back = head.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    if head[back..].contains("世纪") {
        return None;
    }
    let text = &s[p..e];
    let year = if v < 50 { 2000 + v } else { 1900 + v } as i32;
    let part_after = || {
        let q = skip_ws(s, after);
        starts(s, q, "全年").is_some() || super::spans::after_year(s, q, Year::Abs(year)).is_some()
    };
    let ok = match digits {
        2 => text.starts_with('0') || part_after(),
        0 => {
            let d: Vec<u32> = text
                .chars()
                .filter(|&c| c != '两')
                .filter_map(crate::number::chinese_digit)
                .collect();
            // `五六年`, `一二年`: five or six years, unless a part of the
            // year follows; `三五年` is a few years, and the 2030s and 2040s
            // are left out
            d.len() == 2
                && text.chars().count() == 2
                && !matches!(d[0], 3 | 4)
                && (d[0] + 1 != d[1] || part_after())
        }
        _ => false,
    };
    ok.then_some((year, after, true))
}

/// A year with its `年` written.
pub(super) fn year_with_nian(s: &str, p: usize) -> Option<(i32, usize)> {
    abs_year(s, p).filter(|y| y.2).map(|(y, e, _)| (y, e))
}

/// Quarter after a year or alone: `二季度`, `第二季度`, `Q2`, `一季`,
/// `2季度`. Returns the quarter and the end.
pub(super) fn quarter(s: &str, p: usize) -> Option<(u32, usize)> {
    if let Some(q) = starts(s, p, "Q").or_else(|| starts(s, p, "q")) {
        let c = char_at(s, q)?;
        let n = c.to_digit(10).filter(|n| (1..=4).contains(n))?;
        let e = q + 1;
        if char_at(s, e).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        return Some((n, e));
    }
    let ordinal = starts(s, p, "第");
    let q = ordinal.unwrap_or(p);
    let c = char_at(s, q)?;
    let n = match c {
        '一' | '1' => 1,
        '二' | '2' => 2,
        '三' | '3' => 3,
        '四' | '4' => 4,
        _ => return None,
    };
    let q = skip_ws(s, q + c.len_utf8());
    let e = starts(s, q, "季度").or_else(|| {
        // `一季报`, `三季末`, `第三季以来`; not `四季如春`
        let e = starts(s, q, "季")?;
        let next = char_at(s, e);
        // `第三季营收`, `第二季净利`: a figure of the quarter follows (not
        // a season of a show, `《跑男》第三季收视率`)
        let title = s[..p].ends_with(['》', '”', '"']);
        let figure = ordinal.is_some()
            && !title
            && next.is_some_and(|c| "营收净利业财毛销出亏每经实总同环内".contains(c));
        (figure
            || matches!(
                next,
                Some('报' | '末' | '初' | '度' | '以' | '的' | '，' | '。' | '、')
            ))
        .then_some(e)
    })?;
    // `二季度末`
    let e = starts(s, e, "末").unwrap_or(e);
    Some((n, e))
}

/// `上半年`, `下半年`, `H1`, `H2`.
pub(super) fn half(s: &str, p: usize) -> Option<(u32, usize)> {
    if let Some((&h, len)) = WORDS.half.longest_at(s, p) {
        let e = p + len;
        return Some((h, starts(s, e, "度").unwrap_or(e)));
    }
    let q = starts(s, p, "H")?;
    let n = char_at(s, q)?
        .to_digit(10)
        .filter(|n| (1..=2).contains(n))?;
    let e = q + 1;
    if char_at(s, e).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((n, e))
}

/// `9 月`, `十二月份`, with `上旬`/`中旬`/`下旬`/`初`/`底`/`末` absorbed; not
/// a run of Chinese digits (`一二月份` is January and February, see
/// [`month_pair`]).
pub(super) fn month(s: &str, p: usize) -> Option<(u32, usize)> {
    let (m, e, digits) = small_int(s, p)?;
    if !(1..=12).contains(&m) || digits > 2 || digit_run(&s[p..e]) {
        return None;
    }
    let q = skip_ws(s, e);
    let e = starts(s, q, "月")?;
    // not `3月份以来`... keep 份
    let e = starts(s, e, "份").unwrap_or(e);
    Some((m, month_tail(s, e)))
}

/// Whether `text` is two or more Chinese digits without units (`一二`).
fn digit_run(text: &str) -> bool {
    text.chars().count() >= 2
        && text
            .chars()
            .all(|c| crate::number::chinese_digit(c).is_some())
}

/// `一二月份`, `七八月`: two months in a row written as two Chinese digits,
/// the first, the second and the end.
pub(super) fn month_pair(s: &str, p: usize) -> Option<(u32, u32, usize)> {
    let mut it = s.get(p..)?.chars();
    let (c1, c2) = (it.next()?, it.next()?);
    let a = crate::number::chinese_digit(c1).filter(|&a| a >= 1 && c1 != '两')?;
    let b = crate::number::chinese_digit(c2).filter(|&b| b == a + 1)?;
    let q = skip_ws(s, p + c1.len_utf8() + c2.len_utf8());
    let e = starts(s, q, "月")?;
    let e = starts(s, e, "份").unwrap_or(e);
    Some((a, b, month_tail(s, e)))
}

/// The end of a month after `上旬`, `中旬`, `下旬`, `初`, `底`, `末` or a
/// clause-final `中`.
fn month_tail(s: &str, e: usize) -> usize {
    for w in ["上旬", "中旬", "下旬", "初", "底", "末", "中"] {
        if let Some(x) = starts(s, e, w) {
            // `月中旬` handled above; `月中` only when not `月中国`
            if w == "中" && !matches!(char_at(s, x), Some('，' | '。' | '、' | ' ') | None) {
                continue;
            }
            return x;
        }
    }
    e
}

/// `15 日`, `十五号`.
pub(super) fn day(s: &str, p: usize) -> Option<(u32, usize)> {
    let (d, e, digits) = small_int(s, p)?;
    if !(1..=31).contains(&d) || digits > 2 {
        return None;
    }
    let q = skip_ws(s, e);
    let e = starts(s, q, "日").or_else(|| starts(s, q, "号"))?;
    Some((d, e))
}

/// Year-end and year-start words after a year: `年底`, `年末`, `年初`, and
/// `底`, `末`, `初` when the year's `年` is already read (`2024年底`,
/// `今年底`).
pub(super) fn year_end(s: &str, p: usize, after_nian: bool) -> Option<(u32, usize)> {
    let words = &*WORDS;
    let (&m, len) = match words.year_end.longest_at(s, p) {
        None if after_nian => words.end.longest_at(s, p)?,
        found => found?,
    };
    let e = p + len;
    // `初步`, `末期`
    if matches!(char_at(s, e), Some('步' | '期' | '级' | '始' | '选' | '衷')) {
        return None;
    }
    Some((m, e))
}

/// The ISO weekday (1-7) of `一`..`六`, `日`/`天`.
pub(super) fn weekday(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '日' | '天' => 7,
        _ => return None,
    })
}

/// `2024-03-15`, `2024/3/15`, `2024.03.15` after the year digits.
pub(super) fn numeric_date(s: &str, p: usize, y: i32, e: usize) -> Option<(Point, usize)> {
    let b = s.as_bytes();
    let sep = *b.get(e)?;
    if !matches!(sep, b'-' | b'/' | b'.') || e - p != 4 {
        return None;
    }
    let read = |q: usize| -> Option<(u32, usize)> {
        let mut r = q;
        while r < b.len() && b[r].is_ascii_digit() && r - q < 3 {
            r += 1;
        }
        if r == q || r - q > 2 {
            return None;
        }
        Some((s[q..r].parse().ok()?, r))
    };
    let (m, e1) = read(e + 1)?;
    if b.get(e1) != Some(&sep) {
        return None;
    }
    let (d, e2) = read(e1 + 1)?;
    if b.get(e2)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == sep)
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)?;
    // `2024-03-15日`
    let e3 = starts(s, e2, "日").unwrap_or(e2);
    Some((Point::Day(Year::Abs(y), m, d), e3))
}
