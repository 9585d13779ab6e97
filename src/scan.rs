//! The scanner: every quantity and time in running text, in one pass over
//! the folded characters.
//!
//! At each position that can start an expression, a time is tried first
//! (`2024 年`, `二季度`, `1-9月`), then a quantity (`2010 万美元`, `6-8%`).
//! What the grammar reads but SPEC.md does not count as a quantity is
//! dropped here: bare numbers without a magnitude (`3.1 版本`, `iPhone 15`,
//! stock codes, phone numbers), numbers glued to Latin letters (`A100`,
//! `GPT-4`, `5G`), `一` used as an article (`一轮融资`), URLs and e-mail
//! addresses, clock times.
//!
//! The scan reads the folded text and gives its results in its offsets,
//! their `text` as the folded text writes it: the pipeline hands them on
//! so. [`find`] moves them to the original text.

use std::sync::LazyLock;

use regex::Regex;

use crate::number::{Grammar, chinese_digit, unit_power};
use crate::quantity::{Found, Quantity, QuantityKind, TABLES, UnitRef, match_at};
use crate::text::{Folded, bmp_code_at, char_at};
use crate::time::{RefDate, Time, TimeMatch, time_at};

/// Characters that can start a time (bit 0) or a quantity (bit 1), and
/// those that start a quantity only as the first character of a qualifier
/// or currency word (bit 2, `约`, `超`, `人`): one byte per BMP character,
/// looked up before any parsing.
struct Starts {
    bits: Box<[u8; 0x10000]>,
}

const TIME: u8 = 1;
const QUANTITY: u8 = 2;
const PREFIX_ONLY: u8 = 4;

impl Starts {
    /// The bits of the code point `code` (none outside the BMP).
    #[inline]
    fn get_code(&self, code: u32) -> u8 {
        self.bits.get(code as usize).copied().unwrap_or(0)
    }
}

static STARTS: LazyLock<Starts> = LazyLock::new(|| {
    let mut bits = Box::new([0u8; 0x10000]);
    let mut add = |c: char, what: u8| {
        if let Some(b) = bits.get_mut(c as usize) {
            *b |= what;
        }
    };
    for c in '0'..='9' {
        add(c, TIME | QUANTITY);
    }
    for code in 0x3000u32..=0x9FFF {
        if let Some(c) = char::from_u32(code) {
            if chinese_digit(c).is_some()
                || unit_power(c).is_some()
                || crate::number::old_tens(c).is_some()
            {
                add(c, TIME | QUANTITY);
            }
        }
    }
    for c in "-$¥￥€£₩₹负負第几幾数數半翻对對".chars() {
        add(c, QUANTITY);
    }
    // relative times, clock prefixes, weekdays, 年底, Q2, H1, 同期, 大前天, 过去
    for c in "今去前明后本上下这昨同年晚早凌中傍周週星礼禮QqH第大过".chars()
    {
        add(c, TIME);
    }
    let t = &*TABLES;
    for (code, b) in bits.iter_mut().enumerate() {
        let Some(c) = u32::try_from(code).ok().and_then(char::from_u32) else {
            continue;
        };
        if t.qualifier_prefix.starts_with_char(c)
            || t.currency_prefix.starts_with_char(c)
            || t.currency_before.starts_with_char(c)
        {
            *b |= if *b & QUANTITY != 0 {
                QUANTITY
            } else {
                QUANTITY | PREFIX_ONLY
            };
        }
    }
    Starts { bits }
});

/// URLs and e-mail addresses: nothing inside them is a quantity.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)[!-~]+").unwrap_or_else(|_| unreachable!())
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
        .unwrap_or_else(|_| unreachable!())
});

/// Byte ranges of URLs and e-mail addresses in `s`, sorted.
fn code_spans(s: &str) -> Vec<(usize, usize)> {
    static MARKS: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
        LazyLock::new(|| ["http", "HTTP", "www.", "WWW."].map(memchr::memmem::Finder::new));
    let mut spans = Vec::new();
    if MARKS.iter().any(|f| f.find(s.as_bytes()).is_some()) {
        spans.extend(URL.find_iter(s).map(|m| (m.start(), m.end())));
    }
    if memchr::memchr(b'@', s.as_bytes()).is_some() {
        spans.extend(EMAIL.find_iter(s).map(|m| (m.start(), m.end())));
    }
    spans.sort_unstable();
    spans
}

