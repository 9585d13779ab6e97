//! The steps of the core read for Chinese numerals: digits and digit runs,
//! small units (十百千), magnitudes (万亿兆), decimals after `点` and `半`.

use rust_decimal::Decimal;

use super::arith::{R, add, mul, parse_exact, pow10};
use super::digits::{chinese_digit, unit_power};
use super::parser::Parser;
use super::simple::{At, Flow, Group, Lit, Simple, elide};

impl Simple<'_, '_> {
    /// A Chinese digit `d`: a new literal, the next digit of a run
    /// (`二〇二四`), or a `零` between units.
    #[inline]
    pub fn cn_digit(&mut self, at: At, d: u32) -> R<Flow> {
        if at.spaced && !self.p.cn_space_ok(at.started, self.last_cn) {
            return Ok(Flow::Stop);
        }
        let is_liang = matches!(at.c, '两' | '兩' | '倆' | '俩');
        match self.pending.as_mut() {
            Some(l) if l.cn_run > 0 && !at.spaced && !is_liang && self.stack.is_empty() => {
                l.value = add(mul(l.value, Decimal::TEN)?, Decimal::from(d))?;
                l.cn_run += 1;
                l.single_cn = false;
                self.shape.digit_string = true;
            }
            Some(_) => return Ok(Flow::Stop),
            None if d == 0
                && (at.started || self.p.char_at(at.after).and_then(unit_power).is_some()) =>
            {
                self.zero_since_unit = true;
            }
            None => {
                if is_liang
                    && self
                        .p
                        .char_at(at.after)
                        .is_some_and(|n| matches!(n, '两' | '兩'))
                {
                    // `两两` is a word, not a number
                    return Ok(Flow::Stop);
                }
                self.pending = Some(Lit {
                    value: Decimal::from(d),
                    spread: Decimal::ZERO,
                    single_cn: d != 0,
                    cn_run: if is_liang { 0 } else { 1 },
                });
                self.literals += 1;
                self.trailing_big = None;
            }
        }
        self.shape.chinese = true;
        self.last_cn = true;
        self.p.pos = at.after;
        Ok(Flow::Go)
    }

    /// A unit character of power `power`: a small unit or a magnitude.
    #[inline]
    pub fn unit(&mut self, at: At, power: u32) -> R<Flow> {
        let big = power >= 4;
        if at.spaced && !(self.p.cn_space_ok(at.started, self.last_cn) || (big && at.started)) {
            return Ok(Flow::Stop);
        }
        let flow = if big {
            self.magnitude(at, power)?
        } else {
            self.small_unit(at, power)?
        };
        if flow == Flow::Stop {
            return Ok(Flow::Stop);
        }
        self.unit_product = self.unit_product.and_then(|u| u.checked_mul(pow10(power)));
        self.shape.units = true;
        self.shape.chinese = true;
        self.last_cn = true;
        self.last_power = power;
        self.zero_since_unit = false;
        self.p.pos = at.after;
        Ok(Flow::Go)
    }

    /// 万, 亿, 兆: the groups below it (or, for `万万`, the group before it)
    /// summed and multiplied into one group.
    #[inline]
    fn magnitude(&mut self, at: At, power: u32) -> R<Flow> {
        if !at.started {
            return Ok(Flow::Stop);
        }
        let mut sum = Decimal::ZERO;
        let mut spread = Decimal::ZERO;
        let mut popped = false;
        if let Some(l) = self.pending.take() {
            // `两千五万`: the elided digit belongs to this section
            let in_section = self.section_small != u32::MAX;
            let (v, s) = elide(l, self.last_power, self.zero_since_unit || !in_section);
            sum = add(sum, v)?;
            spread = add(spread, s)?;
            popped = true;
        }
        while self.stack.last().is_some_and(|g| g.power < power) {
            let g = self.stack.pop().unwrap_or_default();
            sum = add(sum, g.value)?;
            spread = add(spread, g.spread)?;
            popped = true;
        }
        if !popped {
            // `万万` = 亿: the magnitude multiplies the group before it
            while self.stack.last().is_some_and(|g| g.power <= power) {
                let g = self.stack.pop().unwrap_or_default();
                sum = add(sum, g.value)?;
                spread = add(spread, g.spread)?;
            }
        }
        let m = pow10(power);
        self.stack.push(Group {
            value: mul(sum, m)?,
            spread: mul(spread, m)?,
            power,
        })?;
        self.shape.big = true;
        self.section_small = u32::MAX;
        self.trailing_big = Some(mul(self.trailing_big.unwrap_or(Decimal::ONE), m)?);
        Ok(Flow::Go)
    }

