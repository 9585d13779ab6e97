//! Named entities: organisations, people, places and products (SPEC.md
//! "Entity").

use serde::{Deserialize, Serialize};

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// Companies, brokers, banks, regulators, ...
    Org,
    /// People.
    Person,
    /// Countries, regions, cities, ...
    Place,
    /// Products, brands, apps, models.
    Product,
}

/// A named entity found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The name as written in the original text.
    pub text: String,
    /// Byte offset of the start in the original text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the original text.
    pub end: usize,
}
