//! The name lists the model reads as features, derived from open-licence
//! lists (`data/entity/derived/`, see its README): A-share short names,
//! organisation, person, transliterated and place names. A list says only
//! that a run of text is written like a name; the model weighs it in
//! context.

use std::sync::LazyLock;

use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

/// The lists, in bit order.
const LISTS: [&str; 5] = [
    include_str!("../../../data/entity/derived/ashare.txt"),
    include_str!("../../../data/entity/derived/org.txt"),
    include_str!("../../../data/entity/derived/person.txt"),
    include_str!("../../../data/entity/derived/translit.txt"),
    include_str!("../../../data/entity/derived/place.txt"),
];

/// Every name of the lists, its value the set of lists holding it (one bit
/// each), matched leftmost-longest.
pub(crate) struct NameLists(Option<CharwiseDoubleArrayAhoCorasick<u32>>);

impl NameLists {
    /// The automaton over [`LISTS`].
    fn build() -> NameLists {
        let mut lists: FxHashMap<&str, u32> = FxHashMap::default();
        for (bit, data) in LISTS.iter().enumerate() {
            for name in data.lines().map(str::trim).filter(|l| !l.is_empty()) {
                *lists.entry(name).or_default() |= 1 << bit;
            }
        }
        let mut names: Vec<(&str, u32)> = lists.into_iter().collect();
        names.sort_unstable();
        NameLists(
            CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build_with_values(names)
                .ok(),
        )
    }

    /// The listed names of `s`: `(start, end, lists)`, in text order, not
    /// overlapping.
    pub(crate) fn find(&self, s: &str, out: &mut Vec<(usize, usize, u32)>) {
        out.clear();
        if let Some(m) = &self.0 {
            out.extend(
                m.leftmost_find_iter(s)
                    .map(|x| (x.start(), x.end(), x.value())),
            );
        }
    }
}

/// The lists, built on first use.
pub(crate) static NAME_LISTS: LazyLock<NameLists> = LazyLock::new(NameLists::build);

/// The bit of the A-share short names in a match's lists.
const ASHARE: u32 = 1;

/// The A-share short names written in `s` (leftmost-longest over all the
/// lists, so a longer name of another list hides one), as organisations.
pub(crate) fn stock_names(s: &str) -> Vec<super::Span> {
    let mut found = Vec::new();
    NAME_LISTS.find(s, &mut found);
    found
        .into_iter()
        .filter(|m| m.2 & ASHARE != 0)
        .map(|(start, end, _)| super::Span {
            kind: crate::entity::EntityKind::Org,
            start,
            end,
        })
        .collect()
}
