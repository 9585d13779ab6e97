//! Traditional → Simplified characters, one for one, from the table that
//! `scripts/simplified_variants.py` generates out of the Unicode Han Database
//! (`data/text/simplified_variants.txt`, with the Unicode licence in its
//! header).
//!
//! The table holds only characters whose simplified form is unambiguous:
//! no standard simplified character is folded (於 阪 乾 著 stay as they are),
//! and a character with several simplified forms is folded only to the one
//! that is a common character (線 → 线, 餘 → 余). No pair lengthens the text
//! in UTF-8.

use std::sync::LazyLock;

/// The generated table: `T<TAB>S` lines, `#` comments.
const TABLE: &str = include_str!("../../data/text/simplified_variants.txt");

/// The first code point of the dense part of the table (CJK Extension A).
const DENSE_FIRST: u32 = 0x3400;
/// The last code point of the dense part (the end of the URO block).
const DENSE_LAST: u32 = 0x9FFF;

/// The table, parsed once.
struct Simplified {
    /// For `DENSE_FIRST..=DENSE_LAST`: the simplified code point, or 0.
    dense: Vec<u16>,
    /// The other traditional characters, sorted.
    sparse: Vec<(char, char)>,
}

static SIMPLIFIED: LazyLock<Simplified> = LazyLock::new(|| {
    let mut dense = vec![0u16; (DENSE_LAST - DENSE_FIRST + 1) as usize];
    let mut sparse = Vec::new();
    for (_, line) in crate::lexicon::data_lines(TABLE) {
        let mut chars = line.chars().filter(|c| !c.is_whitespace());
        let (Some(t), Some(s), None) = (chars.next(), chars.next(), chars.next()) else {
            continue;
        };
        if s.len_utf8() > t.len_utf8() {
            continue;
        }
        let code = t as u32;
        match u16::try_from(s as u32) {
            Ok(s16) if (DENSE_FIRST..=DENSE_LAST).contains(&code) => {
                dense[(code - DENSE_FIRST) as usize] = s16;
            }
            _ => sparse.push((t, s)),
        }
    }
    sparse.sort_unstable();
    Simplified { dense, sparse }
});

/// The dense part of the table, fetched once for a loop over a whole text:
/// entry `code - 0x3400` is the simplified form of `code` for the
/// characters U+3400..U+9FFF, or 0 when the table does not fold it.
pub(super) fn dense() -> &'static [u16] {
    &SIMPLIFIED.dense
}

/// The simplified form of the traditional character `c`, or `None` when the
/// table does not fold it.
#[inline]
pub fn simplified(c: char) -> Option<char> {
    let code = c as u32;
    if code < DENSE_FIRST {
        return None;
    }
    let table = &*SIMPLIFIED;
    if code <= DENSE_LAST {
        let s = table.dense[(code - DENSE_FIRST) as usize];
        return (s != 0).then(|| char::from_u32(u32::from(s))).flatten();
    }
    table
        .sparse
        .binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .map(|i| table.sparse[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_finance_words() {
        let folded: String = "萬億港幣號週後個發財臺灣蘋果線上餘額開買"
            .chars()
            .map(|c| simplified(c).unwrap_or(c))
            .collect();
        // 週 is a semantic variant of 周 in Unihan, not a traditional form
        assert_eq!(folded, "万亿港币号週后个发财台湾苹果线上余额开买");
    }

    #[test]
    fn keeps_standard_simplified_characters() {
        for c in "於阪吒幺乾著瞭藉徵余台里万亿的了".chars() {
            assert_eq!(simplified(c), None, "{c}");
        }
    }

    #[test]
    fn outside_the_dense_block() {
        // U+23236 (Extension B) → 暅 U+6685: four bytes become three
        assert_eq!(simplified('\u{23236}'), Some('暅'));
        assert_eq!(simplified('a'), None);
        assert_eq!(simplified('\u{10FFFF}'), None);
    }

    #[test]
    fn every_pair_is_one_character_for_one_not_longer() {
        let mut n = 0;
        for (_, line) in crate::lexicon::data_lines(TABLE) {
            let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(chars.len(), 2, "{line}");
            assert!(chars[1].len_utf8() <= chars[0].len_utf8(), "{line}");
            assert_eq!(simplified(chars[0]), Some(chars[1]), "{line}");
            // a simplified form is never folded again
            assert_eq!(simplified(chars[1]), None, "{line}");
            n += 1;
        }
        assert_eq!(n, 2577);
    }
}
