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

use rust_decimal::Decimal;

use crate::error::Error;

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

/// Which optional parts of the grammar are on.
///
/// [`Grammar::EXPRESSION`] reads a single expression as leniently as the
/// Recognizers-Text specs do; [`Grammar::TEXT`] is stricter, for finding
/// numerals inside running text where `2e5`, `3/4` and `40k` are more often
/// codes, dates or model names than numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grammar {
    /// Spaces may sit between any two parts (`一百 五 十 二`); otherwise only
    /// before a magnitude (`3.07 亿`).
    pub loose_spaces: bool,
    /// `2e5`, `1.2E+15`, `2^5`.
    pub scientific: bool,
    /// `40k`, `2.5M`.
    pub si_suffix: bool,
    /// `3/4`, `1 3/5`.
    pub slash_fraction: bool,
    /// A trailing `打` (dozen): `十打` = 120.
    pub dozen: bool,
    /// Spaces between Chinese numeral characters (`一 百 五 十`, `四点 五`),
    /// as scraped text sometimes has them.
    pub cn_spaces: bool,
    /// `M` for millions (`2.5M`); `k` is under [`Grammar::si_suffix`].
    pub si_mega: bool,
}

impl Grammar {
    /// Everything on: for reading one expression.
    pub const EXPRESSION: Grammar = Grammar {
        loose_spaces: true,
        scientific: true,
        si_suffix: true,
        slash_fraction: true,
        dozen: true,
        cn_spaces: true,
        si_mega: true,
    };
    /// For running text.
    pub const TEXT: Grammar = Grammar {
        loose_spaces: false,
        scientific: false,
        si_suffix: true,
        slash_fraction: false,
        dozen: false,
        cn_spaces: true,
        si_mega: false,
    };
}

/// Why a numeral could not be valued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    Overflow,
    DivisionByZero,
}

/// A numeral and how many bytes of the input it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub numeral: Numeral,
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

/// Reads the longest numeral at the start of `s`. `Ok(None)` when `s` does not
/// start with one; on error, the byte length of the numeral that failed.
pub(crate) fn parse_prefix(s: &str, g: Grammar) -> Result<Option<Parsed>, (NumberError, usize)> {
    if let Some(fast) = plain_arabic(s, g) {
        return Ok(Some(fast));
    }
    let mut p = Parser {
        s,
        pos: 0,
        g,
        furthest: std::cell::Cell::new(0),
    };
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

/// The common case without the full grammar: ASCII digits with an optional
/// decimal part (`32`, `889`, `6.0`) followed by nothing the grammar would
/// read on (a magnitude, a separator, a Chinese numeral, `多`, `k`, ...).
fn plain_arabic(s: &str, g: Grammar) -> Option<Parsed> {
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

/// The value of a Chinese digit character (`两` and `〇` included).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' | '俩' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The power of ten of a unit character: 十 1, 百 2, 千 3, 万 4, 亿 8, 兆 12.
pub fn unit_power(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        _ => return None,
    })
}

/// Whether `c` can start or continue a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || unit_power(c).is_some()
}

/// 10^k as a decimal, for k ≤ 28.
pub(crate) fn pow10(k: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(k.min(28)), 0)
}

/// A number not yet tied to a unit.
#[derive(Debug, Clone, Copy)]
struct Lit {
    value: Decimal,
    spread: Decimal,
    /// One Chinese digit 1-9 (candidate for the elided unit: `一万三`).
    single_cn: bool,
    /// Count of Chinese digits in a run without units (`二〇二四` → 4).
    cn_run: u32,
}

#[derive(Debug, Clone, Copy)]
struct Group {
    value: Decimal,
    spread: Decimal,
    power: u32,
}

/// The groups of a numeral being read, on the stack: a numeral has at most
/// a few (each small unit at most once per section, each magnitude pops the
/// smaller ones), so a full array means an absurd numeral.
#[derive(Default)]
struct Groups {
    items: [Option<Group>; 16],
    len: usize,
}

