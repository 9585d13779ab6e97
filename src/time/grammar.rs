//! The time grammar at one position of folded text.
//!
//! [`time_at`] passes a cheap gate, then tries in order: clock times and
//! words read as no time, a weekday of the reference week, a written year
//! and what follows it, a relative word (`去年 9 月`, `上季度`), and the
//! forms with no year written (spans first, then single points). The first
//! that matches wins.

use super::clock::clock;
use super::fields::year_with_nian;
use super::fields::{
    abs_year, day, half, month, numeric_date, quarter, small_int, weekday, year_end,
};
use super::point::{Point, Year, in_year, near_year};
use super::spans::{after_year, first_months, first_quarters, month_span, quarter_span};
use super::spans::{span_tail, time_sep};
use super::words::{Relative, WORDS, future_before};
use super::year_parts::nth_weekday;
use super::{RefDate, Time, starts};
use crate::number::is_chinese_numeral_char;
use crate::text::{char_at, skip_ws};

/// A time expression matched in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimeMatch {
    /// Byte offset of the start in the folded text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the folded text.
    pub end: usize,
    /// The point, or the first of a span.
    pub(super) from: Point,
    /// The last point of a span.
    pub(super) to: Option<Point>,
    /// `false` for spans read only to keep quantities out (clock times,
    /// `去年同期`).
    pub emit: bool,
}

impl TimeMatch {
    /// The time, in the offsets and the text of the folded text `s` it
    /// was found in.
    pub(crate) fn to_time(&self, s: &str, r: Option<RefDate>) -> Time {
        let (start, end) = (self.start, self.end);
        let relative = self.from.is_relative() || self.to.is_some_and(Point::is_relative);
        let value = match self.to {
            None => self.from.resolve(r),
            Some(to) => self
                .from
                .resolve(r)
                .zip(same_shift(self.from, to, r).resolve(r))
                .map(|(a, b)| format!("{a}/{b}")),
        };
        let unresolved = value.is_none() && relative;
        let offset = unresolved
            .then(|| {
                self.from
                    .offset()
                    .or_else(|| self.to.and_then(Point::offset))
            })
            .flatten();
        let part = match self.to {
            _ if !unresolved => None,
            None => self.from.part(),
            // both ends in one year: `去年1-9月` is `01/09`
            Some(to) if to.offset() == self.from.offset() => self
                .from
                .part()
                .zip(to.part())
                .map(|(a, b)| format!("{a}/{b}")),
            Some(_) => None,
        };
        Time {
            text: s[start..end].to_string(),
            start,
            end,
            value,
            relative,
            offset,
            part,
        }
    }
}

impl TimeMatch {
    /// This month or day with no year written (`7月`, `3月5日`) in the year
    /// of `prev` when it continues a list after it: `、`, `和`, `及`, `与`,
    /// `或` between them, `prev` ending in a month or day of a written or
    /// relative year, and this month not before that one (`2014年3月、7月、8月`,
    /// `去年5月和10月`, `2019年6月份、9月份`). Else as it is.
    pub(crate) fn in_list_after(self, prev: &TimeMatch, s: &str) -> TimeMatch {
        let numeral = char_at(s, self.start)
            .is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral_char(c));
        let gap = s.get(prev.end..self.start).map(str::trim);
        let joined = gap.is_some_and(|g| ["、", "和", "及", "与", "或", "以及"].contains(&g));
        let (Some(y), Some(m0)) = (
            list_year(prev.to.unwrap_or(prev.from)),
            month_of(prev.to.unwrap_or(prev.from)),
        ) else {
            return self;
        };
        let bare = |p: Point| match p {
            Point::Month(Year::Near(0) | Year::Rel(0), m) => Some(Point::Month(y, m)),
            Point::Day(Year::Near(0), m, d) => Some(Point::Day(y, m, d)),
            _ => None,
        };
        let from = bare(self.from).filter(|p| month_of(*p) >= Some(m0));
        let to = match self.to {
            None => Some(None),
            Some(t) => bare(t).map(Some),
        };
        match (numeral && joined, from, to) {
            (true, Some(from), Some(to)) => TimeMatch { from, to, ..self },
            _ => self,
        }
    }
}

/// The year of a month or day whose year is written or relative (not one
/// left to the news conventions).
fn list_year(p: Point) -> Option<Year> {
    match p {
        Point::Month(y, _) | Point::Day(y, ..) => {
            matches!(y, Year::Abs(_) | Year::Rel(_)).then_some(y)
        }
        _ => None,
    }
}

/// The month of a month or day point.
fn month_of(p: Point) -> Option<u32> {
    match p {
        Point::Month(_, m) | Point::Day(_, m, _) | Point::NthWeekday(_, m, ..) => Some(m),
        _ => None,
    }
}

