//! The grammar of one quantity expression, matched at a position of folded
//! text.
//!
//! ```text
//! quantity := [qualifier] core [qualifier]
//! core     := 第 numeral [measure]                         ordinal
//!           | 翻倍 | 翻番 | 翻一番 | 翻两番                  multiple
//!           | currency-prefix numeric                      money ($20, 人民币 8千元)
//!           | 百分之 numeral | 千分之 numeral | ...         percent
//!           | numeric
//! numeric  := numeral [unit] [sep numeral [unit]]          value or range
//! unit     := % | ‰ | 个百分点 | 个基点 | currency [cents] | 港仙 | 美分 | 倍 | 成 | 折
//!           | measure word
//! ```
//! Spaces may sit between a numeral and its unit and around qualifiers, as
//! they do in scraped news (`2.4 亿美元`, `10% 以上`).

use rust_decimal::Decimal;

use super::{Qualifier, QuantityKind, TABLES};
use crate::number::{Grammar, NumberError, Numeral, Shape, parse_prefix, pow10};
use crate::text::{char_at, skip_ws};

/// How the unit of a found quantity is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitRef {
    /// An ISO 4217 code.
    Code(&'static str),
    /// A measure word: byte range in the folded text.
    Word(usize, usize),
    /// The `x` of multiples.
    Times,
}

/// A quantity found in folded text (offsets into the folded text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub kind: QuantityKind,
    pub start: usize,
    pub end: usize,
    /// The value, or the low end of a range.
    pub value: Decimal,
    /// The high end of a range.
    pub high: Option<Decimal>,
    pub unit: Option<UnitRef>,
    pub qualifier: Option<Qualifier>,
    /// How the (first) numeral was written.
    pub shape: Shape,
}

pub(crate) type MatchResult = Result<Option<Found>, (NumberError, usize)>;

/// The end of `word` at `p`, allowing spaces between its characters when
/// `loose` (`个 百 分 点`).
fn word_at(s: &str, p: usize, word: &str, loose: bool) -> Option<usize> {
    let mut q = p;
    for (i, c) in word.chars().enumerate() {
        if loose && i > 0 {
            q = skip_ws(s, q);
        }
        if char_at(s, q) != Some(c) {
            return None;
        }
        q += c.len_utf8();
    }
    Some(q)
}

/// A numeral at `p`, with its absolute end.
fn numeral_at(
    s: &str,
    p: usize,
    g: Grammar,
) -> Result<Option<(Numeral, usize)>, (NumberError, usize)> {
    match parse_prefix(&s[p..], g) {
        Ok(Some(parsed)) => Ok(Some((parsed.numeral, p + parsed.len))),
        Ok(None) => Ok(None),
        Err((e, len)) => Err((e, p + len)),
    }
}

/// Matches one quantity starting exactly at `pos`.
pub(crate) fn match_at(s: &str, pos: usize, g: Grammar) -> MatchResult {
    let t = &*TABLES;
    let mut p = pos;
    let mut qualifier = None;
    if let Some((q, len)) = t.qualifier_prefix.longest_at(s, p) {
        qualifier = Some(*q);
        p = skip_ws(s, p + len);
    }
    let Some(mut f) = core(s, p, g)? else {
        return Ok(None);
    };
    f.start = pos;
    if qualifier.is_some() {
        f.qualifier = qualifier;
    }
    let q = skip_ws(s, f.end);
    if let Some((sq, len)) = t.qualifier_suffix.longest_at(s, q) {
        let next = char_at(s, q + len);
        // `上下游`, `以下简称`: words, not qualifiers
        let word = matches!(next, Some('游' | '文' | '班' | '简' | '称'));
        if !word {
            f.end = q + len;
            if qualifier.is_none() {
                f.qualifier = Some(*sq);
            }
        }
    }
    Ok(Some(f))
}