impl Groups {
    fn push(&mut self, g: Group) -> R<()> {
        let slot = self.items.get_mut(self.len).ok_or(NumberError::Overflow)?;
        *slot = Some(g);
        self.len += 1;
        Ok(())
    }
    fn pop(&mut self) -> Option<Group> {
        self.len = self.len.checked_sub(1)?;
        self.items[self.len].take()
    }
    fn last(&self) -> Option<&Group> {
        self.items[..self.len].last()?.as_ref()
    }
    fn is_empty(&self) -> bool {
        self.len == 0
    }
    fn iter(&self) -> impl Iterator<Item = &Group> {
        self.items[..self.len].iter().flatten()
    }
}

struct Parser<'s> {
    s: &'s str,
    pos: usize,
    g: Grammar,
    /// The furthest byte read, so that a caller skips the whole numeral that
    /// failed (`1,000,000,...` with too many digits) and never rereads it.
    furthest: std::cell::Cell<usize>,
}

type R<T> = Result<T, NumberError>;

fn add(a: Decimal, b: Decimal) -> R<Decimal> {
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
fn add_rounded(a: Decimal, b: Decimal) -> R<Decimal> {
    a.checked_add(b).ok_or(NumberError::Overflow)
}
fn mul(a: Decimal, b: Decimal) -> R<Decimal> {
    a.checked_mul(b).ok_or(NumberError::Overflow)
}
fn div(a: Decimal, b: Decimal) -> R<Decimal> {
    if b.is_zero() {
        return Err(NumberError::DivisionByZero);
    }
    a.checked_div(b).ok_or(NumberError::Overflow)
}

impl<'s> Parser<'s> {
    fn char_at(&self, p: usize) -> Option<char> {
        self.s.get(p..).and_then(|t| t.chars().next())
    }

    /// End of the run of spaces and tabs starting at `p`.
    fn skip_ws(&self, p: usize) -> usize {
        let b = self.s.as_bytes();
        let mut q = p;
        while q < b.len() && (b[q] == b' ' || b[q] == b'\t') {
            q += 1;
        }
        q
    }

    /// Position after optional spaces, when loose spacing is on.
    fn loose(&self, p: usize) -> usize {
        if self.g.loose_spaces {
            self.skip_ws(p)
        } else {
            p
        }
    }

    fn is_sign(&self, p: usize) -> Option<usize> {
        match self.char_at(p)? {
            c @ ('负' | '負' | '-' | '−') => Some(p + c.len_utf8()),
            _ => None,
        }
    }

    /// Whether a space may sit before the next Chinese numeral character.
    fn cn_space_ok(&self, started: bool, last_cn: bool) -> bool {
        started && (self.g.loose_spaces || (self.g.cn_spaces && last_cn))
    }

    /// `[sign] mixed`.
    fn signed_mixed(&mut self) -> R<Option<Numeral>> {
        let start = self.pos;
        let neg = if let Some(after) = self.is_sign(self.pos) {
            self.pos = self.loose(after);
            true
        } else {
            false
        };
        match self.mixed()? {
            Some(mut n) => {
                if neg {
                    n.value = -n.value;
                    n.high = n.high.map(|h| -h);
                    n.shape.negative = true;
                }
                Ok(Some(n))
            }
            None => {
                self.pos = start;
                Ok(None)
            }
        }
    }

    /// `simple`, then an optional fraction or mixed-fraction tail.
    fn mixed(&mut self) -> R<Option<Numeral>> {
        let Some(mut a) = self.simple()? else {
            return Ok(None);
        };
        // A分之B = B / A.
        if let Some(after) = self.fraction_marker(self.pos) {
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
                return Ok(Some(a));
            }
            self.pos = save;
        }
        if self.g.slash_fraction && is_plain_integer(&a) {
            // `3/4`
            if let Some(frac) = self.try_slash(self.pos)? {
                a.value = div(a.value, frac.0)?;
                a.shape.fraction = true;
                a.shape.lead_scale = None;
                return Ok(Some(a));
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
                            return Ok(Some(a));
                        }
                    }
                }
                self.pos = save;
            }
        }
        // `三百五又三分之一`
        let p = self.loose(self.pos);
        if self.char_at(p) == Some('又') {
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
                        return Ok(Some(a));
                    }
                } else if self.g.slash_fraction && is_plain_integer(&f) {
                    if let Some(d) = self.try_slash(self.pos)? {
                        a.value = add_rounded(a.value, div(f.value, d.0)?)?;
                        a.shape.fraction = true;
                        a.shape.lead_scale = None;
                        return Ok(Some(a));
                    }
                }
            }
            self.pos = save;
        }
        Ok(Some(a))
    }

    fn signed_simple(&mut self) -> R<Option<Numeral>> {
        let start = self.pos;
        let neg = if let Some(after) = self.is_sign(self.pos) {
            self.pos = self.loose(after);
            true
        } else {
            false
        };
        match self.simple()? {
            Some(mut n) => {
                if neg {
                    n.value = -n.value;
                }
                Ok(Some(n))
            }
            None => {
                self.pos = start;
                Ok(None)
            }
        }
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

    /// Reads an Arabic number at `p`: digits with separators, decimals and,
    /// when enabled, an exponent. Returns the value, the end, the count of
    /// integer digits and whether it had a decimal part.
    fn arabic(&self, p: usize) -> R<Option<(Decimal, usize, usize, bool)>> {
        let b = self.s.as_bytes();
        let digits_end = |mut q: usize| {
            while q < b.len() && b[q].is_ascii_digit() {
                q += 1;
            }
            q
        };
        let mut clean = String::new();
        let mut q = digits_end(p);
        let int_digits = q - p;
        clean.push_str(&self.s[p..q]);
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
                clean.push_str(&self.s[g0..g1]);
                q = g1;
            }
        }
        let mut decimal = false;
        if b.get(q) == Some(&b'.') && b.get(q + 1).is_some_and(u8::is_ascii_digit) {
            let f1 = digits_end(q + 1);
            clean.push('.');
            clean.push_str(&self.s[q + 1..f1]);
            q = f1;
            decimal = true;
        }
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

    /// The core: digits, units, decimals and approximation marks.
    fn simple(&mut self) -> R<Option<Numeral>> {
        let start = self.pos;
        let mut stack = Groups::default();
        let mut pending: Option<Lit> = None;
        let mut shape = Shape::default();
        let mut last_power: u32 = 0;
        let mut zero_since_unit = false;
        let mut section_small: u32 = u32::MAX;
        let mut over = false;
        let mut literals = 0u32;
        let mut unit_product = Some(Decimal::ONE);
        let mut trailing_big: Option<Decimal> = None;
        let mut done = false;
        // the last part read was a Chinese numeral character
        let mut last_cn = false;

        while !done {
            let here = self.pos;
            let ws = self.skip_ws(here);
            let spaced = ws > here;
            let Some(c) = self.char_at(ws) else { break };
            let after = ws + c.len_utf8();
            let started = pending.is_some() || !stack.is_empty();

            if c.is_ascii_digit() || (c == '.' && !started) {
                if (spaced && !self.g.loose_spaces) || pending.is_some() {
                    break;
                }
                if spaced && !started {
                    break;
                }
                let Some((v, end, int_digits, dec)) = self.arabic(ws)? else {
                    break;
                };
                shape.arabic = true;
                shape.decimal |= dec;
                if !started {
                    shape.int_digits = int_digits;
                }
                pending = Some(Lit {
                    value: v,
                    spread: Decimal::ZERO,
                    single_cn: false,
                    cn_run: 0,
                });
                literals += 1;
                trailing_big = None;
                last_cn = false;
                self.pos = end;
                // `40k`, `2.5 M`
                if self.g.si_suffix {
                    let k = self.skip_ws(self.pos);
                    let m = match self.char_at(k) {
                        Some('k' | 'K') => Some(3),
                        Some('M') if self.g.si_mega => Some(6),
                        _ => None,
                    };
                    let next_alnum = self
                        .char_at(k + 1)
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                    if let (Some(m), false) = (m, next_alnum) {
                        if let Some(l) = pending.as_mut() {
                            l.value = mul(l.value, pow10(m))?;
                        }
                        shape.si_suffix = true;
                        shape.big = true;
                        unit_product = unit_product.and_then(|u| u.checked_mul(pow10(m)));
                        self.pos = k + 1;
                        done = true;
                    }
                }
                continue;
            }

            if let Some(d) = chinese_digit(c) {
                if spaced && !self.cn_space_ok(started, last_cn) {
                    break;
                }
                let is_liang = matches!(c, '两' | '兩' | '倆' | '俩');
                match pending.as_mut() {
                    Some(l) if l.cn_run > 0 && !spaced && !is_liang && stack.is_empty() => {
                        l.value = add(mul(l.value, Decimal::TEN)?, Decimal::from(d))?;
                        l.cn_run += 1;
                        l.single_cn = false;
                        shape.digit_string = true;
                    }
                    Some(_) => break,
                    None if d == 0
                        && (started || self.char_at(after).and_then(unit_power).is_some()) =>
                    {
                        zero_since_unit = true;
                    }
                    None => {
                        if is_liang
                            && self
                                .char_at(after)
                                .is_some_and(|n| matches!(n, '两' | '兩'))
                        {
                            // `两两` is a word, not a number
                            break;
                        }
                        pending = Some(Lit {
                            value: Decimal::from(d),
                            spread: Decimal::ZERO,
                            single_cn: d != 0,
                            cn_run: if is_liang { 0 } else { 1 },
                        });
                        literals += 1;
                        trailing_big = None;
                    }
                }
                shape.chinese = true;
                last_cn = true;
                self.pos = after;
                continue;
            }

            if let Some(power) = unit_power(c) {
                let big = power >= 4;
                if spaced && !(self.cn_space_ok(started, last_cn) || (big && started)) {
                    break;
                }
                if big {
                    if !started {
                        break;
                    }
                    let mut sum = Decimal::ZERO;
                    let mut spread = Decimal::ZERO;
                    let mut popped = false;
                    if let Some(l) = pending.take() {
                        // `两千五万`: the elided digit belongs to this section
                        let in_section = section_small != u32::MAX;
                        let (v, s) = elide(l, last_power, zero_since_unit || !in_section);
                        sum = add(sum, v)?;
                        spread = add(spread, s)?;
                        popped = true;
                    }
                    while stack.last().is_some_and(|g| g.power < power) {
                        let g = stack.pop().unwrap_or(Group {
                            value: Decimal::ZERO,
                            spread: Decimal::ZERO,
                            power: 0,
                        });
                        sum = add(sum, g.value)?;
                        spread = add(spread, g.spread)?;
                        popped = true;
                    }
                    if !popped {
                        // `万万` = 亿: the magnitude multiplies the group before it
                        while stack.last().is_some_and(|g| g.power <= power) {
                            let g = stack.pop().unwrap_or(Group {
                                value: Decimal::ZERO,
                                spread: Decimal::ZERO,
                                power: 0,
                            });
                            sum = add(sum, g.value)?;
                            spread = add(spread, g.spread)?;
                        }
                    }
                    let m = pow10(power);
                    stack.push(Group {
                        value: mul(sum, m)?,
                        spread: mul(spread, m)?,
                        power,
                    })?;
                    shape.big = true;
                    section_small = u32::MAX;
                    trailing_big = Some(mul(trailing_big.unwrap_or(Decimal::ONE), m)?);
                } else {
                    if power >= section_small {
                        break;
                    }
                    if !started && power >= 2 {
                        shape.implicit_lead = true;
                    }
                    let l = match pending.take() {
                        Some(l) if l.cn_run > 1 => break,
                        Some(l) => l,
                        None => Lit {
                            value: Decimal::ONE,
                            spread: Decimal::ZERO,
                            single_cn: false,
                            cn_run: 0,
                        },
                    };
                    let m = pow10(power);
                    stack.push(Group {
                        value: mul(l.value, m)?,
                        spread: mul(l.spread, m)?,
                        power,
                    })?;
                    section_small = power;
                    trailing_big = None;
                }
                unit_product = unit_product.and_then(|u| u.checked_mul(pow10(power)));
                shape.units = true;
                shape.chinese = true;
                last_cn = true;
                last_power = power;
                zero_since_unit = false;
                self.pos = after;
                continue;
            }

            match c {
                '点' | '點' if started => {
                    if spaced && !self.cn_space_ok(started, last_cn) {
                        break;
                    }
                    let fp = if self.g.loose_spaces || (self.g.cn_spaces && last_cn) {
                        self.skip_ws(after)
                    } else {
                        after
                    };
                    let Some((frac, end)) = self.point_fraction(fp)? else {
                        break;
                    };
                    shape.decimal = true;
                    shape.chinese = true;
                    if stack.is_empty() {
                        if let Some(l) = pending.as_mut() {
                            l.value = add(l.value, frac)?;
                            l.single_cn = false;
                            l.cn_run = 0;
                        }
                        self.pos = end;
                    } else {
                        if let Some(l) = pending.take() {
                            let (v, s) = elide(l, last_power, zero_since_unit);
                            stack.push(Group {
                                value: v,
                                spread: s,
                                power: 0,
                            })?;
                        }
                        stack.push(Group {
                            value: frac,
                            spread: Decimal::ZERO,
                            power: 0,
                        })?;
                        self.pos = end;
                        done = true;
                    }
                    trailing_big = None;
                }
                '多' | '余' | '餘' if started && !over => {
                    if let Some(l) = pending.take() {
                        let (v, s) = elide(l, last_power, zero_since_unit);
                        stack.push(Group {
                            value: v,
                            spread: s,
                            power: 0,
                        })?;
                    }
                    over = true;
                    self.pos = after;
                    // only a magnitude may follow
                    let n = self.skip_ws(self.pos);
                    if self.char_at(n).and_then(unit_power).is_none_or(|p| p < 4) {
                        done = true;
                    }
                }
                '几' | '幾' | '数' | '數' if pending.is_none() => {
                    if spaced && !self.cn_space_ok(started, last_cn) {
                        break;
                    }
                    let next = self.loose(after);
                    let next_unit = self.char_at(next).and_then(unit_power);
                    let leading = match next_unit {
                        Some(_) if !started => true,
                        // `一千几百`
                        Some(p) => p < 4 && p < section_small && matches!(c, '几' | '幾'),
                        None => false,
                    };
                    if leading {
                        // leading: 几十 = 10..100
                        pending = Some(Lit {
                            value: Decimal::ONE,
                            spread: Decimal::from(9),
                            single_cn: false,
                            cn_run: 0,
                        });
                    } else if started && matches!(c, '几' | '幾') {
                        // trailing: 三十几 = 30..40
                        let place = if zero_since_unit || last_power == 0 {
                            Decimal::ONE
                        } else {
                            pow10(last_power - 1)
                        };
                        pending = Some(Lit {
                            value: Decimal::ZERO,
                            spread: mul(Decimal::TEN, place)?,
                            single_cn: false,
                            cn_run: 0,
                        });
                    } else {
                        break;
                    }
                    literals += 1;
                    shape.chinese = true;
                    trailing_big = None;
                    self.pos = after;
                }
                '半' if !started => {
                    let next = self.loose(after);
                    if self.char_at(next).and_then(unit_power).is_none() {
                        break;
                    }
                    pending = Some(Lit {
                        value: Decimal::new(5, 1),
                        spread: Decimal::ZERO,
                        single_cn: false,
                        cn_run: 0,
                    });
                    literals += 1;
                    shape.chinese = true;
                    self.pos = after;
                }
                _ => break,
            }
        }

        if stack.is_empty() && pending.is_none() {
            self.pos = start;
            return Ok(None);
        }
        let mut value = Decimal::ZERO;
        let mut spread = Decimal::ZERO;
        if let Some(l) = pending.take() {
            let (v, s) = elide(l, last_power, zero_since_unit);
            value = v;
            spread = s;
        }
        for g in stack.iter() {
            value = add(value, g.value)?;
            spread = add(spread, g.spread)?;
        }
        if self.g.dozen {
            let p = self.loose(self.pos);
            if self.char_at(p) == Some('打') && shape.chinese {
                value = mul(value, Decimal::from(12))?;
                self.pos = p + '打'.len_utf8();
            }
        }
        shape.lead_scale = unit_product.filter(|_| literals <= 1);
        shape.trailing_big = trailing_big;
        let high = if spread.is_zero() {
            None
        } else {
            Some(add(value, spread)?)
        };
        Ok(Some(Numeral {
            value,
            high,
            over,
            shape,
        }))
    }
}

