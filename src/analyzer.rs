//! The entry point: build an [`Analyzer`] once, share it across threads, call
//! [`Analyzer::analyze`] per document.

use crate::document::Document;
use crate::scan::scan;
use crate::text::Folded;
use crate::time::RefDate;

/// Finds quantities, times, entities and claims in documents.
///
/// Built once, `Send + Sync`: share it by reference across threads.
///
/// ```
/// use zhnews::{Analyzer, time::RefDate};
/// let analyzer = Analyzer::new().with_ref_date(RefDate::parse("2024-08-21").unwrap());
/// let doc = analyzer.analyze("小米集团二季度营收 889 亿元，同比增长 32%。");
/// assert_eq!(doc.quantities[0].value.unwrap().to_string(), "88900000000");
/// assert_eq!(doc.times[0].value.as_deref(), Some("2024-Q2"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    ref_date: Option<RefDate>,
}

impl Analyzer {
    /// An analyzer with no reference date.
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    /// Sets the default reference date for relative times (`去年`, `上月`).
    pub fn with_ref_date(mut self, date: RefDate) -> Analyzer {
        self.ref_date = Some(date);
        self
    }

    /// The default reference date.
    pub fn ref_date(&self) -> Option<RefDate> {
        self.ref_date
    }

    /// Analyzes one document with the default reference date.
    pub fn analyze(&self, text: &str) -> Document {
        self.analyze_at(text, self.ref_date)
    }

    /// Analyzes one document against `ref_date` (e.g. the article's own date).
    pub fn analyze_at(&self, text: &str, ref_date: Option<RefDate>) -> Document {
        let folded = Folded::new(text);
        let (quantities, times) = scan(&folded, ref_date);
        Document {
            quantities,
            times,
            entities: Vec::new(),
            claims: Vec::new(),
        }
    }
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
