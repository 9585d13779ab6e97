//! The result of analyzing one document (SPEC.md "Document").

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::claim::Claim;
use crate::entity::Entity;
use crate::quantity::Quantity;
use crate::time::Time;

/// Everything found in one document, offsets into its original text.
///
/// Serialized, it is SPEC.md's document line: `{"id", "quantities",
/// "times", "entities", "claims"}`.
///
/// ```
/// let doc = zhnews::Analyzer::new().analyze("营收 889 亿元").with_id("a1".into());
/// let json = serde_json::to_string(&doc).unwrap();
/// assert!(json.starts_with(r#"{"id":"a1","quantities":[{"kind":"money","text":"889 亿元""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The record's `id` (`null` for a text analyzed on its own).
    #[serde(default)]
    pub id: Value,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Time expressions, in text order.
    pub times: Vec<Time>,
    /// Named entities, in text order.
    pub entities: Vec<Entity>,
    /// Numeric claims, in text order.
    pub claims: Vec<Claim>,
}

impl Document {
    /// The same document with `id` set.
    pub fn with_id(mut self, id: Value) -> Document {
        self.id = id;
        self
    }
}
