//! The name lists the model reads as features, derived from open-licence
//! lists (`data/entity/derived/`, see its README): A-share short names,
//! organisation, person, transliterated and place names. A list says only
//! that a run of text is written like a name; the model weighs it in
//! context.
//!
//! The lists are matched leftmost-longest, without overlaps, as an
//! Aho–Corasick automaton would match them, but with two hash tables that
//! are quick to build (building an automaton over the ~105k names was a
//! third of the analyzer's start-up): the names, and for each pair of
//! first characters the lengths of the names starting with it.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// The lists, in bit order.
const LISTS: [&str; 5] = [
    include_str!("../../../data/entity/derived/ashare.txt"),
    include_str!("../../../data/entity/derived/org.txt"),
    include_str!("../../../data/entity/derived/person.txt"),
    include_str!("../../../data/entity/derived/translit.txt"),
    include_str!("../../../data/entity/derived/place.txt"),
];

/// The longest name matched, in characters (longer lines of the lists are
/// left out; the longest listed name has 20).
const MAX_CHARS: usize = 63;

/// Every name of the lists, its value the set of lists holding it (one bit
/// each), matched leftmost-longest.
pub(crate) struct NameLists {
    /// Name → the lists holding it.
    names: FxHashMap<&'static str, u32>,
    /// The first two characters of a name (the second `0` for a name of
    /// one character) → bit `n` set where a name of `n` characters starts
    /// with them.
    lengths: FxHashMap<(char, char), u64>,
    /// Whether some name has one character.
    singles: bool,
    /// A filter over the keys of `lengths`: bit [`pair_bit`] set for each,
    /// so that most characters, which start no name, cost no hash lookup.
    pairs: Vec<u64>,
}

/// Bits of the filter over the keys of [`NameLists::lengths`].
const PAIR_BITS: u32 = 20;

/// The bit of the key `(a, b)` in [`NameLists::pairs`].
#[inline]
fn pair_bit(key: (char, char)) -> usize {
    let k = u64::from(key.0) << 21 | u64::from(key.1);
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - PAIR_BITS)) as usize
}

impl NameLists {
    /// The tables over [`LISTS`].
    fn build() -> NameLists {
        let mut lists = NameLists {
            names: FxHashMap::default(),
            lengths: FxHashMap::default(),
            singles: false,
            pairs: vec![0; 1 << (PAIR_BITS - 6)],
        };
        for (bit, data) in LISTS.iter().enumerate() {
            for name in data.lines().map(str::trim).filter(|l| !l.is_empty()) {
                lists.add(name, 1 << bit);
            }
        }
        lists
    }

    /// Adds `name`, held by the lists `bits`.
    fn add(&mut self, name: &'static str, bits: u32) {
        let mut chars = name.chars();
        let (Some(first), second) = (chars.next(), chars.next()) else {
            return;
        };
        let n = name.chars().count();
        if n > MAX_CHARS {
            return;
        }
        *self.names.entry(name).or_default() |= bits;
        let key = (first, second.unwrap_or('\0'));
        *self.lengths.entry(key).or_default() |= 1 << n;
        if let Some(bits) = self.pairs.get_mut(pair_bit(key) / 64) {
            *bits |= 1 << (pair_bit(key) % 64);
        }
        self.singles |= n == 1;
    }

    /// The listed names of `s`: `(start, end, lists)`, in text order, not
    /// overlapping; at each place the longest name starting there, the
    /// search going on after it. `starts` is a buffer for the characters
    /// of `s`, reused from call to call.
    #[cfg(test)]
    pub(crate) fn find(
        &self,
        s: &str,
        starts: &mut Vec<(usize, char)>,
        out: &mut Vec<(usize, usize, u32)>,
    ) {
        starts.clear();
        starts.extend(s.char_indices().chain([(s.len(), '\0')]));
        self.find_in(s, starts, out);
    }

