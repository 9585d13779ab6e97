//! The types of the segmenter: [`Token`], [`TokenKind`] and
//! [`Granularity`], and the [`Cut`] the pipeline hands on, in folded
//! offsets.

use crate::text::Folded;

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

/// A token as the segmenter cuts it, inside the pipeline: a byte range of
/// the folded text, its kind and POS tag. [`Cut::to_token`] gives the
/// public [`Token`], in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cut<'a> {
    /// Byte offset of the start in the folded text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the folded text.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Part-of-speech tag.
    pub pos: &'a str,
}

impl<'a> Cut<'a> {
    /// The token in the original text of `folded` (`None` only for a range
    /// that is no slice of it, which the segmenter never cuts).
    #[inline]
    pub(crate) fn to_token(self, folded: &Folded<'a>) -> Option<Token<'a>> {
        let start = folded.to_original(self.start);
        let end = folded.to_original(self.end);
        Some(Token {
            text: folded.original().get(start..end)?,
            start,
            end,
            kind: self.kind,
            pos: self.pos,
        })
    }
}
