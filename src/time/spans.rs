//! Spans and what follows a year: `2024年1-9月`, `前三季度`, `一至三季度`,
//! `2020年至2022年`, `3月1日至15日`.

use chrono::NaiveDate;

use super::fields::year_with_nian;
use super::fields::{abs_year, day, half, month, numeric_date, quarter, small_int, year_end};
use super::grammar::TimeMatch;
use super::point::{Point, Year};
use super::starts;
use super::words::Relative;
use crate::text::{char_at, skip_ws};

/// Range separators between two times.
pub(super) fn time_sep(s: &str, p: usize) -> Option<usize> {
    let q = skip_ws(s, p);
    let c = char_at(s, q)?;
    match c {
        '-' | '~' | '—' | '–' | '〜' | '至' | '到' => Some(skip_ws(s, q + c.len_utf8())),
        _ => None,
    }
}

/// `和`, `与` between two times (`2015年和2018年之间`): where the second starts.
fn and_between(s: &str, p: usize) -> Option<usize> {
    let q = skip_ws(s, p);
    let c = char_at(s, q)?;
    matches!(c, '和' | '与').then(|| skip_ws(s, q + c.len_utf8()))
}

/// What follows a year: month [day], quarter, half, year end, 前N季度, a
/// month span. `None` when nothing does.
pub(super) fn after_year(s: &str, p: usize, y: Year) -> Option<(Point, Option<Point>, usize)> {
    let q = skip_ws(s, p);
    if let Some((from, to, e)) = first_quarters(s, q, y) {
        return Some((from, Some(to), e));
    }
    if let Some((from, to, e)) = first_months(s, q, y) {
        return Some((from, Some(to), e));
    }
    if let Some(found) = super::year_parts::year_part(s, q, y) {
        return Some(found);
    }
    if let Some((n, e)) = quarter(s, q) {
        // `一至三季度` is handled by the span below
        return Some((Point::Quarter(y, n), None, e));
    }
    if let Some((h, e)) = half(s, q) {
        return Some((Point::Half(y, h), None, e));
    }
    if let Some((&h, len)) = super::words::WORDS.year_half.longest_at(s, q) {
        return Some((Point::Half(y, h), None, q + len));
    }
    if let Some((m, e)) = year_end(s, q, true) {
        return Some((Point::Month(y, m), None, e));
    }
    // `1-9月`
    if let Some((a, b, e)) = month_span(s, q) {
        return Some((Point::Month(y, a), Some(Point::Month(y, b)), e));
    }
    // `一至三季度`
    if let Some((a, b, e)) = quarter_span(s, q) {
        return Some((Point::Quarter(y, a), Some(Point::Quarter(y, b)), e));
    }
    if let Some((m, e)) = month(s, q) {
        let d = skip_ws(s, e);
        if let Some((dd, e2)) = day(s, d).or_else(|| bare_day(s, q, d, y)) {
            let valid = match y {
                Year::Abs(y) => NaiveDate::from_ymd_opt(y, m, dd).is_some(),
                Year::Rel(_) | Year::Near(_) => NaiveDate::from_ymd_opt(2024, m, dd).is_some(),
            };
            if valid {
                return Some((Point::Day(y, m, dd), None, e2));
            }
        }
        if let Some((n, wd, e2)) = super::year_parts::nth_weekday(s, e) {
            return Some((Point::NthWeekday(y, m, n, wd), None, e2));
        }
        return Some((Point::Month(y, m), None, e));
    }
    None
}

/// `二零零四年八月十五`: a day in Chinese numerals with no 日, after a written
/// year and a month in Chinese numerals, ending the expression (nothing CJK
/// or alphanumeric after it).
fn bare_day(s: &str, month_at: usize, p: usize, y: Year) -> Option<(u32, usize)> {
    if !matches!(y, Year::Abs(_)) || char_at(s, month_at).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !char_at(s, p).is_some_and(crate::number::is_chinese_numeral_char) {
        return None;
    }
    let (d, e, _) = small_int(s, p)?;
    let alone = !char_at(s, e).is_some_and(|c| crate::text::is_cjk(c) || c.is_alphanumeric());
    ((1..=31).contains(&d) && alone).then_some((d, e))
}

