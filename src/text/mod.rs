//! Width folding and Traditional → Simplified folding, with an offset map
//! back to the original text.
//!
//! Scraped Chinese news mixes half-width and full-width forms freely
//! (`２０２４年`, `２５％`, `ｉＰｈｏｎｅ`) and pads text with ideographic spaces
//! (U+3000) and no-break spaces. A document is folded once; the scanner,
//! the segmenter and the entity stage work on the *folded* text, where
//! those forms are replaced by their ASCII equivalents, in its offsets, and
//! hand their results on as they are. The results are moved to the offsets
//! and the text of the *original* once, where the public result is built
//! (the [`crate::Analyzer`]'s document, [`crate::scan::find`], the
//! [`crate::Segmenter`]'s tokens), through [`InFolded`] and
//! [`Folded::move_to_original`], as lindera corrects its offsets once at the
//! end.
//!
//! What is folded:
//! - full-width digits `０`–`９` and Latin letters `Ａ`–`Ｚ`, `ａ`–`ｚ`;
//! - the full-width signs `％ ． － ＋ ／ ～ ＄ ＆ ＠ ＃ ＊ ＝ ＜ ＞ ＾ ＿ ｜ ＇ ＂ ｀ ＼`;
//! - U+3000 (ideographic space) and U+00A0 (no-break space) become `' '`.
//!
//! - Traditional characters become their simplified form, one character
//!   for one (`萬 億 幣 號 後 個` → `万 亿 币 号 后 个`), from a table generated
//!   out of the Unicode Han Database ([`simplified`] says which characters
//!   it holds). Characters that mainland text also writes (於 乾 著 阪) stay.
//!
//! CJK punctuation (`，。、：；！？（）【】`) is left alone: the segmenter needs
//! it as it is, and the number grammar accepts `，` as a thousands separator
//! where it sits between digit groups (`82，225.00元`).
//!
//! Folding only ever replaces one character by one no longer character
//! (a traditional ideograph and its simplified form are nearly always three
//! bytes each, and then nothing shifts), so the offset map is a sorted list of correction points (like lindera's
//! `OffsetMapping`) and lookups are `O(log n)`. When nothing needs folding the
//! folded text borrows the input and the map is empty.

use std::borrow::Cow;

mod simplified;

pub use simplified::simplified;

/// Text after width folding, with the map back to the original byte offsets.
#[derive(Debug, Clone)]
pub struct Folded<'a> {
    original: &'a str,
    folded: Cow<'a, str>,
    /// `(folded_offset, shift)`: from `folded_offset` on, original offsets are
    /// `folded + shift`. Sorted by `folded_offset`, shifts increasing.
    corrections: Vec<(usize, usize)>,
    /// Whether some traditional character was folded to its simplified form.
    simplified: bool,
}

/// The width-folded form of one character, or `None` when it stays as it is.
#[inline]
pub fn fold_width(c: char) -> Option<char> {
    match c {
        '\u{3000}' | '\u{00A0}' => Some(' '),
        // Full-width ASCII block. Keep the CJK punctuation that Chinese text
        // uses as its own: ！（），：；？［］｛｝.
        '\u{FF01}' | '\u{FF08}' | '\u{FF09}' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}'
        | '\u{FF1F}' | '\u{FF3B}' | '\u{FF3D}' | '\u{FF5B}' | '\u{FF5D}' => None,
        '\u{FF02}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
        _ => None,
    }
}

/// The folded form of one character (width folding, then Traditional →
/// Simplified), or `None` when it stays as it is.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    fold_width(c).or_else(|| simplified(c))
}

/// Whether a character whose UTF-8 form starts with `lead` may fold: U+00A0
/// (C2), U+3000 and the ideographs U+3400..U+9FFF (E3..E9), the full-width
/// forms and compatibility ideographs (EF), the supplementary ideographs
/// (F0). Every other lead byte, ASCII first, is skipped without decoding.
#[inline]
fn may_fold(lead: u8) -> bool {
    matches!(lead, 0xC2 | 0xE3..=0xE9 | 0xEF | 0xF0)
}