/// A count of days, weeks or years at `p`: a small integer, but no run of
/// Chinese digits (`五六年后` is five or six years).
fn count(s: &str, p: usize) -> Option<(u32, usize)> {
    let (n, e, digits) = small_int(s, p)?;
    let run = digits == 0
        && s[p..e].chars().count() >= 2
        && s[p..e]
            .chars()
            .all(|c| crate::number::chinese_digit(c).is_some());
    (!run).then_some((n, e))
}

/// The second point of a span with no year written, in the year the first
/// one was read in (`2月29日-3月1日`: both in the leap year; `11月至2月` read
/// in January: last November to this February); other points as they are.
fn same_shift(from: Point, to: Point, r: Option<RefDate>) -> Point {
    let Some(r) = r else { return to };
    let (Some((y1, k1)), Some((_, k2))) = (near_year(from, r.0), near_year(to, r.0)) else {
        return to;
    };
    in_year(to, y1.saturating_add(k2.saturating_sub(k1)))
}

/// Matches a time expression starting exactly at `p` of folded `s`.
pub(crate) fn time_at(s: &str, p: usize) -> Option<TimeMatch> {
    let c = char_at(s, p)?;
    let numeral = c.is_ascii_digit() || is_chinese_numeral_char(c);
    if !may_start(s, p, c, numeral) {
        return None;
    }
    let at = TimeAt { s, p };
    at.no_time()
        .or_else(|| at.week_day())
        .or_else(|| if numeral { at.decade() } else { None })
        .or_else(|| if numeral { at.written_year() } else { None })
        .or_else(|| at.relative())
        .or_else(|| if c == '过' { at.past_span() } else { None })
        .or_else(|| if numeral { at.days_from_now() } else { None })
        .or_else(|| at.this_year_span())
        .or_else(|| at.this_year_point())
}

/// The gate: a numeral starts a time only with a time word after it (see
/// [`numeral_may_start_time`]); anything else only when it is a fixed time
/// word or one of a few letters (`前`, `第`, `Q`, `H`).
fn may_start(s: &str, p: usize, c: char, numeral: bool) -> bool {
    if numeral {
        numeral_may_start_time(s, p)
    } else {
        WORDS.starts_at(s, p)
            || matches!(c, '前' | '第' | 'Q' | 'q' | 'H')
            || s[p..].starts_with("过去")
    }
}

/// A cheap look ahead before any parsing: a numeral starts a time only when a
/// time word (`年`, `月`, `日`, `季`, `点`, `Q`, `:`) follows it, or when it
/// is a numeric date (`2024-03-15`).
fn numeral_may_start_time(s: &str, p: usize) -> bool {
    let mut separator = false;
    for c in s[p..].chars().take(24) {
        match c {
            '年' | '月' | '日' | '号' | '季' | '点' | '點' | '时' | '時' | '天' | ':' | '：'
            | 'Q' | 'q' | 'H' => return true,
            '-' | '/' | '.' => separator = true,
            '0'..='9' | ' ' | '\t' | '~' | '—' | '–' | '〜' | '至' | '到' | '第' => {}
            c if crate::number::is_chinese_numeral_char(c) => {}
            _ => break,
        }
    }
    separator
        && s.as_bytes()
            .get(p..p + 4)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
}

/// The position `p` of `s` where a time is tried, and the steps of the
/// grammar there.
#[derive(Clone, Copy)]
struct TimeAt<'s> {
    /// The folded text.
    s: &'s str,
    /// Where the time would start.
    p: usize,
}