/// `前三季度` → Q1..Q3.
pub(super) fn first_quarters(s: &str, p: usize, y: Year) -> Option<(Point, Point, usize)> {
    let q = starts(s, p, "前")?;
    let (n, e) = quarter(s, q).or_else(|| {
        // `前三个季度`
        let (n, e, _) = small_int(s, q)?;
        let e = starts(s, e, "个季度")?;
        (1..=4).contains(&n).then_some((n, e))
    })?;
    (n >= 2).then_some((Point::Quarter(y, 1), Point::Quarter(y, n), e))
}

/// `前10个月`, `前8月` → January to that month.
pub(super) fn first_months(s: &str, p: usize, y: Year) -> Option<(Point, Point, usize)> {
    let q = skip_ws(s, starts(s, p, "前")?);
    let (n, e, _) = small_int(s, q)?;
    let e = skip_ws(s, e);
    let e = starts(s, e, "个月").or_else(|| starts(s, e, "月"))?;
    (2..=12)
        .contains(&n)
        .then_some((Point::Month(y, 1), Point::Month(y, n), e))
}

/// `1-9月`, `1月至9月`, `一至三月`, `七八月份`.
pub(super) fn month_span(s: &str, p: usize) -> Option<(u32, u32, usize)> {
    if let Some(pair) = super::fields::month_pair(s, p) {
        return Some(pair);
    }
    let (a, e, digits) = small_int(s, p)?;
    if !(1..=12).contains(&a) || digits > 2 {
        return None;
    }
    let mut q = skip_ws(s, e);
    if let Some(x) = starts(s, q, "月") {
        q = x;
    }
    let q = time_sep(s, q)?;
    let (b, e) = month(s, q)?;
    (a < b).then_some((a, b, e))
}

/// `一至三季度`, `1-3季度`, `Q1-Q3`.
pub(super) fn quarter_span(s: &str, p: usize) -> Option<(u32, u32, usize)> {
    let (a, e) = if let Some(x) = quarter(s, p) {
        x
    } else {
        let (a, e, _) = small_int(s, p)?;
        (a, e)
    };
    if !(1..=4).contains(&a) {
        return None;
    }
    let q = time_sep(s, e)?;
    let (b, e) = quarter(s, q)?;
    (a < b).then_some((a, b, e))
}

/// `2020年至2022年`, `3月1日至15日`, `去年10月到今年2月`: a second time after
/// a separator.
pub(super) fn span_tail(
    s: &str,
    p: usize,
    from: Point,
    to: Option<Point>,
    end: usize,
) -> TimeMatch {
    let single = TimeMatch {
        start: p,
        end,
        from,
        to,
        emit: true,
    };
    if to.is_some() {
        return single;
    }
    let between = and_between(s, end);
    let Some(q) = time_sep(s, end).or(between) else {
        return single;
    };
    let second = second_point(s, q, from);
    // `A和B之间`: a span only with 之间 or 间 after B
    let second = match (second, between) {
        (Some((to, e)), Some(_)) => ["之间", "间"]
            .iter()
            .find_map(|w| starts(s, e, w))
            .map(|e2| (to, e2)),
        (second, None) => second,
        (None, Some(_)) => None,
    };
    match second {
        Some((to, e)) if same_granularity(from, to) => TimeMatch {
            start: p,
            end: e,
            from,
            to: Some(to),
            emit: true,
        },
        _ => single,
    }
}