/// The folded form of the character at byte `i` of `s` and its length in
/// bytes, or `Err` with its length when it stays as it is; `dense` is
/// [`simplified::dense`].
#[inline]
fn fold_at(s: &str, i: usize, dense: &[u16]) -> Result<(char, usize), usize> {
    let b = s.as_bytes();
    // the hot case, a three-byte ideograph or sign (U+3000..U+9FFF),
    // decoded by hand and looked up in the dense table directly
    if let [lead @ 0xE3..=0xE9, b1, b2, ..] = b[i..] {
        let code =
            (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
        let f = match code.checked_sub(0x3400) {
            Some(k) => dense.get(k as usize).map_or(0, |&f| u32::from(f)),
            None if code == 0x3000 => 0x20,
            None => 0,
        };
        if f == 0 {
            return Err(3);
        }
        return char::from_u32(f).map(|f| (f, 3)).ok_or(3);
    }
    let c = char_at(s, i).ok_or(1usize)?;
    fold_char(c).map(|f| (f, c.len_utf8())).ok_or(c.len_utf8())
}

impl<'a> Folded<'a> {
    /// Folds `original`. Allocates only when some character changes.
    pub fn new(original: &'a str) -> Self {
        let bytes = original.as_bytes();
        let mut out: Option<String> = None;
        let mut corrections = Vec::new();
        let mut shift = 0usize;
        let mut copied = 0usize;
        let mut simplified = false;
        let dense = simplified::dense();
        let mut i = 0usize;
        while i < bytes.len() {
            if !may_fold(bytes[i]) {
                i += 1;
                continue;
            }
            let (f, len) = match fold_at(original, i, dense) {
                Ok(folded) => folded,
                Err(len) => {
                    i += len;
                    continue;
                }
            };
            simplified |= is_cjk(f);
            let buf = out.get_or_insert_with(|| String::with_capacity(original.len()));
            buf.push_str(&original[copied..i]);
            buf.push(f);
            if f.len_utf8() < len {
                shift += len - f.len_utf8();
                corrections.push((buf.len(), shift));
            }
            i += len;
            copied = i;
        }
        match out {
            None => Folded {
                original,
                folded: Cow::Borrowed(original),
                corrections,
                simplified,
            },
            Some(mut buf) => {
                buf.push_str(&original[copied..]);
                Folded {
                    original,
                    folded: Cow::Owned(buf),
                    corrections,
                    simplified,
                }
            }
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The original text.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Whether folding changed anything.
    pub fn is_changed(&self) -> bool {
        matches!(self.folded, Cow::Owned(_))
    }

    /// Whether some traditional character was folded to its simplified form
    /// (width folding alone leaves this `false`).
    pub fn has_simplified(&self) -> bool {
        self.simplified
    }

    /// Maps a byte offset in the folded text (on a char boundary) to the byte
    /// offset of the same position in the original text.
    pub fn to_original(&self, folded_offset: usize) -> usize {
        let idx = self
            .corrections
            .partition_point(|&(pos, _)| pos <= folded_offset);
        if idx == 0 {
            folded_offset
        } else {
            folded_offset + self.corrections[idx - 1].1
        }
    }

    /// Maps a byte offset in the original text (on a char boundary) to the
    /// offset of the same position in the folded text. The inverse of
    /// [`Folded::to_original`].
    pub fn to_folded(&self, original_offset: usize) -> usize {
        let idx = self
            .corrections
            .partition_point(|&(pos, shift)| pos + shift <= original_offset);
        if idx == 0 {
            original_offset
        } else {
            original_offset - self.corrections[idx - 1].1
        }
    }

    /// The original text of the folded byte range `start..end`.
    pub fn original_slice(&self, start: usize, end: usize) -> &'a str {
        &self.original[self.to_original(start)..self.to_original(end)]
    }

    /// Moves one span of a result, with its text, from folded offsets to
    /// original ones: what every [`InFolded`] result does. The text is
    /// rewritten in place, and only where folding changed it, so that most
    /// spans cost no allocation.
    pub(crate) fn move_span(&self, start: &mut usize, end: &mut usize, text: &mut String) {
        *start = self.to_original(*start);
        *end = self.to_original(*end);
        let original = &self.original[*start..*end];
        if text != original {
            text.clear();
            text.push_str(original);
        }
    }

    /// Moves every item of `items` from folded offsets to original ones
    /// (nothing to do when folding changed nothing).
    pub(crate) fn move_to_original<T: InFolded>(&self, items: &mut [T]) {
        if self.is_changed() {
            for item in items {
                item.move_to_original(self);
            }
        }
    }

    /// `item` moved from folded offsets to original ones.
    pub(crate) fn moved<T: InFolded>(&self, mut item: T) -> T {
        self.move_to_original(std::slice::from_mut(&mut item));
        item
    }
}

/// A stage's result in folded offsets, its `text` (if it has one) written
/// as the folded text has it: [`Folded::move_to_original`] moves it to the
/// offsets and the text of the original, once, when the public result is
/// built.
pub(crate) trait InFolded {
    /// Maps the offsets through `folded` and takes the text from the
    /// original.
    fn move_to_original(&mut self, folded: &Folded<'_>);
}

/// Whether `c` is a CJK ideograph (the characters jieba-rs segments).
#[inline]
pub fn is_cjk(c: char) -> bool {
    // the main block first: nearly every ideograph of news text is there
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    c >= '\u{3400}'
        && matches!(c,
            '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}'
        )
}

/// The number of characters of `s`, as `s.chars().count()` gives it, in a
/// loop short strings (tokens, names) run through quickly.
#[inline]
pub fn char_len(s: &str) -> usize {
    // every byte but a continuation byte (10xxxxxx) starts a character
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The code point of the character whose first byte is `b[i]` (UTF-8), and
/// its length in bytes, decoded by hand for loops that look at every
/// character. Characters outside the BMP give 0x10000 (the tables these
/// loops consult hold BMP characters); a byte that starts no character
/// gives (U+FFFD, 1).
#[inline]
pub fn bmp_code_at(b: &[u8], i: usize) -> (u32, usize) {
    let Some(&byte) = b.get(i) else {
        return (0xFFFD, 1);
    };
    match byte {
        0x00..=0x7F => (u32::from(byte), 1),
        0xC0..=0xDF if i + 1 < b.len() => (
            (u32::from(byte & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F),
            2,
        ),
        0xE0..=0xEF if i + 2 < b.len() => (
            (u32::from(byte & 0x0F) << 12)
                | (u32::from(b[i + 1] & 0x3F) << 6)
                | u32::from(b[i + 2] & 0x3F),
            3,
        ),
        0xF0..=0xF7 if i + 3 < b.len() => (0x10000, 4),
        _ => (0xFFFD, 1),
    }
}

/// The character at byte `p` of `s`, if `p` is a char boundary inside `s`.
#[inline]
pub fn char_at(s: &str, p: usize) -> Option<char> {
    s.get(p..).and_then(|t| t.chars().next())
}

/// The end of the run of spaces and tabs starting at byte `p` of `s`.
#[inline]
pub fn skip_ws(s: &str, p: usize) -> usize {
    let b = s.as_bytes();
    let mut q = p;
    while q < b.len() && (b[q] == b' ' || b[q] == b'\t') {
        q += 1;
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_when_nothing_changes() {
        let f = Folded::new("营收889亿元，同比增长32%。");
        assert!(matches!(f.folded, Cow::Borrowed(_)));
        assert_eq!(f.to_original(6), 6);
    }

    #[test]
    fn folds_digits_letters_and_signs() {
        let f = Folded::new("２０２４年ｉＰｈｏｎｅ涨２５％，收于１２３．４");
        assert_eq!(f.as_str(), "2024年iPhone涨25%，收于123.4");
    }

    #[test]
    fn keeps_cjk_punctuation() {
        let f = Folded::new("（一）：甲，乙；丙！丁？");
        assert_eq!(f.as_str(), "（一）：甲，乙；丙！丁？");
    }

    #[test]
    fn folds_spaces() {
        let f = Folded::new("a\u{3000}b\u{00A0}c");
        assert_eq!(f.as_str(), "a b c");
        assert!(f.is_changed() && !f.has_simplified());
        assert_eq!(f.to_original(2), 4);
        assert_eq!(f.to_original(3), 5);
        assert_eq!(f.to_original(4), 7);
    }

    #[test]
    fn bmp_code_points_by_hand() {
        let s = "a é小𠀀";
        let b = s.as_bytes();
        assert_eq!(bmp_code_at(b, 0), ('a' as u32, 1));
        assert_eq!(bmp_code_at(b, 2), ('é' as u32, 2));
        assert_eq!(bmp_code_at(b, 4), ('小' as u32, 3));
        assert_eq!(bmp_code_at(b, 7), (0x10000, 4));
        // a continuation byte, and past the end
        assert_eq!(bmp_code_at(b, 5), (0xFFFD, 1));
        assert_eq!(bmp_code_at(b, 11), (0xFFFD, 1));
    }

    #[test]
    fn char_len_counts_characters() {
        for s in ["", "a", "小米", "A股", "é𠀀x", "１２３"] {
            assert_eq!(char_len(s), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn ideographic_space_among_other_e3_characters() {
        // 、。「」 and kana share the lead byte of U+3000; only U+3000 folds,
        // wherever it sits (first, last, next to them)
        let f = Folded::new("\u{3000}「甲」、乙。\u{3000}\u{3000}カ，Ｂ\u{3000}");
        assert_eq!(f.as_str(), " 「甲」、乙。  カ，B ");
        assert_eq!(f.to_original(1), 3);
        let f = Folded::new("「甲」、乙。カ");
        assert!(matches!(f.folded, Cow::Borrowed(_)));
    }

    #[test]
    fn folds_traditional_characters_in_place() {
        let text = "騰訊控股營收１２．５億港幣，後市看漲";
        let f = Folded::new(text);
        assert_eq!(f.as_str(), "腾讯控股营收12.5亿港币，后市看涨");
        assert!(f.is_changed() && f.has_simplified());
        // three bytes for three: offsets before the digits do not move
        assert_eq!(f.to_original(18), 18);
        assert_eq!(f.to_original(20), 24);
        let yi = f.as_str().find('亿').unwrap();
        assert_eq!(f.original_slice(18, yi + 3), "１２．５億");
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(f.to_original(f.to_folded(i)), i);
        }
    }

    #[test]
    fn keeps_simplified_text_borrowed() {
        // 於 乾 著 are standard simplified characters too
        let f = Folded::new("位於乾隆著名的大阪");
        assert!(matches!(f.folded, Cow::Borrowed(_)));
        assert!(!f.is_changed() && !f.has_simplified());
    }

    #[test]
    fn a_four_byte_traditional_character_shrinks() {
        // U+23236 → 暅 (U+6685): the map records one byte of shift
        let text = "甲\u{23236}乙１";
        let f = Folded::new(text);
        assert_eq!(f.as_str(), "甲暅乙1");
        assert_eq!(f.to_original(3), 3);
        assert_eq!(f.to_original(6), 7);
        assert_eq!(f.to_original(9), 10);
        assert_eq!(f.to_original(10), 13);
        assert_eq!(f.original_slice(3, 6), "\u{23236}");
    }

    #[test]
    fn maps_offsets_back() {
        let text = "营收１２．５亿元";
        let f = Folded::new(text);
        assert_eq!(f.as_str(), "营收12.5亿元");
        let start = f.as_str().find('1').unwrap();
        let end = f.as_str().len();
        assert_eq!(f.original_slice(start, end), "１２．５亿元");
        assert_eq!(f.to_original(start), 6);
        assert_eq!(f.to_original(start + 1), 9);
        assert_eq!(f.to_original(end), text.len());
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(f.to_original(f.to_folded(i)), i);
        }
        assert_eq!(f.to_folded(6), start);
        assert_eq!(f.to_folded(9), start + 1);
    }
}
