//! Parts of a year counted in weeks, months or days after a year
//! (`2021年的第一周`, `明年第九个月`, `2021年的前2周`, `今年的最后3周`,
//! `去年的前10天`), ordinal weekdays of a month (`5月的最后一个周五`,
//! `11月第一个周一`), and decades (`九十年代`).

use super::fields::small_int;
use super::point::{Point, Year};
use super::starts;
use crate::text::skip_ws;

/// A count of weeks, months or days.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Week,
    Month,
    Day,
}

/// `周`/`週`/`个月`/`天` at `p`: the unit and its end.
fn unit_at(s: &str, p: usize) -> Option<(Unit, usize)> {
    let p = skip_ws(s, p);
    if let Some(e) = starts(s, p, "周").or_else(|| starts(s, p, "週")) {
        return Some((Unit::Week, e));
    }
    if let Some(e) = starts(s, p, "个月") {
        return Some((Unit::Month, e));
    }
    starts(s, p, "天").map(|e| (Unit::Day, e))
}

/// A small count `1..=max` at `p` (spaces around it allowed), and its end.
fn count_at(s: &str, p: usize, max: u32) -> Option<(u32, usize)> {
    let (n, e, _) = small_int(s, skip_ws(s, p))?;
    (1..=max).contains(&n).then_some((n, e))
}

/// What follows a year `y` (and an optional `的`) at `p`: `第N周` (ISO
/// week N), `第N个月`, `前N周`/`前N个月`/`前N天`, `最后N周`/`最后N个月`.
pub(super) fn year_part(s: &str, p: usize, y: Year) -> Option<(Point, Option<Point>, usize)> {
    let q = skip_ws(s, p);
    let q = starts(s, q, "的").map_or(q, |e| skip_ws(s, e));
    if let Some(x) = starts(s, q, "第") {
        let (n, e) = count_at(s, x, 53)?;
        return match unit_at(s, e)? {
            (Unit::Week, e2) => Some((Point::Week(y, n as i32), None, e2)),
            (Unit::Month, e2) if n <= 12 => Some((Point::Month(y, n), None, e2)),
            _ => None,
        };
    }
    if let Some(x) = starts(s, q, "前") {
        let (n, e) = count_at(s, x, 53)?;
        return match unit_at(s, e)? {
            (Unit::Week, e2) => Some((Point::Week(y, 1), Some(Point::Week(y, n as i32)), e2)),
            (Unit::Month, e2) if (2..=12).contains(&n) => {
                Some((Point::Month(y, 1), Some(Point::Month(y, n)), e2))
            }
            (Unit::Day, e2) if (2..=31).contains(&n) => {
                Some((Point::Day(y, 1, 1), Some(Point::Day(y, 1, n)), e2))
            }
            _ => None,
        };
    }
    let x = starts(s, q, "最后")?;
    let (n, e) = count_at(s, x, 52)?;
    match unit_at(s, e)? {
        // weeks counted from the last ISO week of the year (0)
        (Unit::Week, e2) => Some((Point::Week(y, 1 - n as i32), Some(Point::Week(y, 0)), e2)),
        (Unit::Month, e2) if (2..=12).contains(&n) => {
            Some((Point::Month(y, 13 - n), Some(Point::Month(y, 12)), e2))
        }
        _ => None,
    }
}

/// What follows a month (and an optional `的`) at `p`: `第N个` or
/// `最后一个` and a weekday (`第二个星期五`, `最后一个周一`): `n` (1-4, or -1
/// for the last: every month has these), the ISO weekday and the end.
pub(super) fn nth_weekday(s: &str, p: usize) -> Option<(i32, u32, usize)> {
    let q = skip_ws(s, p);
    let q = starts(s, q, "的").map_or(q, |e| skip_ws(s, e));
    let (n, e) = if let Some(x) = starts(s, q, "第") {
        let (n, e) = count_at(s, x, 4)?;
        (n as i32, e)
    } else {
        let x = starts(s, q, "最后")?;
        // `最后一个`, `最后1个`
        let e = count_at(s, x, 1).map_or(x, |(_, e)| e);
        (-1, e)
    };
    let e = starts(s, skip_ws(s, e), "个").or_else(|| starts(s, skip_ws(s, e), "個"))?;
    let (_, len) = super::words::WORDS.week.longest_at(s, e)?;
    let wd = crate::text::char_at(s, e + len).and_then(super::fields::weekday)?;
    Some((n, wd, e + len + '一'.len_utf8()))
}

/// `九十年代`, `80年代`, `20世纪50年代`: the decade 1920s-1990s as a span of
/// years.
pub(super) fn decade(s: &str, p: usize) -> Option<(Point, Point, usize)> {
    // `十九世纪七十年代`: a century of its own, unless it is the 20th
    let before = s[..p].trim_end();
    if before.ends_with("世纪")
        && !["20世纪", "20 世纪", "二十世纪"]
            .iter()
            .any(|c| before.ends_with(c))
    {
        return None;
    }
    let (v, e, _) = small_int(s, p)?;
    if !(20..=90).contains(&v) || v % 10 != 0 {
        return None;
    }
    let e = starts(s, skip_ws(s, e), "年代")?;
    let first = 1900 + v as i32;
    Some((
        Point::Year(Year::Abs(first)),
        Point::Year(Year::Abs(first + 9)),
        e,
    ))
}
