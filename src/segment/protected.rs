//! Protected spans: the quantities and times the scanner found, in folded
//! offsets, cut at the segmenter's granularity.

use super::Segmenter;
use super::out::Out;
use super::token::{Granularity, TokenKind};
use crate::quantity::Quantity;
use crate::quantity::{qualifier_after_len, qualifier_before_len};
use crate::text::{Folded, char_at, skip_ws};
use crate::time::Time;

/// A protected span in folded offsets: start, end, what it is
/// ([`TokenKind::Quantity`] or [`TokenKind::Time`]), and whether qualifier
/// words may sit at its ends (a quantity with a qualifier).
pub(super) type Span = (usize, usize, TokenKind, bool);

/// The spans of `quantities` and `times`, sorted by start, the longest
/// first at one start. Spans out of range of `text` or not on its
/// character boundaries are left out; the caller skips those that overlap
/// an earlier one.
pub(super) fn protected_spans(text: &str, quantities: &[Quantity], times: &[Time]) -> Vec<Span> {
    let mut spans: Vec<Span> = quantities
        .iter()
        .map(|q| (q.start, q.end, TokenKind::Quantity, q.qualifier.is_some()))
        .chain(
            times
                .iter()
                .map(|t| (t.start, t.end, TokenKind::Time, false)),
        )
        .filter(|&(a, b, _, _)| {
            a < b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
        })
        .collect();
    spans.sort_unstable_by_key(|&(a, b, _, _)| (a, std::cmp::Reverse(b)));
    spans
}

/// The spans of `quantities` and `times` given in offsets into the
/// original text of `folded` (by a caller of
/// [`Segmenter::segment_with`]), moved to folded offsets, as
/// [`protected_spans`] gives them.
pub(super) fn protected_spans_of_original(
    folded: &Folded<'_>,
    quantities: &[Quantity],
    times: &[Time],
) -> Vec<Span> {
    let mut spans = protected_spans(folded.original(), quantities, times);
    for span in &mut spans {
        // exact on the character boundaries of the original
        (span.0, span.1) = (folded.to_folded(span.0), folded.to_folded(span.1));
    }
    spans
}

impl Segmenter {
    /// Cuts the protected span `span` at the segmenter's granularity: at
    /// [`Granularity::Coarse`] as the scanner found it (cut only at
    /// whitespace), else a time into its calendar components and a quantity
    /// apart from its qualifier words.
    pub(super) fn cut_protected<'a>(&'a self, out: &mut Out<'a, '_>, span: Span) {
        let (a, b, kind, qualified) = span;
        match (kind, self.granularity) {
            (TokenKind::Time, Granularity::Coarse) => out.push_pieces(a, b, kind, "t"),
            (_, Granularity::Coarse) => out.push_pieces(a, b, kind, "m"),
            (TokenKind::Time, _) => self.cut_time(out, a, b),
            _ => self.cut_quantity(out, a, b, qualified),
        }
    }

    /// Cuts the time at folded `a..b` into its calendar components.
    fn cut_time<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let folded = out.folded;
        let s = folded.as_str();
        let mut start = a;
        let mut i = a;
        while i < b {
            let Some(c) = char_at(s, i) else { break };
            let next = i + c.len_utf8();
            if matches!(c, '年' | '月' | '日' | '号')
                && next < b
                && char_at(s, next).is_some_and(starts_component)
            {
                out.push_pieces(start, next, TokenKind::Time, "t");
                start = next;
            }
            i = next;
        }
        out.push_pieces(start, b, TokenKind::Time, "t");
    }

    /// Cuts the quantity at folded `a..b`: the qualifier words around it
    /// (when it has a qualifier), then the quantity (and at
    /// [`Granularity::Fine`] its unit word).
    fn cut_quantity<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize, qualified: bool) {
        let folded = out.folded;
        let s = folded.as_str();
        let mut core_start = a;
        let mut core_end = b;
        if !qualified {
            self.cut_core(out, a, b);
            return;
        }
        if let Some(len) = qualifier_before_len(s, a) {
            // only when a number follows: `超过5万`, not `超过半数`
            let after = skip_ws(s, a + len);
            if a + len < b && char_at(s, after).is_some_and(|c| starts_numeral(c) || c == '$') {
                core_start = a + len;
            }
        }
        // a suffix qualifier ends the span: try the last one to four chars
        let mut k = b;
        for _ in 0..4 {
            let Some(c) = s[core_start..k].chars().next_back() else {
                break;
            };
            k -= c.len_utf8();
            if k <= core_start {
                break;
            }
            if let Some(len) = qualifier_after_len(s, k) {
                if k + len == b {
                    core_end = k;
                    break;
                }
            }
        }
        self.cut_plain(out, a, core_start);
        self.cut_core(out, core_start, core_end);
        self.cut_plain(out, core_end, b);
    }

    /// Cuts a quantity without its qualifier words.
    fn cut_core<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        if self.granularity == Granularity::Fine {
            self.cut_fine_quantity(out, a, b);
        } else {
            out.push_pieces(a, b, TokenKind::Quantity, "m");
        }
    }

    /// The number, then the unit as words.
    fn cut_fine_quantity<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let folded = out.folded;
        let s = folded.as_str();
        let mut i = a;
        while i < b {
            match char_at(s, i) {
                Some(c)
                    if is_numeral(c) || (i == a && matches!(c, '第' | '负' | '$' | '¥' | '￥')) =>
                {
                    i += c.len_utf8();
                }
                _ => break,
            }
        }
        if i == a || i == b {
            out.push_pieces(a, b, TokenKind::Quantity, "m");
            return;
        }
        out.push_pieces(a, i, TokenKind::Quantity, "m");
        // `10多个`: the approximate 多/余/几/来 is a word of its own
        if let Some(c) = char_at(s, i) {
            if matches!(c, '多' | '余' | '几' | '来') && i + c.len_utf8() < b {
                out.push(i, i + c.len_utf8(), TokenKind::Quantity, "m");
                i += c.len_utf8();
            }
        }
        self.cut_plain(out, i, b);
    }
}

/// Whether `c` can start a numeral: an Arabic or Chinese digit.
#[inline]
fn starts_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '零' | '〇'
                | '○'
                | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '两'
                | '廿'
        )
}

/// Whether `c` can start the next calendar component of a time after
/// `年`, `月`, `日` or `号`: a numeral (`12月`), or `第一季度`, `上半年`,
/// `下旬`, `前三季度`, `全年`, `首季`.
#[inline]
fn starts_component(c: char) -> bool {
    starts_numeral(c) || matches!(c, '第' | '上' | '下' | '前' | '后' | '全' | '首')
}

/// Whether `c` belongs to a number with its magnitude: a digit that can
/// start a numeral, a separator or sign, a magnitude word or a financial
/// (大写) numeral.
#[inline]
fn is_numeral(c: char) -> bool {
    starts_numeral(c)
        || matches!(
            c,
            '.' | ','
                | '%'
                | '‰'
                | '/'
                | '-'
                | '~'
                | '百'
                | '千'
                | '万'
                | '亿'
                | '点'
                | '壹'
                | '贰'
                | '叁'
                | '肆'
                | '伍'
                | '陆'
                | '柒'
                | '捌'
                | '玖'
                | '拾'
                | '佰'
                | '仟'
                | '萬'
                | '億'
        )
}
