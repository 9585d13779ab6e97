//! Spans and what follows a year: `2024年1-9月`, `前三季度`, `一至三季度`,
//! `2020年至2022年`, `3月1日至15日`.

use chrono::NaiveDate;

use super::fields::{day, half, month, quarter, small_int, year_end, year_with_nian};
use super::grammar::TimeMatch;
use super::point::{Point, Year};
use super::starts;
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
    if let Some((n, e)) = quarter(s, q) {
        // `一至三季度` is handled by the span below
        return Some((Point::Quarter(y, n), None, e));
    }
    if let Some((h, e)) = half(s, q) {
        return Some((Point::Half(y, h), None, e));
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
        if let Some((dd, e2)) = day(s, d) {
            let valid = match y {
                Year::Abs(y) => NaiveDate::from_ymd_opt(y, m, dd).is_some(),
                Year::Rel(_) => NaiveDate::from_ymd_opt(2024, m, dd).is_some(),
            };
            if valid {
                return Some((Point::Day(y, m, dd), None, e2));
            }
        }
        return Some((Point::Month(y, m), None, e));
    }
    None
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

/// `1-9月`, `1月至9月`, `一至三月`.
pub(super) fn month_span(s: &str, p: usize) -> Option<(u32, u32, usize)> {
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

/// `2020年至2022年`, `3月1日至15日`: a second time after a separator.
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
    let Some(q) = time_sep(s, end) else {
        return single;
    };
    let second = match from {
        Point::Year(_)
        | Point::Month(..)
        | Point::Quarter(..)
        | Point::Half(..)
        | Point::Day(..) => {
            if let Some((y2, e2)) = year_with_nian(s, q) {
                let y2 = Year::Abs(y2);
                Some(match after_year(s, e2, y2) {
                    Some((f, _, e3)) => (f, e3),
                    None => (Point::Year(y2), e2),
                })
            } else {
                let y = match from {
                    Point::Month(y, _) | Point::Quarter(y, _) | Point::Day(y, ..) => Some(y),
                    _ => None,
                };
                y.and_then(|y| match from {
                    Point::Day(_, m, _) => {
                        if let Some((m2, e2)) = month(s, q) {
                            let d = skip_ws(s, e2);
                            day(s, d).map(|(dd, e3)| (Point::Day(y, m2, dd), e3))
                        } else {
                            day(s, q).map(|(dd, e3)| (Point::Day(y, m, dd), e3))
                        }
                    }
                    Point::Month(..) => month(s, q).map(|(m2, e2)| (Point::Month(y, m2), e2)),
                    Point::Quarter(..) => quarter(s, q).map(|(q2, e2)| (Point::Quarter(y, q2), e2)),
                    _ => None,
                })
                .map(|(to, e)| (into_next_year(from, to), e))
            }
        }
        _ => None,
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

/// The second point of a span that took its year from the first, moved to
/// the next year when it would come before the first (`2024年12月至1月` ends
/// in 2025-01, `11月20日至1月5日` in January of the next year).
fn into_next_year(from: Point, to: Point) -> Point {
    let next = |y: Year| match y {
        Year::Abs(y) => Year::Abs(y.saturating_add(1)),
        Year::Rel(k) => Year::Rel(k.saturating_add(1)),
    };
    match (from, to) {
        (Point::Month(_, a), Point::Month(y, b)) if b < a => Point::Month(next(y), b),
        (Point::Quarter(_, a), Point::Quarter(y, b)) if b < a => Point::Quarter(next(y), b),
        (Point::Day(_, m1, d1), Point::Day(y, m2, d2)) if m2 < m1 && (m1, d1) != (m2, d2) => {
            Point::Day(next(y), m2, d2)
        }
        (_, to) => to,
    }
}

/// Whether two points are of the same kind (two months, two years).
fn same_granularity(a: Point, b: Point) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}
