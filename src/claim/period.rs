//! The period of a claim, typed: read once from the time stage's value
//! (`2024-Q2`, `2021/2025`, `2024-08`) where the reader takes its times in,
//! asked what the reader needs (a month? the years of a span?), and written
//! back to the SPEC string only when the `Claim` is built.
//!
//! The time stage resolves a point straight to its string, so there is no
//! typed resolved value to hand over; [`Period::parse`] is the one place the
//! string is read, and it accepts only what [`Period`]'s `Display` writes
//! back byte for byte.

use std::fmt;

use super::clause::Spanned;
use crate::time::Time;

/// One calendar point of a period, as the time stage writes its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    /// `2024`.
    Year(u16),
    /// `2024-08`.
    Month(u16, u8),
    /// `2024-08-15`.
    Day(u16, u8, u8),
    /// `2024-Q2`: a quarter, one digit.
    Quarter(u16, u8),
    /// `2024-H1`: a half, one digit.
    Half(u16, u8),
    /// `2024-W05`: an ISO week.
    Week(u16, u8),
}

/// The period of a claim: one point or a span `A/B` of two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Period {
    /// The point, or the start of the span.
    from: Point,
    /// The end of a span.
    to: Option<Point>,
}

impl Period {
    /// Reads a time value (SPEC "Time": `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
    /// `YYYY-Qn`, `YYYY-Hn`, `YYYY-Www`, or a span `A/B`); `None` for any
    /// other string, so that what is read is written back unchanged.
    pub(super) fn parse(value: &str) -> Option<Period> {
        match value.split_once('/') {
            None => Some(Period {
                from: point(value)?,
                to: None,
            }),
            Some((a, b)) => Some(Period {
                from: point(a)?,
                to: Some(point(b)?),
            }),
        }
    }

    /// The year `y` as a period (`2024`); `None` outside 0..=9999.
    pub(super) fn year(y: i32) -> Option<Period> {
        let y = u16::try_from(y).ok().filter(|&y| y <= 9999)?;
        Some(Period {
            from: Point::Year(y),
            to: None,
        })
    }

    /// Whether the period is one month (`2024-05`): `环比` is then month on
    /// month.
    pub(super) fn is_month(self) -> bool {
        matches!((self.from, self.to), (Point::Month(..), None))
    }

    /// The same period a year earlier (`2017-H1` → `2016-H1`): what
    /// `去年同期` names. `None` before year 1 or for a week (ISO weeks do not
    /// carry over from year to year).
    pub(super) fn year_earlier(self) -> Option<Period> {
        Some(Period {
            from: self.from.year_earlier()?,
            to: match self.to {
                Some(p) => Some(p.year_earlier()?),
                None => None,
            },
        })
    }

    /// The first and last year of a span of whole years (`2024/2026`).
    pub(super) fn year_span(self) -> Option<(i32, i32)> {
        match (self.from, self.to) {
            (Point::Year(a), Some(Point::Year(b))) => Some((i32::from(a), i32::from(b))),
            _ => None,
        }
    }
}

impl Point {
    /// The same point a year earlier; 29 February becomes 28 February.
    fn year_earlier(self) -> Option<Point> {
        let back = |y: u16| y.checked_sub(1).filter(|&y| y > 0);
        Some(match self {
            Point::Year(y) => Point::Year(back(y)?),
            Point::Month(y, m) => Point::Month(back(y)?, m),
            Point::Day(y, m, d) => Point::Day(back(y)?, m, if (m, d) == (2, 29) { 28 } else { d }),
            Point::Quarter(y, q) => Point::Quarter(back(y)?, q),
            Point::Half(y, h) => Point::Half(back(y)?, h),
            Point::Week(..) => return None,
        })
    }
}

/// One point of a time value: four digits of year and what follows them.
fn point(s: &str) -> Option<Point> {
    let year = s.get(..4).and_then(digits)?;
    let rest = &s[4..];
    if rest.is_empty() {
        return Some(Point::Year(year));
    }
    let rest = rest.strip_prefix('-')?;
    let two = |s: &str| (s.len() == 2).then(|| digits(s)).flatten();
    let one = |s: &str| (s.len() == 1).then(|| digits(s)).flatten();
    let small = |v: u16| u8::try_from(v).ok();
    Some(match rest.as_bytes().first()? {
        b'Q' => Point::Quarter(year, small(one(&rest[1..])?)?),
        b'H' => Point::Half(year, small(one(&rest[1..])?)?),
        b'W' => Point::Week(year, small(two(&rest[1..])?)?),
        _ => match rest.split_once('-') {
            None => Point::Month(year, small(two(rest)?)?),
            Some((m, d)) => Point::Day(year, small(two(m)?)?, small(two(d)?)?),
        },
    })
}

