//! Index names built of words (`文华` `商品` `指数`, `中证` `香港` `证券`
//! `投资` `主题` `指数`): an index is no entity (SPEC), and a name inside
//! its name is no mention of its own (`中证香港证券`, `华`).

use super::org::anchor;
use super::{EntityKind, Span, Tagged};

/// The most words an index name holds before `指数`.
const MOST_WORDS: usize = 6;

/// The names of `names` (in text order) but those inside an index name (a
/// run of nouns before a token `指数` that starts with a proper noun) with
/// common nouns between them and `指数` (`文华` `商品` `指数`). A name right
/// before `指数` or before another name stays: it is what the index is
/// named by and the subject of its moves (`KOSPI` `指数`, `MSCI` `中国`
/// `指数`); so does a place that is a token of its own (`中国` in `中国`
/// `制造业` `采购` `经理` `指数` is the country the index measures).
pub(super) fn names_outside_indexes(s: &str, tokens: &[Tagged<'_>], names: Vec<Span>) -> Vec<Span> {
    let spans = index_spans(s, tokens);
    if spans.is_empty() {
        return names;
    }
    names
        .into_iter()
        .filter(|n| {
            let inside = spans.iter().any(|&(a, word, _)| {
                a <= n.start && n.end < word && common_noun_between(tokens, n.end, word)
            });
            !inside || own_place(tokens, n)
        })
        .collect()
}

/// Whether a common noun stands between `a` and `b`, at a token start.
fn common_noun_between(tokens: &[Tagged<'_>], a: usize, b: usize) -> bool {
    let from = tokens.partition_point(|t| t.start < a);
    tokens[from..]
        .iter()
        .take_while(|t| t.end <= b)
        .any(|t| matches!(t.pos, "n" | "vn"))
}

/// The index names of `tokens`, in text order: where each starts, where
/// its `指数` starts, where it ends.
fn index_spans(s: &str, tokens: &[Tagged<'_>]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if &s[t.start..t.end] != "指数" {
            continue;
        }
        let words = tokens[..i]
            .iter()
            .rev()
            .take(MOST_WORDS)
            .take_while(|w| matches!(w.pos, "n" | "vn") || anchor(w.pos))
            .count();
        // the leftmost proper noun of the run starts the name
        let start = tokens[i - words..i].iter().find(|w| anchor(w.pos));
        if let Some(w) = start {
            out.push((w.start, t.start, t.end));
        }
    }
    out
}

/// Whether `n` is a place that is a token of its own.
fn own_place(tokens: &[Tagged<'_>], n: &Span) -> bool {
    n.kind == EntityKind::Place
        && tokens
            .binary_search_by_key(&n.start, |t| t.start)
            .is_ok_and(|k| tokens[k].end == n.end)
}
