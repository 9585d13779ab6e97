//! Time expressions: years, months, days, quarters, halves, weeks and spans,
//! absolute or relative to a reference date (SPEC.md "Time").
//!
//! `2024 年二季度` → `2024-Q2`; `前三季度` → `2025-Q1/2025-Q3` (with a 2025
//! reference date); `去年 9 月` → `2024-09` and `relative: true`. Without a
//! reference date a relative expression keeps `value: null` and an `offset`
//! such as `"-1y"`.
//!
//! Months and days with no year written follow a news convention (FORMAT.md
//! "Time"): a day of the month or a weekday alone is the most recent on or
//! before the reference date; a month and day is last year's when it lies
//! more than half a year ahead; a month alone is last year's when it lies
//! more than six months after the reference month, unless a word in its
//! clause says this year or points ahead (`今年`, `将于`); listed after a
//! month with a year (`2014年3月、7月`) it takes that year. `4月的最后一个周五`
//! is a day; `去年10月到今年2月` is a span with two relative years.
//!
//! Clock times (`12:30`, `上午 9 点半`) and comparison bases (`去年同期`) are
//! recognised only so that no quantity is read inside them; they give no
//! time.
//!
//! The files: [`refdate`] (the reference date), [`point`] (calendar points
//! and their resolution), [`grammar`] (`time_at`, the grammar at a
//! position, in named steps), [`fields`] (years, quarters, halves, months,
//! days), [`spans`] (what follows a year, `A至B` spans), [`clock`] (clock
//! times), [`words`] (the fixed words, from `data/time/`).

mod clock;
mod fields;
mod grammar;
mod point;
mod refdate;
mod spans;
#[cfg(test)]
mod tests;
mod words;
mod year_parts;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::text::{Folded, InFolded};

pub(crate) use grammar::{TimeMatch, time_at};
pub use refdate::RefDate;

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Time {
    /// The expression as written in the original text.
    pub text: String,
    /// Byte offset of the start in the original text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the original text.
    pub end: usize,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn`, `YYYY-Hn`, `YYYY-Www`, or a
    /// span `A/B`; `None` for a relative expression without a reference date.
    pub value: Option<String>,
    /// Whether the value was resolved against the reference date.
    pub relative: bool,
    /// For a relative expression left unresolved: how far from the reference
    /// date it lies (`"-1y"`, `"0y"`, `"+1q"`, `"-1m"`, `"0w"`, `"-1d"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    /// With `offset`, the calendar part the expression names within its
    /// year, as the value writes it after the year: `"Q3"` (`去年三季度`),
    /// `"H1"`, `"09"` (`去年9月`), `"09-15"`, or `"01/09"` for a span within
    /// one year (`去年1-9月`). Absent for a bare offset (`去年`, `上月`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

/// Reads one time expression exactly, resolving relative forms against
/// `ref_date` when given.
///
/// ```
/// use zhnews::{normalize_time, RefDate};
/// let r = RefDate::parse("2025-03-10").ok();
/// assert_eq!(normalize_time("2024 年二季度", r).unwrap().value.as_deref(), Some("2024-Q2"));
/// assert_eq!(normalize_time("前三季度", r).unwrap().value.as_deref(), Some("2025-Q1/2025-Q3"));
/// let t = normalize_time("去年 9 月", None).unwrap();
/// assert_eq!((t.value, t.offset.as_deref()), (None, Some("-1y")));
/// assert_eq!(t.part.as_deref(), Some("09"));
/// let t = normalize_time("去年三季度", None).unwrap();
/// assert_eq!((t.offset.as_deref(), t.part.as_deref()), (Some("-1y"), Some("Q3")));
/// ```
pub fn normalize_time(expr: &str, ref_date: Option<RefDate>) -> Result<Time, Error> {
    let folded = Folded::new(expr);
    let s = folded.as_str();
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    let m = (start < end)
        .then(|| time_at(&s[..end], start))
        .flatten()
        .filter(|m| m.emit);
    match m {
        Some(m) if m.end == end => Ok(folded.moved(m.to_time(s, ref_date))),
        Some(m) => Err(Error::TrailingText {
            read: folded.original_slice(m.start, m.end).to_string(),
            rest: folded.original_slice(m.end, end).to_string(),
        }),
        None => Err(Error::NotRecognized {
            input: expr.trim().to_string(),
        }),
    }
}

impl InFolded for Time {
    fn move_to_original(&mut self, folded: &Folded<'_>) {
        folded.move_span(&mut self.start, &mut self.end, &mut self.text);
    }
}

/// The end of `w` when it is written at `p` of `s`.
fn starts(s: &str, p: usize, w: &str) -> Option<usize> {
    s.get(p..)?.starts_with(w).then(|| p + w.len())
}
