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
//!    runs the scanner itself; [`Segmenter::segment_with`] takes the
//!    scanner's results from a caller that already has them (offsets into
//!    the original, as [`crate::scan::find`] gives them), so nothing scans
//!    the text twice.
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
//! The text is cut in folded offsets: inside the [`crate::Analyzer`] the
//! cuts go on to the entity stage as they are. The public tokens are moved
//! to the offsets and the text of the original once, when they are handed
//! out ([`Token`]: `text == &original[start..end]`).
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

use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};

mod compound;
mod dictionary;
mod jieba;
mod latin;
mod mixed;
mod out;
mod plain;
mod protected;
mod token;
mod user_dict;

use crate::quantity::Quantity;
use crate::scan::scan;
use crate::text::Folded;
use crate::time::Time;
use compound::CompoundMemo;
use mixed::MixedWords;
use out::Out;
use protected::{Span, protected_spans, protected_spans_of_original};

pub(crate) use token::Cut;
pub use token::{Granularity, Token, TokenKind};

/// The public tokens of the cuts `cuts` of `folded`: offsets and text of
/// the original.
pub(crate) fn tokens<'a>(folded: &Folded<'a>, cuts: &[Cut<'a>]) -> Vec<Token<'a>> {
    // sized once: nearly every cut is a token
    let mut tokens = Vec::with_capacity(cuts.len());
    tokens.extend(cuts.iter().filter_map(|c| c.to_token(folded)));
    tokens
}

/// Segments Chinese news text into words, keeping quantities, times and
/// Latin names whole.
///
/// Built once, `Send + Sync`: share it by reference across threads.
#[derive(Clone)]
pub struct Segmenter {
    /// jieba-rs with its dictionary, the domain lexicon and user words.
    jieba: Jieba,
    /// Tags of Latin words from the lexicons (`OpenAI` → `nt`).
    latin_tags: FxHashMap<Box<str>, Box<str>>,
    /// Mixed-script words (`A股`, `小米SU7`, `埃隆·马斯克`).
    mixed: MixedWords,
    /// CJK words of the domain lexicon and user dictionaries.
    lexicon_words: FxHashSet<Box<str>>,
    /// Which four-character words [`Segmenter::compound_split`] has cut.
    compounds: CompoundMemo,
    /// How finely the text is cut.
    granularity: Granularity,
    /// Every tag jieba can hand out: its dictionary's tag set and the tags
    /// of the words added to it (see [`Segmenter::own_tag`]).
    tag_names: FxHashSet<Box<str>>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("jieba", &self.jieba)
            .field("lexicon_words", &self.lexicon_words.len())
            .field("latin_words", &self.latin_tags.len())
            .field("mixed_words", &self.mixed.len())
            .field("granularity", &self.granularity)
            .finish()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// The same segmenter cutting at `granularity`.
    pub fn with_granularity(mut self, granularity: Granularity) -> Segmenter {
        self.granularity = granularity;
        self
    }

    /// How finely the text is cut.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// Segments `text`: scans it for quantities and times, then cuts it.
    ///
    /// The tokens borrow `text` and, for their POS tags, the segmenter.
    pub fn segment<'a>(&'a self, text: &'a str) -> Vec<Token<'a>> {
        let folded = Folded::new(text);
        let (quantities, times) = scan(folded.as_str(), None);
        tokens(&folded, &self.cut(&folded, &quantities, &times))
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
        let folded = Folded::new(text);
        let spans = protected_spans_of_original(&folded, quantities, times);
        tokens(&folded, &self.cut_around(&folded, spans))
    }

    /// Cuts the folded text `folded` around the quantities and times the
    /// scanner found in it (in folded offsets): the tokens in folded
    /// offsets, as the later stages read them.
    pub(crate) fn cut<'a>(
        &'a self,
        folded: &Folded<'a>,
        quantities: &[Quantity],
        times: &[Time],
    ) -> Vec<Cut<'a>> {
        self.cut_around(folded, protected_spans(folded.as_str(), quantities, times))
    }

    /// Cuts `folded` around the protected spans `spans`.
    fn cut_around<'a>(&'a self, folded: &Folded<'a>, spans: Vec<Span>) -> Vec<Cut<'a>> {
        let s = folded.as_str();
        let mut out = Out {
            folded,
            tokens: Vec::with_capacity(s.len() / 5 + 4),
        };
        let mut pos = 0;
        for span in spans {
            let (a, b, _, _) = span;
            if a < pos {
                continue;
            }
            self.cut_plain(&mut out, pos, a);
            self.cut_protected(&mut out, span);
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
}

#[cfg(test)]
mod tests;