fn core(s: &str, p: usize, g: Grammar) -> MatchResult {
    let t = &*TABLES;
    let Some(c) = char_at(s, p) else {
        return Ok(None);
    };
    if c == '第' {
        return ordinal(s, p, g);
    }
    if let Some(f) = fixed_word(s, p) {
        return Ok(Some(f));
    }
    if let Some((code, len)) = t.currency_prefix.longest_at(s, p) {
        return prefixed_money(s, p, len, code, g);
    }
    if let Some((code, len)) = t.currency_before.longest_at(s, p) {
        // `人民币兑美元6.8`: an exchange rate, not an amount
        let rate = s[..p].ends_with(['兑', '对', '對']);
        let f = if rate {
            None
        } else {
            prefixed_money(s, p, len, code, g)?
        };
        match f {
            Some(f) if g.currency_name_first || f.shape.big => return Ok(Some(f)),
            _ => {}
        }
    }
    if let Some((denominator, q)) = percent_prefix(s, p) {
        let Some((n, end)) = numeral_at(s, q, g)? else {
            return Ok(None);
        };
        let value = div(n.value, denominator, end)?;
        let high = n.high.map(|h| div(h, denominator, end)).transpose()?;
        return Ok(Some(Found {
            kind: QuantityKind::Percent,
            start: p,
            end,
            value,
            high,
            unit: None,
            qualifier: numeral_qualifier(&n),
            shape: n.shape,
        }));
    }
    numeric(s, p, g)
}

/// The money amount after the currency `code` written at `p` (`len` bytes):
/// `US$ 5亿`, `人民币 8千元`, `港币3.14`.
fn prefixed_money(s: &str, p: usize, len: usize, code: &'static str, g: Grammar) -> MatchResult {
    let q = skip_ws(s, p + len);
    let Some(mut f) = numeric(s, q, g)? else {
        return Ok(None);
    };
    // `新台币100万元`: a bare 元 after a named currency is that currency's unit
    let bare_yuan = s[..f.end].ends_with(['元', '圆']) && !s[..f.end].ends_with("人民币元");
    match (f.kind, f.unit) {
        (QuantityKind::Number, _) => {}
        (QuantityKind::Money, Some(UnitRef::Code(c))) if c == code => {}
        (QuantityKind::Money, Some(UnitRef::Code("CNY"))) if bare_yuan => {}
        _ => return Ok(None),
    }
    f.kind = QuantityKind::Money;
    f.unit = Some(UnitRef::Code(code));
    f.start = p;
    Ok(Some(f))
}

fn div(a: Decimal, b: Decimal, at: usize) -> Result<Decimal, (NumberError, usize)> {
    if b.is_zero() {
        return Err((NumberError::DivisionByZero, at));
    }
    a.checked_div(b).ok_or((NumberError::Overflow, at))
}

fn mul(a: Decimal, b: Decimal, at: usize) -> Result<Decimal, (NumberError, usize)> {
    a.checked_mul(b).ok_or((NumberError::Overflow, at))
}

fn numeral_qualifier(n: &Numeral) -> Option<Qualifier> {
    if n.high.is_some() {
        Some(Qualifier::Approx)
    } else if n.over {
        Some(Qualifier::Over)
    } else {
        None
    }
}

/// Words that are quantities by themselves.
fn fixed_word(s: &str, p: usize) -> Option<Found> {
    const WORDS: &[(&str, QuantityKind, i64, u32)] = &[
        ("翻了两番", QuantityKind::Multiple, 4, 0),
        ("翻两番", QuantityKind::Multiple, 4, 0),
        ("翻了一番", QuantityKind::Multiple, 2, 0),
        ("翻一番", QuantityKind::Multiple, 2, 0),
        ("翻了一倍", QuantityKind::Multiple, 2, 0),
        ("翻一倍", QuantityKind::Multiple, 2, 0),
        ("翻倍", QuantityKind::Multiple, 2, 0),
        ("翻番", QuantityKind::Multiple, 2, 0),
        ("对折", QuantityKind::Percent, 5, 1),
        ("對折", QuantityKind::Percent, 5, 1),
        ("半折", QuantityKind::Percent, 5, 1),
        ("半成", QuantityKind::Percent, 5, 2),
    ];
    let rest = &s[p..];
    // `半成品`, `对折扣`: the last character starts a word with the next one;
    // `翻倍股`, `翻番股`: stocks that doubled, a noun
    let word_after = |w: &str| {
        let next = rest[w.len()..].chars().next();
        (w.ends_with('成') && cheng_is_word(next))
            || (w.ends_with('折') && zhe_is_word(next))
            || (w.starts_with('翻') && next == Some('股'))
    };
    let found = WORDS.iter().find(|w| rest.starts_with(w.0))?;
    (!word_after(found.0)).then_some(found).map(|w| Found {
        kind: w.1,
        start: p,
        end: p + w.0.len(),
        value: Decimal::new(w.2, w.3),
        high: None,
        unit: (w.1 == QuantityKind::Multiple).then_some(UnitRef::Times),
        qualifier: None,
        shape: Shape {
            chinese: true,
            ..Shape::default()
        },
    })
}

