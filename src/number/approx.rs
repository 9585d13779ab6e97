//! The steps of the core read for approximate forms: `多`/`余` (somewhat
//! more than the value) and `几`/`数` (a range).

use rust_decimal::Decimal;

use super::arith::{R, mul, pow10};
use super::digits::unit_power;
use super::simple::{At, Flow, Lit, Simple};

impl Simple<'_, '_> {
    /// `多`, `余`: `十余`, `一千多万`; only a magnitude may follow.
    #[inline]
    pub fn over_mark(&mut self, at: At) -> R<Flow> {
        self.close_pending()?;
        self.over = true;
        self.p.pos = at.after;
        let n = self.p.skip_ws(self.p.pos);
        if self.p.char_at(n).and_then(unit_power).is_none_or(|p| p < 4) {
            return Ok(Flow::Stop);
        }
        Ok(Flow::Go)
    }

    /// `几`, `数`: leading (`几十` = 10..100, `一千几百`) or trailing
    /// (`三十几` = 30..40).
    #[inline]
    pub fn few(&mut self, at: At) -> R<Flow> {
        if at.spaced && !self.p.cn_space_ok(at.started, self.last_cn) {
            return Ok(Flow::Stop);
        }
        let ji = matches!(at.c, '几' | '幾');
        let next = self.p.loose(at.after);
        let next_unit = self.p.char_at(next).and_then(unit_power);
        let leading = match next_unit {
            Some(_) if !at.started => true,
            // `一千几百`
            Some(p) => p < 4 && p < self.section_small && ji,
            None => false,
        };
        let lit = if leading {
            Lit {
                spread: Decimal::from(9),
                ..Lit::plain(Decimal::ONE)
            }
        } else if at.started && ji {
            let place = if self.zero_since_unit || self.last_power == 0 {
                Decimal::ONE
            } else {
                pow10(self.last_power - 1)
            };
            Lit {
                spread: mul(Decimal::TEN, place)?,
                ..Lit::plain(Decimal::ZERO)
            }
        } else {
            return Ok(Flow::Stop);
        };
        self.pending = Some(lit);
        self.literals += 1;
        self.shape.chinese = true;
        self.trailing_big = None;
        self.p.pos = at.after;
        Ok(Flow::Go)
    }
}
