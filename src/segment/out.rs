//! The tokens being cut, in folded offsets: whitespace and repeated dashes
//! joined into one token.

use super::token::{Cut, TokenKind};
use crate::text::{Folded, char_at};

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

/// The tokens being cut.
pub(super) struct Out<'a, 'f> {
    /// The text being cut.
    pub(super) folded: &'f Folded<'a>,
    /// The tokens so far, in text order.
    pub(super) tokens: Vec<Cut<'a>>,
}

impl<'a> Out<'a, '_> {
    /// Pushes folded `a..b` as one token.
    #[inline]
    pub(super) fn push(&mut self, a: usize, b: usize, kind: TokenKind, pos: &'a str) {
        if a >= b {
            return;
        }
        self.tokens.push(Cut {
            start: a,
            end: b,
            kind,
            pos,
        });
    }

    /// Pushes the (folded) character `c` at folded `i`: whitespace joins a
    /// space token before it, a repeated dash or ellipsis joins its run.
    #[inline]
    pub(super) fn push_symbol(&mut self, i: usize, c: char) {
        let kind = symbol_kind(c);
        let end = i + c.len_utf8();
        let s = self.folded.as_str();
        if let Some(last) = self.tokens.last_mut() {
            let joins = match kind {
                TokenKind::Space => last.kind == TokenKind::Space,
                TokenKind::Punct => {
                    repeats(c)
                        && last.kind == TokenKind::Punct
                        && s[last.start..last.end].chars().all(|x| x == c)
                }
                _ => false,
            };
            if joins && last.end == i {
                last.end = end;
                return;
            }
        }
        self.push(i, end, kind, "x");
    }

    /// Pushes folded `a..b` as tokens of `kind`, cut at whitespace.
    pub(super) fn push_pieces(&mut self, a: usize, b: usize, kind: TokenKind, pos: &'a str) {
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
