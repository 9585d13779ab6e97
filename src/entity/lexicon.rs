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

use super::{EntityKind, Tagged};
use crate::lexicon::data_lines;

const ORG_DATA: &str = include_str!("../../data/entity/org.txt");
const PLACE_DATA: &str = include_str!("../../data/entity/place.txt");
const PRODUCT_DATA: &str = include_str!("../../data/entity/product.txt");
const PERSON_DATA: &str = include_str!("../../data/entity/person.txt");

/// The built lexicon matcher: names found leftmost-longest and not
/// overlapping, through a character-wise double-array Aho-Corasick
/// automaton.
#[derive(Clone)]
pub(super) struct Lexicon {
    /// Each name's value is its index in `kinds`; `None` when there are no
    /// names.
    matcher: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
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

    /// Every name in `s`: `(start, end, kind)`, in text order.
    pub(super) fn find_all(&self, s: &str) -> Vec<(usize, usize, EntityKind)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        m.leftmost_find_iter(s)
            .filter_map(|x| Some((x.start(), x.end(), *self.kinds.get(x.value() as usize)?)))
            .collect()
    }
}

/// The embedded lexicon entries, deduplicated; a name in several lists keeps
/// the first kind in the order product, org, place, person (an app or
/// platform named in both lists, `微博`, `今日头条`, is mostly the product).
pub(super) static DEFAULT_ENTRIES: LazyLock<Vec<(String, EntityKind)>> = LazyLock::new(|| {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (data, kind) in [
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

pub(super) static DEFAULT_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::build(&DEFAULT_ENTRIES));

/// Token start and end offsets, for boundary checks.
pub(super) struct TokenBoundaries {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl TokenBoundaries {
    pub(super) fn new(tokens: &[Tagged<'_>]) -> Self {
        TokenBoundaries {
            starts: tokens.iter().map(|t| t.start).collect(),
            ends: tokens.iter().map(|t| t.end).collect(),
        }
    }
    pub(super) fn starts(&self, p: usize) -> bool {
        self.starts.binary_search(&p).is_ok()
    }
    pub(super) fn ends(&self, p: usize) -> bool {
        self.ends.binary_search(&p).is_ok()
    }
}
