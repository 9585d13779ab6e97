//! Lookups that keep the claim reader linear in the length of a document,
//! however long its sentences and clauses are: what the reader used to find
//! by walking back over a sentence or searching the text between two
//! points, found here by binary search.

use std::cell::Cell;
use std::ops::Deref;

/// Sorted items with a finger: a search starts from where the last one
/// ended and gallops (steps of 1, 2, 4, ...) to its answer, so a pass that
/// moves forward through a document pays for the distance it moves, not for
/// the length of the document. Everything else is the slice's (`Deref`).
pub(super) struct Finger<S> {
    items: S,
    at: Cell<usize>,
}

impl<S> Finger<S> {
    /// The finger at the first item.
    pub(super) fn new(items: S) -> Finger<S> {
        Finger {
            items,
            at: Cell::new(0),
        }
    }
}

impl<S: Deref<Target = [T]>, T> Deref for Finger<S> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<S: Deref<Target = [T]>, T> Finger<S> {
    /// The items.
    pub(super) fn items(&self) -> &S {
        &self.items
    }

    /// The same as the slice's `partition_point` (`pred` holds for a prefix
    /// of the items), found from the finger, which moves to the answer.
    pub(super) fn partition_point(&self, pred: impl FnMut(&T) -> bool) -> usize {
        let k = gallop(&self.items, self.at.get(), pred);
        self.at.set(k);
        k
    }

    /// The same, found from the item `hint`; the finger does not move.
    pub(super) fn partition_point_from(&self, hint: usize, pred: impl FnMut(&T) -> bool) -> usize {
        gallop(&self.items, hint, pred)
    }
}

/// `items.partition_point(pred)`, searched outwards from `at`: in
/// `O(log d)` steps for an answer `d` items away.
fn gallop<T>(items: &[T], at: usize, mut pred: impl FnMut(&T) -> bool) -> usize {
    let at = at.min(items.len());
    let (lo, hi) = if items.get(at).is_some_and(&mut pred) {
        // after `at`: the first probe where `pred` fails bounds it
        let (mut lo, mut step) = (at + 1, 1);
        loop {
            let probe = at + step;
            match items.get(probe) {
                None => break (lo, items.len()),
                Some(x) if !pred(x) => break (lo, probe),
                Some(_) => (lo, step) = (probe + 1, step * 2),
            }
        }
    } else {
        // at or before `at`: the first probe where `pred` holds bounds it
        let (mut hi, mut step) = (at, 1);
        loop {
            let Some(probe) = at.checked_sub(step) else {
                break (0, hi);
            };
            if pred(&items[probe]) {
                break (probe + 1, hi);
            }
            (hi, step) = (probe, step * 2);
        }
    };
    lo + items[lo..hi].partition_point(pred)
}

/// The byte spans of every occurrence of some words in a text, sorted:
/// whether one lies inside a range without searching the range.
pub(super) struct Marks {
    marks: Vec<(usize, usize)>,
    /// `first_end[k]`: the smallest end among `marks[k..]` (words of
    /// different lengths may end out of order); empty when the words are
    /// all of one length, so that marks end in the order they start.
    first_end: Vec<usize>,
}