    /// [`NameLists::find`] with the characters of `s` given: `starts`
    /// holds each with its byte offset, then `(s.len(), '\0')`.
    pub(crate) fn find_in(
        &self,
        s: &str,
        starts: &[(usize, char)],
        out: &mut Vec<(usize, usize, u32)>,
    ) {
        out.clear();
        let n = starts.len().saturating_sub(1);
        let mut i = 0;
        while i < n {
            match self.longest_at(s, &starts[i..]) {
                Some((len, bits)) => {
                    out.push((starts[i].0, starts[i + len].0, bits));
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    /// The lengths of the names starting with `key` (as `lengths`).
    #[inline]
    fn lengths_of(&self, key: (char, char)) -> u64 {
        let b = pair_bit(key);
        match self.pairs.get(b / 64) {
            Some(bits) if bits >> (b % 64) & 1 == 0 => 0,
            _ => self.lengths.get(&key).copied().unwrap_or(0),
        }
    }

    /// The longest name at the start of `at` (the characters from there on
    /// with their byte offsets, and the end of the text): its length in
    /// characters and its lists.
    #[inline]
    fn longest_at(&self, s: &str, at: &[(usize, char)]) -> Option<(usize, u32)> {
        let key = (
            at[0].1,
            at.get(1).filter(|_| at.len() > 2).map_or('\0', |c| c.1),
        );
        let mut mask = self.lengths_of(key);
        if self.singles && key.1 != '\0' {
            mask |= self.lengths_of((key.0, '\0')) & 2;
        }
        // lengths that fit in the text, longest first
        mask &= u64::MAX >> (63 - (at.len() - 1).min(63));
        while mask != 0 {
            let len = 63 - mask.leading_zeros() as usize;
            mask &= !(1 << len);
            if let Some(&bits) = self.names.get(&s[at[0].0..at[len].0]) {
                return Some((len, bits));
            }
        }
        None
    }
}

/// The lists, built on first use.
pub(crate) static NAME_LISTS: LazyLock<NameLists> = LazyLock::new(NameLists::build);

/// The bit of the A-share short names in a match's lists.
const ASHARE: u32 = 1;

/// The A-share short names among `found` (matches of [`NameLists::find`]:
/// leftmost-longest over all the lists, so a longer name of another list
/// hides one), as organisations.
pub(crate) fn stock_names(found: &[(usize, usize, u32)]) -> impl Iterator<Item = super::Span> + '_ {
    found
        .iter()
        .filter(|m| m.2 & ASHARE != 0)
        .map(|&(start, end, _)| super::Span {
            kind: crate::entity::EntityKind::Org,
            start,
            end,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use daachorse::{CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};

    /// The matches of an Aho–Corasick automaton over the same names,
    /// leftmost-longest.
    fn automaton(texts: &[&str]) -> Vec<Vec<(usize, usize, u32)>> {
        let mut names: Vec<(&str, u32)> = NAME_LISTS.names.iter().map(|(&k, &v)| (k, v)).collect();
        names.sort_unstable();
        let ac = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build_with_values(names)
            .unwrap();
        texts
            .iter()
            .map(|t| {
                ac.leftmost_find_iter(t)
                    .map(|m| (m.start(), m.end(), m.value()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn matches_as_an_automaton_does() {
        let corpus = include_str!("../../../corpus/dev/news.jsonl");
        let mut texts: Vec<&str> = corpus.lines().collect();
        texts.extend([
            "",
            "北",
            "北京",
            "中华人民共和国北京市海淀区",
            "阿里巴巴集团控股有限公司",
        ]);
        let want = automaton(&texts);
        let mut got = Vec::new();
        for (t, w) in texts.iter().zip(&want) {
            NAME_LISTS.find(t, &mut Vec::new(), &mut got);
            assert_eq!(&got, w, "{t}");
        }
        let found: usize = want.iter().map(Vec::len).sum();
        assert!(found > 300, "{found}");
    }
}
