//! Arabic numerals: the fast path for plain digits, thousands separators,
//! decimals, exponents and powers, and the `k`/`M` suffixes.

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::arith::{R, div, mul, parse_exact, pow10};
use super::digits::is_chinese_numeral_char;
use super::parser::Parser;
use super::simple::{At, Flow, Lit, Simple};
use super::{Grammar, NumberError, Numeral, Parsed, Shape};

/// The common case without the full grammar: ASCII digits with an optional
/// decimal part (`32`, `889`, `6.0`) followed by nothing the grammar would
/// read on (a magnitude, a separator, a Chinese numeral, `多`, `k`, ...).
pub(super) fn plain_arabic(s: &str, g: Grammar) -> Option<Parsed> {
    let b = s.as_bytes();
    let mut e = 0;
    let mut mantissa: i128 = 0;
    while e < b.len() && b[e].is_ascii_digit() {
        mantissa = mantissa * 10 + i128::from(b[e] - b'0');
        e += 1;
        if e > 20 {
            return None;
        }
    }
    if e == 0 {
        return None;
    }
    let int_digits = e;
    let mut scale = 0u32;
    if b.get(e) == Some(&b'.') && b.get(e + 1).is_some_and(u8::is_ascii_digit) {
        e += 1;
        while e < b.len() && b[e].is_ascii_digit() {
            mantissa = mantissa * 10 + i128::from(b[e] - b'0');
            scale += 1;
            e += 1;
            if scale > 8 {
                return None;
            }
        }
    }
    // whatever could continue the numeral goes the slow way
    let rest = &s[e..];
    let next = rest.trim_start_matches([' ', '\t']).chars().next();
    let glued = rest.chars().next();
    if matches!(
        glued,
        Some('.' | ',' | '，' | '/' | 'e' | 'E' | '^' | 'k' | 'K' | 'M')
    ) || next.is_some_and(|c| {
        is_chinese_numeral_char(c)
            || matches!(
                c,
                '多' | '余'
                    | '餘'
                    | '几'
                    | '幾'
                    | '点'
                    | '點'
                    | '分'
                    | '又'
                    | '打'
                    | 'k'
                    | 'K'
                    | 'M'
            )
    }) {
        return None;
    }
    // `1 3/5`
    if g.slash_fraction && next.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, scale)
        .ok()?
        .normalize();
    Some(Parsed {
        numeral: Numeral {
            value,
            high: None,
            over: false,
            shape: Shape {
                arabic: true,
                decimal: scale > 0,
                int_digits,
                lead_scale: Some(Decimal::ONE),
                ..Shape::default()
            },
        },
        len: e,
    })
}

impl Parser<'_> {
    /// Reads an Arabic number at `p`: digits with separators, decimals and,
    /// when enabled, an exponent. Returns the value, the end, the count of
    /// integer digits and whether it had a decimal part.
    pub fn arabic(&self, p: usize) -> R<Option<(Decimal, usize, usize, bool)>> {
        let b = self.s.as_bytes();
        let digits_end = |mut q: usize| {
            while q < b.len() && b[q].is_ascii_digit() {
                q += 1;
            }
            q
        };
        let mut q = digits_end(p);
        let int_digits = q - p;
        let mut grouped = false;
        if int_digits > 0 && int_digits <= 3 {
            // thousands groups: `,` or `，` then exactly three digits
            loop {
                // in news `4，805亿元` is a thousands separator far more often
                // than a comma between two numbers
                let sep_len = if b.get(q) == Some(&b',') {
                    1
                } else if self.s[q..].starts_with('，') {
                    '，'.len_utf8()
                } else {
                    break;
                };
                let g0 = q + sep_len;
                let g1 = digits_end(g0);
                if g1 - g0 != 3 {
                    break;
                }
                grouped = true;
                q = g1;
            }
        }
        let mut decimal = false;
        if b.get(q) == Some(&b'.') && b.get(q + 1).is_some_and(u8::is_ascii_digit) {
            q = digits_end(q + 1);
            decimal = true;
        }
        let clean = digits_of(&self.s[p..q], grouped);
        if clean.is_empty() || clean == "." {
            return Ok(None);
        }
        let int_digits = clean.find('.').unwrap_or(clean.len());
        self.furthest.set(self.furthest.get().max(q));
        let mut value = parse_exact(&clean)?;
        if self.g.scientific {
            if let Some((v, e)) = self.exponent(q, value)? {
                value = v;
                q = e;
            }
        }
        Ok(Some((value, q, int_digits, decimal)))
    }

    /// `e±N` or `^±N` after a mantissa.
    fn exponent(&self, q: usize, mantissa: Decimal) -> R<Option<(Decimal, usize)>> {
        let b = self.s.as_bytes();
        let (is_pow, mut e) = match b.get(q) {
            Some(b'e' | b'E') => (false, q + 1),
            Some(b'^') => (true, q + 1),
            _ => return Ok(None),
        };
        let mut neg = false;
        while let Some(&c) = b.get(e) {
            match c {
                b'+' => {}
                b'-' => neg = !neg,
                _ => break,
            }
            e += 1;
            if !is_pow {
                break;
            }
        }
        let ds = e;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        if e == ds || b.get(e).is_some_and(u8::is_ascii_alphabetic) {
            return Ok(None);
        }
        let n: u32 = self.s[ds..e].parse().map_err(|_| NumberError::Overflow)?;
        let value = if is_pow {
            let mut acc = Decimal::ONE;
            if n > 200 {
                return Err(NumberError::Overflow);
            }
            for _ in 0..n {
                acc = mul(acc, mantissa)?;
            }
            if neg { div(Decimal::ONE, acc)? } else { acc }
        } else if neg {
            if n > 28 {
                return Err(NumberError::Overflow);
            }
            div(mantissa, pow10(n))?
        } else {
            if n > 28 {
                return Err(NumberError::Overflow);
            }
            mul(mantissa, pow10(n))?
        };
        Ok(Some((value, e)))
    }
}

