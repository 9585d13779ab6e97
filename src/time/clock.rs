//! Clock times, read only to keep quantities out of them: `12:30`,
//! `上午 9 点半`, `9点30分`.

use super::fields::small_int;
use super::starts;
use super::words::WORDS;
use crate::text::skip_ws;

/// The end of a clock time at `p`: `12:30`, `12:30:15`, `9点30分`,
/// `9点半`, `上午 9 点`.
pub(super) fn clock(s: &str, p: usize) -> Option<usize> {
    let mut q = p;
    let mut prefixed = false;
    if let Some((_, len)) = WORDS.clock.longest_at(s, p) {
        q = skip_ws(s, p + len);
        prefixed = true;
    }
    let (h, e, digits) = small_int(s, q)?;
    if h > 24 || digits > 2 {
        return None;
    }
    // `12:30`, `12：30`
    for colon in [":", "："] {
        if let Some(c) = starts(s, e, colon) {
            let b = s.as_bytes();
            if c + 2 <= b.len()
                && b[c].is_ascii_digit()
                && b[c + 1].is_ascii_digit()
                && !b.get(c + 2).is_some_and(u8::is_ascii_digit)
            {
                let mut end = c + 2;
                // `12:30:15`
                if b.get(end) == Some(&b':')
                    && b.get(end + 1).is_some_and(u8::is_ascii_digit)
                    && b.get(end + 2).is_some_and(u8::is_ascii_digit)
                {
                    end += 3;
                }
                return Some(end);
            }
        }
    }
    let q2 = skip_ws(s, e);
    let after =
        starts(s, q2, "点").or_else(|| starts(s, q2, "時").or_else(|| starts(s, q2, "时")))?;
    for w in ["半", "钟", "整"] {
        if let Some(x) = starts(s, after, w) {
            return Some(x);
        }
    }
    if let Some((m, e, _)) = small_int(s, after) {
        if m < 60 {
            if let Some(x) = starts(s, e, "分") {
                return Some(x);
            }
        }
    }
    prefixed.then_some(after)
}