    /// 十, 百, 千: the pending literal (or an implicit one, `百万`) times the
    /// unit, as a group of the current section.
    #[inline]
    fn small_unit(&mut self, at: At, power: u32) -> R<Flow> {
        if power >= self.section_small {
            return Ok(Flow::Stop);
        }
        if !at.started && power >= 2 {
            self.shape.implicit_lead = true;
        }
        let l = match self.pending.take() {
            Some(l) if l.cn_run > 1 => return Ok(Flow::Stop),
            Some(l) => l,
            // `11.4亿千瓦`, `3万千克`: a small unit with no digit right
            // after a magnitude starts a measure word, no group
            None if at.started && self.last_power >= 4 && !self.zero_since_unit => {
                return Ok(Flow::Stop);
            }
            None => Lit::plain(Decimal::ONE),
        };
        let m = pow10(power);
        self.stack.push(Group {
            value: mul(l.value, m)?,
            spread: mul(l.spread, m)?,
            power,
        })?;
        self.section_small = power;
        self.trailing_big = None;
        Ok(Flow::Go)
    }

    /// `点` and decimal digits: added to a bare literal (`三点五亿` reads
    /// on), or ending a numeral with units (`两千万点五五四四`).
    #[inline]
    pub fn point(&mut self, at: At) -> R<Flow> {
        if at.spaced && !self.p.cn_space_ok(at.started, self.last_cn) {
            return Ok(Flow::Stop);
        }
        let g = self.p.g;
        let fp = if g.loose_spaces || (g.cn_spaces && self.last_cn) {
            self.p.skip_ws(at.after)
        } else {
            at.after
        };
        let Some((frac, end)) = self.p.point_fraction(fp)? else {
            return Ok(Flow::Stop);
        };
        self.shape.decimal = true;
        self.shape.chinese = true;
        let flow = if self.stack.is_empty() {
            if let Some(l) = self.pending.as_mut() {
                l.value = add(l.value, frac)?;
                l.single_cn = false;
                l.cn_run = 0;
            }
            Flow::Go
        } else {
            self.close_pending()?;
            self.stack.push(Group {
                value: frac,
                spread: Decimal::ZERO,
                power: 0,
            })?;
            Flow::Stop
        };
        self.p.pos = end;
        self.trailing_big = None;
        Ok(flow)
    }

    /// `廿`, `卅`, `卌` first in a numeral: `d` tens, read as `d十` (`廿五` =
    /// 25, `卅` = 30).
    #[inline]
    pub fn old_tens(&mut self, at: At, d: u32) -> R<Flow> {
        self.pending = Some(Lit::plain(Decimal::from(d)));
        self.literals += 1;
        self.unit(
            At {
                started: true,
                spaced: false,
                ..at
            },
            1,
        )
    }

    /// `半` before a unit: 0.5 of it (`半百` = 50).
    #[inline]
    pub fn half(&mut self, at: At) -> R<Flow> {
        let next = self.p.loose(at.after);
        if self.p.char_at(next).and_then(unit_power).is_none() {
            return Ok(Flow::Stop);
        }
        self.pending = Some(Lit::plain(Decimal::new(5, 1)));
        self.literals += 1;
        self.shape.chinese = true;
        self.p.pos = at.after;
        Ok(Flow::Go)
    }
}

impl Parser<'_> {
    /// Decimal digits after `点`: Chinese or Arabic digits, as a fraction.
    fn point_fraction(&self, p: usize) -> R<Option<(Decimal, usize)>> {
        let mut q = p;
        let mut digits = String::from("0.");
        while let Some(c) = self.char_at(q) {
            if let Some(d) = chinese_digit(c) {
                digits.push(char::from_digit(d, 10).unwrap_or('0'));
            } else if c.is_ascii_digit() {
                digits.push(c);
            } else if (c == ' ' || c == '\t') && (self.g.loose_spaces || self.g.cn_spaces) {
                let n = self.skip_ws(q);
                if self.char_at(n).is_some_and(|c| chinese_digit(c).is_some()) {
                    q = n;
                    continue;
                }
                break;
            } else {
                break;
            }
            q += c.len_utf8();
        }
        if q == p {
            return Ok(None);
        }
        self.furthest.set(self.furthest.get().max(q));
        Ok(Some((parse_exact(&digits)?, q)))
    }
}
