//! One expression, a quantity or a time: what `zhnews normalize` reads.

use serde::Serialize;

use crate::error::Result;
use crate::quantity::{Quantity, normalize};
use crate::time::{RefDate, Time, normalize_time};

/// A quantity or a time read from one expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Expression {
    /// `2.4 亿美元`, `超过 5 万家`, `14%`.
    Quantity(Quantity),
    /// `2024 年二季度`, `去年 9 月`.
    Time(Time),
}

/// Reads one expression as a quantity ([`normalize`]) or, failing that, as
/// a time ([`normalize_time`], relative times resolved on `ref_date`).
///
/// # Errors
/// The quantity grammar's error when neither reads the expression.
///
/// ```
/// use zhnews::{Expression, normalize_expression};
/// let Ok(Expression::Time(t)) = normalize_expression("2024 年二季度", None) else { panic!() };
/// assert_eq!(t.value.as_deref(), Some("2024-Q2"));
/// let Ok(Expression::Quantity(q)) = normalize_expression("2.4 亿美元", None) else { panic!() };
/// assert_eq!(q.value.unwrap().to_string(), "240000000");
/// assert!(normalize_expression("营收", None).is_err());
/// ```
pub fn normalize_expression(expr: &str, ref_date: Option<RefDate>) -> Result<Expression> {
    match normalize(expr) {
        Ok(q) => Ok(Expression::Quantity(q)),
        Err(qe) => normalize_time(expr, ref_date)
            .map(Expression::Time)
            .map_err(|_| qe),
    }
}
