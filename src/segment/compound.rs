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
pub(super) struct CompoundMemo(RwLock<FxHashMap<[u8; 12], bool>>);

/// Words the memo holds at most. Only dictionary words reach the check
/// (jieba's HMM is not run on the words it looks at), so this bounds memory
/// only for very large user dictionaries; past it, words are checked each
/// time.
const COMPOUND_MEMO_MAX: usize = 1 << 16;

impl CompoundMemo {
    /// The answer for `word`, if it has been checked.
    fn get(&self, word: &[u8; 12]) -> Option<bool> {
        self.0.read().ok()?.get(word).copied()
    }

    /// Remembers the answer for `word`, while the memo has room.
    fn put(&self, word: [u8; 12], split: bool) {
        if let Ok(mut map) = self.0.write() {
            if map.len() < COMPOUND_MEMO_MAX {
                map.insert(word, split);
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
    /// (`国有企业` → `国有` `企业`), if it is one (see the module docs).
    pub(super) fn compound_split(&self, word: &str, tag: &str) -> Option<usize> {
        // four 3-byte characters
        let key: &[u8; 12] = word.as_bytes().try_into().ok()?;
        if word.chars().count() != 4
            || self.granularity == Granularity::Coarse
            || KEEP_TAGS.contains(&tag)
        {
            return None;
        }
        let mid = 6;
        if let Some(split) = self.compounds.get(key) {
            return split.then_some(mid);
        }
        // Frequent compounds are lexicalised (`社会主义`, `有限公司`); the
        // rare ones are phrases jieba's dictionary happens to list.
        // `suggest_freq` of a word jieba keeps whole is its frequency + 1.
        let split = !self.lexicon_words.contains(word)
            && self.jieba.has_word(word)
            && self.jieba.has_word(&word[..mid])
            && self.jieba.has_word(&word[mid..])
            && self.jieba.suggest_freq(word) <= COMPOUND_MAX_FREQ + 1;
        self.compounds.put(*key, split);
        split.then_some(mid)
    }
}
