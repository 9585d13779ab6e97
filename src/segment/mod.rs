//! Word segmentation for news text: jieba-rs with a domain lexicon, with
//! quantities, times and Latin names kept whole.
//!
//! ```
//! use zhnews::{Segmenter, TokenKind};
//! let seg = Segmenter::new();
//! let tokens = seg.segment("英伟达营收同比增长 32%");
//! let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
//! assert_eq!(words, ["英伟达", "营收", "同比", "增长", " ", "32%"]);
//! assert_eq!(tokens[5].kind, TokenKind::Quantity);
//! assert_eq!((tokens[5].start, tokens[5].end), (28, 31));
//!
//! assert_eq!(seg.segment_line("小米SU7上市，GPT-4o发布"), "小米SU7 上市 ， GPT-4o 发布");
//! ```
//!
//! # How a text is cut
//! 1. The text is width-folded ([`Folded`]) and scanned once for quantities
//!    and times (the scanner of [`crate::Analyzer`]). [`Segmenter::segment`]
//!    runs the scanner itself; [`Segmenter::segment_with`] and
//!    [`Segmenter::segment_folded`] take the scanner's results from a caller
//!    that already has them, so nothing scans the text twice.
//! 2. Every quantity and time becomes a protected token (see *Granularity*).
//! 3. Between them, runs of letters and digits outside the CJK ideographs
//!    are kept whole: Latin words and alphanumerics (`iPhone`, `A100`,
//!    `GPT-4o`, `600519.SH`, `C++`, full-width `ｉＰｈｏｎｅ`) become
//!    [`TokenKind::Latin`], digit runs that are no quantity (`2001`, `3.1`,
//!    `-5`) [`TokenKind::Number`]. Lexicon words that mix scripts (`A股`,
//!    `小米SU7`, `AI芯片`, `埃隆·马斯克`) are found around those runs and kept
//!    whole.
//! 4. The CJK text left over goes to jieba-rs: its embedded dictionary, the
//!    domain lexicon `data/lexicon/domain.txt` and user words, with the HMM
//!    on for unknown words. POS tags come from the dictionary.
//!
//! Whitespace runs are [`TokenKind::Space`] tokens, and they are the only
//! tokens that hold whitespace: a quantity written with spaces (`2.4 亿美元`)
//! gives one token per piece, with the spaces between them.
//!
//! # Granularity
//! The SIGHAN 2005 bakeoff gold standards treat a number with its unit as
//! one word (`2000年`, `12月`, `25％`, `55.6亿`), split longer dates into
//! their parts (PKU `2000年` `12月` `31日`), and split transparent
//! compounds that jieba's dictionary lists as one word (`国有企业`,
//! `信息技术` are two words in both). The two corpora disagree on
//! measure words (PKU `10 多 个`, MSR `10多个`). Measured on both test sets
//! (`tests/segmentation.rs`), the default [`Granularity::Standard`] cuts:
//! - a time into its calendar components: `2000年12月31日` → `2000年`
//!   `12月` `31日`, `去年9月` → `去年` `9月`, `2024年二季度` → `2024年`
//!   `二季度`, `2012年上半年` → `2012年` `上半年`; a component (`1-9月`,
//!   `前三季度`, `上月`, `2000年底`) stays whole;
//! - a quantity into the qualifier words around it and one quantity token
//!   with its unit: `超过5万家` → `超过` `5万家`, `约3000人左右` → `约`
//!   `3000人` `左右`, `2.4亿美元` stays whole;
//! - a four-character word of jieba's dictionary made of two dictionary
//!   words into those two, when jieba lists it as rare (frequency 30 or
//!   less: `国有企业` → `国有` `企业`, but `社会主义`, `有限公司` stay); idioms,
//!   names, numerals and the words of the domain lexicon and user
//!   dictionaries are never cut.
//!
//! [`Granularity::Fine`] also splits the unit from the number (`5万` `家`,
//! `2.4亿` `美元`), as the PKU standard does. [`Granularity::Coarse`] keeps
//! every quantity and time exactly as the scanner found it
//! (`超过5万家`, `2000年12月31日`) and jieba's compounds whole.
//!
//! Bakeoff F1 (PKU / MSR): plain jieba-rs with HMM 0.818 / 0.812;
//! `Standard` 0.862 / 0.874; `Fine` 0.882 / 0.860; `Coarse` 0.824 / 0.845.
//!
//! # POS tags
//! Words carry the tag of the dictionary they came from (the domain
//! lexicon's tag wins over jieba's for words both have); unknown words get
//! jieba's HMM guess. Quantities are `m`, times `t`, Latin tokens `eng` (or
//! the lexicon's tag for that exact word: `OpenAI` → `nt`), numbers `m`,
//! punctuation, spaces and other symbols `x`.
//!
//! # Performance
//! A [`Segmenter`] is built once (loading the dictionaries takes about
//! 150 ms, as long as jieba-rs's own) and shared by reference across
//! threads. Segmenting allocates the output vector and, inside jieba-rs,
//! one vector per stretch of CJK text between Latin runs and quantities.
//!
//! `cargo bench --bench segment` (100 real articles): with the scanner's
//! results at hand, [`Segmenter::segment_with`] runs at about the speed of
//! jieba-rs `tag` (0.6 to 0.75 × jieba-rs `cut`; the POS tags of unknown
//! words cost jieba-rs an HMM pass of its own). [`Segmenter::segment`] adds
//! the scan, which takes about as long again.
//!
//! # Untrusted input
//! Any `&str` is segmented without panicking; the tokens always cover it
//! exactly (property-tested). Spans handed to `segment_with` that do not fit
//! the text are ignored.

use std::io::BufRead;
use std::path::Path;
use std::sync::RwLock;

use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::{DictionaryProblem, Error};
use crate::quantity::{Quantity, TABLES};
use crate::scan::scan;
use crate::text::{Folded, char_at, fold_char, is_cjk, skip_ws};
use crate::time::Time;

