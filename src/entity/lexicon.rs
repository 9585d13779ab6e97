//! The lexicons compiled by hand (`data/entity/*.txt`: companies, brokers,
//! banks, regulators, places, products, people) and their matcher,
//! leftmost-longest through Aho-Corasick.

use std::collections::HashSet;
use std::sync::LazyLock;

use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder,
    MatchKind as DaachorseMatchKind,
};
use rustc_hash::FxHashSet;

use super::latin::latin_boundary_ok;
use super::places::{extend_place, place_suffix_after};
use super::words::{WordSet, words_of};
use super::{Entity, EntityKind, Span, Tagged};
use crate::lexicon::data_lines;
use crate::text::char_len;

/// org.txt: companies, brokers, banks, regulators, party and state bodies.
const ORG_DATA: &str = include_str!("../../data/entity/org.txt");
/// place.txt: countries, regions, provinces, cities.
const PLACE_DATA: &str = include_str!("../../data/entity/place.txt");
/// product.txt: products, brands, apps, models.
const PRODUCT_DATA: &str = include_str!("../../data/entity/product.txt");
/// indexes.txt: stock, bond and currency indexes, matched but no entities.
const INDEX_DATA: &str = include_str!("../../data/entity/indexes.txt");
/// person.txt: people in the news.
const PERSON_DATA: &str = include_str!("../../data/entity/person.txt");

/// The built lexicon matcher: names found leftmost-longest and not
/// overlapping, through a character-wise double-array Aho-Corasick
/// automaton.
#[derive(Clone)]
pub(super) struct Lexicon {
    /// Each name's value is its index in `kinds`; `None` when there are no
    /// names.
    matcher: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    /// The kind of each entry, by index.
    kinds: Vec<EntityKind>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("names", &self.kinds.len())
            .finish()
    }
}

impl Lexicon {
    /// The matcher of `entries`; a name listed twice keeps its first kind.
    pub(super) fn build(entries: &[(String, EntityKind)]) -> Lexicon {
        // the automaton takes each name once: a name listed twice keeps its
        // first kind
        let mut seen = FxHashSet::default();
        let names: Vec<(&str, u32)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.0.is_empty() && seen.insert(e.0.as_str()))
            .filter_map(|(i, e)| Some((e.0.as_str(), u32::try_from(i).ok()?)))
            .collect();
        // building fails only for an empty list or beyond 2^31 states
        let matcher = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(DaachorseMatchKind::LeftmostLongest)
            .build_with_values(names)
            .ok();
        Lexicon {
            matcher,
            kinds: entries.iter().map(|e| e.1).collect(),
        }
    }

    /// The lexicon names of folded text `s` that fit its tokens `tokens`,
    /// in text order: a Latin name is no part of a longer Latin word, a
    /// short name lines up with the tokens, a place takes the
    /// administrative suffix after it (`广东` + `省`).
    pub(super) fn spans(&self, s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
        let boundaries = TokenBoundaries::new(tokens);
        let mut out = Vec::new();
        for (a, b, kind) in self.matches(s) {
            if !latin_boundary_ok(s, a, b) {
                continue;
            }
            // a two-character name must not cut a token (`中山` in
            // `中山大学`), a three-character one must start or end with one
            // (not `中海外` in `其中` `海外`); longer names are distinctive
            let chars = char_len(&s[a..b]);
            let aligned = match chars {
                0..=2 => {
                    boundaries.starts(a)
                        && (boundaries.ends(b)
                            || place_suffix_after(s, b)
                            || locative_after(s, b, &boundaries))
                }
                3 => boundaries.starts(a) || boundaries.ends(b),
                _ => true,
            };
            if !aligned {
                continue;
            }
            let mut end = b;
            if kind == EntityKind::Place {
                end = extend_place(s, b);
            }
            out.push(Span {
                kind,
                start: a,
                end,
            });
        }
        out
    }

    /// Every name in `s`: `(start, end, kind)`, in text order.
    pub(super) fn find_all(&self, s: &str) -> Vec<(usize, usize, EntityKind)> {
        self.matches(s).collect()
    }

    /// [`Lexicon::find_all`], as the matcher finds them.
    fn matches<'s>(&'s self, s: &'s str) -> impl Iterator<Item = (usize, usize, EntityKind)> + 's {
        (self.matcher.iter())
            .flat_map(move |m| m.leftmost_find_iter(s))
            .filter_map(|x| Some((x.start(), x.end(), *self.kinds.get(x.value() as usize)?)))
    }
}

/// The embedded lexicon entries, deduplicated; a name in several lists keeps
/// the first kind in the order product, org, place, person (an app or
/// platform named in both lists, `微博`, `今日头条`, is mostly the product).
pub(super) static DEFAULT_ENTRIES: LazyLock<Vec<(String, EntityKind)>> = LazyLock::new(|| {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (data, kind) in [
        (INDEX_DATA, EntityKind::Product),
        (PRODUCT_DATA, EntityKind::Product),
        (ORG_DATA, EntityKind::Org),
        (PLACE_DATA, EntityKind::Place),
        (PERSON_DATA, EntityKind::Person),
    ] {
        for (_, name) in data_lines(data) {
            // single characters (`汉`, `秦`) match inside too many words
            if name.chars().count() < 2 || !seen.insert(name.to_string()) {
                continue;
            }
            out.push((name.to_string(), kind));
        }
    }
    out
});

/// The index names of indexes.txt.
static INDEXES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&words_of(INDEX_DATA)));

/// `entities` without the indexes of indexes.txt: matched as products, so
/// that no name is read inside them (`恒生` in `恒生指数`) and claims take
/// them as the subjects of their moves, but no entities of the document.
pub(crate) fn without_indexes(mut entities: Vec<Entity>) -> Vec<Entity> {
    entities.retain(|e| e.kind != EntityKind::Product || !INDEXES.contains(&e.text));
    entities
}

/// The matcher of the embedded entries, built once and cloned into each
/// recognizer.
pub(super) static DEFAULT_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::build(&DEFAULT_ENTRIES));

/// Whether a locative the segmenter glued onto the name ends a token right
/// after `b` (`推特上`: `推特` + `上`).
fn locative_after(s: &str, b: usize, boundaries: &TokenBoundaries) -> bool {
    s[b..]
        .chars()
        .next()
        .filter(|c| matches!(c, '上' | '中' | '里' | '内'))
        .is_some_and(|c| boundaries.ends(b + c.len_utf8()))
}

/// Token start and end offsets, for boundary checks.
struct TokenBoundaries<'t, 'a> {
    /// The tokens, in text order (their starts and their ends ascend).
    tokens: &'t [Tagged<'a>],
}

impl<'t, 'a> TokenBoundaries<'t, 'a> {
    /// The boundaries of `tokens` (in text order).
    fn new(tokens: &'t [Tagged<'a>]) -> Self {
        TokenBoundaries { tokens }
    }
    /// Whether a token starts at `p`.
    fn starts(&self, p: usize) -> bool {
        self.tokens.binary_search_by_key(&p, |t| t.start).is_ok()
    }
    /// Whether a token ends at `p`.
    fn ends(&self, p: usize) -> bool {
        self.tokens.binary_search_by_key(&p, |t| t.end).is_ok()
    }
}