impl Marks {
    /// The places of `words` in `text`.
    pub(super) fn of(text: &str, words: &[&str]) -> Marks {
        let mut marks: Vec<(usize, usize)> = words
            .iter()
            .flat_map(|w| {
                memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).map(|i| (i, i + w.len()))
            })
            .collect();
        marks.sort_unstable();
        let one_length = words.iter().all(|w| w.len() == words[0].len());
        let mut first_end: Vec<usize> = Vec::new();
        if !one_length {
            first_end.extend(marks.iter().map(|m| m.1));
            for k in (1..first_end.len()).rev() {
                first_end[k - 1] = first_end[k - 1].min(first_end[k]);
            }
        }
        Marks { marks, first_end }
    }

    /// Whether one of the words lies wholly inside `a..b`: the same as
    /// `text[a..b].contains(word)` for one of them.
    pub(super) fn any_within(&self, a: usize, b: usize) -> bool {
        let k = self.marks.partition_point(|m| m.0 < a);
        let first_end = if self.first_end.is_empty() {
            self.marks.get(k).map(|m| m.1)
        } else {
            self.first_end.get(k).copied()
        };
        first_end.is_some_and(|end| end <= b)
    }

    /// The spans of the words that lie wholly inside `a..b`, by start.
    pub(super) fn within(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let k = self.marks.partition_point(|m| m.0 < a);
        (self.marks[k..].iter())
            .take_while(move |m| m.0 < b)
            .filter(move |m| m.1 <= b)
            .copied()
    }

    /// Where the first word that lies wholly inside `a..b` starts: the same
    /// as `a` plus the least `text[a..b].find(word)` of them.
    pub(super) fn first_within(&self, a: usize, b: usize) -> Option<usize> {
        self.within(a, b).next().map(|m| m.0)
    }

    /// Where the first word at or after `a` starts.
    pub(super) fn first_from(&self, a: usize) -> Option<usize> {
        let k = self.marks.partition_point(|m| m.0 < a);
        self.marks.get(k).map(|m| m.0)
    }
}

/// No entry: every one before has stopped waiting.
const NONE: usize = usize::MAX;

/// The value claims of the current sentence that have no change yet: the
/// claims a change may complete, as `(value start, claim index)`.
///
/// Claims enter in text order (one clause after another, each in the order
/// of its figures), so the entries stay sorted by value start, which is
/// also the order in which the claims were made. A claim that takes a
/// change stays in the list, marked; lookups skip marked runs by pointers
/// that they shorten as they go (path compression), so a run is not walked
/// over again.
#[derive(Default)]
pub(super) struct Waiting {
    entries: Vec<(usize, usize)>,
    /// For each entry, an entry at or before it that may still wait, or
    /// [`NONE`]; `left[k] == k` while entry `k` waits.
    left: Vec<Cell<usize>>,
}

impl Waiting {
    /// Claim `ci`, whose value starts at `start` (after every value in the
    /// list), waits for a change.
    pub(super) fn insert(&mut self, start: usize, ci: usize) {
        self.left.push(Cell::new(self.entries.len()));
        self.entries.push((start, ci));
    }

    /// Claim `ci` (value at `start`) took a change, or never waited.
    pub(super) fn remove(&mut self, start: usize, ci: usize) {
        if let Ok(k) = self.entries.binary_search(&(start, ci)) {
            self.left[k].set(k.checked_sub(1).unwrap_or(NONE));
        }
    }

    /// A new sentence: no claim waits any more.
    pub(super) fn clear(&mut self) {
        self.entries.clear();
        self.left.clear();
    }

    /// The last entry at or before `k` that still waits.
    fn waiting_at_or_before(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j != NONE && self.left[j].get() != j {
            j = self.left[j].get();
        }
        // every entry walked over points at the answer from now on
        let mut i = k;
        while i != NONE && i != j {
            let next = self.left[i].get();
            self.left[i].set(j);
            i = next;
        }
        (j != NONE).then_some(j)
    }

    /// The waiting claim whose value starts last, if it starts at or after
    /// `at`, with that start.
    pub(super) fn last_from(&self, at: usize) -> Option<(usize, usize)> {
        let k = self.waiting_at_or_before(self.entries.len().checked_sub(1)?)?;
        Some(self.entries[k]).filter(|e| e.0 >= at)
    }

