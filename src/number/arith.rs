//! Checked arithmetic on exact decimals: every operation that would
//! overflow or round is an error, never a wrapped or rounded value.

use rust_decimal::Decimal;

use super::NumberError;

/// A result of the numeral grammar.
pub(super) type R<T> = Result<T, NumberError>;

/// `a + b`, exact, or an overflow.
pub(super) fn add(a: Decimal, b: Decimal) -> R<Decimal> {
    add_exact(a, b).ok_or(NumberError::Overflow)
}

/// `a + b`, or `None` when the sum does not fit 28 significant digits:
/// `checked_add` rounds such a sum silently (`7922816251426433759354395033`
/// `点五九` would lose its `.59`).
pub(crate) fn add_exact(a: Decimal, b: Decimal) -> Option<Decimal> {
    // the common case: same scale and mantissas far below 2^96, where the
    // sum cannot be rounded
    const SMALL: u128 = 1 << 94;
    if a.scale() == b.scale()
        && a.mantissa().unsigned_abs() < SMALL
        && b.mantissa().unsigned_abs() < SMALL
    {
        return a.checked_add(b);
    }
    let sum = a.checked_add(b)?;
    // a rounded sum fails one of the two checks, the one that subtracts the
    // larger operand exactly
    (sum.checked_sub(a) == Some(b) && sum.checked_sub(b) == Some(a)).then_some(sum)
}

/// `a + b` for a fraction part that is itself rounded (`一又三分之一`).
pub(super) fn add_rounded(a: Decimal, b: Decimal) -> R<Decimal> {
    a.checked_add(b).ok_or(NumberError::Overflow)
}

/// `a * b`, or an overflow.
pub(super) fn mul(a: Decimal, b: Decimal) -> R<Decimal> {
    a.checked_mul(b).ok_or(NumberError::Overflow)
}

/// `a / b`, or a division by zero or an overflow.
pub(super) fn div(a: Decimal, b: Decimal) -> R<Decimal> {
    if b.is_zero() {
        return Err(NumberError::DivisionByZero);
    }
    a.checked_div(b).ok_or(NumberError::Overflow)
}

/// 10^k as a decimal, for k ≤ 28.
pub(crate) fn pow10(k: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(k.min(28)), 0)
}

/// Exact decimal from plain digits, or overflow when it does not fit.
pub(super) fn parse_exact(digits: &str) -> R<Decimal> {
    let trimmed = digits.trim_start_matches('0');
    let digits = if trimmed.is_empty() || trimmed.starts_with('.') {
        // keep one leading zero for `0.5` / `.5`
        digits
    } else {
        trimmed
    };
    let digits = if digits.starts_with('.') {
        std::borrow::Cow::Owned(format!("0{digits}"))
    } else {
        std::borrow::Cow::Borrowed(digits)
    };
    // trailing zeros of a fraction carry no value; dropping them keeps long
    // forms such as `.23456000` inside the 28-digit mantissa
    let digits = if digits.contains('.') {
        digits.trim_end_matches('0').trim_end_matches('.')
    } else {
        &digits
    };
    Decimal::from_str_exact(digits).map_err(|_| NumberError::Overflow)
}
