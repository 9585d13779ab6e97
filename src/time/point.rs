//! Points in time as written (`2024-Q2`, `去年 9 月`, `上周五`), their
//! offsets and their resolution against a reference date.

use chrono::{Datelike, Duration, NaiveDate};

use super::RefDate;

/// The year of a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Year {
    /// Written: `2024年`.
    Abs(i32),
    /// Relative to the reference year: `去年` = -1; a month or quarter with
    /// no year is `Rel(0)`.
    Rel(i32),
    /// Not written, for a day (`3月5日`) or a month (`11月`): the reference
    /// year (plus the offset, for the second point of a span into the next
    /// year), or the year before when the day would lie more than half a
    /// year after the reference date, or the month more than six months
    /// after the reference month; see [`near_day`] and [`near_month`].
    Near(i32),
}

/// A point (or period) in time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Point {
    /// A year: `2024年`, `去年`.
    Year(Year),
    /// A month of a year: `2024年3月`, `去年 9 月`.
    Month(Year, u32),
    /// A day: `2024年3月15日`.
    Day(Year, u32, u32),
    /// A quarter 1-4: `2024 年二季度`.
    Quarter(Year, u32),
    /// A half 1-2: `上半年`, `2024H1`.
    Half(Year, u32),
    /// `上月` = -1
    RelMonth(i32),
    /// `上个半年` = -1: halves from the reference half year
    RelHalf(i32),
    /// `5年前` = -5: the day that many years from the reference date
    RelYearDay(i32),
    /// `上季度` = -1
    RelQuarter(i32),
    /// `本周` = 0
    RelWeek(i32),
    /// `昨天` = -1
    RelDay(i32),
    /// `15日`: a day of the reference month
    DayOfMonth(u32),
    /// `上周五`: weeks from the reference week, ISO weekday 1-7
    WeekDay(i32, u32),
    /// An ISO week of a year: `2021年的第一周` = 1; 0 and below count back
    /// from the last week of the year (`最后3周` = -2 to 0).
    Week(Year, i32),
    /// `周三` with no week word: the most recent such day on or before the
    /// reference date (ISO weekday 1-7)
    Weekday(u32),
    /// The `n`th given weekday of a month, `n` 1-4, or -1 for the last one:
    /// `5月的最后一个周五` is `NthWeekday(y, 5, -1, 5)`, `11月第一个周一`
    /// `NthWeekday(y, 11, 1, 1)`. Year, month, `n`, ISO weekday 1-7.
    NthWeekday(Year, u32, i32, u32),
}

impl Point {
    /// Whether the point depends on the reference date.
    pub fn is_relative(self) -> bool {
        match self {
            Point::Year(y)
            | Point::Month(y, _)
            | Point::Day(y, ..)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::NthWeekday(y, ..)
            | Point::Week(y, _) => matches!(y, Year::Rel(_) | Year::Near(_)),
            _ => true,
        }
    }

    /// The offset of an unresolved relative point: `-1y`, `0q`, ...
    pub fn offset(self) -> Option<String> {
        let f = |k: i32, u: char| {
            if k == 0 {
                format!("0{u}")
            } else {
                format!("{k:+}{u}")
            }
        };
        Some(match self {
            Point::Year(Year::Rel(k))
            | Point::Month(Year::Rel(k), _)
            | Point::Day(Year::Rel(k), ..)
            | Point::Quarter(Year::Rel(k), _)
            | Point::Half(Year::Rel(k), _)
            | Point::Day(Year::Near(k), ..)
            | Point::Month(Year::Near(k), _)
            | Point::NthWeekday(Year::Rel(k) | Year::Near(k), ..)
            | Point::Week(Year::Rel(k), _) => f(k, 'y'),
            Point::RelMonth(k) => f(k, 'm'),
            Point::RelHalf(k) => f(k, 'h'),
            Point::RelYearDay(k) => f(k, 'y'),
            Point::RelQuarter(k) => f(k, 'q'),
            Point::RelWeek(k) | Point::WeekDay(k, _) => f(k, 'w'),
            Point::Weekday(_) => f(0, 'w'),
            Point::RelDay(k) => f(k, 'd'),
            Point::DayOfMonth(_) => f(0, 'm'),
            _ => return None,
        })
    }