/// The second point of a span starting at `q`, after `from`: a numeric
/// date after a numeric date, a written year or a relative year word
/// (`今年`) and what follows it, or a month, day or quarter in the year of
/// `from`.
fn second_point(s: &str, q: usize, from: Point) -> Option<(Point, usize)> {
    let y = match from {
        Point::Year(y) | Point::Half(y, _) => y,
        Point::Month(y, _) | Point::Quarter(y, _) | Point::Day(y, ..) => y,
        Point::NthWeekday(y, ..) => y,
        _ => return None,
    };
    if let Point::Day(Year::Abs(_), ..) = from {
        let numeric = abs_year(s, q)
            .filter(|y| !y.2)
            .and_then(|(y2, e2, _)| numeric_date(s, q, y2, e2));
        if numeric.is_some() {
            return numeric;
        }
    }
    let written = year_with_nian(s, q).map(|(y2, e2)| (Year::Abs(y2), e2));
    if let Some((y2, e2)) = written.or_else(|| relative_year(s, q)) {
        // `去年底到今年前两月` ends with the last of them
        return Some(match after_year(s, e2, y2) {
            Some((f, t, e3)) => (t.unwrap_or(f), e3),
            None => (Point::Year(y2), e2),
        });
    }
    let (to, e) = match from {
        Point::Day(_, m, _) | Point::NthWeekday(_, m, ..) => {
            if let Some((m2, e2)) = month(s, q) {
                let d = skip_ws(s, e2);
                day(s, d)
                    .map(|(dd, e3)| (Point::Day(y, m2, dd), e3))
                    .or_else(|| {
                        let (n, wd, e3) = super::year_parts::nth_weekday(s, e2)?;
                        Some((Point::NthWeekday(y, m2, n, wd), e3))
                    })?
            } else {
                day(s, q).map(|(dd, e3)| (Point::Day(y, m, dd), e3))?
            }
        }
        Point::Month(..) => month(s, q).map(|(m2, e2)| (Point::Month(y, m2), e2))?,
        Point::Quarter(..) => quarter(s, q).map(|(q2, e2)| (Point::Quarter(y, q2), e2))?,
        _ => return None,
    };
    Some((into_next_year(from, to), e))
}

/// A relative year word at `q` (`今年`, `去年`) as the year of the second
/// point of a span, and its end; not `去年同期`.
fn relative_year(s: &str, q: usize) -> Option<(Year, usize)> {
    let (&r, len) = super::words::WORDS.relative.longest_at(s, q)?;
    let Relative::Year(k) = r else { return None };
    let e = q + len;
    if starts(s, e, "同期").is_some() {
        return None;
    }
    Some((Year::Rel(k), starts(s, e, "度").unwrap_or(e)))
}

/// The second point of a span that took its year from the first, moved to
/// the next year when it would come before the first (`2024年12月至1月` ends
/// in 2025-01, `11月20日至1月5日` in January of the next year).
fn into_next_year(from: Point, to: Point) -> Point {
    let next = |y: Year| match y {
        Year::Abs(y) => Year::Abs(y.saturating_add(1)),
        Year::Rel(k) => Year::Rel(k.saturating_add(1)),
        Year::Near(k) => Year::Near(k.saturating_add(1)),
    };
    let m1 = match from {
        Point::Day(_, m, _) | Point::NthWeekday(_, m, ..) => Some(m),
        _ => None,
    };
    match (from, to) {
        (Point::Month(_, a), Point::Month(y, b)) if b < a => Point::Month(next(y), b),
        (Point::Quarter(_, a), Point::Quarter(y, b)) if b < a => Point::Quarter(next(y), b),
        (_, Point::Day(y, m2, d2)) if m1.is_some_and(|m1| m2 < m1) => Point::Day(next(y), m2, d2),
        (_, Point::NthWeekday(y, m2, n, wd)) if m1.is_some_and(|m1| m2 < m1) => {
            Point::NthWeekday(next(y), m2, n, wd)
        }
        (_, to) => to,
    }
}

/// Whether two points are of the same kind (two months, two years; a day
/// and an `n`th weekday are both days).
fn same_granularity(a: Point, b: Point) -> bool {
    let day = |p: Point| matches!(p, Point::Day(..) | Point::NthWeekday(..));
    (day(a) && day(b)) || std::mem::discriminant(&a) == std::mem::discriminant(&b)
}
