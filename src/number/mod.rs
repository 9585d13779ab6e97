//! The numeral grammar: Arabic, Chinese and mixed numerals to exact decimals.
//!
//! Reads, on width-folded text (see [`crate::text`]):
//! - Arabic numerals with thousands separators (`,` or `，` between groups of
//!   three digits) and decimals: `1,234.5`, `82，225.00`, `.5`;
//! - scientific forms `1.2732E+15`, `2e5`, powers `2^5` (when enabled);
//! - Chinese numerals with `〇 零 两 幺`, the financial forms `壹贰叁肆伍陆柒捌玖拾佰仟`,
//!   traditional forms, and the magnitudes `十 百 千 万 亿 兆` (`万亿` = 10^12,
//!   `万万` = 10^8): `一万五千亿`, `四亿五千六百四十二万零一十五`;
//! - the elided last digit: `一万三` = 13000, `两千四百五` = 2450;
//! - mixed forms: `2.4亿`, `3万4000`, `25万6千`, `1.5万亿`, `3.07 亿`;
//! - decimals in Chinese (`三点五`, `两千万点五五四四`), negatives (`负`, `-`),
//!   fractions (`三分之一`, `3/4`, `1 3/5`, `三百五又三分之一`), `半百`;
//! - approximate forms: `多`/`余` (`一千多万`, `十余`) give the value and
//!   [`Numeral::over`]; `几`/`数` (`三十几万`, `几十`, `数百`) give a range in
//!   [`Numeral::value`] .. [`Numeral::high`].
//!
//! All arithmetic is checked: a value beyond the range of
//! [`rust_decimal::Decimal`] is an [`Error::Overflow`], never a wrapped or
//! rounded number.
//!
//! The files: [`grammar`] (which optional forms are on), [`digits`] (the
//! values of Chinese digit and unit characters), [`parser`] (the cursor and
//! signs), [`simple`] (the core read, one step per character), [`chinese`]
//! and [`approx`] (its steps for Chinese numerals and approximate forms),
//! [`arabic`] (Arabic digits), [`fraction`] (fraction tails) and [`arith`]
//! (checked exact arithmetic).

mod approx;
mod arabic;
mod arith;
mod chinese;
mod digits;
mod fraction;
mod grammar;
mod parser;
mod simple;
#[cfg(test)]
mod tests;

use rust_decimal::Decimal;

use crate::error::Error;

use arabic::plain_arabic;
pub(crate) use arith::{add_exact, pow10};
pub use digits::{chinese_digit, is_chinese_numeral_char, old_tens, unit_power};
pub use grammar::Grammar;
use parser::Parser;

/// A numeral read by the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numeral {
    /// The value; for a range form (`三十几万`) its low end.
    pub value: Decimal,
    /// The high end of a range form (`三十几万` → 400000), else `None`.
    pub high: Option<Decimal>,
    /// `多` or `余` followed the number (`一千多万`, `十余`): the true value is
    /// somewhat more than [`Numeral::value`].
    pub over: bool,
    pub(crate) shape: Shape,
}

/// How a numeral was written; the quantity grammar uses it to share
/// magnitudes across ranges and to tell numbers from codes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Holds a unit character (十百千万亿兆).
    pub units: bool,
    /// Holds a magnitude: 万, 亿, 兆, or a `k`/`M` suffix.
    pub big: bool,
    /// Written with Chinese numeral characters.
    pub chinese: bool,
    /// Written with Arabic digits.
    pub arabic: bool,
    /// A run of Chinese digits without units (`二〇二四`, `五五`).
    pub digit_string: bool,
    /// Uses a `k`/`M` suffix.
    pub si_suffix: bool,
    /// Has a decimal part.
    pub decimal: bool,
    /// Is or holds a fraction (`三分之一`, `3/4`).
    pub fraction: bool,
    /// Negative sign written.
    pub negative: bool,
    /// Starts with 百 or 千 and no digit before it (`百万`, `千万`).
    pub implicit_lead: bool,
    /// Number of Arabic digits before the decimal point (0 when none).
    pub int_digits: usize,
    /// The numeral is one literal followed by units only (`九百亿`, `6亿`,
    /// `15万`): the product of those units. `Some(1)` for a bare literal.
    pub lead_scale: Option<Decimal>,
    /// The product of the magnitudes (万/亿/兆) that end the numeral, if it
    /// ends with one (`一千五百万` → 10^4).
    pub trailing_big: Option<Decimal>,
}

/// Why a numeral could not be valued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// The value does not fit an exact decimal.
    Overflow,
    /// A fraction with denominator zero (`3/0`).
    DivisionByZero,
}

/// A numeral and how many bytes of the input it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// The numeral.
    pub numeral: Numeral,
    /// Its length in bytes.
    pub len: usize,
}