/// The domain lexicon: `word freq pos` per line, `#` comments.
const DOMAIN_LEXICON: &str = include_str!("../../data/lexicon/domain.txt");

/// Frequencies above this are clamped, so the dictionary total cannot
/// overflow.
const MAX_FREQ: usize = 100_000_000;

/// Four-character compounds of two dictionary words up to this jieba
/// frequency are cut in two.
const COMPOUND_MAX_FREQ: usize = 30;

/// Tags of four-character words that are never cut as compounds: idioms,
/// names, numerals, times, strings.
const KEEP_TAGS: &[&str] = &[
    "i", "nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "mq", "t", "eng", "x", "",
];

/// The tag of words added without one.
const UNKNOWN_TAG: &str = "x";

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// A word from the dictionary or found by the HMM.
    Word,
    /// A quantity found by the scanner, or a piece of one (see the module
    /// docs for how quantities are cut).
    Quantity,
    /// A time found by the scanner, or one calendar component of it.
    Time,
    /// A run of letters and digits outside the CJK ideographs that holds at
    /// least one letter: `iPhone`, `A100`, `GPT-4o`, `600519.SH`, `C++`.
    Latin,
    /// A run of digits that is no quantity: `2001`, `3.1`, `1,234`, `3/4`,
    /// `-5`.
    Number,
    /// One punctuation mark, or a run of the same dash or ellipsis (`——`,
    /// `……`).
    Punct,
    /// A run of whitespace.
    Space,
    /// Any other character (symbols, emoji).
    Other,
}

/// How finely the text is cut (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Granularity {
    /// The longest units: each quantity and time is one token exactly as
    /// the scanner found it (`超过5万家`, `2000年12月31日`), and dictionary
    /// compounds stay whole (`国有企业`).
    Coarse,
    /// The granularity of the SIGHAN bakeoff standards: a time is cut into
    /// its calendar components, a quantity is one token with its unit and
    /// without the qualifier words around it, and rare four-character
    /// compounds of two dictionary words are two words (`国有` `企业`).
    #[default]
    Standard,
    /// Like `Standard`, and the unit of a quantity is a word of its own
    /// (`2.4亿` `美元`, `10` `多` `个`), as in the PKU standard.
    Fine,
}

/// One token: a slice of the original text with its kind and POS tag.
///
/// `text == &original[start..end]`; offsets are bytes into the original
/// text, and the tokens of a text are contiguous and cover all of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token<'a> {
    /// The token as written in the original text.
    pub text: &'a str,
    /// Byte offset of the start in the original text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the original text.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Part-of-speech tag (the jieba / ICTCLAS tag set: `n`, `v`, `nr`,
    /// `ns`, `nt`, `m`, `t`, `eng`, `x`, ...).
    pub pos: &'a str,
}

/// A lexicon word whose characters are not all CJK ideographs and that is
/// no single Latin run (`A股`, `小米SU7`, `埃隆·马斯克`), split around its
/// anchor: its first Latin run, or its first other non-CJK character.
#[derive(Debug, Clone)]
struct MixedWord {
    /// The CJK text before the anchor.
    prefix: Box<str>,
    /// The text after the anchor.
    suffix: Box<str>,
    pos: Box<str>,
}

/// Segments Chinese news text into words, keeping quantities, times and
/// Latin names whole.
///
/// Built once, `Send + Sync`: share it by reference across threads.
#[derive(Clone)]
pub struct Segmenter {
    jieba: Jieba,
    /// Tags of Latin words from the lexicons (`OpenAI` → `nt`).
    latin_tags: FxHashMap<Box<str>, Box<str>>,
    /// Mixed-script words by anchor, longest first.
    mixed: FxHashMap<Box<str>, Vec<MixedWord>>,
    /// The anchors of mixed-script words that are single non-Latin
    /// characters (`·`).
    anchor_chars: Vec<char>,
    /// CJK words of the domain lexicon and user dictionaries.
    lexicon_words: FxHashSet<Box<str>>,
    /// Which four-character words [`Segmenter::compound_split`] has cut.
    compounds: CompoundMemo,
    granularity: Granularity,
}

/// The four-character words whose compound check has been made, with the
/// answer: the check costs several dictionary lookups and a jieba cut, and
/// news text repeats its words. Bounded, cleared when the dictionary changes.
#[derive(Debug, Default)]
struct CompoundMemo(RwLock<FxHashMap<[u8; 12], bool>>);

/// Words the memo holds at most. Only dictionary words reach the check
/// (jieba's HMM is not run on the words it looks at), so this bounds memory
/// only for very large user dictionaries; past it, words are checked each
/// time.
const COMPOUND_MEMO_MAX: usize = 1 << 16;

impl CompoundMemo {
    fn get(&self, word: &[u8; 12]) -> Option<bool> {
        self.0.read().ok()?.get(word).copied()
    }

    fn put(&self, word: [u8; 12], split: bool) {
        if let Ok(mut map) = self.0.write() {
            if map.len() < COMPOUND_MEMO_MAX {
                map.insert(word, split);
            }
        }
    }

    fn clear(&mut self) {
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

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("jieba", &self.jieba)
            .field("lexicon_words", &self.lexicon_words.len())
            .field("latin_words", &self.latin_tags.len())
            .field(
                "mixed_words",
                &self.mixed.values().map(Vec::len).sum::<usize>(),
            )
            .field("granularity", &self.granularity)
            .finish()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

/// One parsed dictionary line.
struct Entry<'l> {
    word: &'l str,
    freq: Option<usize>,
    pos: Option<&'l str>,
}

/// The tag of a word jieba's HMM found: a person name when it looks like
/// one (a common surname and one or two more characters), else a proper
/// noun of unknown kind.
fn guess_tag(word: &str) -> &'static str {
    let n = word.chars().count();
    if crate::entity::common_surname(word) && (2..=3).contains(&n) {
        "nr"
    } else {
        "nz"
    }
}