    /// The waiting claims whose value starts before `at`, the last first,
    /// with their starts.
    pub(super) fn before(&self, at: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut end = self.entries.partition_point(|e| e.0 < at);
        std::iter::from_fn(move || {
            let k = self.waiting_at_or_before(end.checked_sub(1)?)?;
            end = k;
            Some(self.entries[k])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// The same answer as `partition_point`, from any finger.
        #[test]
        fn finger_finds_the_partition_point(
            mut items in proptest::collection::vec(0..60u32, 0..80),
            queries in proptest::collection::vec((0..64u32, 0..90usize), 1..20),
        ) {
            items.sort_unstable();
            let finger = Finger::new(items.clone());
            for (x, hint) in queries {
                let want = items.partition_point(|&i| i < x);
                prop_assert_eq!(finger.partition_point_from(hint, |&i| i < x), want);
                prop_assert_eq!(finger.partition_point(|&i| i < x), want);
            }
        }
    }

    #[test]
    fn marks_answer_as_contains_does() {
        let text = "营收由 5 亿元增长至 8 亿元，到 2025 年\n达到至\n其一是第一，一、首先。";
        let to = Marks::of(text, &["至", "到"]);
        let mixed = Marks::of(text, &["至", "亿元增长"]);
        let lines = Marks::of(text, &["\n"]);
        let words = ["一是", "其一", "首先", "第一，", "一、", "其一是第"];
        let listed = Marks::of(text, &words);
        for a in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for b in (a..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let s = &text[a..b];
                assert_eq!(to.any_within(a, b), s.contains(['至', '到']), "{a}..{b}");
                let mixed_in = s.contains('至') || s.contains("亿元增长");
                assert_eq!(mixed.any_within(a, b), mixed_in, "{a}..{b}");
                assert_eq!(lines.any_within(a, b), s.contains('\n'), "{a}..{b}");
                let any = words.iter().any(|w| s.contains(w));
                assert_eq!(listed.any_within(a, b), any, "{a}..{b}");
                let first = words.iter().filter_map(|w| s.find(w)).min();
                assert_eq!(listed.first_within(a, b), first.map(|i| a + i), "{a}..{b}");
                let mut found: Vec<(usize, usize)> = (words.iter())
                    .flat_map(|w| s.match_indices(w).map(|(i, w)| (a + i, a + i + w.len())))
                    .collect();
                found.sort_unstable();
                assert_eq!(listed.within(a, b).collect::<Vec<_>>(), found, "{a}..{b}");
            }
            let next = text[a..].find('\n').map(|i| a + i);
            assert_eq!(lines.first_from(a), next, "{a}");
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
        w.remove(10, 0);
        assert_eq!(w.before(100).collect::<Vec<_>>(), [(20, 1)]);
        w.clear();
        assert_eq!(w.before(100).next(), None);
        assert_eq!(w.last_from(0), None);
    }

    /// One step on the list: a claim enters, one takes a change, or a
    /// lookup from a position.
    #[derive(Debug, Clone)]
    enum Step {
        Insert,
        Remove(usize),
        Look(usize),
        Clear,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => Just(Step::Insert),
            3 => (0..40usize).prop_map(Step::Remove),
            3 => (0..450usize).prop_map(Step::Look),
            1 => Just(Step::Clear),
        ]
    }

    proptest! {
        /// The same answers as a sorted set of the waiting claims.
        #[test]
        fn waiting_is_a_sorted_set(steps in proptest::collection::vec(step(), 0..120)) {
            let mut w = Waiting::default();
            let mut model: BTreeSet<(usize, usize)> = BTreeSet::new();
            let mut entered: Vec<(usize, usize)> = Vec::new();
            for s in steps {
                match s {
                    Step::Insert => {
                        let e = (entered.len() * 10 + 3, entered.len());
                        entered.push(e);
                        model.insert(e);
                        w.insert(e.0, e.1);
                    }
                    Step::Remove(k) => {
                        if let Some(&e) = entered.get(k) {
                            model.remove(&e);
                            w.remove(e.0, e.1);
                        }
                    }
                    Step::Look(at) => {
                        let last = model.iter().next_back().copied().filter(|e| e.0 >= at);
                        prop_assert_eq!(w.last_from(at), last);
                        let before: Vec<_> = model.range(..(at, 0)).rev().copied().collect();
                        prop_assert_eq!(w.before(at).collect::<Vec<_>>(), before);
                    }
                    Step::Clear => {
                        model.clear();
                        w.clear();
                    }
                }
            }
        }
    }
}
