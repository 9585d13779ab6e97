//! Mixed-script words (`A股`, `小米SU7`, `埃隆·马斯克`): lexicon words that
//! are neither CJK only nor one Latin run, found around their anchor.

use rustc_hash::FxHashMap;

use super::dictionary::UNKNOWN_TAG;
use super::latin::{is_latin, latin_run_end};
use crate::text::is_cjk;

/// A lexicon word whose characters are not all CJK ideographs and that is
/// no single Latin run (`A股`, `小米SU7`, `埃隆·马斯克`), split around its
/// anchor: its first Latin run, or its first other non-CJK character.
#[derive(Debug, Clone)]
struct MixedWord {
    /// The CJK text before the anchor.
    prefix: Box<str>,
    /// The text after the anchor.
    suffix: Box<str>,
    /// The word's POS tag.
    pos: Box<str>,
}

/// The mixed-script words of the lexicons, by anchor.
#[derive(Debug, Clone, Default)]
pub(super) struct MixedWords {
    /// The words of each anchor, longest first.
    by_anchor: FxHashMap<Box<str>, Vec<MixedWord>>,
    /// The anchors that are single non-Latin characters (`·`).
    anchor_chars: Vec<char>,
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

impl MixedWords {
    /// How many words the table holds.
    pub(super) fn len(&self) -> usize {
        self.by_anchor.values().map(Vec::len).sum()
    }

    /// Whether `word`, with its anchor at `p..e`, is in the table.
    pub(super) fn contains(&self, word: &str, p: usize, e: usize) -> bool {
        self.by_anchor.get(&word[p..e]).is_some_and(|l| {
            l.iter()
                .any(|m| *m.prefix == word[..p] && *m.suffix == word[e..])
        })
    }

    /// Whether `c` is the anchor of some word (`·`); only characters that
    /// are no Latin letter or digit are listed.
    #[inline]
    pub(super) fn is_anchor_char(&self, c: char) -> bool {
        self.anchor_chars.contains(&c)
    }

    /// Adds `word`, with its anchor at `p..e`, tagged `pos` (`x` when
    /// `None`), replacing the entry it had; `freq` `Some(0)` removes it.
    pub(super) fn insert(
        &mut self,
        word: &str,
        (p, e): (usize, usize),
        freq: Option<usize>,
        pos: Option<&str>,
    ) {
        let anchor = &word[p..e];
        let list = self.by_anchor.entry(anchor.into()).or_default();
        list.retain(|m| !(*m.prefix == word[..p] && *m.suffix == word[e..]));
        if freq != Some(0) {
            list.push(MixedWord {
                prefix: word[..p].into(),
                suffix: word[e..].into(),
                pos: pos.unwrap_or(UNKNOWN_TAG).into(),
            });
            list.sort_by_key(|m| std::cmp::Reverse(m.prefix.len() + m.suffix.len()));
        }
        if list.is_empty() {
            self.by_anchor.remove(anchor);
        }
        self.anchor_chars = self
            .by_anchor
            .keys()
            .filter_map(|k| {
                let mut cs = k.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) if !is_latin(c) => Some(c),
                    _ => None,
                }
            })
            .collect();
    }

    /// The longest word around the anchor at `a..e` of `s`, starting at or
    /// after `lo` and ending at or before `hi`: its span and tag.
    pub(super) fn at(
        &self,
        s: &str,
        lo: usize,
        a: usize,
        e: usize,
        hi: usize,
    ) -> Option<(usize, usize, &str)> {
        let list = self.by_anchor.get(&s[a..e])?;
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