/// The value of a run of ASCII digits (at most four), `None` for anything
/// else.
fn digits(s: &str) -> Option<u16> {
    let ok = !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| s.parse().ok()).flatten()
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Year(y) => write!(f, "{y:04}"),
            Point::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Point::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
            Point::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Point::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Point::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
        }
    }
}

/// The SPEC string of the period (`2024-Q2`, `2021/2025`).
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            None => write!(f, "{}", self.from),
            Some(to) => write!(f, "{}/{to}", self.from),
        }
    }
}

/// A time of the document with its period, read once.
#[derive(Debug, Clone, Copy)]
pub(super) struct Dated {
    /// Byte offset of the start of the time.
    pub start: usize,
    /// Byte offset of the end (exclusive).
    pub end: usize,
    /// Its period.
    pub period: Period,
}

impl Dated {
    /// The time with its period; `None` for a time with no value (a
    /// relative time without a reference date).
    pub(super) fn of(t: &Time) -> Option<Dated> {
        Some(Dated {
            start: t.start,
            end: t.end,
            period: Period::parse(t.value.as_deref()?)?,
        })
    }
}

impl Spanned for Dated {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_shape_reads_and_writes_back() {
        for v in [
            "2024",
            "2024-08",
            "2024-08-15",
            "2024-Q2",
            "2024-H1",
            "2024-W05",
            "2021/2025",
            "2025-Q1/2025-Q3",
            "2024-01/2024-09",
            "2024-03-01/2024-03-15",
            "0999",
        ] {
            let p = Period::parse(v);
            assert_eq!(p.map(|p| p.to_string()).as_deref(), Some(v), "{v}");
        }
    }

    #[test]
    fn other_strings_are_no_period() {
        for v in [
            "",
            "24",
            "2024-",
            "2024-8",
            "2024-Q",
            "2024-Q12",
            "2024-W5",
            "2024-X1",
            "2024/",
            "/2024",
            "2024-08-1",
            "+2024",
            "２０２４",
            "2024年",
            "2024-Q2/2024-Q3/x",
        ] {
            assert_eq!(Period::parse(v), None, "{v}");
        }
    }

    #[test]
    fn a_year_earlier() {
        let earlier = |s: &str| {
            Period::parse(s)
                .and_then(Period::year_earlier)
                .map(|p| p.to_string())
        };
        assert_eq!(earlier("2017-H1").as_deref(), Some("2016-H1"));
        assert_eq!(earlier("2024-02-29").as_deref(), Some("2023-02-28"));
        assert_eq!(earlier("2021/2025").as_deref(), Some("2020/2024"));
        assert_eq!(
            earlier("2024-01/2024-08").as_deref(),
            Some("2023-01/2023-08")
        );
        assert_eq!(earlier("2024-W05"), None);
        assert_eq!(earlier("0001"), None);
    }

    #[test]
    fn a_month_is_one_month() {
        let month = |v: &str| Period::parse(v).is_some_and(Period::is_month);
        assert!(month("2024-05"));
        assert!(!month("2024"));
        assert!(!month("2024-Q2"));
        assert!(!month("2024-05-01"));
        assert!(!month("2024-W05"));
        assert!(!month("2024-01/2024-09"));
    }

    #[test]
    fn the_years_of_a_span_of_years() {
        let span = |v: &str| Period::parse(v).and_then(Period::year_span);
        assert_eq!(span("2024/2026"), Some((2024, 2026)));
        assert_eq!(span("2021/2025"), Some((2021, 2025)));
        assert_eq!(span("2024"), None);
        assert_eq!(span("2025-Q1/2025-Q3"), None);
        assert_eq!(span("2024-01/2024-09"), None);
    }

    #[test]
    fn a_year_is_written_with_four_digits() {
        assert_eq!(
            Period::year(2026).map(|p| p.to_string()).as_deref(),
            Some("2026")
        );
        assert_eq!(
            Period::year(987).map(|p| p.to_string()).as_deref(),
            Some("0987")
        );
        assert_eq!(Period::year(-1), None);
        assert_eq!(Period::year(10_000), None);
    }

    #[test]
    fn a_time_without_a_value_is_not_dated() {
        let t = crate::normalize_time("去年", None).ok();
        assert!(t.as_ref().is_some_and(|t| Dated::of(t).is_none()));
        let r = crate::RefDate::parse("2025-03-10").ok();
        let t = crate::normalize_time("前三季度", r).ok();
        let d = t.as_ref().and_then(Dated::of);
        assert_eq!(
            d.map(|d| d.period.to_string()).as_deref(),
            Some("2025-Q1/2025-Q3")
        );
    }
}
