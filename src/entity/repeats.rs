//! Names repeated through a document: a name found once is the same name
//! wherever the same characters stand as a word of their own (`美高梅`
//! found as an organisation in one sentence, and read as the place `美` in
//! another, is `美高梅` there too). A tagger decides sentence by sentence;
//! a reader of the whole article does not.

use daachorse::{CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

use super::{EntityKind, Span, Tagged};

/// The names of `found` (in text order, not overlapping) found again at
/// every other occurrence of their text in `s` that starts and ends a
/// token and overlaps no name reaching outside it; names inside such an
/// occurrence give way to it. Names of one character are not repeated
/// (`美` is a place in `中美` and nothing in `美元`), nor names that are one
/// common word, nor products (the lexicon and rules that give them find
/// every occurrence already).
pub(super) fn repeat_names(s: &str, tokens: &[Tagged<'_>], found: Vec<Span>) -> Vec<Span> {
    let mut kinds: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, sp) in found.iter().enumerate() {
        let text = &s[sp.start..sp.end];
        let repeated = sp.kind != EntityKind::Product;
        if repeated && text.chars().nth(1).is_some() && !common_word(tokens, sp) {
            kinds.entry(text).or_insert(i);
        }
    }
    if kinds.is_empty() {
        return found;
    }
    let patterns: Vec<(&str, u32)> = kinds
        .iter()
        .map(|(&text, &i)| (text, u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    let Ok(matcher) = CharwiseDoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build_with_values(patterns)
    else {
        return found;
    };
    let mut added = Vec::new();
    for m in matcher.leftmost_find_iter(s) {
        let Some(model) = found.get(m.value() as usize) else {
            continue;
        };
        let sp = Span {
            kind: model.kind,
            start: m.start(),
            end: m.end(),
        };
        if on_token_bounds(tokens, &sp) && only_inside(&found, &sp) {
            added.push(sp);
        }
    }
    if added.is_empty() {
        return found;
    }
    let mut out: Vec<Span> = found
        .into_iter()
        .filter(|f| !added.iter().any(|a| a.start <= f.start && f.end <= a.end))
        .collect();
    out.extend(added);
    out.sort_by_key(|sp| sp.start);
    out
}

/// Whether `sp` is one token of a common word's POS (`联盟`): such a name
/// holds only where it was found.
fn common_word(tokens: &[Tagged<'_>], sp: &Span) -> bool {
    tokens
        .binary_search_by_key(&sp.start, |t| t.start)
        .ok()
        .map(|i| &tokens[i])
        .is_some_and(|t| {
            t.end == sp.end && matches!(t.pos, "n" | "vn" | "v" | "j" | "l" | "a" | "an" | "ng")
        })
}

/// Whether `sp` starts at a token's start and ends at a token's end.
fn on_token_bounds(tokens: &[Tagged<'_>], sp: &Span) -> bool {
    let starts = tokens.binary_search_by_key(&sp.start, |t| t.start).is_ok();
    let ends = tokens.binary_search_by_key(&sp.end, |t| t.end).is_ok();
    starts && ends
}

/// Whether every name of `found` that overlaps `sp` lies inside it and is
/// shorter (a name equal to `sp` is already there).
fn only_inside(found: &[Span], sp: &Span) -> bool {
    let from = found.partition_point(|f| f.end <= sp.start);
    let to = found.partition_point(|f| f.start < sp.end);
    let inside = &found[from..to.max(from)];
    inside
        .iter()
        .all(|f| f.start >= sp.start && f.end <= sp.end && f.end - f.start < sp.end - sp.start)
}