/// Whether a number may start at `i`: not glued to a Latin word or code
/// before it (`A100`, `GPT-4`, `V3`, `600519.SH`).
fn boundary_ok(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    if i == 0 {
        return true;
    }
    let prev = b[i - 1];
    if prev.is_ascii_alphanumeric() || prev == b'_' {
        return false;
    }
    if matches!(prev, b'-' | b'.' | b'/' | b'#') && i >= 2 && b[i - 2].is_ascii_alphanumeric() {
        return false;
    }
    true
}

/// A cheap look ahead before the grammar runs: a lone Chinese digit (`一`
/// in `一直`, `三` in `三大`) starts a quantity only when a numeral, a unit,
/// a measure word or a currency follows it.
fn may_start_quantity(s: &str, i: usize, c: char, len: usize) -> bool {
    if chinese_digit(c).is_none() {
        return true;
    }
    let Some(next) = char_at(s, i + len) else {
        return false;
    };
    let t = &*TABLES;
    next.is_ascii_digit()
        || chinese_digit(next).is_some()
        || unit_power(next).is_some()
        || matches!(
            next,
            ' ' | '%'
                | '到'
                | '至'
                | '-'
                | '~'
                | '‰'
                | '成'
                | '折'
                | '倍'
                | '点'
                | '點'
                | '多'
                | '余'
                | '几'
                | '分'
                | '毛'
                | '角'
                | '毫'
                | '个'
                | '個'
                | '打'
        )
        || t.measure_words.starts_with_char(next)
        || t.currency_suffix.starts_with_char(next)
}

/// Whether a found quantity is one SPEC.md counts.
fn accept(f: &Found, s: &str) -> bool {
    let shape = &f.shape;
    // a lone Chinese digit: `一轮`, `一款`, `唯一一个`, `一点`
    let lone_cn = shape.chinese && !shape.arabic && !shape.units && !shape.decimal;
    match f.kind {
        QuantityKind::Number => {
            shape.big && !shape.si_suffix && !shape.implicit_lead && !shape.digit_string
        }
        QuantityKind::Count => {
            if shape.digit_string || (shape.implicit_lead && !shape.big) {
                return false;
            }
            if lone_cn && f.value <= rust_decimal::Decimal::ONE {
                return false;
            }
            // `一点`, `两点`, `二手`: these units need Arabic digits
            if let Some(UnitRef::Word(a, b)) = f.unit {
                if matches!(&s[a..b], "点" | "手") && !shape.arabic {
                    return false;
                }
            }
            true
        }
        QuantityKind::Ordinal => !s[f.end..].starts_with("时间"),
        QuantityKind::Money => {
            // `一块屏幕`: 块 with a lone Chinese digit is a measure word,
            // unless the clause ends there (`花了三块。`)
            let kuai = s[f.start..f.end].ends_with('块')
                && !matches!(
                    char_at(s, f.end),
                    None | Some('，' | '。' | '；' | '！' | '？' | ',' | ' ')
                );
            // `九牛一毛`: an idiom
            let idiom = s[f.start..f.end].ends_with('毛') && s[..f.start].ends_with('牛');
            !(shape.digit_string || kuai && lone_cn || idiom)
        }
        QuantityKind::Percent | QuantityKind::PercentagePoint | QuantityKind::Multiple => {
            let text = &s[f.start..f.end];
            // `对折` is a discount only after 打: `打对折`
            if text == "对折" || text == "對折" {
                return s[..f.start].ends_with('打');
            }
            // `一波三折`: an idiom (twists and turns)
            if text == "三折" && s[..f.start].ends_with("一波") {
                return false;
            }
            !shape.digit_string || text.ends_with('折')
        }
    }
}

