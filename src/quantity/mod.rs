//! Quantities: money, percentages, counts and other numeric expressions, with
//! exact values (SPEC.md "Quantity").
//!
//! [`normalize`] reads one expression; the scanner (see
//! [`crate::Analyzer`]) finds every expression in running text with the same
//! grammar.

mod grammar;

use std::sync::LazyLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lexicon::{WordTable, data_lines};
use crate::number::{Grammar, NumberError};
use crate::text::{Folded, InFolded};

pub(crate) use grammar::{Found, UnitRef, match_at};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuantityKind {
    /// An amount of money; the unit is an ISO 4217 code.
    Money,
    /// A percentage; the value is the fraction (`14%` → `0.14`).
    Percent,
    /// Percentage points (`2 个百分点` → `2`).
    PercentagePoint,
    /// A number with a measure word or counted noun; the unit is that word.
    Count,
    /// A bare number with a magnitude and no unit (`3.05 亿`).
    Number,
    /// An ordinal (`第 9 名` → `9`).
    Ordinal,
    /// A multiple (`翻倍` → `2`, `3 倍` → `3`); the unit is `"x"`.
    Multiple,
}

/// A word that qualifies a quantity (`约`, `超过`, `以上`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// 约, 近, 大约, 左右, 上下; also `几`/`数` forms.
    Approx,
    /// 超过, 超, 逾, 突破, 以上, 多, 余.
    Over,
    /// 不到, 不足, 以下, 未满.
    Under,
    /// 至少, 不低于, 不少于.
    AtLeast,
    /// 至多, 最多, 不超过, 不高于.
    AtMost,
}

impl Qualifier {
    fn from_name(name: &str) -> Option<Qualifier> {
        Some(match name {
            "approx" => Qualifier::Approx,
            "over" => Qualifier::Over,
            "under" => Qualifier::Under,
            "at_least" => Qualifier::AtLeast,
            "at_most" => Qualifier::AtMost,
            _ => return None,
        })
    }
}

/// A numeric expression with its exact value.
///
/// Serializes as SPEC.md says: `value` for a single value, `low` and `high`
/// instead for a range, exact decimals as strings, `unit` and `qualifier`
/// always present (`null` when absent).
///
/// ```
/// let q = zhnews::normalize("2.4 亿美元").unwrap();
/// assert_eq!(
///     serde_json::to_string(&q).unwrap(),
///     r#"{"kind":"money","text":"2.4 亿美元","start":0,"end":13,"value":"240000000","unit":"USD","qualifier":null}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// What is measured.
    pub kind: QuantityKind,
    /// The expression as written in the original text.
    pub text: String,
    /// Byte offset of the start in the original text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the original text.
    pub end: usize,
    /// The exact value, when the quantity is not a range.
    #[serde(
        default,
        with = "crate::exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// The low end of a range.
    #[serde(
        default,
        with = "crate::exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub low: Option<Decimal>,
    /// The high end of a range.
    #[serde(
        default,
        with = "crate::exact::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub high: Option<Decimal>,
    /// ISO 4217 code for money, the measure word for counts, `"x"` for
    /// multiples, else `None`.
    pub unit: Option<String>,
    /// The qualifier, if any.
    pub qualifier: Option<Qualifier>,
}

/// What a quantity amounts to: one exact value or a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// `889 亿元` → 88900000000.
    Value(Decimal),
    /// `3-6 亿美元` → 300000000 to 600000000.
    Range {
        /// The low end.
        low: Decimal,
        /// The high end.
        high: Decimal,
    },
}

impl Quantity {
    /// The value or the range, typed.
    ///
    /// ```
    /// use zhnews::{Amount, Decimal};
    /// let q = zhnews::normalize("3-6 亿美元").unwrap();
    /// assert_eq!(q.amount(), Some(Amount::Range { low: Decimal::from(300_000_000), high: Decimal::from(600_000_000) }));
    /// let q = zhnews::normalize("889 亿元").unwrap();
    /// assert_eq!(q.amount(), Some(Amount::Value(Decimal::from(88_900_000_000u64))));
    /// ```
    pub fn amount(&self) -> Option<Amount> {
        match (self.value, self.low, self.high) {
            (Some(v), _, _) => Some(Amount::Value(v)),
            (None, Some(low), Some(high)) => Some(Amount::Range { low, high }),
            _ => None,
        }
    }
}

/// The word tables of the quantity grammar, parsed once from `data/`.
pub(crate) struct Tables {
    pub currency_prefix: WordTable<&'static str>,
    pub currency_suffix: WordTable<&'static str>,
    /// Currency names that may precede a number (`港币3.14`, `新台币934亿`).
    pub currency_before: WordTable<&'static str>,
    pub qualifier_prefix: WordTable<Qualifier>,
    pub qualifier_suffix: WordTable<Qualifier>,
    /// `true` for measure words, `false` for compounds that only look like
    /// one (`个月`, `位数`, `手车`).
    pub measure_words: WordTable<bool>,
}

const CURRENCY_DATA: &str = include_str!("../../data/currency.txt");
const QUALIFIER_DATA: &str = include_str!("../../data/qualifiers.txt");
const MEASURE_DATA: &str = include_str!("../../data/measure_words.txt");