    /// The calendar part of a point in a relative year, as its value
    /// writes it after the year: `Q3`, `H1`, `09`, `09-15`. `None` for a
    /// whole year, a written year and the other relative points (an `n`th
    /// weekday of a month falls on a different day each year: no part).
    pub fn part(self) -> Option<String> {
        Some(match self {
            Point::Month(Year::Rel(_) | Year::Near(_), m) => format!("{m:02}"),
            Point::Day(Year::Rel(_) | Year::Near(_), m, d) => format!("{m:02}-{d:02}"),
            Point::Quarter(Year::Rel(_), q) => format!("Q{q}"),
            Point::Half(Year::Rel(_), h) => format!("H{h}"),
            Point::Week(Year::Rel(_), w) if w > 0 => format!("W{w:02}"),
            _ => return None,
        })
    }

    /// The value (`2024-Q2`), or `None` when the point is relative and
    /// there is no reference date (or the day does not exist).
    pub fn resolve(self, r: Option<RefDate>) -> Option<String> {
        let year = |y: Year| -> Option<i32> {
            match y {
                Year::Abs(y) => Some(y),
                Year::Rel(k) | Year::Near(k) => Some(r?.0.year() + k),
            }
        };
        Some(match self {
            Point::Day(Year::Near(k), m, d) => {
                near_day(r?.0, k, m, d)?.format("%Y-%m-%d").to_string()
            }
            Point::Month(Year::Near(k), m) => format!("{:04}-{m:02}", near_month(r?.0, k, m)?),
            Point::NthWeekday(y, m, n, wd) => {
                let y = match y {
                    Year::Near(k) => near_month(r?.0, k, m)?,
                    y => year(y)?,
                };
                nth_weekday(y, m, n, wd)?.format("%Y-%m-%d").to_string()
            }
            Point::Year(y) => format!("{:04}", year(y)?),
            Point::Month(y, m) => format!("{:04}-{m:02}", year(y)?),
            Point::Day(y, m, d) => {
                let y = year(y)?;
                NaiveDate::from_ymd_opt(y, m, d)?;
                format!("{y:04}-{m:02}-{d:02}")
            }
            Point::Quarter(y, q) => format!("{:04}-Q{q}", year(y)?),
            Point::Week(y, w) => iso_week(year(y)?, w)?,
            Point::Half(y, h) => format!("{:04}-H{h}", year(y)?),
            Point::RelMonth(k) => {
                let r = r?.0;
                let idx = r.year() * 12 + r.month0() as i32 + k;
                format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
            }
            Point::RelHalf(k) => {
                let r = r?.0;
                let idx = r.year() * 2 + (r.month0() / 6) as i32 + k;
                format!("{:04}-H{}", idx.div_euclid(2), idx.rem_euclid(2) + 1)
            }
            Point::RelYearDay(k) => same_day_years_on(r?.0, k)?,
            Point::RelQuarter(k) => {
                let r = r?.0;
                let idx = r.year() * 4 + (r.month0() / 3) as i32 + k;
                format!("{:04}-Q{}", idx.div_euclid(4), idx.rem_euclid(4) + 1)
            }
            Point::RelWeek(k) => {
                let d = r?.0.checked_add_signed(Duration::days(7 * i64::from(k)))?;
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Point::RelDay(k) => {
                let d = r?.0.checked_add_signed(Duration::days(i64::from(k)))?;
                d.format("%Y-%m-%d").to_string()
            }
            Point::DayOfMonth(d) => recent_day_of_month(r?.0, d)?.format("%Y-%m-%d").to_string(),
            Point::Weekday(wd) => {
                let r = r?.0;
                let back = (7 + r.weekday().number_from_monday() - wd) % 7;
                let d = r.checked_sub_signed(Duration::days(i64::from(back)))?;
                d.format("%Y-%m-%d").to_string()
            }
            Point::WeekDay(k, wd) => {
                let r = r?.0;
                let monday = r.checked_sub_signed(Duration::days(
                    i64::from(r.weekday().number_from_monday()) - 1,
                ))?;
                let d = monday
                    .checked_add_signed(Duration::days(7 * i64::from(k) + i64::from(wd) - 1))?;
                d.format("%Y-%m-%d").to_string()
            }
        })
    }
}

/// How far after the reference date a day with no year written may lie
/// before it is read as the year before (news reports what happened more
/// than what is planned): half a year.
const NEAR_DAYS_AHEAD: i64 = 183;

/// The day `m`-`d` of the reference year plus `k`, or of the year before
/// when it would lie more than half a year after the reference date `r`;
/// `2月29日` outside a leap year is the most recent 29 February.
pub(super) fn near_day(r: NaiveDate, k: i32, m: u32, d: u32) -> Option<NaiveDate> {
    let latest = r.checked_add_signed(Duration::days(NEAR_DAYS_AHEAD))?;
    let y = r.year().checked_add(k)?;
    (0..8)
        .filter_map(|back| NaiveDate::from_ymd_opt(y - back, m, d))
        .find(|&day| day <= latest)
}

/// How many months after the reference month a month with no year written
/// may lie before it is read as the year before. Read on the whole corpus,
/// the one to three months ahead of the reference month are nearly always
/// this year's (plans, forecasts, contract months: `将于7月中旬召开` read in
/// June), those seven and more months ahead nearly always last year's (data
/// reported late, `较11月增加` read in January): six.
const NEAR_MONTHS_AHEAD: i32 = 6;

/// The year of month `m` with no year written: the reference year plus `k`,
/// or the year before when the month would lie more than
/// [`NEAR_MONTHS_AHEAD`] months after the reference month of `r`.
pub(super) fn near_month(r: NaiveDate, k: i32, m: u32) -> Option<i32> {
    let y = r.year().checked_add(k)?;
    let ahead = (y - r.year()) * 12 + m as i32 - r.month() as i32;
    Some(if ahead > NEAR_MONTHS_AHEAD { y - 1 } else { y })
}

/// The `n`th weekday `wd` (ISO 1-7) of month `m` of year `y`, `n` 1-5, or
/// the last one for `n` = -1; `None` when the month has no such day (a
/// fifth Monday; the grammar reads `n` up to 4).
fn nth_weekday(y: i32, m: u32, n: i32, wd: u32) -> Option<NaiveDate> {
    if n == -1 {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (7 + last.weekday().number_from_monday() - wd) % 7;
        return last.checked_sub_signed(Duration::days(i64::from(back)));
    }
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let ahead = (7 + wd - first.weekday().number_from_monday()) % 7;
    let n = u32::try_from(n).ok().filter(|n| (1..=5).contains(n))?;
    NaiveDate::from_ymd_opt(y, m, 1 + ahead + 7 * (n - 1))
}

/// The year a point with no year written resolves to on `r`, and its offset
/// `k`: for `Day`, `Month` and `NthWeekday` with a [`Year::Near`] year.
pub(super) fn near_year(p: Point, r: NaiveDate) -> Option<(i32, i32)> {
    match p {
        Point::Day(Year::Near(k), m, d) => Some((near_day(r, k, m, d)?.year(), k)),
        Point::Month(Year::Near(k), m) | Point::NthWeekday(Year::Near(k), m, ..) => {
            Some((near_month(r, k, m)?, k))
        }
        _ => None,
    }
}

/// The point `p` in year `y` when its year is not written (a
/// [`Year::Near`] year); other points as they are.
pub(super) fn in_year(p: Point, y: i32) -> Point {
    match p {
        Point::Day(Year::Near(_), m, d) => Point::Day(Year::Abs(y), m, d),
        Point::Month(Year::Near(_), m) => Point::Month(Year::Abs(y), m),
        Point::NthWeekday(Year::Near(_), m, n, wd) => Point::NthWeekday(Year::Abs(y), m, n, wd),
        p => p,
    }
}

/// The most recent day `d` of a month on or before the reference date `r`
/// (`29日` read on 3 March is 29 January when February has no 29th).
fn recent_day_of_month(r: NaiveDate, d: u32) -> Option<NaiveDate> {
    let idx = r.year() * 12 + r.month0() as i32;
    (0..12).find_map(|back| {
        let i = idx - back;
        let day = NaiveDate::from_ymd_opt(i.div_euclid(12), i.rem_euclid(12) as u32 + 1, d)?;
        (day <= r).then_some(day)
    })
}

/// ISO week `w` of year `y` (`w` counted back from the last week when not
/// positive): `2024-W05`, or `None` when there is no such week.
fn iso_week(y: i32, w: i32) -> Option<String> {
    // the last ISO week is the one holding 28 December
    let last = NaiveDate::from_ymd_opt(y, 12, 28)?.iso_week().week() as i32;
    let w = if w > 0 { w } else { last + w };
    (1..=last).contains(&w).then(|| format!("{y:04}-W{w:02}"))
}

/// The same day `k` years after `r` (29 February in a year without one is
/// the 28th).
fn same_day_years_on(r: NaiveDate, k: i32) -> Option<String> {
    let y = r.year().checked_add(k)?;
    let d = NaiveDate::from_ymd_opt(y, r.month(), r.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, r.month(), r.day() - 1))?;
    Some(d.format("%Y-%m-%d").to_string())
}