/// Every quantity and time in `text`, offsets into `text`, relative times
/// resolved against `ref_date`. No segmenter is loaded: this is the fast
/// path when only numbers and dates are wanted.
///
/// ```
/// let (quantities, times) = zhnews::scan::find("去年营收 889 亿元，增长超过 5%", zhnews::RefDate::parse("2024-08-21").ok());
/// assert_eq!(quantities[0].value.unwrap().to_string(), "88900000000");
/// assert_eq!(quantities[1].text, "超过 5%");
/// assert_eq!(times[0].value.as_deref(), Some("2023"));
/// ```
pub fn find(text: &str, ref_date: Option<RefDate>) -> (Vec<Quantity>, Vec<Time>) {
    let folded = Folded::new(text);
    let (mut quantities, mut times) = scan(folded.as_str(), ref_date);
    folded.move_to_original(&mut quantities);
    folded.move_to_original(&mut times);
    (quantities, times)
}

/// All quantities and times of the folded text `s`, in its offsets and
/// as it writes them.
pub(crate) fn scan(s: &str, ref_date: Option<RefDate>) -> (Vec<Quantity>, Vec<Time>) {
    // the time and the quantity grammars read the same numerals: each is
    // read once
    crate::number::with_memo(|| scan_memo(s, ref_date))
}

/// [`scan`], with the numeral memo on.
fn scan_memo(s: &str, ref_date: Option<RefDate>) -> (Vec<Quantity>, Vec<Time>) {
    let b = s.as_bytes();
    let starts = &*STARTS;
    let mut codes = CodeSpans::new(s);
    let mut found = Scanner {
        s,
        ref_date,
        quantities: Vec::new(),
        times: Vec::new(),
        last_time: None,
    };
    let mut i = 0;
    while i < b.len() {
        if let Some(end) = codes.holding(i) {
            i = end;
            continue;
        }
        // the hot loop touches every character, and most start nothing (nor
        // does any character outside the BMP)
        let (code, len) = bmp_code_at(b, i);
        let can = starts.get_code(code);
        if can == 0 {
            i += len;
            continue;
        }
        i = match char::from_u32(code) {
            Some(c) => found.at(i, c, len, can),
            None => i + len,
        };
    }
    (found.quantities, found.times)
}

/// The URLs and e-mail addresses of a text, passed in order as the scan
/// moves on.
struct CodeSpans {
    /// Byte ranges, sorted.
    spans: Vec<(usize, usize)>,
    /// The first span that may still hold a later position.
    next: usize,
    /// The next URL or e-mail address starts here (`usize::MAX`: none left).
    start: usize,
}

impl CodeSpans {
    /// The URLs and e-mail addresses of `s`.
    fn new(s: &str) -> Self {
        let spans = code_spans(s);
        let start = spans.first().map_or(usize::MAX, |c| c.0);
        CodeSpans {
            spans,
            next: 0,
            start,
        }
    }

    /// The end of the URL or e-mail address that holds `i`, if one does;
    /// `i` never goes back.
    #[inline]
    fn holding(&mut self, i: usize) -> Option<usize> {
        if i < self.start {
            return None;
        }
        while self.next < self.spans.len() && self.spans[self.next].1 <= i {
            self.next += 1;
        }
        match self.spans.get(self.next) {
            Some(&(cs, ce)) if cs <= i => return Some(ce),
            Some(&(cs, _)) => self.start = cs,
            None => self.start = usize::MAX,
        }
        None
    }
}

/// What a scan has found so far.
struct Scanner<'f> {
    /// The folded text.
    s: &'f str,
    /// The date relative times resolve against.
    ref_date: Option<RefDate>,
    /// The quantities found.
    quantities: Vec<Quantity>,
    /// The times found.
    times: Vec<Time>,
    /// The last time found, for a list of months after it (`2014年3月、7月`).
    last_time: Option<TimeMatch>,
}