/// Parses one whole numeral, without unit (surrounding spaces allowed), with
/// every form of the numeral grammar (scientific forms and powers
/// included).
///
/// ```
/// use rust_decimal::Decimal;
/// let n = zhnews::parse_number("一万五千亿").unwrap();
/// assert_eq!(n.value, Decimal::from(1_500_000_000_000u64));
/// let n = zhnews::parse_number("３.０７ 亿").unwrap();
/// assert_eq!(n.value.to_string(), "307000000");
/// ```
pub fn parse(expr: &str) -> Result<Numeral, Error> {
    let folded = crate::text::Folded::new(expr);
    let s = folded.as_str().trim();
    match parse_prefix(s, Grammar::EXPRESSION) {
        Err((NumberError::Overflow, _)) => Err(Error::Overflow {
            input: expr.to_string(),
        }),
        Err((NumberError::DivisionByZero, _)) => Err(Error::DivisionByZero {
            input: expr.to_string(),
        }),
        Ok(None) => Err(Error::NotRecognized {
            input: expr.to_string(),
        }),
        Ok(Some(p)) if p.len < s.len() => Err(Error::TrailingText {
            read: s[..p.len].to_string(),
            rest: s[p.len..].to_string(),
        }),
        Ok(Some(p)) => Ok(p.numeral),
    }
}

/// What [`parse_prefix`] gives.
type ParseResult = Result<Option<Parsed>, (NumberError, usize)>;

/// The last few numerals [`parse_prefix`] read while a [`with_memo`] scope
/// runs on this thread: the time grammar tries a numeral in up to a dozen
/// forms (`3月`, `3季度`, `3-5月`, `3天前`), and the quantity grammar reads it
/// again when no time starts there.
struct Memo {
    /// Whether a scope is open (the memo is empty outside one).
    on: bool,
    /// Where the next entry goes.
    next: usize,
    /// `(address, length, grammar)` of the text read, and what it gave.
    entries: [Option<(usize, usize, Grammar, ParseResult)>; MEMO_SIZE],
}

/// The entries of the [`Memo`].
const MEMO_SIZE: usize = 4;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = const {
        std::cell::RefCell::new(Memo { on: false, next: 0, entries: [const { None }; MEMO_SIZE] })
    };
}

/// Runs `f` with [`parse_prefix`] remembering the last few numerals it read
/// (by the address and length of the text, so `f` must only parse text
/// that stays alive and unchanged while it runs: the scan's text). Empties
/// the memo before and after.
pub(crate) fn with_memo<R>(f: impl FnOnce() -> R) -> R {
    /// Closes the scope, also on unwinding.
    struct Close;
    impl Drop for Close {
        fn drop(&mut self) {
            MEMO.with_borrow_mut(|m| {
                m.on = false;
                m.entries = [const { None }; MEMO_SIZE];
            });
        }
    }
    let was_on = MEMO.with_borrow_mut(|m| {
        let was_on = m.on;
        m.on = true;
        was_on
    });
    if was_on {
        return f();
    }
    let _close = Close;
    f()
}

/// Reads the longest numeral at the start of `s`. `Ok(None)` when `s` does not
/// start with one; on error, the byte length of the numeral that failed.
pub(crate) fn parse_prefix(s: &str, g: Grammar) -> ParseResult {
    if let Some(fast) = plain_arabic(s, g) {
        return Ok(Some(fast));
    }
    let key = (s.as_ptr() as usize, s.len(), g);
    let hit = MEMO.with_borrow(|m| {
        if !m.on {
            return Some(None);
        }
        m.entries
            .iter()
            .flatten()
            .find(|e| (e.0, e.1, e.2) == key)
            .map(|e| Some(e.3.clone()))
    });
    match hit {
        Some(Some(found)) => found,
        // no scope open
        Some(None) => parse_slow(s, g),
        None => {
            let found = parse_slow(s, g);
            MEMO.with_borrow_mut(|m| {
                let k = m.next;
                m.entries[k] = Some((key.0, key.1, key.2, found.clone()));
                m.next = (k + 1) % MEMO_SIZE;
            });
            found
        }
    }
}

/// [`parse_prefix`] past the fast path for plain Arabic numerals.
fn parse_slow(s: &str, g: Grammar) -> ParseResult {
    let mut p = Parser::new(s, g);
    match p.signed_mixed() {
        Ok(Some(mut n)) => {
            n.value = n.value.normalize();
            n.high = n.high.map(|h| h.normalize());
            Ok(Some(Parsed {
                numeral: n,
                len: p.pos,
            }))
        }
        Ok(None) => Ok(None),
        Err(e) => Err((e, p.pos.max(p.furthest.get()).max(1))),
    }
}
