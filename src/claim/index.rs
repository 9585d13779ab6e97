//! Lookups that keep the claim reader linear in the length of a document,
//! however long its sentences and clauses are: what the reader used to find
//! by walking back over a sentence or searching the text between two
//! points, found here in `O(log n)`.

use std::collections::BTreeSet;

/// The byte spans of every match of some characters in a text, sorted:
/// whether one lies inside a range without searching the range.
pub(super) struct Marks(Vec<(usize, usize)>);

impl Marks {
    /// The places of `chars` in `text`.
    pub(super) fn of(text: &str, chars: &[char]) -> Marks {
        Marks(
            text.match_indices(chars)
                .map(|(i, s)| (i, i + s.len()))
                .collect(),
        )
    }

    /// Whether one of the characters lies wholly inside `a..b`: the same as
    /// `text[a..b].contains(chars)`.
    pub(super) fn any_within(&self, a: usize, b: usize) -> bool {
        let k = self.0.partition_point(|m| m.0 < a);
        // matches do not overlap: the first one from `a` ends first
        self.0.get(k).is_some_and(|m| m.1 <= b)
    }
}

/// The value claims of the current sentence that have no change yet (their
/// indices), by where their value starts: the claims a change may complete.
///
/// Claims enter in text order, one clause after another, so the order by
/// value start is also the order in which the claims were made.
#[derive(Default)]
pub(super) struct Waiting(BTreeSet<(usize, usize)>);

impl Waiting {
    /// Claim `ci`, whose value starts at `start`, waits for a change.
    pub(super) fn insert(&mut self, start: usize, ci: usize) {
        self.0.insert((start, ci));
    }

    /// Claim `ci` (value at `start`) took a change, or never waited.
    pub(super) fn remove(&mut self, start: usize, ci: usize) {
        self.0.remove(&(start, ci));
    }

    /// A new sentence: no claim waits any more.
    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    /// The waiting claim whose value starts last at or after `at`, with
    /// that start.
    pub(super) fn last_from(&self, at: usize) -> Option<(usize, usize)> {
        self.0.range((at, 0)..).next_back().copied()
    }

    /// The waiting claims whose value starts before `at`, the last first,
    /// with their starts.
    pub(super) fn before(&self, at: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.0.range(..(at, 0)).rev().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_answer_as_contains_does() {
        let text = "营收由 5 亿元增长至 8 亿元，到 2025 年\n达到";
        let to = Marks::of(text, &['至', '到']);
        let lines = Marks::of(text, &['\n']);
        for a in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for b in (a..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[a..b];
                assert_eq!(to.any_within(a, b), s.contains(['至', '到']), "{a}..{b}");
                assert_eq!(lines.any_within(a, b), s.contains('\n'), "{a}..{b}");
            }
        }
    }

    #[test]
    fn waiting_claims_by_value_start() {
        let mut w = Waiting::default();
        w.insert(10, 0);
        w.insert(20, 1);
        w.insert(30, 2);
        assert_eq!(w.last_from(15), Some((30, 2)));
        assert_eq!(w.last_from(31), None);
        assert_eq!(w.before(30).collect::<Vec<_>>(), [(20, 1), (10, 0)]);
        w.remove(30, 2);
        assert_eq!(w.last_from(15), Some((20, 1)));
        w.clear();
        assert_eq!(w.before(100).next(), None);
    }
}
