//! The core read of the numeral grammar: digits, units, decimals and
//! approximation marks, one step per character, into groups that sum to the
//! value.
//!
//! [`Simple`] holds what has been read so far; each step
//! ([`Simple::arabic_literal`], [`Simple::cn_digit`], [`Simple::unit`],
//! [`Simple::point`], [`Simple::over_mark`], [`Simple::few`],
//! [`Simple::half`]) reads one part and says whether reading goes on.
//! The steps and the cursor helpers are `#[inline]`: they sit in sibling
//! files (other codegen units) and run in the hottest loop of the scanner,
//! where one call per character costs more than the work.

use rust_decimal::Decimal;

use super::arith::{R, add, mul, pow10};
use super::digits::{chinese_digit, unit_power};
use super::parser::Parser;
use super::{NumberError, Numeral, Shape};

/// A number not yet tied to a unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Lit {
    /// The value (the low end for `几`).
    pub value: Decimal,
    /// How far above `value` the number may lie (`几十`: 9).
    pub spread: Decimal,
    /// One Chinese digit 1-9 (candidate for the elided unit: `一万三`).
    pub single_cn: bool,
    /// Count of Chinese digits in a run without units (`二〇二四` → 4).
    pub cn_run: u32,
}

impl Lit {
    /// An exact literal that is not a Chinese digit.
    pub fn plain(value: Decimal) -> Lit {
        Lit {
            value,
            spread: Decimal::ZERO,
            single_cn: false,
            cn_run: 0,
        }
    }
}

/// A literal times its unit (`五千` → 5000 at power 3).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Group {
    /// The value of the group.
    pub value: Decimal,
    /// How far above `value` it may lie.
    pub spread: Decimal,
    /// The power of ten of its unit (0 for none).
    pub power: u32,
}

/// The groups of a numeral being read, on the stack: a numeral has at most
/// a few (each small unit at most once per section, each magnitude pops the
/// smaller ones), so a full array means an absurd numeral.
#[derive(Default)]
pub(super) struct Groups {
    items: [Option<Group>; 16],
    len: usize,
}

impl Groups {
    /// Adds a group; an overflow when the stack is full.
    pub fn push(&mut self, g: Group) -> R<()> {
        let slot = self.items.get_mut(self.len).ok_or(NumberError::Overflow)?;
        *slot = Some(g);
        self.len += 1;
        Ok(())
    }
    /// Takes the last group.
    pub fn pop(&mut self) -> Option<Group> {
        self.len = self.len.checked_sub(1)?;
        self.items[self.len].take()
    }
    /// The last group.
    pub fn last(&self) -> Option<&Group> {
        self.items[..self.len].last()?.as_ref()
    }
    /// Whether no group has been read.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The groups, first to last.
    pub fn iter(&self) -> impl Iterator<Item = &Group> {
        self.items[..self.len].iter().flatten()
    }
}

/// Whether reading goes on after a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    /// Read the next character.
    Go,
    /// The numeral ends here.
    Stop,
}

/// The character a step reads, and what came before it.
#[derive(Debug, Clone, Copy)]
pub(super) struct At {
    /// Where the character starts (after any spaces).
    pub pos: usize,
    /// The character.
    pub c: char,
    /// Where it ends.
    pub after: usize,
    /// Spaces or tabs came before it.
    pub spaced: bool,
    /// Some part of the numeral has been read already.
    pub started: bool,
}

/// The state of one [`Parser::simple`] read.
pub(super) struct Simple<'p, 's> {
    /// The parser, whose position each step moves.
    pub p: &'p mut Parser<'s>,
    /// Where the numeral starts.
    start: usize,
    /// The groups closed so far.
    pub stack: Groups,
    /// The literal read and not yet tied to a unit.
    pub pending: Option<Lit>,
    /// How the numeral is written.
    pub shape: Shape,
    /// The power of the last unit read.
    pub last_power: u32,
    /// A `零` came after the last unit (`一千零五`: no elided place).
    pub zero_since_unit: bool,
    /// The smallest unit of the current section (`u32::MAX` when none):
    /// units inside a section go down (`五千三百`, not `五十千`).
    pub section_small: u32,
    /// `多` or `余` was read.
    pub over: bool,
    /// How many literals were read.
    pub literals: u32,
    /// The product of all units read (`None` once it overflows).
    pub unit_product: Option<Decimal>,
    /// The product of the magnitudes ending the numeral so far.
    pub trailing_big: Option<Decimal>,
    /// The last part read was a Chinese numeral character.
    pub last_cn: bool,
}

impl Parser<'_> {
    /// The core: digits, units, decimals and approximation marks.
    pub fn simple(&mut self) -> R<Option<Numeral>> {
        let mut read = Simple::new(self);
        while let Some(at) = read.next_char() {
            if read.step(at)? == Flow::Stop {
                break;
            }
        }
        read.finish()
    }
}

