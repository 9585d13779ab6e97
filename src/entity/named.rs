//! The step where names are known: the recognizer's names set beside the
//! scanner's quantities and times, in folded offsets. A time wins over a
//! name that overlaps it; a number inside a name other than a person's is
//! part of the name (`三只松鼠`, `第一财经`), no quantity.

use super::{Entity, EntityKind, EntityRecognizer, Tagged};
use crate::quantity::Quantity;
use crate::text::{Folded, InFolded};
use crate::time::Time;

/// The names of a text and the quantities outside them, in folded offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Named {
    /// The names, in text order, no one overlapping a time.
    pub entities: Vec<Entity>,
    /// The scanner's quantities that stand inside no name of an
    /// organisation, place or product, in text order.
    pub quantities: Vec<Quantity>,
}

impl EntityRecognizer {
    /// The names of the folded text `s` (cut into `tokens`) beside what the
    /// scanner found in it: `quantities` are kept where they stand inside
    /// no name, `times` are kept whole.
    pub(crate) fn name(
        &self,
        s: &str,
        tokens: &[Tagged<'_>],
        mut quantities: Vec<Quantity>,
        times: &[Time],
    ) -> Named {
        let time_spans = Spans::new(times.iter().map(|t| (t.start, t.end)));
        let entities: Vec<Entity> = self
            .recognize(s, tokens)
            .into_iter()
            .filter(|sp| !time_spans.overlaps(sp.start, sp.end))
            .map(|sp| Entity {
                kind: sp.kind,
                text: s[sp.start..sp.end].to_string(),
                start: sp.start,
                end: sp.end,
            })
            .collect();
        let names = Spans::new(
            entities
                .iter()
                .filter(|e| e.kind != EntityKind::Person)
                .map(|e| (e.start, e.end)),
        );
        quantities.retain(|q| !names.contains(q.start, q.end));
        Named {
            entities,
            quantities,
        }
    }
}

impl InFolded for Entity {
    fn move_to_original(&mut self, folded: &Folded<'_>) {
        folded.move_span(&mut self.start, &mut self.end, &mut self.text);
    }
}

/// Byte spans sorted by start, with the furthest end of every prefix: whether
/// some span contains or overlaps a range in `O(log n)`.
struct Spans {
    /// `(start, end, furthest)`: `furthest` is the largest end among the
    /// spans up to this one.
    spans: Vec<(usize, usize, usize)>,
}

impl Spans {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Spans {
        // one vector, sized once (the upper bound of a filter is exact
        // enough)
        let mut all = Vec::with_capacity(spans.size_hint().1.unwrap_or(0));
        all.extend(spans.map(|(a, b)| (a, b, 0)));
        all.sort_unstable();
        let mut furthest = 0;
        for s in &mut all {
            furthest = furthest.max(s.1);
            s.2 = furthest;
        }
        Spans { spans: all }
    }

    /// The largest end among spans starting before `limit` (`<= limit` when
    /// `inclusive`).
    fn furthest_before(&self, limit: usize, inclusive: bool) -> Option<usize> {
        let k = self
            .spans
            .partition_point(|s| s.0 < limit || (inclusive && s.0 == limit));
        k.checked_sub(1).map(|i| self.spans[i].2)
    }

    /// Some span has `start <= a` and `b <= end`.
    fn contains(&self, a: usize, b: usize) -> bool {
        self.furthest_before(a, true).is_some_and(|e| b <= e)
    }

    /// Some span has `start < b` and `a < end`.
    fn overlaps(&self, a: usize, b: usize) -> bool {
        self.furthest_before(b, false).is_some_and(|e| a < e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan;

    #[test]
    fn names_decide_the_quantities_inside_them_in_folded_offsets() {
        let analyzer = crate::Analyzer::new();
        let folded = Folded::new("據第一財經報道，營收增長５％");
        let s = folded.as_str();
        assert_eq!(s, "据第一财经报道，营收增长5%");
        let (quantities, times) = scan(s, None);
        let found: Vec<(&str, usize, usize)> = quantities
            .iter()
            .map(|q| (q.text.as_str(), q.start, q.end))
            .collect();
        assert_eq!(found, [("第一", 3, 9), ("5%", 36, 38)]);
        let tokens = analyzer.entity_tokens(&folded);
        let named = analyzer.entities().name(s, &tokens, quantities, &times);
        let names: Vec<(&str, usize, usize)> = named
            .entities
            .iter()
            .map(|e| (e.text.as_str(), e.start, e.end))
            .collect();
        assert_eq!(names, [("第一财经", 3, 15)]);
        let kept: Vec<&str> = named.quantities.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(kept, ["5%"]);
        // moved to the original once
        let mut entities = named.entities;
        folded.move_to_original(&mut entities);
        assert_eq!(
            (entities[0].text.as_str(), entities[0].start),
            ("第一財經", 3)
        );
        let q = folded.moved(named.quantities[0].clone());
        assert_eq!((q.text.as_str(), q.start, q.end), ("５％", 36, 42));
    }

    #[test]
    fn spans_contain_and_overlap() {
        let spans = Spans::new([(10, 20), (0, 4), (12, 30)].into_iter());
        assert!(spans.contains(0, 4) && spans.contains(13, 30) && spans.contains(10, 12));
        assert!(!spans.contains(3, 5) && !spans.contains(25, 31));
        assert!(spans.overlaps(3, 5) && spans.overlaps(29, 40));
        assert!(!spans.overlaps(4, 10) && !spans.overlaps(30, 31));
    }
}
