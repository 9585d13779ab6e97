//! Latin runs: letters and digits outside the CJK ideographs, with the
//! joiners that keep `GPT-4o`, `600519.SH`, `1,234` and `C++` whole.

use crate::text::{char_at, is_cjk};

/// Whether `c` belongs in a Latin run: ASCII letters and digits, and letters
/// and digits of other non-CJK scripts (`é`, `ß`, `α`).
#[inline]
pub(super) fn is_latin(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // fast answers for CJK text and punctuation
    if matches!(c, '\u{2000}'..='\u{303F}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}') {
        return false;
    }
    c.is_alphanumeric() && !is_cjk(c)
}

/// ASCII characters jieba-rs would glue to CJK text; the segmenter handles
/// them itself.
#[inline]
pub(super) fn is_jieba_joiner(c: char) -> bool {
    matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// The end of the Latin run starting at byte `i` of `s` (which must start
/// with a [`is_latin`] character), not past `limit`.
///
/// A run is letters and digits, joined by one of `- . _ & ' /` when another
/// letter or digit follows, by `,` between digit groups (`1,234`), and may
/// end in up to two `+` or `#` (`C++`, `C#`, `L2+`).
pub(super) fn latin_run_end(s: &str, i: usize, limit: usize) -> usize {
    let b = s.as_bytes();
    let latin_at = |p: usize| p < limit && char_at(s, p).is_some_and(is_latin);
    let mut j = i;
    loop {
        while j < limit {
            match char_at(s, j) {
                Some(c) if is_latin(c) => j += c.len_utf8(),
                _ => break,
            }
        }
        if j > i && j + 1 < limit {
            let c = b[j];
            if matches!(c, b'-' | b'.' | b'_' | b'&' | b'\'' | b'/') && latin_at(j + 1) {
                j += 1;
                continue;
            }
            if c == b','
                && b[j - 1].is_ascii_digit()
                && j + 4 <= limit
                && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                && !(j + 4 < limit && b[j + 4].is_ascii_digit())
            {
                j += 4;
                continue;
            }
        }
        break;
    }
    // trailing `++`, `#`
    if j > i && b[j - 1].is_ascii_alphanumeric() {
        let mut k = j;
        while k < limit && k - j < 2 && matches!(b[k], b'+' | b'#') {
            k += 1;
        }
        if k > j && !latin_at(k) && !(k < limit && matches!(b[k], b'+' | b'#')) {
            j = k;
        }
    }
    j
}

/// Whether a Latin run is digits only (with `.`, `,`, `/`).
#[inline]
pub(super) fn is_numeric_run(run: &str) -> bool {
    run.bytes()
        .all(|x| x.is_ascii_digit() || matches!(x, b'.' | b',' | b'/' | b'-'))
}
