//! The fixed words of the time grammar, parsed once from `data/time/`:
//! relative words (`去年`, `上季度`), clock prefixes, words read as no time,
//! weekday prefixes, halves and year ends, and the gate built from them.

use std::sync::LazyLock;

use super::point::Point;
use crate::lexicon::{WordTable, data_lines};

/// relative.txt: relative words with their unit and offset.
pub(super) const RELATIVE_DATA: &str = include_str!("../../data/time/relative.txt");
/// words.txt: the other fixed words, by role.
pub(super) const WORDS_DATA: &str = include_str!("../../data/time/words.txt");

/// What a relative word gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relative {
    /// A year at this offset, which takes what follows it (`去年 9 月`).
    Year(i32),
    /// A point of its own (`上季度`).
    Other(Point),
}

/// The word tables, one per role, looked up by longest match.
pub(super) struct Words {
    /// Relative words: `今年`, `去年`, `上季度`, `本周`, `昨天`.
    pub relative: WordTable<Relative>,
    /// Prefixes of a clock time: `上午`.
    pub clock: WordTable<()>,
    /// Words read as no time: `去年同期`, `今日头条`.
    pub skip: WordTable<()>,
    /// Words a weekday follows: `周`, `星期`.
    pub week: WordTable<()>,
    /// Half years: `上半年` 1.
    pub half: WordTable<u32>,
    /// Half years read only right after a year: `前半年` 1 (`2018年前半年`;
    /// alone it is `此前半年报`, `随后半年内`).
    pub year_half: WordTable<u32>,
    /// Year ends and starts: `年底` 12, `年初` 1.
    pub year_end: WordTable<u32>,
    /// The same right after a written `年`: `底` 12, `初` 1.
    pub end: WordTable<u32>,
    /// Words that keep a month with no year in the reference year when they
    /// stand in the clause before it: `今年`, `将于`.
    pub future: WordTable<()>,
    /// Every word a time expression can start with (all but `end`): the
    /// gate before the grammar runs at a position.
    pub starts: WordTable<()>,
    /// The first two characters of every word of `starts` (a one-character
    /// word as its character twice), sorted: most positions whose first
    /// character starts a word (`今` of `今后`) are rejected here.
    heads: Vec<(char, char)>,
}

impl Words {
    /// Whether a word of [`Words::starts`] starts at `p` of `s`.
    #[inline]
    pub fn starts_at(&self, s: &str, p: usize) -> bool {
        let mut chars = s.get(p..).unwrap_or("").chars();
        let Some(a) = chars.next() else {
            return false;
        };
        if !self.starts.starts_with_char(a) {
            return false;
        }
        let b = chars.next();
        let head = |x: char| self.heads.binary_search(&(a, x)).is_ok();
        (head(a) || b.is_some_and(head)) && self.starts.longest_at(s, p).is_some()
    }

    /// Fills [`Words::heads`] from the words of `starts`.
    fn add_head(&mut self, word: &str) {
        let mut chars = word.chars();
        if let Some(a) = chars.next() {
            self.heads.push((a, chars.next().unwrap_or(a)));
        }
    }
}

/// The word tables of the time grammar.
pub(super) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut w = Words {
        relative: WordTable::new(),
        clock: WordTable::new(),
        skip: WordTable::new(),
        week: WordTable::new(),
        half: WordTable::new(),
        year_half: WordTable::new(),
        year_end: WordTable::new(),
        end: WordTable::new(),
        future: WordTable::new(),
        starts: WordTable::new(),
        heads: Vec::new(),
    };
    for (_, line) in data_lines(RELATIVE_DATA) {
        if let Some((word, r)) = relative_line(line) {
            w.relative.insert(word, r);
            w.starts.insert(word, ());
            w.add_head(word);
        }
    }
    for (_, line) in data_lines(WORDS_DATA) {
        let mut f = line.split_whitespace();
        let (Some(role), Some(word)) = (f.next(), f.next()) else {
            continue;
        };
        let value = f.next().and_then(|v| v.parse().ok());
        match (role, value) {
            ("clock", None) => w.clock.insert(word, ()),
            ("skip", None) => w.skip.insert(word, ()),
            ("week", None) => w.week.insert(word, ()),
            ("half", Some(v)) => w.half.insert(word, v),
            ("year_end", Some(v)) => w.year_end.insert(word, v),
            // read only after a written `年`: not in the gate
            ("end", Some(v)) => {
                w.end.insert(word, v);
                continue;
            }
            // looked for before a month, never a start
            ("future", None) => {
                w.future.insert(word, ());
                continue;
            }
            ("year_half", Some(v)) => {
                w.year_half.insert(word, v);
                continue;
            }
            _ => continue,
        }
        w.starts.insert(word, ());
        w.add_head(word);
    }
    w.heads.sort_unstable();
    w.heads.dedup();
    w
});

/// A line of relative.txt: `word unit offset`.
pub(super) fn relative_line(line: &str) -> Option<(&str, Relative)> {
    let mut f = line.split_whitespace();
    let (word, unit, k) = (f.next()?, f.next()?, f.next()?.parse().ok()?);
    let r = match unit {
        "year" => Relative::Year(k),
        "quarter" => Relative::Other(Point::RelQuarter(k)),
        "half" => Relative::Other(Point::RelHalf(k)),
        "month" => Relative::Other(Point::RelMonth(k)),
        "week" => Relative::Other(Point::RelWeek(k)),
        "day" => Relative::Other(Point::RelDay(k)),
        _ => return None,
    };
    Some((word, r))
}

/// The characters that end a clause, looking back from a month.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '；' | '！' | '？' | '：' | ',' | ';' | '!' | '?' | ':' | '\n'
    )
}

/// Whether a [`Words::future`] word stands in the clause before `p` of `s`
/// (at most 40 characters back).
pub(super) fn future_before(s: &str, p: usize) -> bool {
    let head = &s[..p];
    let start = head
        .char_indices()
        .rev()
        .take(40)
        .take_while(|&(_, c)| !ends_clause(c))
        .last()
        .map_or(p, |(i, _)| i);
    head[start..].char_indices().any(|(i, _)| {
        WORDS
            .future
            .longest_at(head, start + i)
            .is_some_and(|(_, len)| start + i + len <= p)
    })
}