/// Whether `c` belongs in a Latin run: ASCII letters and digits, and letters
/// and digits of other non-CJK scripts (`é`, `ß`, `α`).
#[inline]
fn is_latin(c: char) -> bool {
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
fn is_jieba_joiner(c: char) -> bool {
    matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// Whether `c` is punctuation (as opposed to another symbol).
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c,
        '\u{00A1}'..='\u{00BF}'
        | '\u{2010}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{30FB}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE6B}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
    )
}

/// Punctuation that forms one token when repeated (`——`, `……`); ASCII
/// hyphens and dots stay one token each (`---` is three).
#[inline]
fn repeats(c: char) -> bool {
    matches!(c, '—' | '…' | '─' | '━' | '⋯')
}

/// The kind of a single character outside CJK and Latin runs.
#[inline]
fn symbol_kind(c: char) -> TokenKind {
    if c.is_whitespace() {
        TokenKind::Space
    } else if is_punct(c) {
        TokenKind::Punct
    } else {
        TokenKind::Other
    }
}

/// The end of the Latin run starting at byte `i` of `s` (which must start
/// with a [`is_latin`] character), not past `limit`.
///
/// A run is letters and digits, joined by one of `- . _ & ' /` when another
/// letter or digit follows, by `,` between digit groups (`1,234`), and may
/// end in up to two `+` or `#` (`C++`, `C#`, `L2+`).
fn latin_run_end(s: &str, i: usize, limit: usize) -> usize {
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
fn is_numeric_run(run: &str) -> bool {
    run.bytes()
        .all(|x| x.is_ascii_digit() || matches!(x, b'.' | b',' | b'/' | b'-'))
}

/// `word` with full-width forms folded as in the text.
fn fold_word(word: &str) -> String {
    word.chars().map(|c| fold_char(c).unwrap_or(c)).collect()
}

/// Where the anchor of a mixed-script word lies, or `None` for a word of
/// CJK ideographs only.
fn anchor_of(word: &str) -> Option<(usize, usize)> {
    let (p, c) = word.char_indices().find(|&(_, c)| !is_cjk(c))?;
    let end = if is_latin(c) {
        latin_run_end(word, p, word.len())
    } else {
        p + c.len_utf8()
    };
    Some((p, end))
}

/// Whether `t` is a plausible POS tag.
fn valid_tag(t: &str) -> bool {
    t.len() <= 16
        && t.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Parses one dictionary line (`word [freq] [pos]`, already trimmed, not a
/// comment).
/// One `word [freq] [pos]` line (not blank: blank lines are skipped before).
fn parse_entry(line: &str) -> Result<Entry<'_>, DictionaryProblem> {
    let mut fields = line.split_whitespace();
    let word = fields.next().unwrap_or_default();
    let second = fields.next();
    let third = fields.next();
    if fields.next().is_some() {
        return Err(DictionaryProblem::TooManyFields);
    }
    let parse_freq = |f: &str| -> Result<usize, DictionaryProblem> {
        f.parse::<u64>()
            .map_err(|_| DictionaryProblem::BadFrequency(f.to_string()))
            .map(|v| usize::try_from(v).unwrap_or(usize::MAX).min(MAX_FREQ))
    };
    let (freq, pos) = match (second, third) {
        (None, _) => (None, None),
        (Some(f), None) if f.bytes().all(|b| b.is_ascii_digit()) => (Some(parse_freq(f)?), None),
        (Some(t), None) if valid_tag(t) => (None, Some(t)),
        (Some(x), None) => return Err(DictionaryProblem::NeitherFrequencyNorTag(x.to_string())),
        (Some(f), Some(t)) => {
            if !valid_tag(t) {
                return Err(DictionaryProblem::BadTag(t.to_string()));
            }
            (Some(parse_freq(f)?), Some(t))
        }
    };
    Ok(Entry { word, freq, pos })
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
            mixed: FxHashMap::default(),
            anchor_chars: Vec::new(),
            lexicon_words: FxHashSet::default(),
            compounds: CompoundMemo::default(),
            granularity: Granularity::default(),
        }
    }

    /// The same segmenter cutting at `granularity`.
    pub fn with_granularity(mut self, granularity: Granularity) -> Segmenter {
        self.granularity = granularity;
        self
    }

    /// How finely the text is cut.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// Adds a word, or changes the frequency of a word the dictionary has.
    ///
    /// `freq` `None` gives the word the frequency that makes it win over the
    /// way it is cut now (jieba's `suggest_freq`); `Some(0)` disables a word.
    /// Frequencies are clamped to 100,000,000. `pos` `None` tags a new word
    /// `x`; the tag of a word already in jieba's dictionary is not changed.
    /// Full-width letters and digits are folded as in the text. Words
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
        self.mixed
            .get(&w[p..e])
            .is_some_and(|l| l.iter().any(|m| *m.prefix == w[..p] && *m.suffix == w[e..]))
    }

    /// Adds the words of a user dictionary: one `word [freq] [pos]` per
    /// line, blank lines and `#` comments skipped. A line with only a word
    /// (or a word and a tag) gets a frequency as in
    /// [`add_word`](Segmenter::add_word) with `None`, never 0.
    ///
    /// # Errors
    /// [`Error::Dictionary`] with the 1-based line number for a line that
    /// cannot be read (bad frequency or tag, too many fields, invalid
    /// UTF-8), [`Error::Io`] when reading fails. Nothing is added then.
    pub fn load_user_dict<R: BufRead>(&mut self, mut r: R) -> Result<(), Error> {
        let mut lines = Vec::new();
        let mut buf = Vec::new();
        let mut line_no = 0usize;
        loop {
            buf.clear();
            if r.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            line_no += 1;
            let line = std::str::from_utf8(&buf).map_err(|_| Error::Dictionary {
                line: line_no,
                problem: DictionaryProblem::InvalidUtf8,
            })?;
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            parse_entry(line).map_err(|problem| Error::Dictionary {
                line: line_no,
                problem,
            })?;
            lines.push(line.to_owned());
        }
        for line in &lines {
            if let Ok(e) = parse_entry(line) {
                self.insert(e.word, e.freq, e.pos);
            }
        }
        Ok(())
    }

    /// [`load_user_dict`](Segmenter::load_user_dict) from a file.
    ///
    /// # Errors
    /// As `load_user_dict`; [`Error::Io`] when the file cannot be opened.
    pub fn load_user_dict_file(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io_at(path, e))?;
        self.load_user_dict(std::io::BufReader::new(file))
            .map_err(|e| match e {
                Error::Io { path: None, source } => Error::io_at(path, source),
                other => other,
            })
    }

    /// Adds one word to the table it belongs in.
    fn insert(&mut self, word: &str, freq: Option<usize>, pos: Option<&str>) {
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
        let anchor = &word[p..e];
        let list = self.mixed.entry(anchor.into()).or_default();
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
            self.mixed.remove(anchor);
        }
        self.anchor_chars = self
            .mixed
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

    /// The longest mixed-script word around the anchor at `a..e` of `s`,
    /// starting at or after `lo` and ending at or before `hi`.
    fn mixed_at(
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

    /// Segments `text`: scans it for quantities and times, then cuts it.
    ///
    /// The tokens borrow `text` and, for their POS tags, the segmenter.
    pub fn segment<'a>(&'a self, text: &'a str) -> Vec<Token<'a>> {
        let folded = Folded::new(text);
        let (quantities, times) = scan(&folded, None);
        self.segment_folded(&folded, &quantities, &times)
    }

    /// Segments `text` with the quantities and times a scan of it found
    /// (offsets into `text`), without scanning again.
    ///
    /// Spans out of range, not on character boundaries or overlapping an
    /// earlier one are ignored.
    pub fn segment_with<'a>(
        &'a self,
        text: &'a str,
        quantities: &[Quantity],
        times: &[Time],
    ) -> Vec<Token<'a>> {
        self.segment_folded(&Folded::new(text), quantities, times)
    }

    /// [`segment_with`](Segmenter::segment_with) on a text already folded.
    pub fn segment_folded<'a>(
        &'a self,
        folded: &Folded<'a>,
        quantities: &[Quantity],
        times: &[Time],
    ) -> Vec<Token<'a>> {
        let s = folded.as_str();
        let original = folded.original();
        // (start, end, kind, whether qualifier words may sit at its ends)
        let mut spans: Vec<(usize, usize, TokenKind, bool)> =
            Vec::with_capacity(quantities.len() + times.len());
        let spans_in = quantities
            .iter()
            .map(|q| (q.start, q.end, TokenKind::Quantity, q.qualifier.is_some()))
            .chain(
                times
                    .iter()
                    .map(|t| (t.start, t.end, TokenKind::Time, false)),
            );
        for (a, b, kind, qualified) in spans_in {
            if a >= b
                || b > original.len()
                || !original.is_char_boundary(a)
                || !original.is_char_boundary(b)
            {
                continue;
            }
            if let (Some(fa), Some(fb)) = (to_folded(folded, a), to_folded(folded, b)) {
                spans.push((fa, fb, kind, qualified));
            }
        }
        spans.sort_unstable_by_key(|&(a, b, _, _)| (a, std::cmp::Reverse(b)));

        let mut out = Out {
            folded,
            tokens: Vec::with_capacity(s.len() / 5 + 4),
        };
        let mut pos = 0;
        for (a, b, kind, qualified) in spans {
            if a < pos {
                continue;
            }
            self.cut_plain(&mut out, pos, a);
            match (kind, self.granularity) {
                (TokenKind::Time, Granularity::Coarse) => out.push_pieces(a, b, kind, "t"),
                (_, Granularity::Coarse) => out.push_pieces(a, b, kind, "m"),
                (TokenKind::Time, _) => self.cut_time(&mut out, a, b),
                _ => self.cut_quantity(&mut out, a, b, qualified),
            }
            pos = b;
        }
        self.cut_plain(&mut out, pos, s.len());
        out.tokens
    }

    /// The tokens of `line` joined by single spaces, whitespace dropped (the
    /// SIGHAN bakeoff format, `zhnews segment`).
    pub fn segment_line(&self, line: &str) -> String {
        let mut out = String::with_capacity(line.len() + line.len() / 2);
        for t in self.segment(line) {
            if t.kind == TokenKind::Space {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t.text);
        }
        out
    }

    /// Cuts folded `a..b`, which holds no protected span: Latin runs with
    /// the mixed-script words around them, the ASCII signs jieba would glue
    /// to words, and the stretches between them through jieba.
    fn cut_plain<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let folded = out.folded;
        let s = folded.as_str();
        // start of the stretch not cut yet, and whether it holds CJK
        let mut pend = a;
        let mut pend_cjk = false;
        let mut i = a;
        let bytes = s.as_bytes();
        while i < b {
            // fast path over the CJK main block (lead bytes E4..E9; the few
            // symbols there go to jieba, which hands them back one by one)
            if (0xE4..=0xE9).contains(&bytes[i]) {
                pend_cjk = true;
                i += 3;
                continue;
            }
            let Some(c) = char_at(s, i) else { break };
            if c.is_ascii() || !is_cjk(c) {
                // an anchor: a Latin run (or a minus sign before a number)
                // or a non-Latin character some mixed word holds
                let run = if is_latin(c) {
                    Some((i, latin_run_end(s, i, b)))
                } else if c == '-'
                    && i + 1 < b
                    && char_at(s, i + 1).is_some_and(|d| d.is_ascii_digit())
                    && !s[..i].chars().next_back().is_some_and(is_latin)
                {
                    Some((i, latin_run_end(s, i + 1, b)))
                        .filter(|&(x, y)| is_numeric_run(&s[x + 1..y]))
                } else if !c.is_ascii() && self.anchor_chars.contains(&c) {
                    Some((i, i + c.len_utf8()))
                } else {
                    None
                };
                if let Some((rs, re)) = run {
                    if let Some((ms, me, pos)) = self.mixed_at(s, pend, rs, re, b) {
                        self.flush(out, pend, ms, pend_cjk);
                        out.push(ms, me, TokenKind::Word, pos);
                        (i, pend, pend_cjk) = (me, me, false);
                        continue;
                    }
                    if is_latin(c) || c == '-' {
                        self.flush(out, pend, rs, pend_cjk);
                        let text = &s[rs..re];
                        if is_numeric_run(text) {
                            out.push(rs, re, TokenKind::Number, "m");
                        } else {
                            let pos = self.latin_tags.get(text).map_or("eng", |p| &**p);
                            out.push(rs, re, TokenKind::Latin, pos);
                        }
                        (i, pend, pend_cjk) = (re, re, false);
                        continue;
                    }
                }
                if c.is_ascii() && is_jieba_joiner(c) {
                    self.flush(out, pend, i, pend_cjk);
                    out.push_symbol(i, c);
                    (i, pend, pend_cjk) = (i + 1, i + 1, false);
                    continue;
                }
            } else {
                pend_cjk = true;
            }
            i += c.len_utf8();
        }
        self.flush(out, pend, b, pend_cjk);
    }

    /// Cuts the stretch at folded `a..b`: through jieba when it holds CJK
    /// text, else one symbol at a time.
    fn flush<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize, cjk: bool) {
        if a >= b {
            return;
        }
        if cjk {
            self.cut_jieba(out, a, b);
            return;
        }
        let folded = out.folded;
        let s = folded.as_str();
        let mut k = a;
        while k < b {
            let Some(d) = char_at(s, k) else { break };
            out.push_symbol(k, d);
            k += d.len_utf8();
        }
    }

    /// Cuts folded `a..b` with jieba (HMM on).
    ///
    /// jieba reads the original text of the stretch, so that the tags it
    /// hands back live as long as the text: the stretch holds no Latin
    /// letters or digits, and what folding changed in it (spaces, signs)
    /// jieba treats the same either way. Words take their offsets from
    /// jieba (original text); symbols are pushed folded.
    fn cut_jieba<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let folded = out.folded;
        let original: &'a str = folded.original();
        let base = folded.to_original(a);
        let Some(stretch) = original.get(base..folded.to_original(b)) else {
            return;
        };
        // Dictionary words and their tags come from jieba without its HMMs
        // (the part-of-speech HMM that guesses tags of unknown words costs
        // more than cutting). Only runs of single characters, where unknown
        // words hide, go through jieba's word HMM.
        let tags = self.jieba.tag(stretch, false);
        let single_cjk = |t: &jieba_rs::Tag<'_>| {
            t.end - t.start == 1 && t.word.chars().next().is_some_and(is_cjk)
        };
        let mut i = 0;
        while i < tags.len() {
            let t = &tags[i];
            let start = base + t.byte_start;
            if single_cjk(t) {
                let mut j = i + 1;
                while j < tags.len() && single_cjk(&tags[j]) {
                    j += 1;
                }
                if j - i >= 2 {
                    let run = &stretch[t.byte_start..tags[j - 1].byte_end];
                    let mut k = i;
                    for w in self.jieba.cut(run, true) {
                        let n = w.end - w.start;
                        let tag = if n == 1 {
                            // the tag the dictionary gave this character
                            tags[k].tag
                        } else {
                            guess_tag(w.word)
                        };
                        out.push_original(start + w.byte_start, start + w.byte_end, tag);
                        k += n;
                    }
                    i = j;
                    continue;
                }
                out.push_original(start, base + t.byte_end, t.tag);
                i += 1;
                continue;
            }
            match t.word.chars().next() {
                Some(c) if is_cjk(c) => match self.compound_split(t.word, t.tag) {
                    Some(mid) => {
                        let half = &t.word[..mid];
                        out.push_original(start, start + mid, self.tag_of(half));
                        let half = &t.word[mid..];
                        out.push_original(start + mid, base + t.byte_end, self.tag_of(half));
                    }
                    None => out.push_original(start, base + t.byte_end, t.tag),
                },
                _ => {
                    // jieba gives one character (or `\r\n`) at a time here
                    let mut fpos = folded.to_folded(start);
                    for c in t.word.chars() {
                        let f = fold_char(c).unwrap_or(c);
                        out.push_symbol(fpos, f);
                        fpos += f.len_utf8();
                    }
                }
            }
            i += 1;
        }
    }

    /// Where to cut a four-character compound of two dictionary words
    /// (`国有企业` → `国有` `企业`), if it is one (see the module docs).
    fn compound_split(&self, word: &str, tag: &str) -> Option<usize> {
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

    /// The dictionary tag of `word`.
    fn tag_of<'a>(&'a self, word: &'a str) -> &'a str {
        self.jieba
            .tag(word, false)
            .first()
            .map_or(UNKNOWN_TAG, |t| t.tag)
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
        let t = &*TABLES;
        let mut core_start = a;
        let mut core_end = b;
        if !qualified {
            self.cut_core(out, a, b);
            return;
        }
        if let Some((_, len)) = t.qualifier_prefix.longest_at(s, a) {
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
            if let Some((_, len)) = t.qualifier_suffix.longest_at(s, k) {
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

/// The original offset `orig` as an offset into the folded text.
fn to_folded(folded: &Folded<'_>, orig: usize) -> Option<usize> {
    if !folded.is_changed() {
        return Some(orig);
    }
    let s = folded.as_str();
    // `to_original` is strictly increasing, and folding only shortens the
    // text: the folded offset that maps to `orig` lies in `lo..=hi`.
    let shrunk = folded.original().len().saturating_sub(s.len());
    let (mut lo, mut hi) = (orig.saturating_sub(shrunk), orig.min(s.len()));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if folded.to_original(mid) < orig {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (folded.to_original(lo) == orig && s.is_char_boundary(lo)).then_some(lo)
}

/// The tokens being built, with the map back to the original text.
struct Out<'a, 'f> {
    folded: &'f Folded<'a>,
    tokens: Vec<Token<'a>>,
}

impl<'a> Out<'a, '_> {
    /// Pushes the word at original `start..end`.
    #[inline]
    fn push_original(&mut self, start: usize, end: usize, pos: &'a str) {
        if start >= end {
            return;
        }
        let Some(text) = self.folded.original().get(start..end) else {
            return;
        };
        self.tokens.push(Token {
            text,
            start,
            end,
            kind: TokenKind::Word,
            pos,
        });
    }

    /// Pushes folded `a..b` as one token.
    #[inline]
    fn push(&mut self, a: usize, b: usize, kind: TokenKind, pos: &'a str) {
        if a >= b {
            return;
        }
        let original = self.folded.original();
        let start = self.folded.to_original(a);
        let end = self.folded.to_original(b);
        let Some(text) = original.get(start..end) else {
            return;
        };
        self.tokens.push(Token {
            text,
            start,
            end,
            kind,
            pos,
        });
    }

    /// Pushes the (folded) character `c` at folded `i`: whitespace joins a
    /// space token before it, a repeated dash or ellipsis joins its run.
    #[inline]
    fn push_symbol(&mut self, i: usize, c: char) {
        let kind = symbol_kind(c);
        let end = i + c.len_utf8();
        if let Some(last) = self.tokens.last_mut() {
            let joins = match kind {
                TokenKind::Space => last.kind == TokenKind::Space,
                TokenKind::Punct => {
                    repeats(c) && last.kind == TokenKind::Punct && last.text.chars().all(|x| x == c)
                }
                _ => false,
            };
            if joins && last.end == self.folded.to_original(i) {
                let orig_end = self.folded.to_original(end);
                if let Some(text) = self.folded.original().get(last.start..orig_end) {
                    last.end = orig_end;
                    last.text = text;
                    return;
                }
            }
        }
        self.push(i, end, kind, "x");
    }

    /// Pushes folded `a..b` as tokens of `kind`, cut at whitespace.
    fn push_pieces(&mut self, a: usize, b: usize, kind: TokenKind, pos: &'a str) {
        let s = self.folded.as_str();
        let mut start = a;
        let mut i = a;
        while i < b {
            let Some(c) = char_at(s, i) else { break };
            if c.is_whitespace() {
                self.push(start, i, kind, pos);
                self.push_symbol(i, c);
                start = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
        self.push(start, b, kind, pos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    use TokenKind::{Latin, Number, Other, Punct, Quantity, Space, Time, Word};

    static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

    fn cut<'a>(seg: &'a Segmenter, text: &'a str) -> Vec<(&'a str, TokenKind)> {
        seg.segment(text).iter().map(|t| (t.text, t.kind)).collect()
    }

    fn words<'a>(seg: &'a Segmenter, text: &'a str) -> Vec<&'a str> {
        seg.segment(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn segmenter_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Segmenter>();
    }

    #[test]
    fn revenue_sentence() {
        assert_eq!(
            cut(&SEG, "营收同比增长 32%，达到 2.4 亿美元"),
            [
                ("营收", Word),
                ("同比", Word),
                ("增长", Word),
                (" ", Space),
                ("32%", Quantity),
                ("，", Punct),
                ("达到", Word),
                (" ", Space),
                ("2.4", Quantity),
                (" ", Space),
                ("亿美元", Quantity),
            ]
        );
    }

    #[test]
    fn tokens_carry_offsets_and_tags() {
        let text = "小米集团二季度营收889亿元，同比增长32%。";
        let got: Vec<(&str, usize, usize, TokenKind, &str)> = SEG
            .segment(text)
            .iter()
            .map(|t| (t.text, t.start, t.end, t.kind, t.pos))
            .collect();
        assert_eq!(
            got,
            [
                ("小米集团", 0, 12, Word, "nt"),
                ("二季度", 12, 21, Time, "t"),
                ("营收", 21, 27, Word, "n"),
                ("889亿元", 27, 36, Quantity, "m"),
                ("，", 36, 39, Punct, "x"),
                ("同比", 39, 45, Word, "v"),
                ("增长", 45, 51, Word, "v"),
                ("32%", 51, 54, Quantity, "m"),
                ("。", 54, 57, Punct, "x"),
            ]
        );
    }

    #[test]
    fn full_width_text_maps_back_to_the_original() {
        let text = "２０２４年营收１２．５亿元";
        let toks = SEG.segment(text);
        let got: Vec<(&str, usize, usize, TokenKind)> = toks
            .iter()
            .map(|t| (t.text, t.start, t.end, t.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("２０２４年", 0, 15, Time),
                ("营收", 15, 21, Word),
                ("１２．５亿元", 21, 39, Quantity),
            ]
        );
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn latin_names_stay_whole() {
        assert_eq!(
            cut(
                &SEG,
                "苹果发布iPhone 15 Pro，OpenAI推出GPT-4o，英伟达A100芯片"
            ),
            [
                ("苹果", Word),
                ("发布", Word),
                ("iPhone", Latin),
                (" ", Space),
                ("15", Number),
                (" ", Space),
                ("Pro", Latin),
                ("，", Punct),
                ("OpenAI", Latin),
                ("推出", Word),
                ("GPT-4o", Latin),
                ("，", Punct),
                ("英伟达", Word),
                ("A100", Latin),
                ("芯片", Word),
            ]
        );
        assert_eq!(
            cut(&SEG, "ｉＰｈｏｎｅ１５，贵州茅台(600519.SH)，C++"),
            [
                ("ｉＰｈｏｎｅ１５", Latin),
                ("，", Punct),
                ("贵州茅台", Word),
                ("(", Punct),
                ("600519.SH", Latin),
                (")", Punct),
                ("，", Punct),
                ("C++", Latin),
            ]
        );
    }

    #[test]
    fn latin_tags_come_from_the_lexicon() {
        let toks = SEG.segment("OpenAI和Foo");
        assert_eq!((toks[0].text, toks[0].pos), ("OpenAI", "nt"));
        assert_eq!((toks[2].text, toks[2].pos), ("Foo", "eng"));
    }

    #[test]
    fn mixed_script_words() {
        assert_eq!(
            words(&SEG, "A股和H股，小米SU7上市，AI芯片，埃隆·马斯克说"),
            [
                "A股",
                "和",
                "H股",
                "，",
                "小米SU7",
                "上市",
                "，",
                "AI芯片",
                "，",
                "埃隆·马斯克",
                "说"
            ]
        );
        // a Latin end must end the Latin run: `SPA股` has no `A股`
        assert_eq!(words(&SEG, "SPA股"), ["SPA", "股"]);
    }

    #[test]
    fn times_are_cut_into_calendar_components() {
        assert_eq!(
            cut(
                &SEG,
                "（二○○○年十二月三十一日）2024年二季度，去年9月，1-9月"
            ),
            [
                ("（", Punct),
                ("二○○○年", Time),
                ("十二月", Time),
                ("三十一日", Time),
                ("）", Punct),
                ("2024年", Time),
                ("二季度", Time),
                ("，", Punct),
                ("去年", Time),
                ("9月", Time),
                ("，", Punct),
                ("1-9月", Time),
            ]
        );
    }

    #[test]
    fn qualifiers_are_words_of_their_own() {
        assert_eq!(
            cut(&SEG, "超过5万家企业，约3000人左右"),
            [
                ("超过", Word),
                ("5万家", Quantity),
                ("企业", Word),
                ("，", Punct),
                ("约", Word),
                ("3000人", Quantity),
                ("左右", Word),
            ]
        );
    }

    #[test]
    fn granularities() {
        let text = "2000年12月31日，超过5万家，2.4亿美元，10多个人，国有企业";
        let coarse = Segmenter::new().with_granularity(Granularity::Coarse);
        assert_eq!(coarse.granularity(), Granularity::Coarse);
        assert_eq!(
            words(&coarse, text),
            [
                "2000年12月31日",
                "，",
                "超过5万家",
                "，",
                "2.4亿美元",
                "，",
                "10多个",
                "人",
                "，",
                "国有企业"
            ]
        );
        assert_eq!(
            words(&SEG, text),
            [
                "2000年",
                "12月",
                "31日",
                "，",
                "超过",
                "5万家",
                "，",
                "2.4亿美元",
                "，",
                "10多个",
                "人",
                "，",
                "国有",
                "企业"
            ]
        );
        let fine = Segmenter::new().with_granularity(Granularity::Fine);
        assert_eq!(
            words(&fine, text),
            [
                "2000年", "12月", "31日", "，", "超过", "5万", "家", "，", "2.4亿", "美元", "，",
                "10", "多", "个", "人", "，", "国有", "企业"
            ]
        );
    }

    #[test]
    fn compounds_split_only_when_rare() {
        assert_eq!(
            words(
                &SEG,
                "国有企业改革，社会主义，有限公司，研发投入，归母净利润"
            ),
            [
                "国有",
                "企业",
                "改革",
                "，",
                "社会主义",
                "，",
                "有限公司",
                "，",
                "研发投入",
                "，",
                "归母净利润"
            ]
        );
    }

    #[test]
    fn compound_answers_are_forgotten_when_the_dictionary_changes() {
        let mut seg = Segmenter::new();
        // the first answer is remembered ...
        assert_eq!(words(&seg, "国有企业"), ["国有", "企业"]);
        assert_eq!(words(&seg, "国有企业"), ["国有", "企业"]);
        // ... until a user word makes the compound a lexicon word
        seg.add_word("国有企业", Some(50), Some("n"));
        assert_eq!(words(&seg, "国有企业"), ["国有企业"]);
        // a clone answers as its original
        let copy = seg.clone();
        assert_eq!(words(&copy, "国有企业"), ["国有企业"]);
    }

    #[test]
    fn punctuation_numbers_and_symbols() {
        assert_eq!(
            cut(&SEG, "他说——好……嗯---"),
            [
                ("他", Word),
                ("说", Word),
                ("——", Punct),
                ("好", Word),
                ("……", Punct),
                ("嗯", Word),
                ("-", Punct),
                ("-", Punct),
                ("-", Punct),
            ]
        );
        assert_eq!(
            cut(&SEG, "沈阳－25℃／－1℃，3／4的人😀"),
            [
                ("沈阳", Word),
                ("－25", Number),
                ("℃", Other),
                ("／", Punct),
                ("－1", Number),
                ("℃", Other),
                ("，", Punct),
                ("3／4", Number),
                ("的", Word),
                ("人", Word),
                ("😀", Other),
            ]
        );
    }

    #[test]
    fn what_plain_jieba_splits_stays_whole() {
        assert_eq!(cut(&SEG, "２０１"), [("２０１", Number)]);
        assert_eq!(cut(&SEG, "2.4亿美元"), [("2.4亿美元", Quantity)]);
        assert_eq!(cut(&SEG, "25％"), [("25％", Quantity)]);
        assert_eq!(
            cut(&SEG, "2025年1月15日"),
            [("2025年", Time), ("1月", Time), ("15日", Time)]
        );
        assert_eq!(words(&SEG, "英伟达营收"), ["英伟达", "营收"]);
    }

    #[test]
    fn whitespace_runs_are_one_token() {
        assert_eq!(
            cut(&SEG, "a \t\u{3000}b\r\n营收"),
            [
                ("a", Latin),
                (" \t\u{3000}", Space),
                ("b", Latin),
                ("\r\n", Space),
                ("营收", Word)
            ]
        );
    }

    #[test]
    fn segment_line_drops_whitespace() {
        assert_eq!(SEG.segment_line("营收 同比增长 32%"), "营收 同比 增长 32%");
        assert_eq!(SEG.segment_line(""), "");
        assert_eq!(SEG.segment_line("  "), "");
    }

    #[test]
    fn user_words_join() {
        let mut seg = Segmenter::new();
        assert_eq!(words(&seg, "极越汽车"), ["极越", "汽车"]);
        seg.add_word("极越汽车", None, Some("nt"));
        assert!(seg.has_word("极越汽车"));
        let toks = seg.segment("极越汽车");
        assert_eq!((toks[0].text, toks[0].pos), ("极越汽车", "nt"));
        // frequency 0 disables a word
        seg.add_word("极越汽车", Some(0), None);
        assert_eq!(words(&seg, "极越汽车"), ["极越", "汽车"]);
        // mixed-script and Latin words
        seg.add_word("智己LS6", None, Some("nz"));
        assert_eq!(words(&seg, "智己LS6上市"), ["智己LS6", "上市"]);
        seg.add_word("Ｆｏｏ", None, Some("nz"));
        let toks = seg.segment("Foo");
        assert_eq!((toks[0].text, toks[0].pos), ("Foo", "nz"));
        // words holding whitespace are ignored
        seg.add_word("Apple Watch", None, None);
        assert!(!seg.has_word("Apple Watch"));
    }

    #[test]
    fn user_dictionary_word_lists_never_get_frequency_zero() {
        let mut seg = Segmenter::new();
        let dict = "\u{feff}# 自定义词典\n\n极越汽车\n阿维塔科技 nt\n岚图汽车 5000 nt\n";
        seg.load_user_dict(dict.as_bytes()).unwrap();
        assert_eq!(
            words(&seg, "极越汽车和阿维塔科技"),
            ["极越汽车", "和", "阿维塔科技"]
        );
        let toks = seg.segment("阿维塔科技");
        assert_eq!(toks[0].pos, "nt");
        assert!(seg.has_word("岚图汽车"));
    }

    #[test]
    fn bad_dictionary_lines_are_errors() {
        let cases = [
            ("极越汽车\n坏词 -5\n", 2),
            ("坏词 12 n extra\n", 1),
            ("\n# c\n坏词 12 n-x\n", 3),
            ("坏词 1e5\n", 1),
            ("坏词 99999999999999999999999\n", 1),
        ];
        for (dict, line) in cases {
            let mut seg = Segmenter::new();
            match seg.load_user_dict(dict.as_bytes()) {
                Err(Error::Dictionary { line: l, .. }) => assert_eq!(l, line, "{dict:?}"),
                other => panic!("{dict:?}: {other:?}"),
            }
            // nothing was added
            assert!(!seg.has_word("极越汽车"));
        }
        let mut seg = Segmenter::new();
        let bytes: &[u8] = b"ok\n\xff\xfe\n";
        assert!(matches!(
            seg.load_user_dict(bytes),
            Err(Error::Dictionary { line: 2, .. })
        ));
        assert!(matches!(
            seg.load_user_dict_file("/nonexistent/zhnews/dict.txt"),
            Err(Error::Io { path: Some(_), .. })
        ));
    }

    #[test]
    fn domain_lexicon_parses() {
        for (line_no, line) in crate::lexicon::data_lines(DOMAIN_LEXICON) {
            let e = parse_entry(line).unwrap_or_else(|r| panic!("line {line_no}: {r}"));
            assert!(e.freq.is_some_and(|f| f > 0), "line {line_no}: {line}");
            assert!(e.pos.is_some(), "line {line_no}: {line}");
        }
        for w in [
            "营收",
            "净利润",
            "归母净利润",
            "毛利率",
            "英伟达",
            "A股",
            "IPO",
            "科创板",
        ] {
            assert!(SEG.has_word(w), "{w}");
        }
    }

    #[test]
    fn scanner_spans_are_validated() {
        let text = "营收２．４亿元，同比增长";
        let folded = Folded::new(text);
        let (q, t) = scan(&folded, None);
        assert_eq!(SEG.segment_with(text, &q, &t), SEG.segment(text));
        assert_eq!(SEG.segment_folded(&folded, &q, &t), SEG.segment(text));
        // spans from another text: out of range, inside a character
        let mut bad = q.clone();
        bad[0].start = 1;
        bad[0].end = 400;
        let toks = SEG.segment_with(text, &bad, &t);
        assert_eq!(toks.iter().map(|t| t.text).collect::<String>(), text);
        let mut bad = q;
        bad[0].start = 7; // inside `２`
        let toks = SEG.segment_with(text, &bad, &t);
        assert_eq!(toks.iter().map(|t| t.text).collect::<String>(), text);
    }

    #[test]
    fn anchors_and_runs() {
        assert_eq!(latin_run_end("GPT-4o发布", 0, 12), 6);
        assert_eq!(latin_run_end("1,234,567元", 0, 12), 9);
        assert_eq!(latin_run_end("1,23元", 0, 7), 1);
        assert_eq!(latin_run_end("C++语言", 0, 9), 3);
        assert_eq!(latin_run_end("1+1", 0, 3), 1);
        assert_eq!(latin_run_end("abc-", 0, 4), 3);
        assert_eq!(anchor_of("小米SU7"), Some((6, 9)));
        assert_eq!(anchor_of("埃隆·马斯克"), Some((6, 8)));
        assert_eq!(anchor_of("营收"), None);
    }
}
