//! The features of each character: its neighbours (one, two and three
//! characters), character classes, the segmenter's word around it with its
//! POS tag and the words beside it, and the lexicon names that cover it.
//! Each feature is hashed to a bucket of the weight table; nothing is
//! interned, so a feature the model never saw costs nothing.

use super::super::translit::translit_char;
use super::super::words::SURNAMES;
use super::super::{Span, Tagged};
use super::labels::kind_index;
use super::names::NAME_LISTS;

/// Features per character.
pub(crate) const PER_CHAR: usize = 24;

/// Stands for the characters before the text and after it.
const EDGE: u32 = 0x11_0000;

/// A feature hash: FxHash's step over 64-bit words.
#[derive(Clone, Copy)]
struct Hash(u64);

impl Hash {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn new(template: u64) -> Hash {
        Hash(template.wrapping_mul(Self::K)).add(template)
    }

    fn add(self, v: u64) -> Hash {
        Hash((self.0.rotate_left(5) ^ v).wrapping_mul(Self::K))
    }

    fn bytes(self, b: &[u8]) -> Hash {
        b.chunks(8).fold(self, |h, c| {
            let mut w = [0u8; 8];
            w[..c.len()].copy_from_slice(c);
            h.add(u64::from_le_bytes(w))
        })
    }

    fn bucket(self, bits: u32) -> u32 {
        (self.0 >> (64 - bits)) as u32
    }
}

/// The class of a character: digit, numeral, Latin, punctuation, space,
/// CJK; with bits for surnames and transliteration characters.
fn class(c: u32) -> u64 {
    let Some(ch) = char::from_u32(c) else {
        return 0;
    };
    let base = match ch {
        '0'..='9' => 1,
        '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
        | '千' | '万' | '亿' | '两' => 2,
        'a'..='z' | 'A'..='Z' => 3,
        c if c.is_whitespace() => 4,
        c if crate::text::is_cjk(c) => 5,
        c if c.is_alphanumeric() => 6,
        _ => 7,
    };
    let surname = if base != 5 {
        0
    } else if SURNAMES.common.contains(ch) {
        16
    } else if SURNAMES.single.contains(&ch) {
        8
    } else {
        0
    };
    let foreign = if base == 5 && translit_char(ch) {
        32
    } else {
        0
    };
    base | surname | foreign
}

/// What the features need to know about one character.
#[derive(Debug, Clone, Copy)]
struct CharInfo {
    /// The character (or [`EDGE`]).
    code: u32,
    /// Its [`class`].
    class: u64,
    /// The index of the token holding it in `words` (0 and the last are
    /// the edges).
    token: usize,
    /// Where it stands in that token: 0 begin, 1 middle, 2 end, 3 single.
    in_token: u64,
    /// The lexicon name covering it: kind index + 1 (0 none), and where it
    /// stands in that name (as `in_token`).
    lexicon: (u64, u64),
    /// The listed name covering it ([`NAME_LISTS`]): its lists (bits, 0
    /// none) and where it stands in that name.
    listed: (u64, u64),
}

impl CharInfo {
    /// Past the text's edges.
    const EDGE: CharInfo = CharInfo {
        code: EDGE,
        class: 0,
        token: 0,
        in_token: 0,
        lexicon: (0, 0),
        listed: (0, 0),
    };
}

/// Where a character stands in a run: 0 begin, 1 middle, 2 end, 3 single.
fn part(first: bool, last: bool) -> u64 {
    match (first, last) {
        (true, true) => 3,
        (true, false) => 0,
        (false, true) => 2,
        (false, false) => 1,
    }
}

/// The characters of a text with their features, reused from text to text.
#[derive(Debug, Default)]
pub(crate) struct Featurizer {
    /// Byte offset of each character, and the text's length at the end.
    pub(crate) offsets: Vec<usize>,
    /// [`PER_CHAR`] buckets per character.
    pub(crate) ids: Vec<u32>,
    /// Two edge entries, one per character, two edge entries.
    info: Vec<CharInfo>,
    /// An edge entry, one per token, an edge entry.
    words: Vec<TokenHashes>,
    /// The listed names of the text ([`NAME_LISTS`]).
    pub(crate) listed: Vec<(usize, usize, u32)>,
}

