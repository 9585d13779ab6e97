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
//! (`FoldedFindings::into_original`, the first step of `stages::claims`);
//! the claim stage, whose rules read the
//! text as written, runs on them, and the [`Document`] holds them.

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
        let folded = stages::fold(text);
        let scanned = stages::scan(&folded, ref_date);
        let cuts = stages::segment(self, &folded, &scanned);
        let found = stages::entities(self, &folded, &cuts, scanned);
        stages::claims(&folded, &cuts, found)
    }
}

/// The stages of [`Analyzer::analyze_at`], one call each, in the order it
/// chains them: for the per-stage benches (`benches/stages.rs`), the
/// allocation test and `scripts/callgrind.sh`. Not a stable API.
///
/// The module docs of `analyzer.rs` (*Offsets*) say what each hands on.
///
/// ```
/// use zhnews::{Analyzer, stages};
/// let analyzer = Analyzer::new();
/// let text = "小米集团营收 889 亿元";
/// let folded = stages::fold(text);
/// let scanned = stages::scan(&folded, None);
/// let cuts = stages::segment(&analyzer, &folded, &scanned);
/// let found = stages::entities(&analyzer, &folded, &cuts, scanned);
/// let doc = stages::claims(&folded, &cuts, found);
/// assert_eq!(doc, analyzer.analyze(text));
/// assert!(stages::serialize(&doc).starts_with(r#"{"id":null,"quantities""#));
/// ```
#[doc(hidden)]
pub mod stages {
    use super::{Analyzer, FoldedFindings, to_tagged};
    use crate::document::Document;
    use crate::quantity::Quantity;
    use crate::segment::Cut;
    use crate::time::{RefDate, Time};

    /// A text folded for the stages after it (stage `fold`).
    #[derive(Debug, Clone)]
    pub struct Folded<'a>(crate::text::Folded<'a>);

    /// The scanner's quantities and times, in folded offsets (stage `scan`).
    #[derive(Debug, Clone)]
    pub struct Scanned {
        quantities: Vec<Quantity>,
        times: Vec<Time>,
    }

    /// The segmenter's tokens, in folded offsets (stage `segment`).
    #[derive(Debug, Clone)]
    pub struct Cuts<'a>(Vec<Cut<'a>>);

    impl Cuts<'_> {
        /// How many tokens.
        pub fn len(&self) -> usize {
            self.0.len()
        }

        /// Whether there are none.
        pub fn is_empty(&self) -> bool {
            self.0.is_empty()
        }
    }

    /// The names, the quantities outside them and the times, in folded
    /// offsets (stage `entities`).
    #[derive(Debug, Clone)]
    pub struct Found(FoldedFindings);

    /// Stage `fold`: width and traditional-to-simplified folding.
    pub fn fold(text: &str) -> Folded<'_> {
        Folded(crate::text::Folded::new(text))
    }

    /// Stage `scan`: the quantities and times of the folded text.
    pub fn scan(folded: &Folded<'_>, ref_date: Option<RefDate>) -> Scanned {
        let (quantities, times) = crate::scan::scan(folded.0.as_str(), ref_date);
        Scanned { quantities, times }
    }

    /// Stage `segment`: the analyzer's segmenter cuts the folded text
    /// around the scanner's quantities and times.
    pub fn segment<'a>(analyzer: &'a Analyzer, folded: &Folded<'a>, scanned: &Scanned) -> Cuts<'a> {
        Cuts(
            analyzer
                .segmenter
                .cut(&folded.0, &scanned.quantities, &scanned.times),
        )
    }

    /// Stage `entities`: the names, which decide the quantities inside
    /// them.
    pub fn entities(
        analyzer: &Analyzer,
        folded: &Folded<'_>,
        cuts: &Cuts<'_>,
        scanned: Scanned,
    ) -> Found {
        let Scanned { quantities, times } = scanned;
        let named =
            analyzer
                .entities
                .name(folded.0.as_str(), &to_tagged(&cuts.0), quantities, &times);
        Found(FoldedFindings { named, times })
    }

    /// Stage `claims`: everything moved to the original text, the claims
    /// read there, the document.
    pub fn claims(folded: &Folded<'_>, cuts: &Cuts<'_>, found: Found) -> Document {
        let found = found.0.into_original(&folded.0, &cuts.0);
        let claims = crate::claim::claims(&crate::claim::Inputs {
            text: folded.0.original(),
            quantities: &found.quantities,
            times: &found.times,
            entities: &found.entities,
            tokens: &found.tokens,
        });
        Document {
            id: serde_json::Value::Null,
            quantities: found.quantities,
            times: found.times,
            // indexes are subjects of claims, no entities (SPEC)
            entities: crate::entity::without_indexes(found.entities),
            claims,
        }
    }

    /// Stage `serialize`: the document's JSON line, as `zhnews extract`
    /// writes it (`record`).
    pub fn serialize(doc: &Document) -> String {
        serde_json::to_string(doc).unwrap_or_default()
    }
}

/// What the stages before the claims found, in folded offsets.
#[derive(Debug, Clone)]
struct FoldedFindings {
    /// The names and the quantities outside them.
    named: Named,
    /// The times.
    times: Vec<Time>,
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

impl FoldedFindings {
    /// Everything moved to the original text of `folded` (the segmenter's
    /// `cuts` made its tokens): the one place where the pipeline's folded
    /// offsets become original ones.
    fn into_original<'a>(self, folded: &Folded<'a>, cuts: &[Cut<'a>]) -> Findings<'a> {
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
            tokens: crate::segment::tokens(folded, cuts),
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
