//! Fraction tails after a numeral: `A分之B`, `3/4`, `1 3/5` and
//! `三百五又三分之一`.

use rust_decimal::Decimal;

use super::arith::{R, add_rounded, div};
use super::parser::Parser;
use super::{NumberError, Numeral};

impl Parser<'_> {
    /// `simple`, then an optional fraction or mixed-fraction tail.
    pub fn mixed(&mut self) -> R<Option<Numeral>> {
        let Some(mut a) = self.simple()? else {
            return Ok(None);
        };
        if !self.fenzhi_tail(&mut a)? && !self.slash_tail(&mut a)? {
            self.you_tail(&mut a)?;
        }
        Ok(Some(a))
    }

    /// `A分之B` = B / A, with `a` read as A; whether it was there.
    fn fenzhi_tail(&mut self, a: &mut Numeral) -> R<bool> {
        let Some(after) = self.fraction_marker(self.pos) else {
            return Ok(false);
        };
        let save = self.pos;
        self.pos = after;
        if let Some(b) = self.signed_simple()? {
            let value = div(b.value, a.value)?;
            a.value = value;
            a.high = None;
            a.over = false;
            a.shape.fraction = true;
            a.shape.lead_scale = None;
            a.shape.trailing_big = None;
            return Ok(true);
        }
        self.pos = save;
        Ok(false)
    }

    /// `3/4` or `1 3/5` after the plain integer `a`, when slash fractions
    /// are on; whether one was there.
    fn slash_tail(&mut self, a: &mut Numeral) -> R<bool> {
        if !(self.g.slash_fraction && is_plain_integer(a)) {
            return Ok(false);
        }
        // `3/4`
        if let Some(frac) = self.try_slash(self.pos)? {
            a.value = div(a.value, frac.0)?;
            a.shape.fraction = true;
            a.shape.lead_scale = None;
            return Ok(true);
        }
        // `1 3/5`
        let p = self.skip_ws(self.pos);
        if p > self.pos {
            let save = self.pos;
            self.pos = p;
            if let Some(b) = self.simple()? {
                if is_plain_integer(&b) {
                    if let Some(frac) = self.try_slash(self.pos)? {
                        a.value = add_rounded(a.value, div(b.value, frac.0)?)?;
                        a.shape.fraction = true;
                        a.shape.lead_scale = None;
                        return Ok(true);
                    }
                }
            }
            self.pos = save;
        }
        Ok(false)
    }

    /// `又` and a fraction added to `a`: `三百五又三分之一`, `3又1/2`.
    fn you_tail(&mut self, a: &mut Numeral) -> R<()> {
        let p = self.loose(self.pos);
        if self.char_at(p) != Some('又') {
            return Ok(());
        }
        let save = self.pos;
        self.pos = self.loose(p + '又'.len_utf8());
        if let Some(f) = self.simple()? {
            if let Some(after) = self.fraction_marker(self.pos) {
                self.pos = after;
                if let Some(b) = self.signed_simple()? {
                    a.value = add_rounded(a.value, div(b.value, f.value)?)?;
                    a.shape.fraction = true;
                    a.shape.lead_scale = None;
                    a.shape.trailing_big = None;
                    return Ok(());
                }
            } else if self.g.slash_fraction && is_plain_integer(&f) {
                if let Some(d) = self.try_slash(self.pos)? {
                    a.value = add_rounded(a.value, div(f.value, d.0)?)?;
                    a.shape.fraction = true;
                    a.shape.lead_scale = None;
                    return Ok(());
                }
            }
        }
        self.pos = save;
        Ok(())
    }

    /// `分之` (spaces allowed between and around when loose), returning the
    /// position after it.
    fn fraction_marker(&self, p: usize) -> Option<usize> {
        let p = self.loose(p);
        if self.char_at(p) != Some('分') {
            return None;
        }
        let p = self.loose(p + '分'.len_utf8());
        if self.char_at(p) != Some('之') {
            return None;
        }
        Some(self.loose(p + '之'.len_utf8()))
    }

    /// `/digits` at `p`: the denominator.
    fn try_slash(&mut self, p: usize) -> R<Option<(Decimal,)>> {
        if self.char_at(p) != Some('/') {
            return Ok(None);
        }
        let q = p + 1;
        let b = self.s.as_bytes();
        let mut e = q;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        if e == q || b.get(e) == Some(&b'/') || b.get(e) == Some(&b'.') {
            return Ok(None);
        }
        let d: Decimal = self.s[q..e].parse().map_err(|_| NumberError::Overflow)?;
        self.pos = e;
        Ok(Some((d,)))
    }
}

/// Arabic digits only, no decimals, no range or `多`: what may take a
/// slash fraction.
fn is_plain_integer(n: &Numeral) -> bool {
    n.shape.arabic && !n.shape.chinese && !n.shape.decimal && n.high.is_none() && !n.over
}
