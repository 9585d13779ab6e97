//! Mixed-script words (`A股`, `小米SU7`, `埃隆·马斯克`): lexicon words that
//! are neither CJK only nor one Latin run, found around their anchor.

use super::Segmenter;
use super::latin::{is_latin, latin_run_end};
use crate::text::is_cjk;

/// A lexicon word whose characters are not all CJK ideographs and that is
/// no single Latin run (`A股`, `小米SU7`, `埃隆·马斯克`), split around its
/// anchor: its first Latin run, or its first other non-CJK character.
#[derive(Debug, Clone)]
pub(super) struct MixedWord {
    /// The CJK text before the anchor.
    pub(super) prefix: Box<str>,
    /// The text after the anchor.
    pub(super) suffix: Box<str>,
    pub(super) pos: Box<str>,
}

/// Where the anchor of a mixed-script word lies, or `None` for a word of
/// CJK ideographs only.
pub(super) fn anchor_of(word: &str) -> Option<(usize, usize)> {
    let (p, c) = word.char_indices().find(|&(_, c)| !is_cjk(c))?;
    let end = if is_latin(c) {
        latin_run_end(word, p, word.len())
    } else {
        p + c.len_utf8()
    };
    Some((p, end))
}

impl Segmenter {
    /// The longest mixed-script word around the anchor at `a..e` of `s`,
    /// starting at or after `lo` and ending at or before `hi`.
    pub(super) fn mixed_at(
        &self,
        s: &str,
        lo: usize,
        a: usize,
        e: usize,
        hi: usize,
    ) -> Option<(usize, usize, &str)> {
        let list = self.mixed.get(&s[a..e])?;
        list.iter().find_map(|m| {
            let ms = a.checked_sub(m.prefix.len())?;
            let me = e + m.suffix.len();
            if ms < lo || me > hi || s.get(ms..a)? != &*m.prefix || s.get(e..me)? != &*m.suffix {
                return None;
            }
            // a Latin end of the word must end the Latin run
            let last = s[..me].chars().next_back();
            let next = s[me..hi].chars().next();
            if last.is_some_and(|c| c.is_ascii_alphanumeric())
                && next.is_some_and(|c| c.is_ascii_alphanumeric())
            {
                return None;
            }
            Some((ms, me, &*m.pos))
        })
    }
}
