//! The entry point: build an [`Analyzer`] once, share it across threads, call
//! [`Analyzer::analyze`] per document.

use crate::claim::{Inputs, claims};
use crate::document::Document;
use crate::entity::{Entity, EntityKind, EntityRecognizer, Tagged};
use crate::scan::scan;
use crate::segment::{Cut, Segmenter};
use crate::text::Folded;
use crate::time::RefDate;

/// Finds quantities, times, entities and claims in documents.
///
/// Built once (it loads the segmenter's dictionary and compiles the entity
/// lexicons), `Send + Sync`: share it by reference across threads.
///
/// ```
/// use zhnews::{Analyzer, RefDate};
/// let analyzer = Analyzer::new().with_ref_date(RefDate::parse("2024-08-21").unwrap());
/// let doc = analyzer.analyze("小米集团二季度营收 889 亿元，同比增长 32%。");
/// assert_eq!(doc.quantities[0].value.unwrap().to_string(), "88900000000");
/// assert_eq!(doc.times[0].value.as_deref(), Some("2024-Q2"));
/// assert_eq!(doc.entities[0].text, "小米集团");
/// let claim = &doc.claims[0];
/// assert_eq!(claim.subject.as_deref(), Some("小米集团"));
/// assert_eq!(claim.metric.as_deref(), Some("营收"));
/// assert_eq!(claim.period.as_deref(), Some("2024-Q2"));
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    ref_date: Option<RefDate>,
    segmenter: Segmenter,
    entities: EntityRecognizer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with the embedded dictionaries and no reference date.
    pub fn new() -> Analyzer {
        Analyzer {
            ref_date: None,
            segmenter: Segmenter::new(),
            entities: EntityRecognizer::new(),
        }
    }

    /// Sets the default reference date for relative times (`去年`, `上月`).
    pub fn with_ref_date(mut self, date: RefDate) -> Analyzer {
        self.ref_date = Some(date);
        self
    }

    /// Uses `segmenter` (for instance one with a user dictionary).
    pub fn with_segmenter(mut self, segmenter: Segmenter) -> Analyzer {
        self.segmenter = segmenter;
        self
    }

    /// Uses `entities` (for instance one with added lexicon entries).
    pub fn with_entities(mut self, entities: EntityRecognizer) -> Analyzer {
        self.entities = entities;
        self
    }

    /// The default reference date.
    pub fn ref_date(&self) -> Option<RefDate> {
        self.ref_date
    }

    /// The segmenter.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The entity recognizer.
    pub fn entities(&self) -> &EntityRecognizer {
        &self.entities
    }

    /// The tokens the entity stage reads for folded text (what the entity
    /// model's trainer featurizes).
    pub(crate) fn entity_tokens<'a>(&'a self, folded: &Folded<'a>) -> Vec<Tagged<'a>> {
        let (quantities, times) = scan(folded.as_str(), self.ref_date);
        to_tagged(&self.segmenter.cut(folded, &quantities, &times))
    }

    /// Analyzes one document with the default reference date.
    pub fn analyze(&self, text: &str) -> Document {
        self.analyze_at(text, self.ref_date)
    }

    /// Analyzes one document against `ref_date` (e.g. the article's own date).
    pub fn analyze_at(&self, text: &str, ref_date: Option<RefDate>) -> Document {
        let folded = Folded::new(text);
        let (mut quantities, mut times) = scan(folded.as_str(), ref_date);
        let cuts = self.segmenter.cut(&folded, &quantities, &times);
        let tagged = to_tagged(&cuts);
        folded.move_to_original(&mut quantities);
        folded.move_to_original(&mut times);
        let tokens = crate::segment::tokens(&folded, &cuts);
        let time_spans = Spans::new(times.iter().map(|t| (t.start, t.end)));
        let entities: Vec<Entity> = self
            .entities
            .recognize(folded.as_str(), &tagged)
            .into_iter()
            .map(|sp| {
                let start = folded.to_original(sp.start);
                let end = folded.to_original(sp.end);
                Entity {
                    kind: sp.kind,
                    text: text[start..end].to_string(),
                    start,
                    end,
                }
            })
            .filter(|e| !time_spans.overlaps(e.start, e.end))
            .collect();
        // a number inside a name is no quantity (`三只松鼠`, `第一财经`)
        let names = Spans::new(
            entities
                .iter()
                .filter(|e| e.kind != EntityKind::Person)
                .map(|e| (e.start, e.end)),
        );
        quantities.retain(|q| !names.contains(q.start, q.end));
        let claims = claims(&Inputs {
            text,
            quantities: &quantities,
            times: &times,
            entities: &entities,
            tokens: &tokens,
        });
        Document {
            id: serde_json::Value::Null,
            quantities,
            times,
            entities,
            claims,
        }
    }
}

/// Byte spans sorted by start, with the furthest end of every prefix: whether
/// some span contains or overlaps a range in `O(log n)`.
struct Spans {
    spans: Vec<(usize, usize)>,
    /// `furthest[i]`: the largest end among `spans[..=i]`.
    furthest: Vec<usize>,
}

impl Spans {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Spans {
        let mut spans: Vec<(usize, usize)> = spans.collect();
        spans.sort_unstable();
        let furthest = spans
            .iter()
            .scan(0, |m, s| {
                *m = (*m).max(s.1);
                Some(*m)
            })
            .collect();
        Spans { spans, furthest }
    }

    /// The largest end among spans starting before `limit` (`<= limit` when
    /// `inclusive`).
    fn furthest_before(&self, limit: usize, inclusive: bool) -> Option<usize> {
        let k = self
            .spans
            .partition_point(|s| s.0 < limit || (inclusive && s.0 == limit));
        k.checked_sub(1).map(|i| self.furthest[i])
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

/// The tokens with their POS tags, for the entity stage.
fn to_tagged<'a>(cuts: &[Cut<'a>]) -> Vec<Tagged<'a>> {
    cuts.iter()
        .map(|t| Tagged {
            start: t.start,
            end: t.end,
            pos: t.pos,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyzer_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Analyzer>();
    }
}
