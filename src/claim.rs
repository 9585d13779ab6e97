//! Numeric claims: a quantity tied to who and what it measures, when, and
//! how it changed (SPEC.md "Claim").

use serde::{Deserialize, Serialize};

use crate::quantity::Quantity;

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// 同比: year on year.
    Yoy,
    /// 环比 between quarters.
    Qoq,
    /// 环比 between months.
    Mom,
    /// 年初至今: year to date.
    Ytd,
}

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增长, 上涨, 提升, ...
    Up,
    /// 下降, 下滑, 减少, ...
    Down,
}

/// How a figure changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The comparison basis, if the text names one.
    pub basis: Option<Basis>,
    /// Up or down.
    pub direction: Direction,
    /// The size of the change.
    pub value: Option<Quantity>,
}

/// A numeric claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The entity the figure is about, or `None`.
    pub subject: Option<String>,
    /// What is measured (营收, 净利润, ...), or `None`.
    pub metric: Option<String>,
    /// A time value (`2024-Q2`), or `None`.
    pub period: Option<String>,
    /// The quantity stated, or `None` when only a change is stated.
    pub value: Option<Quantity>,
    /// How it changed, or `None`.
    pub change: Option<Change>,
    /// Byte offset of the start of the clause the claim was read from.
    pub start: usize,
    /// Byte offset of the end of that clause.
    pub end: usize,
}