impl<'p, 's> Simple<'p, 's> {
    /// Nothing read yet, at the parser's position.
    fn new(p: &'p mut Parser<'s>) -> Self {
        Simple {
            start: p.pos,
            p,
            stack: Groups::default(),
            pending: None,
            shape: Shape::default(),
            last_power: 0,
            zero_since_unit: false,
            section_small: u32::MAX,
            over: false,
            literals: 0,
            unit_product: Some(Decimal::ONE),
            trailing_big: None,
            last_cn: false,
        }
    }

    /// The next character after any spaces, or `None` at the end.
    #[inline]
    fn next_char(&self) -> Option<At> {
        let here = self.p.pos;
        let ws = self.p.skip_ws(here);
        let c = self.p.char_at(ws)?;
        Some(At {
            pos: ws,
            c,
            after: ws + c.len_utf8(),
            spaced: ws > here,
            started: self.pending.is_some() || !self.stack.is_empty(),
        })
    }

    /// Reads the part that starts with `at.c`.
    #[inline]
    fn step(&mut self, at: At) -> R<Flow> {
        let c = at.c;
        if c.is_ascii_digit() || (c == '.' && !at.started) {
            return self.arabic_literal(at);
        }
        if let Some(d) = chinese_digit(c) {
            return self.cn_digit(at, d);
        }
        if let Some(power) = unit_power(c) {
            return self.unit(at, power);
        }
        match c {
            '点' | '點' if at.started => self.point(at),
            '多' | '余' | '餘' if at.started && !self.over => self.over_mark(at),
            '几' | '幾' | '数' | '數' if self.pending.is_none() => self.few(at),
            '半' if !at.started => self.half(at),
            c if !at.started => match super::digits::old_tens(c) {
                Some(d) => self.old_tens(at, d),
                None => Ok(Flow::Stop),
            },
            _ => Ok(Flow::Stop),
        }
    }

    /// Ends the pending literal as a group of its own, its elided place
    /// applied (`两千三点一`, `十余`).
    #[inline]
    pub fn close_pending(&mut self) -> R<()> {
        if let Some(l) = self.pending.take() {
            let (v, s) = elide(l, self.last_power, self.zero_since_unit);
            self.stack.push(Group {
                value: v,
                spread: s,
                power: 0,
            })?;
        }
        Ok(())
    }

    /// The numeral read, or `None` (and the parser back at the start) when
    /// nothing was.
    #[inline]
    fn finish(&mut self) -> R<Option<Numeral>> {
        if self.stack.is_empty() && self.pending.is_none() {
            self.p.pos = self.start;
            return Ok(None);
        }
        let (value, spread) = self.total()?;
        let value = self.dozen(value)?;
        let mut shape = std::mem::take(&mut self.shape);
        shape.lead_scale = self.unit_product.filter(|_| self.literals <= 1);
        shape.trailing_big = self.trailing_big;
        let high = if spread.is_zero() {
            None
        } else {
            Some(add(value, spread)?)
        };
        Ok(Some(Numeral {
            value,
            high,
            over: self.over,
            shape,
        }))
    }

    /// The sum of the pending literal and the groups, and of their spreads.
    #[inline]
    fn total(&mut self) -> R<(Decimal, Decimal)> {
        let mut value = Decimal::ZERO;
        let mut spread = Decimal::ZERO;
        if let Some(l) = self.pending.take() {
            let (v, s) = elide(l, self.last_power, self.zero_since_unit);
            value = v;
            spread = s;
        }
        for g in self.stack.iter() {
            value = add(value, g.value)?;
            spread = add(spread, g.spread)?;
        }
        Ok((value, spread))
    }

    /// A trailing `打` (dozen) after a Chinese numeral, when on: `十打` = 120.
    #[inline]
    fn dozen(&mut self, value: Decimal) -> R<Decimal> {
        if self.p.g.dozen {
            let p = self.p.loose(self.p.pos);
            if self.p.char_at(p) == Some('打') && self.shape.chinese {
                let value = mul(value, Decimal::from(12))?;
                self.p.pos = p + '打'.len_utf8();
                return Ok(value);
            }
        }
        Ok(value)
    }
}

/// The value of a literal that ends a section: a lone Chinese digit right after
/// a unit takes the next lower place (`一万三` → 3000, `两千四百五` → 50).
pub(super) fn elide(l: Lit, last_power: u32, zero_since_unit: bool) -> (Decimal, Decimal) {
    if l.single_cn && last_power >= 2 && !zero_since_unit {
        let m = pow10(last_power - 1);
        (l.value * m, l.spread * m)
    } else {
        (l.value, l.spread)
    }
}