/// The value of a literal that ends a section: a lone Chinese digit right after
/// a unit takes the next lower place (`一万三` → 3000, `两千四百五` → 50).
fn elide(l: Lit, last_power: u32, zero_since_unit: bool) -> (Decimal, Decimal) {
    if l.single_cn && last_power >= 2 && !zero_since_unit {
        let m = pow10(last_power - 1);
        (l.value * m, l.spread * m)
    } else {
        (l.value, l.spread)
    }
}

fn is_plain_integer(n: &Numeral) -> bool {
    n.shape.arabic && !n.shape.chinese && !n.shape.decimal && n.high.is_none() && !n.over
}

/// Exact decimal from plain digits, or overflow when it does not fit.
fn parse_exact(digits: &str) -> R<Decimal> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> String {
        match parse(s) {
            Ok(n) => match n.high {
                Some(h) => format!("{}..{}", n.value, h),
                None if n.over => format!("{}+", n.value),
                None => n.value.to_string(),
            },
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn arabic() {
        assert_eq!(v("1,234.5"), "1234.5");
        assert_eq!(v("１２３．４"), "123.4");
        assert_eq!(v("82，225.00"), "82225");
        assert_eq!(v("1,050,000,000"), "1050000000");
        assert_eq!(v(".5"), "0.5");
        assert_eq!(v("-.5"), "-0.5");
        assert_eq!(v("4.800"), "4.8");
        assert_eq!(v(".23456000"), "0.23456");
        assert_eq!(v("6.0"), "6");
    }

    #[test]
    fn scientific() {
        assert_eq!(v("1.2732E+15"), "1273200000000000");
        assert_eq!(v("-127.32e13"), "-1273200000000000");
        assert_eq!(v("2e5"), "200000");
        assert_eq!(v("２.７８９０e－１"), "0.2789");
        assert_eq!(v("-12e-1"), "-1.2");
        assert_eq!(v("2^5"), "32");
        assert_eq!(v("2^-1"), "0.5");
        assert_eq!(v("2.5^-1"), "0.4");
    }

    #[test]
    fn chinese() {
        assert_eq!(v("一万五千亿"), "1500000000000");
        assert_eq!(v("二十万亿"), "20000000000000");
        assert_eq!(v("两千"), "2000");
        assert_eq!(v("〇"), "0");
        assert_eq!(v("肆佰陸拾"), "460");
        assert_eq!(v("壹佰伍拾"), "150");
        assert_eq!(v("四亿五千六百四十二万零一十五"), "456420015");
        assert_eq!(v("五兆六十二亿四万五千二"), "5006200045200");
        assert_eq!(v("四万万"), "400000000");
        assert_eq!(v("10万万"), "1000000000");
        assert_eq!(v("一百零十万"), "1100000");
        assert_eq!(v("一万零十二"), "10012");
        assert_eq!(v("零十"), "10");
        assert_eq!(v("拾亿零六万零五百零六"), "1000060506");
        assert_eq!(v("二〇二四"), "2024");
        assert_eq!(v("二十 億"), "2000000000");
        assert_eq!(v("一百 五 十 二"), "152");
        assert_eq!(v("三千 八百 九十六 万 四千 九百 六十五"), "38964965");
    }

    #[test]
    fn elided_last_digit() {
        assert_eq!(v("一万三"), "13000");
        assert_eq!(v("两千四百五"), "2450");
        assert_eq!(v("九十二万四"), "924000");
        assert_eq!(v("一千零五"), "1005");
        assert_eq!(v("百三"), "130");
        assert_eq!(v("千三"), "1300");
        assert_eq!(v("两千三点一"), "2300.1");
    }

    #[test]
    fn mixed() {
        assert_eq!(v("2.4亿"), "240000000");
        assert_eq!(v("3万4000"), "34000");
        assert_eq!(v("25万6千"), "256000");
        assert_eq!(v("1.5万亿"), "1500000000000");
        assert_eq!(v("1,100.9亿"), "110090000000");
        assert_eq!(v("3.07 亿"), "307000000");
        assert_eq!(v("3.07亿"), "307000000");
        assert_eq!(v("5亿1万4千6百"), "500014600");
        assert_eq!(v("2千零30万"), "20300000");
        assert_eq!(v("1000  万"), "10000000");
        assert_eq!(v("7 万5 千4 百"), "75400");
        assert_eq!(v("2010 万"), "20100000");
        assert_eq!(v("40k"), "40000");
        assert_eq!(v("-2.5 M"), "-2500000");
    }

    #[test]
    fn decimals_negatives_fractions() {
        assert_eq!(v("三点五"), "3.5");
        assert_eq!(v("三点五亿"), "350000000");
        assert_eq!(v("两千万点五五四四"), "20000000.5544");
        assert_eq!(v("四百亿点零五零"), "40000000000.05");
        assert_eq!(v("负三十二"), "-32");
        assert_eq!(v("负10000"), "-10000");
        assert_eq!(v("-10000"), "-10000");
        assert_eq!(v("二分之一"), "0.5");
        assert_eq!(v("五 分之 一"), "0.2");
        assert_eq!(v("3/4"), "0.75");
        assert_eq!(v("-3/2"), "-1.5");
        assert_eq!(v("1 3/5"), "1.6");
        assert_eq!(v("4 6/3"), "6");
        assert_eq!(v("负一又二分之一"), "-1.5");
        assert_eq!(v("3又一千分之23"), "3.023");
        assert_eq!(v("一百万又五十万分之二十五"), "1000000.00005");
        assert_eq!(v("负３分之负一百五十七").get(..10), Some("52.3333333"));
        assert_eq!(v("半百"), "50");
        assert_eq!(v("十打"), "120");
    }

    #[test]
    fn approximate() {
        assert_eq!(v("十余"), "10+");
        assert_eq!(v("十 余 万"), "100000+");
        assert_eq!(v("一千多万"), "10000000+");
        assert_eq!(v("500余万"), "5000000+");
        assert_eq!(v("十几"), "10..20");
        assert_eq!(v("几十"), "10..100");
        assert_eq!(v("数十"), "10..100");
        assert_eq!(v("三十几万"), "300000..400000");
        assert_eq!(v("一百零几万"), "1000000..1100000");
        assert_eq!(v("一百 二 十 几亿"), "12000000000..13000000000");
    }

    #[test]
    fn overflow_is_an_error() {
        assert_eq!(
            v("9999999999999999999999999999亿"),
            "error: number out of range: \"9999999999999999999999999999亿\""
        );
        assert!(v("99999999999999999999999999999999").starts_with("error: number out of range"));
        assert!(v("1e99").starts_with("error: number out of range"));
        assert!(v("3/0").starts_with("error: division by zero"));
        assert_eq!(v("9亿亿亿亿"), "error: number out of range: \"9亿亿亿亿\"");
    }

    #[test]
    fn not_numbers() {
        assert!(v("万").starts_with("error: not a quantity"));
        assert!(v("两两").starts_with("error"));
        assert!(v("五十千").starts_with("error: unexpected text \"千\""));
    }
}