pub(crate) static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut t = Tables {
        currency_prefix: WordTable::new(),
        currency_suffix: WordTable::new(),
        currency_before: WordTable::new(),
        qualifier_prefix: WordTable::new(),
        qualifier_suffix: WordTable::new(),
        measure_words: WordTable::new(),
    };
    for (_, line) in data_lines(CURRENCY_DATA) {
        let mut f = line.split_whitespace();
        if let (Some(side), Some(word), Some(code)) = (f.next(), f.next(), f.next()) {
            match side {
                "prefix" => t.currency_prefix.insert(word, code),
                "before" => t.currency_before.insert(word, code),
                _ => t.currency_suffix.insert(word, code),
            }
        }
    }
    for (_, line) in data_lines(QUALIFIER_DATA) {
        let mut f = line.split_whitespace();
        if let (Some(side), Some(word), Some(q)) = (f.next(), f.next(), f.next()) {
            if let Some(q) = Qualifier::from_name(q) {
                match side {
                    "prefix" => t.qualifier_prefix.insert(word, q),
                    _ => t.qualifier_suffix.insert(word, q),
                }
            }
        }
    }
    for (_, line) in data_lines(MEASURE_DATA) {
        match line.strip_prefix('!') {
            Some(word) => t.measure_words.insert(word, false),
            None => t.measure_words.insert(line, true),
        }
    }
    t
});

/// The byte length of the longest qualifier word written before a number
/// (`约`, `超过`, `不低于`) that starts at byte `pos` of the folded text `s`.
///
/// For the segmenter, which cuts a qualified quantity into its qualifier
/// words and the quantity, without reaching into [`TABLES`].
pub(crate) fn qualifier_before_len(s: &str, pos: usize) -> Option<usize> {
    TABLES
        .qualifier_prefix
        .longest_at(s, pos)
        .map(|(_, len)| len)
}

/// The byte length of the longest qualifier word written after a number
/// (`左右`, `以上`, `以内`) that starts at byte `pos` of the folded text `s`.
///
/// For the segmenter, as [`qualifier_before_len`].
pub(crate) fn qualifier_after_len(s: &str, pos: usize) -> Option<usize> {
    TABLES
        .qualifier_suffix
        .longest_at(s, pos)
        .map(|(_, len)| len)
}

impl InFolded for Quantity {
    fn move_to_original(&mut self, folded: &Folded<'_>) {
        folded.move_span(&mut self.start, &mut self.end, &mut self.text);
    }
}

impl Found {
    /// The quantity, in the offsets and the text of the folded text `s`
    /// it was found in.
    pub(crate) fn to_quantity(&self, s: &str) -> Quantity {
        let (start, end) = (self.start, self.end);
        let unit = match self.unit {
            Some(UnitRef::Code(c)) => Some(c.to_string()),
            Some(UnitRef::Word(a, b)) => Some(s[a..b].to_string()),
            Some(UnitRef::Times) => Some("x".to_string()),
            None => None,
        };
        let (value, low, high) = match self.high {
            Some(h) => (None, Some(self.value.normalize()), Some(h.normalize())),
            None => (Some(self.value.normalize()), None, None),
        };
        Quantity {
            kind: self.kind,
            text: s[start..end].to_string(),
            start,
            end,
            value,
            low,
            high,
            unit,
            qualifier: self.qualifier,
        }
    }
}

/// Reads one quantity expression exactly.
///
/// Surrounding spaces are ignored; anything else left over is an error.
/// Offsets in the result are byte offsets into `expr`.
///
/// ```
/// use zhnews::{QuantityKind, Qualifier};
/// let q = zhnews::normalize("超过 5 万家").unwrap();
/// assert_eq!(q.kind, QuantityKind::Count);
/// assert_eq!(q.value.unwrap().to_string(), "50000");
/// assert_eq!(q.unit.as_deref(), Some("家"));
/// assert_eq!(q.qualifier, Some(Qualifier::Over));
///
/// let q = zhnews::normalize("三十几万元").unwrap();
/// assert_eq!(q.low.unwrap().to_string(), "300000");
/// assert_eq!(q.high.unwrap().to_string(), "400000");
///
/// assert!(zhnews::normalize("9999999999999999999999999999亿").is_err());
/// ```
pub fn normalize(expr: &str) -> Result<Quantity, Error> {
    let folded = Folded::new(expr);
    let s = folded.as_str();
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start >= end {
        return Err(Error::NotRecognized {
            input: expr.to_string(),
        });
    }
    let trimmed = &s[..end];
    match match_at(trimmed, start, Grammar::EXPRESSION) {
        Err((NumberError::Overflow, _)) => Err(Error::Overflow {
            input: expr.trim().to_string(),
        }),
        Err((NumberError::DivisionByZero, _)) => Err(Error::DivisionByZero {
            input: expr.trim().to_string(),
        }),
        Ok(None) => Err(Error::NotRecognized {
            input: expr.trim().to_string(),
        }),
        Ok(Some(f)) if f.end < end => Err(Error::TrailingText {
            read: folded.original_slice(f.start, f.end).to_string(),
            rest: folded.original_slice(f.end, end).to_string(),
        }),
        Ok(Some(f)) => Ok(folded.moved(f.to_quantity(s))),
    }
}

#[cfg(test)]
mod tests;
