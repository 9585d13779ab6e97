//! The entry point: build an [`Analyzer`] once, share it across threads, call
//! [`Analyzer::analyze`] per document.
//!
//! # Offsets
//! A document is folded once ([`Folded`]). The scanner, the segmenter and
//! the entity stage work on the folded text, in its offsets, and hand
//! their typed results on as they are: quantities and times, the cuts,
//! then the names, the step that also decides which quantities stand
//! inside a name (`EntityRecognizer::name`). Those results are moved to
//! the offsets and the text of the original in one place
//! (`FoldedFindings::into_original`); the claim stage, whose rules read the
//! text as written, runs on them, and the [`Document`] holds them.

use crate::claim::{Inputs, claims};
use crate::document::Document;
use crate::entity::{Entity, EntityRecognizer, Named, Tagged};
use crate::quantity::Quantity;
use crate::scan::scan;
use crate::segment::{Cut, Segmenter, Token};
use crate::text::Folded;
use crate::time::{RefDate, Time};

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
        let found = self.find(&folded, ref_date).into_original(&folded);
        let claims = claims(&Inputs {
            text,
            quantities: &found.quantities,
            times: &found.times,
            entities: &found.entities,
            tokens: &found.tokens,
        });
        Document {
            id: serde_json::Value::Null,
            quantities: found.quantities,
            times: found.times,
            entities: found.entities,
            claims,
        }
    }

    /// The stages before the claims, on the folded text: the scan, the
    /// cut, the names (which decide the quantities inside them).
    fn find<'a>(&'a self, folded: &Folded<'a>, ref_date: Option<RefDate>) -> FoldedFindings<'a> {
        let (quantities, times) = scan(folded.as_str(), ref_date);
        let cuts = self.segmenter.cut(folded, &quantities, &times);
        let named = self
            .entities
            .name(folded.as_str(), &to_tagged(&cuts), quantities, &times);
        FoldedFindings { named, times, cuts }
    }
}

/// What the stages before the claims found, in folded offsets.
struct FoldedFindings<'a> {
    /// The names and the quantities outside them.
    named: Named,
    /// The times.
    times: Vec<Time>,
    /// The segmenter's tokens.
    cuts: Vec<Cut<'a>>,
}

/// What the stages before the claims found, in the offsets and the text of
/// the original: what the claim stage reads and the [`Document`] holds.
struct Findings<'a> {
    /// The quantities outside names.
    quantities: Vec<Quantity>,
    /// The times.
    times: Vec<Time>,
    /// The names.
    entities: Vec<Entity>,
    /// The segmenter's tokens.
    tokens: Vec<Token<'a>>,
}

impl<'a> FoldedFindings<'a> {
    /// Everything moved to the original text of `folded`: the one place
    /// where the pipeline's folded offsets become original ones.
    fn into_original(self, folded: &Folded<'a>) -> Findings<'a> {
        let Named {
            mut entities,
            mut quantities,
        } = self.named;
        let mut times = self.times;
        folded.move_to_original(&mut quantities);
        folded.move_to_original(&mut times);
        folded.move_to_original(&mut entities);
        Findings {
            quantities,
            times,
            entities,
            tokens: crate::segment::tokens(folded, &self.cuts),
        }
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
