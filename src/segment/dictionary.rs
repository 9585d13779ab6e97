//! The segmenter's word tables: jieba-rs's dictionary with the domain
//! lexicon, Latin words' tags, mixed-script words, and how a word is added
//! to the table it belongs in.

use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};

use super::Segmenter;
use super::compound::CompoundMemo;
use super::mixed::{MixedWords, anchor_of};
use super::token::Granularity;
use super::user_dict::{Entry, parse_entry};
use crate::text::{fold_char, is_cjk};

/// The domain lexicon: `word freq pos` per line, `#` comments.
pub(super) const DOMAIN_LEXICON: &str = include_str!("../../data/lexicon/domain.txt");

/// Frequencies above this are clamped, so the dictionary total cannot
/// overflow.
pub(super) const MAX_FREQ: usize = 100_000_000;

/// The tag of words added without one.
pub(super) const UNKNOWN_TAG: &str = "x";

/// The tag set of jieba-rs's embedded dictionary (the ICTCLAS tags it uses).
const JIEBA_TAGS: [&str; 55] = [
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "f", "g", "h", "i", "j", "k", "l", "m",
    "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r", "rg", "rr",
    "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg", "vi", "vn",
    "vq", "x", "y", "z", "zg",
];

/// `word` with full-width forms and traditional characters folded as in
/// the text.
fn fold_word(word: &str) -> String {
    word.chars().map(|c| fold_char(c).unwrap_or(c)).collect()
}

impl Segmenter {
    /// A segmenter with jieba-rs's embedded dictionary and the domain
    /// lexicon (tech-finance vocabulary, companies, brokers, banks, apps,
    /// products, people and places of Chinese business news), at
    /// [`Granularity::Standard`].
    pub fn new() -> Segmenter {
        let mut seg = Segmenter::empty();
        // The domain lexicon goes in first, so that for words jieba's
        // dictionary also has, the lexicon's tag is kept (jieba-rs only
        // replaces the frequency of a word it already has) ...
        let entries: Vec<Entry<'_>> = crate::lexicon::data_lines(DOMAIN_LEXICON)
            .filter_map(|(_, line)| parse_entry(line).ok())
            .collect();
        for e in &entries {
            seg.insert(e.word, e.freq, e.pos);
        }
        seg.jieba.load_default_dict();
        // ... and the lexicon's frequency.
        for e in &entries {
            if e.freq.is_some() && e.word.chars().all(is_cjk) {
                seg.jieba.add_word(e.word, e.freq, None);
            }
        }
        // Warm the HMM tables so that the first call is not slow.
        let _ = seg.jieba.tag("预热分词器", true);
        seg
    }

    /// A segmenter with no dictionary.
    fn empty() -> Segmenter {
        Segmenter {
            jieba: Jieba::empty(),
            latin_tags: FxHashMap::default(),
            mixed: MixedWords::default(),
            lexicon_words: FxHashSet::default(),
            compounds: CompoundMemo::default(),
            granularity: Granularity::default(),
            tag_names: JIEBA_TAGS.iter().map(|&t| t.into()).collect(),
        }
    }

    /// The segmenter's own copy of the jieba tag `tag` (`x` when it is no
    /// tag jieba can hand out): tags of words cut from text that lives
    /// shorter than the segmenter (the folded text) live as long as it.
    pub(super) fn own_tag(&self, tag: &str) -> &str {
        self.tag_names.get(tag).map_or(UNKNOWN_TAG, |t| &**t)
    }

    /// Adds a word, or changes the frequency of a word the dictionary has.
    ///
    /// `freq` `None` gives the word the frequency that makes it win over the
    /// way it is cut now (jieba's `suggest_freq`); `Some(0)` disables a word.
    /// Frequencies are clamped to 100,000,000. `pos` `None` tags a new word
    /// `x`; the tag of a word already in jieba's dictionary is not changed.
    /// Full-width letters and digits, and traditional characters, are folded
    /// as in the text. Words
    /// holding whitespace cannot match (the text is cut at whitespace) and
    /// are ignored.
    pub fn add_word(&mut self, word: &str, freq: Option<usize>, pos: Option<&str>) {
        self.insert(word, freq, pos);
    }

    /// Whether the dictionary (jieba's, the domain lexicon or a user's) has
    /// `word`. A CJK word disabled with frequency 0 is still listed.
    pub fn has_word(&self, word: &str) -> bool {
        let w = fold_word(word);
        if w.chars().all(is_cjk) {
            return self.jieba.has_word(&w);
        }
        if self.latin_tags.contains_key(w.as_str()) {
            return true;
        }
        let Some((p, e)) = anchor_of(&w) else {
            return false;
        };
        self.mixed.contains(&w, p, e)
    }

    /// Adds one word to the table it belongs in.
    pub(super) fn insert(&mut self, word: &str, freq: Option<usize>, pos: Option<&str>) {
        let word = word.trim();
        if word.is_empty() || word.chars().any(char::is_whitespace) {
            return;
        }
        let word = fold_word(word);
        let freq = freq.map(|f| f.min(MAX_FREQ));
        self.compounds.clear();
        let Some((p, e)) = anchor_of(&word) else {
            // CJK only: jieba's
            self.lexicon_words.insert(word.as_str().into());
            if let Some(pos) = pos.filter(|p| !self.tag_names.contains(*p)) {
                self.tag_names.insert(pos.into());
            }
            self.jieba
                .add_word(&word, freq, Some(pos.unwrap_or(UNKNOWN_TAG)));
            return;
        };
        if p == 0 && e == word.len() {
            // one Latin run: kept whole anyway, only the tag is needed
            if freq == Some(0) {
                self.latin_tags.remove(word.as_str());
            } else {
                let pos = pos.unwrap_or("eng");
                self.latin_tags.insert(word.as_str().into(), pos.into());
            }
            return;
        }
        self.mixed.insert(&word, (p, e), freq, pos);
    }
}
