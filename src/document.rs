//! The result of analyzing one document (SPEC.md "Document").

use serde::{Deserialize, Serialize};

use crate::claim::Claim;
use crate::entity::Entity;
use crate::quantity::Quantity;
use crate::time::Time;

/// Everything found in one document, offsets into its original text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Time expressions, in text order.
    pub times: Vec<Time>,
    /// Named entities, in text order.
    pub entities: Vec<Entity>,
    /// Numeric claims, in text order.
    pub claims: Vec<Claim>,
}