impl Scanner<'_> {
    /// Reads what starts at `i`: the character `c`, `len` bytes long, with
    /// start bits `can`. Returns where the scan goes on.
    #[inline]
    fn at(&mut self, i: usize, c: char, len: usize, can: u8) -> usize {
        let s = self.s;
        let ascii_start = c.is_ascii_alphanumeric() || c == '-' || c == '$';
        if ascii_start && !boundary_ok(s, i) {
            return skip_token(s, i);
        }
        if c == '-' && !char_at(s, i + 1).is_some_and(|d| d.is_ascii_digit()) {
            return i + 1;
        }
        if can & TIME != 0 {
            if let Some(tm) = time_at(s, i) {
                if tm.emit {
                    let tm = match &self.last_time {
                        Some(prev) => tm.in_list_after(prev, s),
                        None => tm,
                    };
                    self.times.push(tm.to_time(s, self.ref_date));
                    let end = tm.end;
                    self.last_time = Some(tm);
                    return end.max(i + len);
                }
                return tm.end.max(i + len);
            }
        }
        if can & QUANTITY == 0 || !may_start_quantity(s, i, c, len) {
            return i + len;
        }
        // `大家`, `人们`: no numeral starts with these, so a quantity starts
        // here only with a qualifier or currency word
        if can & PREFIX_ONLY != 0 {
            let t = &*TABLES;
            if t.qualifier_prefix.longest_at(s, i).is_none()
                && t.currency_prefix.longest_at(s, i).is_none()
                && t.currency_before.longest_at(s, i).is_none()
            {
                return i + len;
            }
        }
        self.quantity(i, c, len)
    }

    /// Reads a quantity at `i` (the character `c`, `len` bytes long) and
    /// keeps it when SPEC.md counts it. Returns where the scan goes on.
    #[inline]
    fn quantity(&mut self, i: usize, c: char, len: usize) -> usize {
        let s = self.s;
        match match_at(s, i, Grammar::TEXT) {
            Ok(Some(f)) if glued_after(s, f.end) => skip_token(s, i).max(i + len),
            Ok(Some(f)) if accept(&f, s) => {
                self.quantities.push(f.to_quantity(s));
                f.end.max(i + len)
            }
            Err((_, end)) => end.max(i + len),
            // a numeral read but not counted (`五百分之2.2` is a fraction):
            // nothing starts inside it
            Ok(Some(f)) if chinese_digit(c).is_some() || unit_power(c).is_some() => {
                f.end.max(i + len)
            }
            _ if c.is_ascii_digit() => skip_token(s, i),
            _ => i + len,
        }
    }
}

/// Whether the text right after a quantity glues it to a Latin word or code
/// (`5G`, `3D`, `100M`): then it is a model or code name.
fn glued_after(s: &str, end: usize) -> bool {
    let b = s.as_bytes();
    let prev = end.checked_sub(1).map(|p| b[p]);
    match b.get(end) {
        Some(c) if c.is_ascii_alphabetic() => prev.is_some_and(|p| p.is_ascii_digit()),
        _ => false,
    }
}

/// The end of the ASCII token (letters, digits, `.`) at `i`.
fn skip_token(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b'_')) {
        j += 1;
    }
    if j == i {
        i + char_at(s, i).map_or(1, char::len_utf8)
    } else {
        j
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_only_characters_start_no_numeral() {
        let starts = &*STARTS;
        let mut n = 0;
        for code in 0u32..0x10000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if starts.get_code(code) & PREFIX_ONLY == 0 {
                continue;
            }
            n += 1;
            for tail in ["5", "十", ".5", "5万", "千"] {
                let text = format!("{c}{tail}");
                assert!(
                    matches!(crate::number::parse_prefix(&text, Grammar::TEXT), Ok(None)),
                    "{text}"
                );
            }
        }
        // the qualifier and currency words start with many characters
        assert!(n > 20, "{n}");
        for c in [
            '翻', '对', '半', '第', '数', '几', '负', '$', '一', '两', '百',
        ] {
            assert_eq!(starts.get_code(c as u32) & PREFIX_ONLY, 0, "{c}");
        }
    }

    #[test]
    fn qualifier_and_currency_words_still_start_quantities() {
        let (q, _) = find("大约 5 亿元，人民币 3 亿元，超过五成，大家都来了", None);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["大约 5 亿元", "人民币 3 亿元", "超过五成"]);
    }
}
