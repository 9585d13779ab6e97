//! Clauses and sentences: where claims are read, and spans looked up in them.

use std::ops::{Deref, Range};

use super::index::Finger;
use crate::entity::Entity;
use crate::quantity::Quantity;

/// A clause: byte range, the sentence it belongs to and where that
/// sentence starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Clause {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub sentence_start: usize,
}

/// Things with a byte span, sorted by start.
pub(super) trait Spanned {
    fn span(&self) -> (usize, usize);
}

impl Spanned for Quantity {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

impl Spanned for &Entity {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

impl Spanned for (usize, usize) {
    fn span(&self) -> (usize, usize) {
        *self
    }
}

/// The items (sorted by start) lying inside `a..b`, searched from the
/// finger, which stays at `b`.
pub(super) fn within<'i, S: Deref<Target = [T]>, T: Spanned + 'i>(
    items: &'i Finger<S>,
    a: usize,
    b: usize,
) -> impl DoubleEndedIterator<Item = &'i T> + 'i {
    ending_by(&items[starting_in(items, a, b)], b)
}

/// Where the items (sorted by start) that start inside `a..b` are.
pub(super) fn starting_in<S: Deref<Target = [T]>, T: Spanned>(
    items: &Finger<S>,
    a: usize,
    b: usize,
) -> Range<usize> {
    let to = items.partition_point(|x| x.span().0 < b);
    let from = items.partition_point_from(to, |x| x.span().0 < a);
    from..to.max(from)
}

/// The items that end by `b`.
pub(super) fn ending_by<T: Spanned>(items: &[T], b: usize) -> impl DoubleEndedIterator<Item = &T> {
    items.iter().filter(move |x| x.span().1 <= b)
}

/// The first `n` characters of `s` (a window for looking ahead: a bounded
/// look keeps a text without punctuation, one clause, linear).
pub(super) fn head(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters of `s` (a window for looking back).
pub(super) fn tail(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// How a character ends text: a clause, a sentence, or neither. A
/// headline in `【】` is a sentence of its own.
fn ends_clause(c: char) -> Option<bool> {
    match c {
        '。' | '！' | '？' | '!' | '?' | '\n' | '】' => Some(true),
        '，' | ',' | '；' | ';' => Some(false),
        _ => None,
    }
}

/// For each byte that starts a character: 0 where the character may end a
/// clause (`!?\n,;` and the lead bytes `E3` of `。】` and `EF` of
/// `！？，；`), else the length of the character, to step over it unread.
const STEPS: [u8; 256] = {
    let mut steps = [1u8; 256];
    let mut b = 0xC0;
    while b < 0xF8 {
        steps[b] = if b < 0xE0 {
            2
        } else if b < 0xF0 {
            3
        } else {
            4
        };
        b += 1;
    }
    let mut k = 0;
    let ends = [b'!', b'?', b'\n', b',', b';', 0xE3, 0xEF];
    while k < ends.len() {
        steps[ends[k] as usize] = 0;
        k += 1;
    }
    steps
};

/// The characters of `text` that may end a clause (see [`STEPS`]), with
/// their offsets: `text.char_indices()` less characters that end nothing.
fn clause_end_candidates(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            let step = STEPS[b as usize];
            if step == 0 {
                let c = text[i..].chars().next()?;
                let at = i;
                i += c.len_utf8();
                return Some((at, c));
            }
            i += usize::from(step);
        }
        None
    })
}

/// Clauses of `text` in text order, never cut inside a quantity
/// (quantities sorted by start), found as the reader asks for them.
pub(super) fn clauses<'t>(
    text: &'t str,
    quantities: &'t [Quantity],
) -> impl Iterator<Item = Clause> + 't {
    let mut ends = clause_end_candidates(text);
    let (mut start, mut sentence, mut sentence_start, mut next_q) = (0, 0, 0, 0);
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        for (i, c) in ends.by_ref() {
            let Some(sentence_end) = ends_clause(c) else {
                continue;
            };
            while next_q < quantities.len() && quantities[next_q].end <= i {
                next_q += 1;
            }
            if quantities
                .get(next_q)
                .is_some_and(|q| q.start < i && i < q.end)
            {
                continue;
            }
            let end = i + c.len_utf8();
            let clause = (end > start).then_some(Clause {
                start,
                end,
                sentence,
                sentence_start,
            });
            start = end;
            if sentence_end {
                sentence += 1;
                sentence_start = end;
            }
            if clause.is_some() {
                return clause;
            }
        }
        done = true;
        (start < text.len()).then_some(Clause {
            start,
            end: text.len(),
            sentence,
            sentence_start,
        })
    })
}

/// Whether `between` only separates items of a list (`和`, `、`, `及`).
pub(super) fn is_list_separator(between: &str) -> bool {
    let t = between.trim_matches([' ', '\u{3000}']);
    matches!(
        t,
        "和" | "、" | "/" | "／" | "及" | "与" | "以及" | "或" | "和分别" | "," | "，"
    )
}

#[cfg(test)]
mod tests {
    use super::{clause_end_candidates, ends_clause};

    #[test]
    fn candidates_hold_every_clause_end_in_order() {
        let text = "营收889亿元，同比增长32%。é😀【标题】a,b;c!d?\n（一）：甲；乙！丙？丁…·€";
        let want: Vec<(usize, char)> = (text.char_indices())
            .filter(|&(_, c)| ends_clause(c).is_some())
            .collect();
        let got: Vec<(usize, char)> = (clause_end_candidates(text))
            .filter(|&(_, c)| ends_clause(c).is_some())
            .collect();
        assert_eq!(got, want);
        assert!(clause_end_candidates(text).all(|(i, c)| text[i..].starts_with(c)));
    }
}
