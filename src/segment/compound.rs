//! Four-character compounds of two dictionary words that the standard
//! granularities cut in two (`国有企业` → `国有` `企业`), with the memo of
//! the answers.

use std::sync::RwLock;

use rustc_hash::FxHashMap;

use super::Segmenter;
use super::token::Granularity;

/// Four-character compounds of two dictionary words up to this jieba
/// frequency are cut in two.
const COMPOUND_MAX_FREQ: usize = 30;

/// Tags of four-character words that are never cut as compounds: idioms,
/// names, numerals, times, strings.
const KEEP_TAGS: &[&str] = &[
    "i", "nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "mq", "t", "eng", "x", "",
];

/// The four-character words whose compound check has been made, with the
/// answer: the check costs several dictionary lookups and a jieba cut, and
/// news text repeats its words. Bounded, cleared when the dictionary changes.
#[derive(Debug, Default)]
pub(super) struct CompoundMemo(RwLock<FxHashMap<[u8; 12], Answer>>);

/// The answer of the compound check for one word.
#[derive(Debug, Clone)]
enum Answer {
    /// No compound: the word stays whole.
    Whole,
    /// A compound, with the dictionary tags of its two halves when both are
    /// tags the segmenter keeps a copy of ([`Segmenter::own_tag`]; else they
    /// are looked up each time).
    Split(Option<[Box<str>; 2]>),
}

/// A compound's halves: where the second starts, and their tags.
pub(super) type Halves<'x> = (usize, &'x str, &'x str);

/// Words the memo holds at most. Only dictionary words reach the check
/// (jieba's HMM is not run on the words it looks at), so this bounds memory
/// only for very large user dictionaries; past it, words are checked each
/// time.
const COMPOUND_MEMO_MAX: usize = 1 << 16;

impl CompoundMemo {
    /// The answer for `word`, if it has been checked: `Some(None)` for a
    /// word that stays whole, else whether it splits, with the tags of its
    /// halves as `own` copies them, when they were kept.
    fn get<'s>(
        &self,
        word: &[u8; 12],
        own: impl Fn(&str) -> &'s str,
    ) -> Option<Option<Option<(&'s str, &'s str)>>> {
        let map = self.0.read().ok()?;
        Some(match map.get(word)? {
            Answer::Whole => None,
            Answer::Split(tags) => Some(tags.as_ref().map(|[a, b]| (own(a), own(b)))),
        })
    }

    /// Remembers the answer for `word`, while the memo has room.
    fn put(&self, word: [u8; 12], answer: Answer) {
        if let Ok(mut map) = self.0.write() {
            if map.len() < COMPOUND_MEMO_MAX {
                map.insert(word, answer);
            }
        }
    }

    /// Forgets every answer (the dictionary changed).
    pub(super) fn clear(&mut self) {
        if let Ok(map) = self.0.get_mut() {
            map.clear();
        }
    }
}

impl Clone for CompoundMemo {
    fn clone(&self) -> Self {
        let map = self.0.read().map(|m| m.clone()).unwrap_or_default();
        CompoundMemo(RwLock::new(map))
    }
}

impl Segmenter {
    /// Where to cut a four-character compound of two dictionary words
    /// (`国有企业` → `国有` `企业`), if it is one (see the module docs), with
    /// the dictionary tags of its halves ([`Segmenter::tag_of`]).
    pub(super) fn compound_halves<'x>(&'x self, word: &'x str, tag: &str) -> Option<Halves<'x>> {
        // four 3-byte characters
        let key: &[u8; 12] = word.as_bytes().try_into().ok()?;
        if word.chars().count() != 4
            || self.granularity == Granularity::Coarse
            || KEEP_TAGS.contains(&tag)
        {
            return None;
        }
        let mid = 6;
        let (first, second) = (&word[..mid], &word[mid..]);
        if let Some(answer) = self.compounds.get(key, |t| self.own_tag(t)) {
            let tags = answer?.unwrap_or_else(|| (self.tag_of(first), self.tag_of(second)));
            return Some((mid, tags.0, tags.1));
        }
        if !self.compound_split(word, mid) {
            self.compounds.put(*key, Answer::Whole);
            return None;
        }
        let (a, b) = (self.tag_of(first), self.tag_of(second));
        // kept only where the copy reads the same (it always should)
        let kept = self.own_tag(a) == a && self.own_tag(b) == b;
        let tags = kept.then(|| [a.into(), b.into()]);
        self.compounds.put(*key, Answer::Split(tags));
        Some((mid, a, b))
    }

    /// Whether the four-character word `word` is a compound of two
    /// dictionary words, cut at `mid` (see the module docs).
    fn compound_split(&self, word: &str, mid: usize) -> bool {
        // Frequent compounds are lexicalised (`社会主义`, `有限公司`); the
        // rare ones are phrases jieba's dictionary happens to list.
        // `suggest_freq` of a word jieba keeps whole is its frequency + 1.
        !self.lexicon_words.contains(word)
            && self.jieba.has_word(word)
            && self.jieba.has_word(&word[..mid])
            && self.jieba.has_word(&word[mid..])
            && self.jieba.suggest_freq(word) <= COMPOUND_MAX_FREQ + 1
    }
}
