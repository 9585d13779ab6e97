//! The reference date against which relative times resolve.

use chrono::{Datelike, NaiveDate};

use crate::error::Error;

/// A reference date (`YYYY-MM-DD`) against which relative times resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RefDate(pub(super) NaiveDate);

impl RefDate {
    /// A reference date from year, month and day; `None` if invalid.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<RefDate> {
        NaiveDate::from_ymd_opt(year, month, day).map(RefDate)
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// ```
    /// let d = zhnews::RefDate::parse("2024-08-21").unwrap();
    /// assert_eq!(d.to_string(), "2024-08-21");
    /// assert!(zhnews::RefDate::parse("2024-02-30").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<RefDate, Error> {
        let t = s.trim();
        let mut it = t.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (it.next(), it.next(), it.next()) else {
            return Err(Error::InvalidDate {
                input: s.to_string(),
            });
        };
        let ok = y.len() == 4
            && (1..=2).contains(&m.len())
            && (1..=2).contains(&d.len())
            && [y, m, d]
                .iter()
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        let parsed = ok
            .then(|| RefDate::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
            .flatten();
        parsed.ok_or_else(|| Error::InvalidDate {
            input: s.to_string(),
        })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.0.year()
    }
}

impl std::fmt::Display for RefDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl std::str::FromStr for RefDate {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        RefDate::parse(s)
    }
}
