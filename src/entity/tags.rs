//! Names from the segmenter's POS tags alone (`nr`, `nrt`, `ns`, `nt`),
//! checked against the forms jieba mistags as names (`文明` `nr`, `城市`
//! `ns`, `两国` `ns`).

use super::places::place_ending;
use super::translit::translit;
use super::words::{common_surname, starts_with_surname};
use super::{EntityKind, Span, Tagged};
use crate::text::char_len;

/// The tokens whose tag names an entity, in text order.
pub(super) fn tagged<'a>(s: &'a str, tokens: &'a [Tagged<'_>]) -> impl Iterator<Item = Span> + 'a {
    tokens.iter().filter_map(move |t| {
        let kind = tag_kind(&s[t.start..t.end], t.pos)?;
        Some(Span {
            kind,
            start: t.start,
            end: t.end,
        })
    })
}

/// The kind a token of `text` tagged `pos` names, if any.
fn tag_kind(text: &str, pos: &str) -> Option<EntityKind> {
    let n = char_len(text);
    let quantifier = text.chars().next().is_some_and(|c| {
        matches!(
            c,
            '两' | '各' | '本' | '全' | '该' | '我' | '双' | '三' | '此' | '外' | '多' | '诸'
        )
    });
    let kind = match pos {
        // jieba tags some common words `nr` (`文明`, `崇高`): a
        // two-character name needs one of the common surnames
        "nr" | "nrfg" if n == 3 && starts_with_surname(text) => EntityKind::Person,
        "nr" | "nrfg" if n == 2 && common_surname(text) => EntityKind::Person,
        // a foreign name (`塞迪略`, `布莱尔`)
        "nr" | "nrt" if (2..=6).contains(&n) && translit(text) => EntityKind::Person,
        "nrt" if n >= 2 => EntityKind::Person,
        // jieba tags common words `ns` too (`城市`, `治安`): a
        // two-character place needs a place ending
        "ns" if !quantifier && (n >= 3 || (n == 2 && place_ending(text))) => EntityKind::Place,
        "nt" if n >= 2 && !quantifier => EntityKind::Org,
        _ => return None,
    };
    Some(kind)
}
