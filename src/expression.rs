//! One expression, a quantity or a time: what `zhnews normalize` reads.

use serde::Serialize;

use crate::claim::{Change, leading_change};
use crate::error::{Error, Result};
use crate::quantity::{Quantity, normalize};
use crate::text::Folded;
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
    /// A change phrase: `同比增长 14%`, `增长3倍`, `下降了2个百分点`. It
    /// serializes as a claim's `change` (SPEC.md "Claim"): `basis`,
    /// `direction` and the quantity of the change as `value`, whose offsets
    /// are into the whole expression.
    Change(Change),
}

/// Reads one expression as a quantity ([`normalize`]), a time
/// ([`normalize_time`], relative times resolved on `ref_date`) or, failing
/// both, a change phrase: a verb of change with an optional basis before a
/// quantity (`同比增长 14%`).
///
/// # Errors
/// The quantity grammar's error when none reads the expression; for a
/// change phrase, the error of its quantity.
///
/// ```
/// use zhnews::{Direction, Expression, normalize_expression};
/// let Ok(Expression::Time(t)) = normalize_expression("2024 年二季度", None) else { panic!() };
/// assert_eq!(t.value.as_deref(), Some("2024-Q2"));
/// let Ok(Expression::Quantity(q)) = normalize_expression("2.4 亿美元", None) else { panic!() };
/// assert_eq!(q.value.unwrap().to_string(), "240000000");
/// let Ok(Expression::Change(c)) = normalize_expression("同比增长 14%", None) else { panic!() };
/// assert_eq!(c.direction, Direction::Up);
/// assert_eq!(c.value.unwrap().value.unwrap().to_string(), "0.14");
/// assert!(normalize_expression("营收", None).is_err());
/// ```
pub fn normalize_expression(expr: &str, ref_date: Option<RefDate>) -> Result<Expression> {
    match normalize(expr) {
        Ok(q) => Ok(Expression::Quantity(q)),
        Err(qe) => match normalize_time(expr, ref_date) {
            Ok(t) => Ok(Expression::Time(t)),
            Err(_) => change(expr).unwrap_or(Err(qe)),
        },
    }
}

/// `expr` as a change phrase, `None` when it starts with no verb of change.
fn change(expr: &str) -> Option<Result<Expression>> {
    let folded = Folded::new(expr);
    let s = folded.as_str();
    let lead = s.len() - s.trim_start().len();
    let (basis, direction, end) = leading_change(&s[lead..])?;
    let at = folded.to_original(lead + end);
    if at >= expr.trim_end().len() {
        return Some(Err(Error::NotRecognized {
            input: expr.trim().to_string(),
        }));
    }
    Some(normalize(&expr[at..]).map(|mut q| {
        q.start += at;
        q.end += at;
        Expression::Change(Change {
            basis,
            direction,
            value: Some(q),
        })
    }))
}