impl Featurizer {
    /// Computes the features of folded text `s` with its tokens (folded
    /// offsets, in order, covering the text) and its lexicon names, hashed
    /// to `bits`-bit buckets.
    pub(crate) fn compute(&mut self, s: &str, tokens: &[Tagged<'_>], lexical: &[Span], bits: u32) {
        self.chars(s, tokens, lexical);
        self.ids.clear();
        let n = self.len();
        self.ids.reserve(n * PER_CHAR);
        for i in 0..n {
            self.features_at(i, bits);
        }
    }

    /// The number of characters.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Fills `offsets` and `info`.
    fn chars(&mut self, s: &str, tokens: &[Tagged<'_>], lexical: &[Span]) {
        self.offsets.clear();
        self.info.clear();
        self.info.extend([CharInfo::EDGE; 2]);
        self.words.clear();
        self.words.push(TokenHashes::EDGE);
        self.words
            .extend(tokens.iter().map(|t| TokenHashes::of(s, t)));
        self.words.push(TokenHashes::EDGE);
        NAME_LISTS.find(s, &mut self.listed);
        let mut listed = self.listed.iter().peekable();
        let mut t = 0;
        let mut lex = lexical.iter().peekable();
        for (p, ch) in s.char_indices() {
            while t + 1 < tokens.len() && tokens[t].end <= p {
                t += 1;
            }
            let in_token = tokens
                .get(t)
                .filter(|tk| tk.start <= p && p < tk.end)
                .map_or(3, |tk| part_bytes(s, p, tk.start, tk.end));
            while lex.peek().is_some_and(|sp| sp.end <= p) {
                lex.next();
            }
            let lexicon = match lex.peek() {
                Some(sp) if sp.start <= p => (
                    kind_index(sp.kind).map_or(4, |k| k as u64 + 1),
                    part_bytes(s, p, sp.start, sp.end),
                ),
                _ => (0, 0),
            };
            while listed.peek().is_some_and(|n| n.1 <= p) {
                listed.next();
            }
            let in_list = match listed.peek() {
                Some(&&(a, b, lists)) if a <= p => (u64::from(lists), part_bytes(s, p, a, b)),
                _ => (0, 0),
            };
            self.offsets.push(p);
            self.info.push(CharInfo {
                code: ch as u32,
                class: class(ch as u32),
                token: t + 1,
                in_token,
                lexicon,
                listed: in_list,
            });
        }
        self.offsets.push(s.len());
        self.info.extend([CharInfo::EDGE; 2]);
    }

    /// Pushes the [`PER_CHAR`] buckets of character `i`.
    fn features_at(&mut self, i: usize, bits: u32) {
        let c: [CharInfo; 5] = std::array::from_fn(|d| self.info[i + d]);
        let code = |d: usize| u64::from(c[d].code);
        let me = c[2];
        let tok = self.words[me.token];
        let prev = self.words[me.token - 1];
        let next = self
            .words
            .get(me.token + 1)
            .copied()
            .unwrap_or(TokenHashes::EDGE);
        let f: [Hash; PER_CHAR] = [
            Hash::new(0),
            Hash::new(1).add(code(0)),
            Hash::new(2).add(code(1)),
            Hash::new(3).add(code(2)),
            Hash::new(4).add(code(3)),
            Hash::new(5).add(code(4)),
            Hash::new(6).add(code(0)).add(code(1)),
            Hash::new(7).add(code(1)).add(code(2)),
            Hash::new(8).add(code(2)).add(code(3)),
            Hash::new(9).add(code(3)).add(code(4)),
            Hash::new(10).add(code(1)).add(code(3)),
            Hash::new(11).add(code(1)).add(code(2)).add(code(3)),
            Hash::new(12).add(c[1].class).add(me.class).add(c[3].class),
            Hash::new(13)
                .add(c[0].class)
                .add(c[1].class)
                .add(me.class)
                .add(c[3].class)
                .add(c[4].class),
            Hash::new(14).add(me.in_token).add(tok.pos),
            Hash::new(15).add(me.in_token).add(tok.word),
            Hash::new(16).add(me.in_token).add(prev.pos),
            Hash::new(17).add(me.in_token).add(next.pos),
            Hash::new(18).add(me.in_token).add(prev.word),
            Hash::new(19).add(me.in_token).add(next.word),
            Hash::new(20).add(me.lexicon.0).add(me.lexicon.1),
            Hash::new(21).add(me.in_token).add(code(2)),
            Hash::new(22).add(me.listed.0).add(me.listed.1),
            Hash::new(23)
                .add(me.listed.0)
                .add(me.listed.1)
                .add(me.in_token),
        ];
        self.ids.extend(f.iter().map(|h| h.bucket(bits)));
    }
}

/// The hashes of a token's text and POS tag, computed once per token.
#[derive(Debug, Clone, Copy)]
struct TokenHashes {
    /// The text (a token of more than 18 bytes stands for itself as
    /// `#long`).
    word: u64,
    /// The POS tag.
    pos: u64,
}

impl TokenHashes {
    /// Past the text's edges.
    const EDGE: TokenHashes = TokenHashes { word: 1, pos: 2 };

    fn of(s: &str, t: &Tagged<'_>) -> TokenHashes {
        let text = if t.end - t.start <= 18 {
            &s.as_bytes()[t.start..t.end]
        } else {
            b"#long"
        };
        TokenHashes {
            word: Hash::new(100).bytes(text).0,
            pos: Hash::new(101).bytes(t.pos.as_bytes()).0,
        }
    }
}

/// Where the character at byte `p` stands in the run `s[start..end]` (0
/// begin, 1 middle, 2 end, 3 single).
fn part_bytes(s: &str, p: usize, start: usize, end: usize) -> u64 {
    let last = s
        .get(start..end)
        .and_then(|r| r.char_indices().next_back())
        .map_or(start, |(i, _)| start + i);
    part(p == start, p == last)
}
