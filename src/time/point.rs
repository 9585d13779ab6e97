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
}

impl Point {
    /// Whether the point depends on the reference date.
    pub fn is_relative(self) -> bool {
        match self {
            Point::Year(y)
            | Point::Month(y, _)
            | Point::Day(y, ..)
            | Point::Quarter(y, _)
            | Point::Half(y, _) => matches!(y, Year::Rel(_)),
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
            | Point::Half(Year::Rel(k), _) => f(k, 'y'),
            Point::RelMonth(k) => f(k, 'm'),
            Point::RelQuarter(k) => f(k, 'q'),
            Point::RelWeek(k) | Point::WeekDay(k, _) => f(k, 'w'),
            Point::RelDay(k) => f(k, 'd'),
            Point::DayOfMonth(_) => f(0, 'm'),
            _ => return None,
        })
    }

    /// The calendar part of a point in a relative year, as its value
    /// writes it after the year: `Q3`, `H1`, `09`, `09-15`. `None` for a
    /// whole year, a written year and the other relative points.
    pub fn part(self) -> Option<String> {
        Some(match self {
            Point::Month(Year::Rel(_), m) => format!("{m:02}"),
            Point::Day(Year::Rel(_), m, d) => format!("{m:02}-{d:02}"),
            Point::Quarter(Year::Rel(_), q) => format!("Q{q}"),
            Point::Half(Year::Rel(_), h) => format!("H{h}"),
            _ => return None,
        })
    }

    /// The value (`2024-Q2`), or `None` when the point is relative and
    /// there is no reference date (or the day does not exist).
    pub fn resolve(self, r: Option<RefDate>) -> Option<String> {
        let year = |y: Year| -> Option<i32> {
            match y {
                Year::Abs(y) => Some(y),
                Year::Rel(k) => Some(r?.0.year() + k),
            }
        };
        Some(match self {
            Point::Year(y) => format!("{:04}", year(y)?),
            Point::Month(y, m) => format!("{:04}-{m:02}", year(y)?),
            Point::Day(y, m, d) => {
                let y = year(y)?;
                NaiveDate::from_ymd_opt(y, m, d)?;
                format!("{y:04}-{m:02}-{d:02}")
            }
            Point::Quarter(y, q) => format!("{:04}-Q{q}", year(y)?),
            Point::Half(y, h) => format!("{:04}-H{h}", year(y)?),
            Point::RelMonth(k) => {
                let r = r?.0;
                let idx = r.year() * 12 + r.month0() as i32 + k;
                format!("{:04}-{:02}", idx.div_euclid(12), idx.rem_euclid(12) + 1)
            }
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
            Point::DayOfMonth(d) => {
                let r = r?.0;
                let day = NaiveDate::from_ymd_opt(r.year(), r.month(), d)?;
                day.format("%Y-%m-%d").to_string()
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
