//! The model's names fitted to the words they stand in: blanks at their
//! ends dropped, a Latin name of a person run over the whole run of
//! capitalised words it is part of (the model tags `Elon` and `Musk` apart
//! in `Elon Musk`), and no person of a word in lower case first (`iPhone`).

use super::words::strip_enumeration;
use super::{EntityKind, Span};

/// The model's names (in text order) with blanks trimmed, Latin persons
/// whole, in text order, not overlapping.
pub(super) fn fit_bounds(s: &str, names: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(names.len());
    for name in names {
        let Some(mut name) = trimmed(s, name) else {
            continue;
        };
        if name.kind == EntityKind::Person && is_latin_word_start(s, name.start) {
            if !s[name.start..].starts_with(|c: char| c.is_ascii_uppercase()) {
                continue;
            }
            name = capitalised_run(s, name);
        }
        match out.last_mut() {
            Some(last) if last.end > name.start => {
                last.end = last.end.max(name.end);
            }
            _ => out.push(name),
        }
    }
    out
}

/// `name` without blanks and headline brackets at its ends (`【金地集团`)
/// (`None` when nothing is left); `None` for a name that starts with an
/// enumeration word (`二是外汇资产`).
fn trimmed(s: &str, name: Span) -> Option<Span> {
    let text = &s[name.start..name.end];
    let edge = |c: char| c.is_whitespace() || matches!(c, '【' | '】');
    let text = text.trim_start_matches(edge);
    if strip_enumeration(text).is_some() {
        // the model runs such names on from a list word: what follows is
        // seldom a name (`二是企业`, `一是深化投资`); a rule or lexicon
        // finds one that is (`一是中信证券`)
        return None;
    }
    let start = name.end - text.len();
    let end = start + text.trim_end_matches(edge).len();
    (start < end).then_some(Span { start, end, ..name })
}

/// Whether a Latin letter stands at `at`.
fn is_latin_word_start(s: &str, at: usize) -> bool {
    s.as_bytes().get(at).is_some_and(u8::is_ascii_alphabetic)
}

/// The run of capitalised Latin words, joined by single spaces, that holds
/// `name` (`Kara Swisher`, `Daniel Joseph TAYLOR`): rightwards over any
/// capitalised word, leftwards over words in title case only (no `CEO`).
fn capitalised_run(s: &str, name: Span) -> Span {
    let b = s.as_bytes();
    let word_end = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        i
    };
    let word_start = |mut i: usize| {
        while i > 0 && b[i - 1].is_ascii_alphabetic() {
            i -= 1;
        }
        i
    };
    let (mut start, mut end) = (word_start(name.start), word_end(name.end));
    while end + 1 < b.len() && b[end] == b' ' && b[end + 1].is_ascii_uppercase() {
        end = word_end(end + 1);
    }
    // leftwards over given names only: `CEO Elon Musk` is `Elon Musk`
    while start >= 2 && b[start - 1] == b' ' && b[start - 2].is_ascii_alphabetic() {
        let w = word_start(start - 1);
        let word = &b[w..start - 1];
        let title_case =
            word[0].is_ascii_uppercase() && word[1..].iter().any(u8::is_ascii_lowercase);
        if !title_case {
            break;
        }
        start = w;
    }
    Span { start, end, ..name }
}
