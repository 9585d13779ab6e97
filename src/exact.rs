//! Exact decimals as JSON strings in plain notation (SPEC.md "Exact values").
//!
//! `"240000000"`, `"0.062"`, `"-3.5"`: no exponent, no trailing zeros after
//! the point, no leading `+`, never a float.

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serializer};

/// The canonical string of a decimal: plain notation, trailing zeros dropped,
/// `-0` written `0`.
pub fn to_plain(d: &Decimal) -> String {
    let n = d.normalize();
    if n.is_zero() {
        "0".to_string()
    } else {
        n.to_string()
    }
}

/// Serde adapter for `Option<Decimal>` fields (use with `#[serde(with)]`).
pub mod option {
    use super::*;

    /// Writes `Some(d)` as its plain string, `None` as `null`.
    pub fn serialize<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.serialize_str(&to_plain(d)),
            None => s.serialize_none(),
        }
    }

    /// Reads a decimal string (or `null`).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let v: Option<String> = Option::deserialize(d)?;
        v.map(|s| {
            Decimal::from_str_exact(&s)
                .map_err(|e| serde::de::Error::custom(format!("invalid decimal {s:?}: {e}")))
        })
        .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn plain_strings() {
        let d = |s: &str| to_plain(&Decimal::from_str(s).unwrap());
        assert_eq!(d("240000000"), "240000000");
        assert_eq!(d("0.0620"), "0.062");
        assert_eq!(d("-3.50"), "-3.5");
        assert_eq!(d("6.0"), "6");
        assert_eq!(d("-0.0"), "0");
        assert_eq!(d("1500000000000.000"), "1500000000000");
    }
}