/// `第 N [measure word]`.
fn ordinal(s: &str, p: usize, g: Grammar) -> MatchResult {
    let q = skip_ws(s, p + '第'.len_utf8());
    let Some((n, mut end)) = numeral_at(s, q, g)? else {
        return Ok(None);
    };
    if n.shape.negative || n.high.is_some() || n.over || n.shape.decimal || n.shape.fraction {
        return Ok(None);
    }
    let m = skip_ws(s, end);
    if let Some((true, len)) = TABLES.measure_words.longest_at(s, m) {
        end = m + len;
    } else if char_at(s, m) == Some('大') {
        end = m + '大'.len_utf8();
    }
    Ok(Some(Found {
        kind: QuantityKind::Ordinal,
        start: p,
        end,
        value: n.value,
        high: None,
        unit: None,
        qualifier: None,
        shape: n.shape,
    }))
}

/// `百分之`, `千分之`, `万分之`, `百万分之`, ...: the denominator and the end.
fn percent_prefix(s: &str, p: usize) -> Option<(Decimal, usize)> {
    let mut q = p;
    let mut denominator = Decimal::ONE;
    let mut any = false;
    loop {
        let c = char_at(s, q)?;
        match c {
            '百' | '佰' | '千' | '仟' | '万' | '萬' => {
                let k = crate::number::unit_power(c)?;
                denominator = denominator.checked_mul(pow10(k))?;
                any = true;
                q = skip_ws(s, q + c.len_utf8());
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    let end = word_at(s, q, "分之", true)?;
    Some((denominator, skip_ws(s, end)))
}

/// A unit after a numeral.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Suffix {
    Percent(u32),
    Point,
    /// `个基点`: a hundredth of a percentage point.
    BasisPoint,
    Money(&'static str),
    /// A hundredth of a currency unit written as its own word (`港仙`, `美分`,
    /// `分`).
    Cent(&'static str),
    /// A tenth of a yuan: `八毛`, `五角`; of a Hong Kong dollar: `三毫`.
    Jiao(&'static str),
    /// Cantonese dollars and a half: `八個半` = 8.5 HKD.
    DollarsAndHalf,
    Times,
    Cheng,
    Zhe,
    Measure(usize, usize),
}

impl Suffix {
    fn kind(self) -> QuantityKind {
        match self {
            Suffix::Percent(_) | Suffix::Cheng | Suffix::Zhe => QuantityKind::Percent,
            Suffix::Point | Suffix::BasisPoint => QuantityKind::PercentagePoint,
            Suffix::Money(_) | Suffix::Cent(_) | Suffix::Jiao(_) | Suffix::DollarsAndHalf => {
                QuantityKind::Money
            }
            Suffix::Times => QuantityKind::Multiple,
            Suffix::Measure(..) => QuantityKind::Count,
        }
    }

    fn unit(self) -> Option<UnitRef> {
        match self {
            Suffix::Money(c) | Suffix::Cent(c) => Some(UnitRef::Code(c)),
            Suffix::Jiao(c) => Some(UnitRef::Code(c)),
            Suffix::DollarsAndHalf => Some(UnitRef::Code("HKD")),
            Suffix::Times => Some(UnitRef::Times),
            Suffix::Measure(a, b) => Some(UnitRef::Word(a, b)),
            _ => None,
        }
    }

    /// Whether two ends of a range agree on the unit.
    fn agrees(self, other: Suffix) -> bool {
        match (self, other) {
            (Suffix::Measure(a, b), Suffix::Measure(c, d)) => b - a == d - c,
            (a, b) => a == b,
        }
    }
}

/// Characters after `成` that make it part of a word (`成本`, `成为`).
fn cheng_is_word(next: Option<char>) -> bool {
    matches!(
        next,
        Some(
            '本' | '为'
                | '交'
                | '功'
                | '立'
                | '长'
                | '员'
                | '果'
                | '熟'
                | '都'
                | '型'
                | '效'
                | '绩'
                | '品'
                | '分'
                | '就'
                | '份'
                | '色'
                | '年'
                | '人'
                | '单'
                | '像'
                | '家'
                | '败'
                | '批'
                | '套'
                | '真'
                | '语'
                | '全'
                | '材'
                | '形'
                | '因'
        )
    )
}

/// Characters after `折` that make it part of a word (`折合`, `折旧`).
fn zhe_is_word(next: Option<char>) -> bool {
    matches!(
        next,
        Some(
            '合' | '旧'
                | '算'
                | '叠'
                | '返'
                | '射'
                | '线'
                | '腾'
                | '服'
                | '现'
                | '损'
                | '让'
                | '价'
                | '扣'
                | '痕'
                | '中'
                | '回'
                | '成'
        )
    )
}

/// The unit after a numeral ending at `e`, and where it ends.
fn suffix(s: &str, e: usize, n: &Numeral, g: Grammar) -> Option<(Suffix, usize)> {
    let t = &*TABLES;
    let q = skip_ws(s, e);
    let c = char_at(s, q)?;
    let after = q + c.len_utf8();
    if let Some(found) = bare_cents(s, after, c, n, g) {
        return Some(found);
    }
    match c {
        '%' => return Some((Suffix::Percent(2), after)),
        '‰' => return Some((Suffix::Percent(3), after)),
        '‱' => return Some((Suffix::Percent(4), after)),
        '倍' => return Some((Suffix::Times, after)),
        '成' if !cheng_is_word(char_at(s, after)) && n.value <= Decimal::TEN => {
            return Some((Suffix::Cheng, after));
        }
        '折' if !zhe_is_word(char_at(s, after)) => return Some((Suffix::Zhe, after)),
        _ => {}
    }
    if let Some(found) = point_or_cent(s, q, c) {
        return Some(found);
    }
    if let Some((code, len)) = t.currency_suffix.longest_at(s, q) {
        return Some((Suffix::Money(code), q + len));
    }
    match t.measure_words.longest_at(s, q) {
        Some((true, len)) => Some((Suffix::Measure(q, q + len), q + len)),
        _ => None,
    }
}

/// `个百分点`, `个基点` (loosely spaced) and `港仙`, `美分` at `q`, whose
/// character is `c`: tried only after a character one of them starts with.
fn point_or_cent(s: &str, q: usize, c: char) -> Option<(Suffix, usize)> {
    const POINTS: [(&str, Suffix); 8] = [
        ("个百分点", Suffix::Point),
        ("百分点", Suffix::Point),
        ("個百分點", Suffix::Point),
        ("百分點", Suffix::Point),
        // a basis point is a hundredth of a percentage point (`加息25个基点`)
        ("个基点", Suffix::BasisPoint),
        ("基点", Suffix::BasisPoint),
        ("個基點", Suffix::BasisPoint),
        ("基點", Suffix::BasisPoint),
    ];
    // `每股亏损0.32港仙`, `50美分`: a hundredth of a currency unit
    const CENTS: [(&str, &str); 2] = [("港仙", "HKD"), ("美分", "USD")];
    if !matches!(c, '个' | '個' | '百' | '基' | '港' | '美') {
        return None;
    }
    POINTS
        .iter()
        .find_map(|&(word, unit)| word_at(s, q, word, true).map(|end| (unit, end)))
        .or_else(|| {
            CENTS.iter().find_map(|&(word, code)| {
                word_at(s, q, word, false).map(|end| (Suffix::Cent(code), end))
            })
        })
}

/// `八毛`, `五角钱`, `五分钱` with no 元 before them, the Cantonese `三毫`
/// (子) and `八個半`: the unit and its end (after `钱`, `子`), when
/// [`Grammar::bare_cents`] allows it here (see there).
fn bare_cents(s: &str, after: usize, c: char, n: &Numeral, g: Grammar) -> Option<(Suffix, usize)> {
    let unit = match c {
        '毛' | '角' => Suffix::Jiao("CNY"),
        '毫' => Suffix::Jiao("HKD"),
        '分' => Suffix::Cent("CNY"),
        '个' if g.bare_cents && s[after..].starts_with('半') => Suffix::DollarsAndHalf,
        _ => return None,
    };
    if n.shape.decimal || n.shape.negative || n.shape.fraction || n.value >= Decimal::ONE_HUNDRED {
        return None;
    }
    let next = char_at(s, after);
    let alone_at =
        |p: usize| !char_at(s, p).is_some_and(|x| crate::text::is_cjk(x) || x.is_alphanumeric());
    match (unit, next) {
        (Suffix::DollarsAndHalf, _) => {
            let end = after + '半'.len_utf8();
            return alone_at(end).then_some((unit, end));
        }
        // `毫米`, `毫升`: units; `三毫子` is Cantonese money
        (Suffix::Jiao("HKD"), Some('子')) => return Some((unit, after + '子'.len_utf8())),
        (Suffix::Jiao("HKD"), _) => return alone_at(after).then_some((unit, after)),
        (_, Some('钱')) => return Some((unit, after + '钱'.len_utf8())),
        _ => {}
    }
    // alone: before no CJK character; `冰山一角`, `铁三角` are no money, so
    // 角 stands alone only after Arabic digits (`上涨2角`)
    let alone = alone_at(after) && (c == '毛' || n.shape.arabic);
    let ok = g.bare_cents || (matches!(unit, Suffix::Jiao(_)) && alone);
    ok.then_some((unit, after))
}

/// The value of a numeral under a unit, with the end of any trailing part
/// (`七成六`, `五元三毛`).
fn apply(
    s: &str,
    unit: Option<(Suffix, usize)>,
    v: Decimal,
    n: &Numeral,
    g: Grammar,
) -> Result<Option<(Decimal, usize)>, (NumberError, usize)> {
    let Some((u, end)) = unit else {
        return Ok(Some((v, 0)));
    };
    Ok(Some(match u {
        Suffix::Percent(k) => (div(v, pow10(k), end)?, end),
        Suffix::BasisPoint | Suffix::Cent(_) => (div(v, pow10(2), end)?, end),
        Suffix::Jiao(_) => {
            // `八毛五`: the fen after the jiao
            let (fen, e) = fen_after_jiao(s, end, g)?;
            (div(v, Decimal::TEN, end)? + fen, e)
        }
        Suffix::DollarsAndHalf => (v + Decimal::new(5, 1), end),
        Suffix::Cheng => {
            let mut value = div(v, Decimal::TEN, end)?;
            let mut e = end;
            // `七成六`, `三成半`
            let q = if g.loose_spaces { skip_ws(s, end) } else { end };
            match char_at(s, q) {
                Some('半') => {
                    value += Decimal::new(5, 2);
                    e = q + '半'.len_utf8();
                }
                Some(c) if !n.shape.decimal => {
                    if let Some(d) = crate::number::chinese_digit(c).filter(|&d| d > 0) {
                        if !char_at(s, q + c.len_utf8())
                            .is_some_and(crate::number::is_chinese_numeral_char)
                        {
                            value += Decimal::new(i64::from(d), 2);
                            e = q + c.len_utf8();
                        }
                    }
                }
                _ => {}
            }
            if value > Decimal::ONE {
                return Ok(None);
            }
            (value, e)
        }
        Suffix::Zhe => {
            // 五折 = 0.5, 75折 / 七五折 = 0.75, 9.9折 = 0.99
            let two_digits =
                (n.shape.digit_string || (n.shape.arabic && !n.shape.decimal)) && v >= Decimal::TEN;
            let value = if two_digits {
                div(v, Decimal::ONE_HUNDRED, end)?
            } else {
                div(v, Decimal::TEN, end)?
            };
            if value >= Decimal::ONE || value <= Decimal::ZERO || n.shape.units {
                return Ok(None);
            }
            (value, end)
        }
        Suffix::Money(code) => {
            let (extra, e) = cents(s, end, code, g)?;
            // `79228162514264337593543950335元9角` does not fit
            let total = crate::number::add_exact(v, extra).ok_or((NumberError::Overflow, e))?;
            (total, e)
        }
        _ => (v, end),
    }))
}

/// The fen written after a jiao (`毛五`, `角五分`) at `end`, and its end.
fn fen_after_jiao(
    s: &str,
    end: usize,
    g: Grammar,
) -> Result<(Decimal, usize), (NumberError, usize)> {
    let Some((n, q)) = numeral_at(s, end, g)? else {
        return Ok((Decimal::ZERO, end));
    };
    if n.shape.units || n.shape.decimal || n.high.is_some() || n.value >= Decimal::TEN {
        return Ok((Decimal::ZERO, end));
    }
    let fen = n.value / Decimal::ONE_HUNDRED;
    match char_at(s, q) {
        Some('分') if !s[q..].starts_with("分之") => Ok((fen, q + '分'.len_utf8())),
        // `三块六毛五`: a lone digit, Chinese or Arabic, not both
        next if n.shape.chinese != n.shape.arabic
            && !next.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic()) =>
        {
            Ok((fen, q))
        }
        _ => Ok((Decimal::ZERO, end)),
    }
}

/// Fractions of a currency unit after it: `五元三毛`, `50元6角三分`, `9块9`,
/// `两美元又三美分`.
fn cents(
    s: &str,
    end: usize,
    code: &'static str,
    g: Grammar,
) -> Result<(Decimal, usize), (NumberError, usize)> {
    let mut total = Decimal::ZERO;
    let mut e = end;
    let plain = |p: usize| -> Result<Option<(Numeral, usize)>, (NumberError, usize)> {
        match numeral_at(s, p, g)? {
            Some((n, q))
                if !n.shape.units
                    && !n.shape.decimal
                    && !n.shape.negative
                    && n.high.is_none()
                    && n.value < Decimal::TEN =>
            {
                Ok(Some((n, q)))
            }
            _ => Ok(None),
        }
    };
    match code {
        "CNY" => {
            let word = &s[..end];
            let jiao_first = word.ends_with('块') || word.ends_with('元') || word.ends_with('圆');
            if !jiao_first {
                return Ok((total, e));
            }
            if let Some((n, q)) = plain(e)? {
                match char_at(s, q) {
                    Some('角' | '毛') => {
                        total += n.value / Decimal::TEN;
                        let (fen, e2) = fen_after_jiao(s, q + '角'.len_utf8(), g)?;
                        total += fen;
                        e = e2;
                    }
                    Some('分') if !s[q..].starts_with("分之") => {
                        total += n.value / Decimal::ONE_HUNDRED;
                        e = q + '分'.len_utf8();
                    }
                    // `9块9`
                    next if word.ends_with('块')
                        && n.shape.chinese != n.shape.arabic
                        && !next.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic()) =>
                    {
                        total += n.value / Decimal::TEN;
                        e = q;
                    }
                    _ => {}
                }
            }
        }
        // `五蚊三毫`: Cantonese dollars and ten-cents
        "HKD" if s[..end].ends_with('蚊') => {
            if let Some((n, q)) = plain(e)? {
                if char_at(s, q) == Some('毫') {
                    total += n.value / Decimal::TEN;
                    e = q + '毫'.len_utf8();
                    e = starts_with_at(s, e, '子').unwrap_or(e);
                }
            }
        }
        "USD" => {
            let mut p = e;
            if char_at(s, p) == Some('又') {
                p += '又'.len_utf8();
            }
            if let Some((n, q)) = plain(p)? {
                if let Some(q2) = word_at(s, q, "美分", false) {
                    total += n.value / Decimal::ONE_HUNDRED;
                    e = q2;
                }
            }
        }
        _ => {}
    }
    Ok((total, e))
}

/// The end of `c` when it is written at `p`.
fn starts_with_at(s: &str, p: usize, c: char) -> Option<usize> {
    (char_at(s, p) == Some(c)).then(|| p + c.len_utf8())
}

/// Range separators: `-`, `~`, `至`, `到`, dashes.
fn range_sep(s: &str, p: usize) -> Option<usize> {
    let q = skip_ws(s, p);
    let c = char_at(s, q)?;
    match c {
        '-' | '~' | '—' | '–' | '〜' | '至' | '到' => Some(skip_ws(s, q + c.len_utf8())),
        _ => None,
    }
}

/// Whether `before` ends with a verb of change (`增长`, `下降了`), maybe
/// followed by a qualifier.
fn after_change_verb(before: &str) -> bool {
    let mut b = before.trim_end();
    if let Some(x) = b.strip_suffix('了') {
        b = x.trim_end();
    }
    // `增长约4%至...`
    for q in ["约", "近", "超过", "逾"] {
        if let Some(x) = b.strip_suffix(q) {
            b = x.trim_end();
            break;
        }
    }
    crate::lexicon::change_verb_ending(b).is_some()
}

/// `numeral [unit] [sep numeral [unit]]`.
fn numeric(s: &str, p: usize, g: Grammar) -> MatchResult {
    let Some((n1, e1)) = numeral_at(s, p, g)? else {
        return Ok(None);
    };
    let u1 = suffix(s, e1, &n1, g);
    let after1 = u1.map_or(e1, |u| u.1);

    if n1.high.is_none() && !n1.over {
        if let Some(r) = range(s, p, &n1, u1, after1, g)? {
            return Ok(Some(r));
        }
    }

    let Some((value, end)) = apply(s, u1, n1.value, &n1, g)? else {
        return Ok(None);
    };
    let end = if u1.is_some() { end } else { e1 };
    let high = match n1.high {
        Some(h) => apply(s, u1, h, &n1, g)?.map(|x| x.0),
        None => None,
    };
    Ok(Some(Found {
        kind: u1.map_or(QuantityKind::Number, |u| u.0.kind()),
        start: p,
        end,
        value,
        high,
        unit: u1.and_then(|u| u.0.unit()),
        qualifier: numeral_qualifier(&n1),
        shape: n1.shape,
    }))
}

/// The range `n1 [u1] sep n2 [u2]`, when there is one.
fn range(
    s: &str,
    p: usize,
    n1: &Numeral,
    u1: Option<(Suffix, usize)>,
    after1: usize,
    g: Grammar,
) -> MatchResult {
    let Some(q) = range_sep(s, after1) else {
        return Ok(None);
    };
    // `提高4.23%至38.86%`: after a verb of change, 至/到 may mean "to"
    let sep = s[after1..q].trim();
    let to_after_verb = matches!(sep, "至" | "到") && after_change_verb(&s[..p]);
    // a currency symbol may repeat: `$2-$5`
    let q = match TABLES.currency_prefix.longest_at(s, q) {
        Some((_, len)) if !s[q..].starts_with("人民币") => skip_ws(s, q + len),
        _ => q,
    };
    let Some((n2, e2)) = numeral_at(s, q, g)? else {
        return Ok(None);
    };
    // a negative high end only after a negative low end (`-0.055%至-0.008%`)
    if n2.high.is_some() || (n2.shape.negative && !n1.shape.negative) {
        return Ok(None);
    }
    let u2 = suffix(s, e2, &n2, g);
    let unit = match (u1, u2) {
        (Some(a), Some(b)) if a.0.agrees(b.0) => Some(b),
        (Some(_), Some(_)) => return Ok(None),
        // `4%-5`: not a range
        (Some(_), None) => return Ok(None),
        (None, b) => b,
    };
    // a magnitude written once applies to both ends: 3-6亿, 八到九百亿
    let mut low = n1.value;
    if !n1.shape.big && n2.shape.big {
        let scale = if n1.shape.units {
            n2.shape.trailing_big
        } else {
            n2.shape.lead_scale.or(n2.shape.trailing_big)
        };
        if let Some(scale) = scale {
            low = mul(low, scale, e2)?;
        }
    }
    let Some((low, _)) = apply(s, unit, low, n1, g)? else {
        return Ok(None);
    };
    let Some((high, end)) = apply(s, unit, n2.value, &n2, g)? else {
        return Ok(None);
    };
    if low >= high {
        return Ok(None);
    }
    // after a verb of change, `A 至 B` is a range of the change only when
    // the ends are close (`增长 20% 至 30%`); else B is the new level
    // (`提高4.23%至38.86%`)
    // (`low * 3` beyond the decimal range is more than any `high`)
    let far = low
        .checked_mul(Decimal::from(3))
        .map_or(low.is_sign_negative(), |l3| high > l3);
    if to_after_verb && far {
        return Ok(None);
    }
    Ok(Some(Found {
        kind: unit.map_or(QuantityKind::Number, |u| u.0.kind()),
        start: p,
        end: if unit.is_some() { end } else { e2 },
        value: low,
        high: Some(high),
        unit: unit.and_then(|u| u.0.unit()),
        qualifier: if n2.over { Some(Qualifier::Over) } else { None },
        shape: n1.shape.clone(),
    }))
}