impl TimeAt<'_> {
    /// A span read only to keep quantities out of it.
    fn skip(self, end: usize) -> TimeMatch {
        TimeMatch {
            start: self.p,
            end,
            from: Point::Year(Year::Rel(0)),
            to: None,
            emit: false,
        }
    }

    /// A time from `p` to `end`.
    fn one(self, from: Point, to: Option<Point>, end: usize) -> TimeMatch {
        TimeMatch {
            start: self.p,
            end,
            from,
            to,
            emit: true,
        }
    }

    /// A time from `p` to `end`, or on to the second time of a span after
    /// it (`2020年至2022年`).
    fn span(self, from: Point, to: Option<Point>, end: usize) -> TimeMatch {
        span_tail(self.s, self.p, from, to, end)
    }

    /// Clock times (`12:30`) and the words read as no time (`去年同期`).
    fn no_time(self) -> Option<TimeMatch> {
        let (s, p) = (self.s, self.p);
        if let Some(e) = clock(s, p) {
            return Some(self.skip(e));
        }
        let (_, len) = WORDS.skip.longest_at(s, p)?;
        Some(self.skip(p + len))
    }

    /// `周三`, `星期一`: a day of the reference week.
    fn week_day(self) -> Option<TimeMatch> {
        let (s, p) = (self.s, self.p);
        let (_, len) = WORDS.week.longest_at(s, p)?;
        let e = p + len;
        let wd = char_at(s, e).and_then(weekday)?;
        Some(self.one(Point::Weekday(wd), None, e + '一'.len_utf8()))
    }

    /// A written year: with `年` and what follows it (`2024年3月`,
    /// `2024年至2025年`), or four digits before `Q2`, `H1`, a numeric date
    /// or `-2022年`.
    fn written_year(self) -> Option<TimeMatch> {
        let (s, p) = (self.s, self.p);
        let (y, e, nian) = abs_year(s, p)?;
        if nian {
            let y = Year::Abs(y);
            let (from, to, end) = match after_year(s, e, y) {
                Some((f, t, e2)) => (f, t, e2),
                None => (Point::Year(y), None, e),
            };
            return Some(self.span(from, to, end));
        }
        // `2024Q2`, `2024 H1`
        let q = skip_ws(s, e);
        if matches!(char_at(s, q), Some('Q' | 'q')) {
            if let Some((n, e2)) = quarter(s, q) {
                return Some(self.one(Point::Quarter(Year::Abs(y), n), None, e2));
            }
        }
        if char_at(s, q) == Some('H') {
            if let Some((h, e2)) = half(s, q) {
                return Some(self.one(Point::Half(Year::Abs(y), h), None, e2));
            }
        }
        // `2024-03-15`, `2024/3/15`, `2024.03.15`, and spans of them
        if let Some((pt, e2)) = numeric_date(s, p, y, e) {
            return Some(self.span(pt, None, e2));
        }
        // `2020-2022年`
        let (y2, e2) = time_sep(s, e).and_then(|q2| year_with_nian(s, q2))?;
        (y < y2).then(|| {
            self.one(
                Point::Year(Year::Abs(y)),
                Some(Point::Year(Year::Abs(y2))),
                e2,
            )
        })
    }

    /// A relative word: a year and what follows it, or a point of its own.
    fn relative(self) -> Option<TimeMatch> {
        let (&r, len) = WORDS.relative.longest_at(self.s, self.p)?;
        let e = self.p + len;
        Some(match r {
            Relative::Year(k) => self.relative_year(Year::Rel(k), e),
            Relative::Other(pt) => self.relative_point(pt, e),
        })
    }

    /// `今年`, `去年 9 月`, `明年上半年`, `今年底`: the year `y` written up
    /// to `e`.
    fn relative_year(self, y: Year, e: usize) -> TimeMatch {
        let s = self.s;
        // `去年同期`
        if starts(s, e, "同期").is_some() {
            return self.skip(e + "同期".len());
        }
        let e = starts(s, e, "度").unwrap_or(e);
        let (from, to, end) = match after_year(s, e, y) {
            Some((f, t, e2)) => (f, t, e2),
            None => match year_end(s, e, true) {
                Some((m, e2)) => (Point::Month(y, m), None, e2),
                None => (Point::Year(y), None, e),
            },
        };
        self.span(from, to, end)
    }

    /// `上季度`, `本周`, `昨天`, `上周五`: the point `pt` written up to `e`.
    fn relative_point(self, pt: Point, e: usize) -> TimeMatch {
        if let Point::RelWeek(k) = pt {
            // `上周五`
            if let Some(wd) = char_at(self.s, e).and_then(weekday) {
                return self.one(Point::WeekDay(k, wd), None, e + '一'.len_utf8());
            }
            // `上周末`: its Saturday and Sunday
            if let Some(e2) = starts(self.s, e, "末") {
                return self.one(Point::WeekDay(k, 6), Some(Point::WeekDay(k, 7)), e2);
            }
        }
        self.one(pt, None, e)
    }

    /// `九十年代`: a decade.
    fn decade(self) -> Option<TimeMatch> {
        let (from, to, e) = super::year_parts::decade(self.s, self.p)?;
        Some(self.one(from, Some(to), e))
    }

    /// `5天前`, `3天后`, `5年前`: days from the reference date, or years
    /// before it (a day either way).
    fn days_from_now(self) -> Option<TimeMatch> {
        let (s, p) = (self.s, self.p);
        let (n, e) = count(s, p)?;
        let q = skip_ws(s, e);
        let (years, e) = match starts(s, q, "天") {
            Some(e) => (false, e),
            None => (true, starts(s, q, "年")?),
        };
        // `5年后` is five years after some event more often than after the
        // reference date: only days look forward
        let (sign, e2) = match starts(s, e, "前") {
            Some(e2) => (-1, e2),
            None if !years => (1, starts(s, e, "后")?),
            None => return None,
        };
        let k = sign * i32::try_from(n).ok().filter(|&n| n <= 3660)?;
        let point = if years {
            Point::RelYearDay(k)
        } else {
            Point::RelDay(k)
        };
        Some(self.one(point, None, e2))
    }

    /// `过去十年`, `过去3周`, `过去30天`: the days up to the day before the
    /// reference date.
    fn past_span(self) -> Option<TimeMatch> {
        let s = self.s;
        let q = skip_ws(s, starts(s, self.p, "过去")?);
        let (n, e) = count(s, q)?;
        let k = i32::try_from(n).ok().filter(|&n| (1..=100).contains(&n))?;
        let q = skip_ws(s, e);
        let (from, e) = if let Some(e) = starts(s, q, "年") {
            (Point::RelYearDay(-k), e)
        } else if let Some(e) = starts(s, q, "周").or_else(|| starts(s, q, "週")) {
            (Point::RelDay(-7 * k), e)
        } else {
            (Point::RelDay(-k), starts(s, q, "天")?)
        };
        Some(self.one(from, Some(Point::RelDay(-1)), e))
    }

    /// Spans with no year written, in the reference year: `前三季度`,
    /// `前10个月`, `一至三季度`; `1-9月` in the year of its first month (see
    /// [`TimeAt::month_year`]).
    fn this_year_span(self) -> Option<TimeMatch> {
        let (s, p) = (self.s, self.p);
        let y = Year::Rel(0);
        if let Some((from, to, e)) = first_quarters(s, p, y) {
            return Some(self.one(from, Some(to), e));
        }
        if let Some((from, to, e)) = first_months(s, p, y) {
            return Some(self.one(from, Some(to), e));
        }
        if let Some((a, b, e)) = month_span(s, p) {
            let y = self.month_year();
            return Some(self.one(Point::Month(y, a), Some(Point::Month(y, b)), e));
        }
        let (a, b, e) = quarter_span(s, p)?;
        Some(self.one(Point::Quarter(y, a), Some(Point::Quarter(y, b)), e))
    }

    /// Points with no year written, in the reference year: `二季度`,
    /// `上半年`, `年底`; months and days in the year the news conventions
    /// give (`11月`, `3月15日`, `15日`).
    fn this_year_point(self) -> Option<TimeMatch> {
        let (s, p) = (self.s, self.p);
        let y = Year::Rel(0);
        if let Some((n, e)) = quarter(s, p) {
            return Some(self.quarter_or_count(n, e));
        }
        if let Some((h, e)) = half(s, p) {
            return Some(self.one(Point::Half(y, h), None, e));
        }
        // not the `年末` of `70年末` when `70年` is no year
        let after_numeral = s[..p]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || is_chinese_numeral_char(c));
        if let Some((m, e)) = year_end(s, p, false).filter(|_| !after_numeral) {
            return Some(self.one(Point::Month(y, m), None, e));
        }
        if let Some((m, e)) = month(s, p) {
            let d = skip_ws(s, e);
            if let Some((dd, e2)) = day(s, d) {
                return Some(self.span(Point::Day(Year::Near(0), m, dd), None, e2));
            }
            let y = self.month_year();
            // `4月的最后一个星期一`
            if let Some((n, wd, e2)) = nth_weekday(s, e) {
                return Some(self.span(Point::NthWeekday(y, m, n, wd), None, e2));
            }
            return Some(self.span(Point::Month(y, m), None, e));
        }
        let (d, e) = day(s, p)?;
        // `一日` is "one day" more often than "the 1st"
        let arabic = char_at(s, p).is_some_and(|c| c.is_ascii_digit());
        (arabic || d >= 10).then(|| self.one(Point::DayOfMonth(d), None, e))
    }

    /// The year of a month with no year written at `p`: the reference year
    /// when a word in the clause before it says so or points ahead (`今年`,
    /// `将于`), else [`Year::Near`] (last year's when it lies more than six
    /// months after the reference month).
    fn month_year(self) -> Year {
        if future_before(self.s, self.p) {
            Year::Rel(0)
        } else {
            Year::Near(0)
        }
    }

    /// Quarter `n` of the reference year ending at `e`; after `连续`, `近`
    /// and the like (`连续3季度`, `近4季度`) a count of quarters, read as no
    /// time.
    fn quarter_or_count(self, n: u32, e: usize) -> TimeMatch {
        let (s, p) = (self.s, self.p);
        let counted = char_at(s, p).is_some_and(|c| c.is_ascii_digit())
            && s[..p]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '续' | '近' | '去' | '每' | '个' | '几' | '后'));
        let point = Point::Quarter(Year::Rel(0), n);
        if !counted {
            return self.span(point, None, e);
        }
        TimeMatch {
            start: p,
            end: e,
            from: point,
            to: None,
            emit: false,
        }
    }
}
