//! The parser's cursor over one numeral: position, spacing rules and signs.

use std::cell::Cell;

use super::arith::R;
use super::{Grammar, Numeral};

/// A numeral being read from the start of `s`.
pub(super) struct Parser<'s> {
    /// The folded text.
    pub s: &'s str,
    /// The byte position reached.
    pub pos: usize,
    /// The optional forms that are on.
    pub g: Grammar,
    /// The furthest byte read, so that a caller skips the whole numeral that
    /// failed (`1,000,000,...` with too many digits) and never rereads it.
    pub furthest: Cell<usize>,
}

impl<'s> Parser<'s> {
    /// A parser at the start of `s`.
    pub fn new(s: &'s str, g: Grammar) -> Parser<'s> {
        Parser {
            s,
            pos: 0,
            g,
            furthest: Cell::new(0),
        }
    }

    /// The character at byte `p`, if any.
    #[inline]
    pub fn char_at(&self, p: usize) -> Option<char> {
        self.s.get(p..).and_then(|t| t.chars().next())
    }

    /// End of the run of spaces and tabs starting at `p`.
    #[inline]
    pub fn skip_ws(&self, p: usize) -> usize {
        let b = self.s.as_bytes();
        let mut q = p;
        while q < b.len() && (b[q] == b' ' || b[q] == b'\t') {
            q += 1;
        }
        q
    }

    /// Position after optional spaces, when loose spacing is on.
    #[inline]
    pub fn loose(&self, p: usize) -> usize {
        if self.g.loose_spaces {
            self.skip_ws(p)
        } else {
            p
        }
    }

    /// The position after a sign (`负`, `-`) at `p`, if one is there.
    #[inline]
    pub fn is_sign(&self, p: usize) -> Option<usize> {
        match self.char_at(p)? {
            c @ ('负' | '負' | '-' | '−') => Some(p + c.len_utf8()),
            _ => None,
        }
    }

    /// Whether a space may sit before the next Chinese numeral character.
    #[inline]
    pub fn cn_space_ok(&self, started: bool, last_cn: bool) -> bool {
        started && (self.g.loose_spaces || (self.g.cn_spaces && last_cn))
    }

    /// `[sign] mixed`.
    pub fn signed_mixed(&mut self) -> R<Option<Numeral>> {
        self.signed(Self::mixed, |n| {
            n.high = n.high.map(|h| -h);
            n.shape.negative = true;
        })
    }

    /// `[sign] simple`: the numerator or denominator of a fraction.
    pub fn signed_simple(&mut self) -> R<Option<Numeral>> {
        self.signed(Self::simple, |_| {})
    }

    /// An optional sign, then what `read` reads, its value negated (and
    /// `negate` applied) after a sign; nothing read, the position restored.
    fn signed(
        &mut self,
        read: fn(&mut Self) -> R<Option<Numeral>>,
        negate: fn(&mut Numeral),
    ) -> R<Option<Numeral>> {
        let start = self.pos;
        let neg = if let Some(after) = self.is_sign(self.pos) {
            self.pos = self.loose(after);
            true
        } else {
            false
        };
        match read(self)? {
            Some(mut n) => {
                if neg {
                    n.value = -n.value;
                    negate(&mut n);
                }
                Ok(Some(n))
            }
            None => {
                self.pos = start;
                Ok(None)
            }
        }
    }
}