impl Simple<'_, '_> {
    /// An Arabic number (`1,234.5`, `.5`) as the next literal, then an
    /// optional `k`/`M` suffix.
    #[inline]
    pub fn arabic_literal(&mut self, at: At) -> R<Flow> {
        let g = self.p.g;
        if (at.spaced && !g.loose_spaces) || self.pending.is_some() {
            return Ok(Flow::Stop);
        }
        if at.spaced && !at.started {
            return Ok(Flow::Stop);
        }
        let Some((v, end, int_digits, dec)) = self.p.arabic(at.pos)? else {
            return Ok(Flow::Stop);
        };
        if at.started && starts_a_span_of_time(self.p.char_at(end), self.p.char_at(end + 3)) {
            // `1600亿7天期逆回购`: the digits after the unit count the days
            return Ok(Flow::Stop);
        }
        self.shape.arabic = true;
        self.shape.decimal |= dec;
        if !at.started {
            self.shape.int_digits = int_digits;
        }
        self.pending = Some(Lit::plain(v));
        self.literals += 1;
        self.trailing_big = None;
        self.last_cn = false;
        self.p.pos = end;
        if g.si_suffix {
            return self.si_suffix();
        }
        Ok(Flow::Go)
    }

    /// `40k`, `2.5 M`: the suffix multiplies the literal and ends the
    /// numeral.
    #[inline]
    fn si_suffix(&mut self) -> R<Flow> {
        let k = self.p.skip_ws(self.p.pos);
        let m = match self.p.char_at(k) {
            Some('k' | 'K') => Some(3),
            Some('M') if self.p.g.si_mega => Some(6),
            _ => None,
        };
        let next_alnum = self
            .p
            .char_at(k + 1)
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let (Some(m), false) = (m, next_alnum) else {
            return Ok(Flow::Go);
        };
        if let Some(l) = self.pending.as_mut() {
            l.value = mul(l.value, pow10(m))?;
        }
        self.shape.si_suffix = true;
        self.shape.big = true;
        self.unit_product = self.unit_product.and_then(|u| u.checked_mul(pow10(m)));
        self.p.pos = k + 1;
        Ok(Flow::Stop)
    }
}

/// Whether the characters after digits (`c`, and `next` after a
/// three-byte `c`) make them a span of time or a tenor (`7天`, `3年期`,
/// `6个月`), never the tail of the numeral before them (`2051万2331个` is
/// one number).
fn starts_a_span_of_time(c: Option<char>, next: Option<char>) -> bool {
    match c {
        Some('天' | '年' | '月' | '周' | '日' | '期') => true,
        Some('个') => next == Some('月'),
        _ => false,
    }
}

/// The digits and decimal point of the number written as `written` (digits,
/// thousands groups when `grouped`, a decimal part): the text itself, or,
/// with thousands groups, a copy without their separators (`,` and `，`).
fn digits_of(written: &str, grouped: bool) -> Cow<'_, str> {
    if grouped {
        Cow::Owned(written.chars().filter(|&c| c != ',' && c != '，').collect())
    } else {
        Cow::Borrowed(written)
    }
}
