//! Time expressions: years, months, days, quarters, halves, weeks and spans,
//! absolute or relative to a reference date (SPEC.md "Time").
//!
//! `2024 年二季度` → `2024-Q2`; `前三季度` → `2025-Q1/2025-Q3` (with a 2025
//! reference date); `去年 9 月` → `2024-09` and `relative: true`. Without a
//! reference date a relative expression keeps `value: null` and an `offset`
//! such as `"-1y"`.
//!
//! Clock times (`12:30`, `上午 9 点半`) and comparison bases (`去年同期`) are
//! recognised only so that no quantity is read inside them; they give no
//! time.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::number::{Grammar, parse_prefix};
use crate::text::{Folded, char_at, skip_ws};

/// A time expression found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// A reference date (`YYYY-MM-DD`) against which relative times resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RefDate(NaiveDate);

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

/// The year of a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Year {
    /// Written: `2024年`.
    Abs(i32),
    /// Relative to the reference year: `去年` = -1; a month or quarter with
    /// no year is `Rel(0)`.
    Rel(i32),
}

/// A point (or period) in time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    Year(Year),
    Month(Year, u32),
    Day(Year, u32, u32),
    Quarter(Year, u32),
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
    fn is_relative(self) -> bool {
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
    fn offset(self) -> Option<String> {
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

    fn resolve(self, r: Option<RefDate>) -> Option<String> {
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

/// A time expression matched in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimeMatch {
    pub start: usize,
    pub end: usize,
    from: Point,
    to: Option<Point>,
    /// `false` for spans read only to keep quantities out (clock times,
    /// `去年同期`).
    pub emit: bool,
}

impl TimeMatch {
    /// The time, with offsets into the original text.
    pub(crate) fn to_time(&self, folded: &Folded<'_>, r: Option<RefDate>) -> Time {
        let start = folded.to_original(self.start);
        let end = folded.to_original(self.end);
        let relative = self.from.is_relative() || self.to.is_some_and(Point::is_relative);
        let value = match self.to {
            None => self.from.resolve(r),
            Some(to) => self
                .from
                .resolve(r)
                .zip(to.resolve(r))
                .map(|(a, b)| format!("{a}/{b}")),
        };
        let offset = match (&value, relative) {
            (None, true) => self
                .from
                .offset()
                .or_else(|| self.to.and_then(Point::offset)),
            _ => None,
        };
        Time {
            text: folded.original()[start..end].to_string(),
            start,
            end,
            value,
            relative,
            offset,
        }
    }
}

/// Relative words, longest first within each group.
const REL_WORDS: &[(&str, Point)] = &[
    ("上一季度", Point::RelQuarter(-1)),
    ("上个季度", Point::RelQuarter(-1)),
    ("下一季度", Point::RelQuarter(1)),
    ("下个季度", Point::RelQuarter(1)),
    ("上季度", Point::RelQuarter(-1)),
    ("本季度", Point::RelQuarter(0)),
    ("下季度", Point::RelQuarter(1)),
    ("上个月", Point::RelMonth(-1)),
    ("下个月", Point::RelMonth(1)),
    ("上月", Point::RelMonth(-1)),
    ("本月", Point::RelMonth(0)),
    ("下月", Point::RelMonth(1)),
    ("上上周", Point::RelWeek(-2)),
    ("下下周", Point::RelWeek(2)),
    ("本周", Point::RelWeek(0)),
    ("这周", Point::RelWeek(0)),
    ("上周", Point::RelWeek(-1)),
    ("下周", Point::RelWeek(1)),
    ("今天", Point::RelDay(0)),
    ("今日", Point::RelDay(0)),
    ("昨天", Point::RelDay(-1)),
    ("昨日", Point::RelDay(-1)),
    ("前天", Point::RelDay(-2)),
    ("明天", Point::RelDay(1)),
    ("明日", Point::RelDay(1)),
    ("后天", Point::RelDay(2)),
    ("後天", Point::RelDay(2)),
];

const REL_YEARS: &[(&str, i32)] = &[
    ("今年", 0),
    ("本年", 0),
    ("去年", -1),
    ("上年", -1),
    ("前年", -2),
    ("明年", 1),
    ("后年", 2),
];

fn starts(s: &str, p: usize, w: &str) -> Option<usize> {
    s.get(p..)?.starts_with(w).then(|| p + w.len())
}

/// A small non-negative integer (Arabic or Chinese) at `p`: value, end, and
/// how many Arabic digits it has (0 for Chinese).
fn small_int(s: &str, p: usize) -> Option<(u32, usize, usize)> {
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
fn abs_year(s: &str, p: usize) -> Option<(i32, usize, bool)> {
    let (v, e, digits) = small_int(s, p)?;
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

/// A year with its `年` written.
fn year_with_nian(s: &str, p: usize) -> Option<(i32, usize)> {
    abs_year(s, p).filter(|y| y.2).map(|(y, e, _)| (y, e))
}

/// Quarter after a year or alone: `二季度`, `第二季度`, `Q2`, `一季`,
/// `2季度`. Returns the quarter and the end.
fn quarter(s: &str, p: usize) -> Option<(u32, usize)> {
    if let Some(q) = starts(s, p, "Q").or_else(|| starts(s, p, "q")) {
        let c = char_at(s, q)?;
        let n = c.to_digit(10).filter(|n| (1..=4).contains(n))?;
        let e = q + 1;
        if char_at(s, e).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        return Some((n, e));
    }
    let q = starts(s, p, "第").unwrap_or(p);
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
        matches!(
            char_at(s, e),
            Some('报' | '末' | '初' | '度' | '以' | '的' | '，' | '。' | '、')
        )
        .then_some(e)
    })?;
    // `二季度末`
    let e = starts(s, e, "末").unwrap_or(e);
    Some((n, e))
}

/// `上半年`, `下半年`, `H1`, `H2`.
fn half(s: &str, p: usize) -> Option<(u32, usize)> {
    for (w, h) in [
        ("上半年", 1),
        ("下半年", 2),
        ("上半财年", 1),
        ("下半财年", 2),
    ] {
        if let Some(e) = starts(s, p, w) {
            let e = starts(s, e, "度").unwrap_or(e);
            return Some((h, e));
        }
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

/// `9 月`, `十二月份`, with `上旬`/`中旬`/`下旬`/`初`/`底`/`末` absorbed.
fn month(s: &str, p: usize) -> Option<(u32, usize)> {
    let (m, e, digits) = small_int(s, p)?;
    if !(1..=12).contains(&m) || digits > 2 {
        return None;
    }
    let q = skip_ws(s, e);
    let e = starts(s, q, "月")?;
    // not `3月份以来`... keep 份
    let e = starts(s, e, "份").unwrap_or(e);
    Some((m, month_tail(s, e)))
}

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
fn day(s: &str, p: usize) -> Option<(u32, usize)> {
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
fn year_end(s: &str, p: usize, after_nian: bool) -> Option<(u32, usize)> {
    let words: &[(&str, u32)] = if after_nian {
        &[
            ("年底", 12),
            ("年末", 12),
            ("年初", 1),
            ("底", 12),
            ("末", 12),
            ("初", 1),
        ]
    } else {
        &[("年底", 12), ("年末", 12), ("年初", 1)]
    };
    for &(w, m) in words {
        if let Some(e) = starts(s, p, w) {
            // `初步`, `末期`
            if matches!(char_at(s, e), Some('步' | '期' | '级' | '始' | '选' | '衷')) {
                continue;
            }
            return Some((m, e));
        }
    }
    None
}

/// Range separators between two times.
fn time_sep(s: &str, p: usize) -> Option<usize> {
    let q = skip_ws(s, p);
    let c = char_at(s, q)?;
    match c {
        '-' | '~' | '—' | '–' | '〜' | '至' | '到' => Some(skip_ws(s, q + c.len_utf8())),
        _ => None,
    }
}

/// What follows a year: month [day], quarter, half, year end, 前N季度, a
/// month span. `None` when nothing does.
fn after_year(s: &str, p: usize, y: Year) -> Option<(Point, Option<Point>, usize)> {
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
fn first_quarters(s: &str, p: usize, y: Year) -> Option<(Point, Point, usize)> {
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
fn first_months(s: &str, p: usize, y: Year) -> Option<(Point, Point, usize)> {
    let q = skip_ws(s, starts(s, p, "前")?);
    let (n, e, _) = small_int(s, q)?;
    let e = skip_ws(s, e);
    let e = starts(s, e, "个月").or_else(|| starts(s, e, "月"))?;
    (2..=12)
        .contains(&n)
        .then_some((Point::Month(y, 1), Point::Month(y, n), e))
}

/// `1-9月`, `1月至9月`, `一至三月`.
fn month_span(s: &str, p: usize) -> Option<(u32, u32, usize)> {
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
fn quarter_span(s: &str, p: usize) -> Option<(u32, u32, usize)> {
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

/// Clock times, read only to keep quantities out of them: `12:30`,
/// `上午 9 点半`, `9点30分`.
fn clock(s: &str, p: usize) -> Option<usize> {
    let mut q = p;
    let mut prefixed = false;
    for w in [
        "上午", "下午", "晚上", "早上", "凌晨", "中午", "傍晚", "晚间", "早间",
    ] {
        if let Some(e) = starts(s, p, w) {
            q = skip_ws(s, e);
            prefixed = true;
            break;
        }
    }
    let (h, e, digits) = small_int(s, q)?;
    if h > 24 || digits > 2 {
        return None;
    }
    // `12:30`, `12：30`
    for colon in [":", "："] {
        if let Some(c) = starts(s, e, colon) {
            let b = s.as_bytes();
            if c + 2 <= b.len()
                && b[c].is_ascii_digit()
                && b[c + 1].is_ascii_digit()
                && !b.get(c + 2).is_some_and(u8::is_ascii_digit)
            {
                let mut end = c + 2;
                // `12:30:15`
                if b.get(end) == Some(&b':')
                    && b.get(end + 1).is_some_and(u8::is_ascii_digit)
                    && b.get(end + 2).is_some_and(u8::is_ascii_digit)
                {
                    end += 3;
                }
                return Some(end);
            }
        }
    }
    let q2 = skip_ws(s, e);
    let after =
        starts(s, q2, "点").or_else(|| starts(s, q2, "時").or_else(|| starts(s, q2, "时")))?;
    for w in ["半", "钟", "整"] {
        if let Some(x) = starts(s, after, w) {
            return Some(x);
        }
    }
    if let Some((m, e, _)) = small_int(s, after) {
        if m < 60 {
            if let Some(x) = starts(s, e, "分") {
                return Some(x);
            }
        }
    }
    prefixed.then_some(after)
}

/// Every fixed word a time expression can start with: a gate before the
/// grammar runs at a position.
static TIME_WORDS: std::sync::LazyLock<crate::lexicon::WordTable<()>> =
    std::sync::LazyLock::new(|| {
        let mut t = crate::lexicon::WordTable::new();
        let words = [
            "上午",
            "下午",
            "晚上",
            "早上",
            "凌晨",
            "中午",
            "傍晚",
            "晚间",
            "早间",
            "去年同期",
            "上年同期",
            "同期",
            "今日头条",
            "明日之后",
            "星期",
            "礼拜",
            "禮拜",
            "周",
            "週",
            "年底",
            "年末",
            "年初",
            "上半年",
            "下半年",
            "前半年",
            "后半年",
            "上半财年",
            "下半财年",
        ];
        for w in words {
            t.insert(w, ());
        }
        for (w, _) in REL_YEARS {
            t.insert(w, ());
        }
        for (w, _) in REL_WORDS {
            t.insert(w, ());
        }
        t
    });

/// A cheap look ahead before any parsing: a numeral starts a time only when a
/// time word (`年`, `月`, `日`, `季`, `点`, `Q`, `:`) follows it, or when it
/// is a numeric date (`2024-03-15`).
fn numeral_may_start_time(s: &str, p: usize) -> bool {
    let mut separator = false;
    for c in s[p..].chars().take(24) {
        match c {
            '年' | '月' | '日' | '号' | '季' | '点' | '點' | '时' | '時' | ':' | '：' | 'Q'
            | 'q' | 'H' => return true,
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

/// Matches a time expression starting exactly at `p` of folded `s`.
pub(crate) fn time_at(s: &str, p: usize) -> Option<TimeMatch> {
    let skip = |end: usize| TimeMatch {
        start: p,
        end,
        from: Point::Year(Year::Rel(0)),
        to: None,
        emit: false,
    };
    let one = |from: Point, to: Option<Point>, end: usize| TimeMatch {
        start: p,
        end,
        from,
        to,
        emit: true,
    };
    let c = char_at(s, p)?;
    let numeral = c.is_ascii_digit() || crate::number::is_chinese_numeral_char(c);
    if numeral && !numeral_may_start_time(s, p) {
        return None;
    }
    // a word start: only the fixed time words and a few letters begin one
    if !numeral
        && TIME_WORDS.longest_at(s, p).is_none()
        && !matches!(c, '前' | '第' | 'Q' | 'q' | 'H')
    {
        return None;
    }

    if let Some(e) = clock(s, p) {
        return Some(skip(e));
    }
    for w in ["去年同期", "上年同期", "同期"] {
        if let Some(e) = starts(s, p, w) {
            return Some(skip(e));
        }
    }
    for w in ["今日头条", "明日之后"] {
        if let Some(e) = starts(s, p, w) {
            return Some(skip(e));
        }
    }
    // `周三`, `星期一`: a day of the reference week
    for w in ["星期", "礼拜", "禮拜", "周", "週"] {
        if let Some(e) = starts(s, p, w) {
            if let Some(wd) = char_at(s, e).and_then(weekday) {
                return Some(one(Point::WeekDay(0, wd), None, e + '一'.len_utf8()));
            }
        }
    }

    // a written year
    if c.is_ascii_digit() || crate::number::is_chinese_numeral_char(c) {
        if let Some((y, e, nian)) = abs_year(s, p) {
            if nian {
                let y = Year::Abs(y);
                let (from, to, end) = match after_year(s, e, y) {
                    Some((f, t, e2)) => (f, t, e2),
                    None => (Point::Year(y), None, e),
                };
                return Some(span_tail(s, p, from, to, end));
            }
            // `2024Q2`, `2024 H1`
            let q = skip_ws(s, e);
            if matches!(char_at(s, q), Some('Q' | 'q')) {
                if let Some((n, e2)) = quarter(s, q) {
                    return Some(one(Point::Quarter(Year::Abs(y), n), None, e2));
                }
            }
            if char_at(s, q) == Some('H') {
                if let Some((h, e2)) = half(s, q) {
                    return Some(one(Point::Half(Year::Abs(y), h), None, e2));
                }
            }
            // `2024-03-15`, `2024/3/15`, `2024.03.15`
            if let Some((pt, e2)) = numeric_date(s, p, y, e) {
                return Some(one(pt, None, e2));
            }
            // `2020-2022年`
            if let Some((y2, e2)) = time_sep(s, e).and_then(|q2| year_with_nian(s, q2)) {
                if y < y2 {
                    return Some(one(
                        Point::Year(Year::Abs(y)),
                        Some(Point::Year(Year::Abs(y2))),
                        e2,
                    ));
                }
            }
        }
    }

    // a relative year
    for &(w, k) in REL_YEARS {
        if let Some(e) = starts(s, p, w) {
            let y = Year::Rel(k);
            // `去年同期`
            if starts(s, e, "同期").is_some() {
                return Some(skip(e + "同期".len()));
            }
            let e = starts(s, e, "度").unwrap_or(e);
            let (from, to, end) = match after_year(s, e, y) {
                Some((f, t, e2)) => (f, t, e2),
                None => match year_end(s, e, true) {
                    Some((m, e2)) => (Point::Month(y, m), None, e2),
                    None => (Point::Year(y), None, e),
                },
            };
            return Some(span_tail(s, p, from, to, end));
        }
    }

    for (w, pt) in REL_WORDS {
        if let Some(e) = starts(s, p, w) {
            // `上周五`
            if let Point::RelWeek(k) = pt {
                if let Some(wd) = char_at(s, e).and_then(weekday) {
                    return Some(one(Point::WeekDay(*k, wd), None, e + '一'.len_utf8()));
                }
            }
            return Some(one(*pt, None, e));
        }
    }

    // no year written: the reference year
    let y = Year::Rel(0);
    if let Some((from, to, e)) = first_quarters(s, p, y) {
        return Some(one(from, Some(to), e));
    }
    if let Some((from, to, e)) = first_months(s, p, y) {
        return Some(one(from, Some(to), e));
    }
    if let Some((a, b, e)) = month_span(s, p) {
        return Some(one(Point::Month(y, a), Some(Point::Month(y, b)), e));
    }
    if let Some((a, b, e)) = quarter_span(s, p) {
        return Some(one(Point::Quarter(y, a), Some(Point::Quarter(y, b)), e));
    }
    if let Some((n, e)) = quarter(s, p) {
        // `连续3季度`, `近4季度`: a count of quarters, not a quarter
        let counted = char_at(s, p).is_some_and(|c| c.is_ascii_digit())
            && s[..p]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '续' | '近' | '去' | '每' | '个' | '几' | '后'));
        if !counted {
            return Some(span_tail(s, p, Point::Quarter(y, n), None, e));
        }
        return Some(TimeMatch {
            start: p,
            end: e,
            from: Point::Quarter(y, n),
            to: None,
            emit: false,
        });
    }
    if let Some((h, e)) = half(s, p) {
        return Some(one(Point::Half(y, h), None, e));
    }
    if let Some((m, e)) = year_end(s, p, false) {
        return Some(one(Point::Month(y, m), None, e));
    }
    if let Some((m, e)) = month(s, p) {
        let d = skip_ws(s, e);
        if let Some((dd, e2)) = day(s, d) {
            return Some(span_tail(s, p, Point::Day(y, m, dd), None, e2));
        }
        return Some(span_tail(s, p, Point::Month(y, m), None, e));
    }
    if let Some((d, e)) = day(s, p) {
        // `一日` is "one day" more often than "the 1st"
        let arabic = char_at(s, p).is_some_and(|c| c.is_ascii_digit());
        if arabic || d >= 10 {
            return Some(one(Point::DayOfMonth(d), None, e));
        }
    }
    None
}

/// The ISO weekday (1-7) of `一`..`六`, `日`/`天`.
fn weekday(c: char) -> Option<u32> {
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

/// `2020年至2022年`, `3月1日至15日`: a second time after a separator.
fn span_tail(s: &str, p: usize, from: Point, to: Option<Point>, end: usize) -> TimeMatch {
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

fn same_granularity(a: Point, b: Point) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

/// `2024-03-15`, `2024/3/15`, `2024.03.15` after the year digits.
fn numeric_date(s: &str, p: usize, y: i32, e: usize) -> Option<(Point, usize)> {
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
        Some(m) if m.end == end => Ok(m.to_time(&folded, ref_date)),
        Some(m) => Err(Error::TrailingText {
            read: folded.original_slice(m.start, m.end).to_string(),
            rest: folded.original_slice(m.end, end).to_string(),
        }),
        None => Err(Error::NotRecognized {
            input: expr.trim().to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(expr: &str, r: &str) -> String {
        let r = RefDate::parse(r).ok();
        match normalize_time(expr, r) {
            Ok(t) => format!(
                "{}{}",
                t.value.as_deref().unwrap_or("null"),
                if t.relative { " rel" } else { "" }
            ),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn absolute() {
        assert_eq!(t("2024 年", ""), "2024");
        assert_eq!(t("２０２４年", ""), "2024");
        assert_eq!(t("二〇二四年", ""), "2024");
        assert_eq!(t("二○○一年", ""), "2001");
        assert_eq!(t("2024年3月", ""), "2024-03");
        assert_eq!(t("2024 年 3 月 15 日", ""), "2024-03-15");
        assert_eq!(t("2023年12月31日", ""), "2023-12-31");
        assert_eq!(t("2024 年二季度", ""), "2024-Q2");
        assert_eq!(t("2024年第三季度", ""), "2024-Q3");
        assert_eq!(t("2024Q2", ""), "2024-Q2");
        assert_eq!(t("2024 Q2", ""), "2024-Q2");
        assert_eq!(t("2024H1", ""), "2024-H1");
        assert_eq!(t("2024年上半年", ""), "2024-H1");
        assert_eq!(t("2024年底", ""), "2024-12");
        assert_eq!(t("2024-03-15", ""), "2024-03-15");
        assert_eq!(t("2024/3/5", ""), "2024-03-05");
        assert_eq!(t("2024年前三季度", ""), "2024-Q1/2024-Q3");
        assert_eq!(t("2024年1-9月", ""), "2024-01/2024-09");
    }

    #[test]
    fn spans() {
        assert_eq!(t("2020年至2022年", ""), "2020/2022");
        assert_eq!(t("2020-2022年", ""), "2020/2022");
        assert_eq!(t("1-9月", "2024-10-20"), "2024-01/2024-09 rel");
        assert_eq!(t("1月至9月", "2024-10-20"), "2024-01/2024-09 rel");
        assert_eq!(t("前三季度", "2025-11-01"), "2025-Q1/2025-Q3 rel");
        assert_eq!(t("今年 1-7 月", "2024-08-10"), "2024-01/2024-07 rel");
        assert_eq!(t("一至三季度", "2024-11-01"), "2024-Q1/2024-Q3 rel");
        assert_eq!(t("2023年3月至2024年6月", ""), "2023-03/2024-06");
    }

    #[test]
    fn relative() {
        let r = "2024-08-21";
        assert_eq!(t("今年", r), "2024 rel");
        assert_eq!(t("去年", r), "2023 rel");
        assert_eq!(t("前年", r), "2022 rel");
        assert_eq!(t("明年", r), "2025 rel");
        assert_eq!(t("上月", r), "2024-07 rel");
        assert_eq!(t("上个月", "2024-01-05"), "2023-12 rel");
        assert_eq!(t("上季度", r), "2024-Q2 rel");
        assert_eq!(t("上季度", "2024-02-01"), "2023-Q4 rel");
        assert_eq!(t("本周", r), "2024-W34 rel");
        assert_eq!(t("本周", "2021-01-01"), "2020-W53 rel");
        assert_eq!(t("去年 9 月", r), "2023-09 rel");
        assert_eq!(t("去年二季度", r), "2023-Q2 rel");
        assert_eq!(t("今年上半年", r), "2024-H1 rel");
        assert_eq!(t("今年年底", r), "2024-12 rel");
        assert_eq!(t("年底", r), "2024-12 rel");
        assert_eq!(t("二季度", r), "2024-Q2 rel");
        assert_eq!(t("第二季度", r), "2024-Q2 rel");
        assert_eq!(t("Q2", r), "2024-Q2 rel");
        assert_eq!(t("上半年", r), "2024-H1 rel");
        assert_eq!(t("H1", r), "2024-H1 rel");
        assert_eq!(t("3 月下旬", r), "2024-03 rel");
        assert_eq!(t("3月15日", r), "2024-03-15 rel");
        assert_eq!(t("昨日", r), "2024-08-20 rel");
        assert_eq!(t("15日", r), "2024-08-15 rel");
        assert_eq!(t("上周五", r), "2024-08-16 rel");
        assert_eq!(t("2016年前三个季度", r), "2016-Q1/2016-Q3");
        assert_eq!(t("前10个月", r), "2024-01/2024-10 rel");
        assert_eq!(t("今年前8月", r), "2024-01/2024-08 rel");
        assert_eq!(t("前 8 个月", r), "2024-01/2024-08 rel");
        assert_eq!(t("第三季", r), "error: not a quantity or time: \"第三季\"");
        assert!(t("一日", r).starts_with("error"));
    }

    #[test]
    fn unresolved_keeps_offset() {
        let tm = normalize_time("去年 9 月", None).unwrap();
        assert_eq!(tm.value, None);
        assert!(tm.relative);
        assert_eq!(tm.offset.as_deref(), Some("-1y"));
        assert_eq!(
            serde_json::to_string(&normalize_time("上季度", None).unwrap()).unwrap(),
            r#"{"text":"上季度","start":0,"end":9,"value":null,"relative":true,"offset":"-1q"}"#
        );
        assert_eq!(
            serde_json::to_string(&normalize_time("2024 年二季度", None).unwrap()).unwrap(),
            r#"{"text":"2024 年二季度","start":0,"end":17,"value":"2024-Q2","relative":false}"#
        );
    }

    #[test]
    fn not_times() {
        assert!(t("2010 万美元", "").starts_with("error"));
        assert!(t("6-8%", "").starts_with("error"));
        assert!(t("去年同期", "").starts_with("error"));
        assert!(t("12:30", "").starts_with("error"));
        assert!(t("13月", "").starts_with("error"));
        assert_eq!(
            t("2024年2月30日", ""),
            "error: unexpected text \"30日\" after \"2024年2月\""
        );
    }

    #[test]
    fn ref_dates() {
        assert!(RefDate::parse("2024-8-1").is_ok());
        assert!(RefDate::parse("2024-13-01").is_err());
        assert!(RefDate::parse("20240801").is_err());
        assert!(RefDate::parse("").is_err());
    }
}
