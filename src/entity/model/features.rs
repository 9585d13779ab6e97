//! The features of each character: its neighbours (one, two and three
//! characters), character classes, the segmenter's word around it with its
//! POS tag and the words beside it, and the lexicon names that cover it.
//! Each feature is hashed to a bucket of the weight table; nothing is
//! interned, so a feature the model never saw costs nothing.

use std::sync::LazyLock;

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

/// [`class`] of each character of the Basic Multilingual Plane (ASCII,
/// punctuation, ideographs, full-width forms), computed once (the surname
/// and transliteration sets are hash lookups).
static CLASSES: LazyLock<Vec<u8>> =
    LazyLock::new(|| (0..0x1_0000).map(|c| class(c) as u8).collect());

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

/// What the features need to know about one character (16 bytes: the
/// small fields a byte each).
#[derive(Debug, Clone, Copy)]
struct CharInfo {
    /// The character (or [`EDGE`]).
    code: u32,
    /// The index of the token holding it in `words` (0 and the last are
    /// the edges).
    token: u32,
    /// Its [`class`] (below 64).
    class: u8,
    /// Where it stands in that token: 0 begin, 1 middle, 2 end, 3 single.
    in_token: u8,
    /// The lexicon name covering it: kind index + 1 (0 none), and where it
    /// stands in that name (as `in_token`).
    lexicon: (u8, u8),
    /// The listed name covering it ([`NAME_LISTS`]): its lists (bits, 0
    /// none; five lists) and where it stands in that name.
    listed: (u8, u8),
}

impl CharInfo {
    /// Past the text's edges.
    const EDGE: CharInfo = CharInfo {
        code: EDGE,
        token: 0,
        class: 0,
        in_token: 0,
        lexicon: (0, 0),
        listed: (0, 0),
    };

    /// The lexicon name, listed name and place in the token, as the
    /// context features read them.
    fn context(&self) -> [u64; 5] {
        [
            self.lexicon.0,
            self.lexicon.1,
            self.listed.0,
            self.listed.1,
            self.in_token,
        ]
        .map(u64::from)
    }
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
    /// The characters of the text with their offsets, for [`NAME_LISTS`].
    char_starts: Vec<(usize, char)>,
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
        self.words.clear();
        self.words.push(TokenHashes::EDGE);
        self.words
            .extend(tokens.iter().map(|t| TokenHashes::of(s, t)));
        self.words.push(TokenHashes::EDGE);
        self.char_starts.clear();
        self.char_starts
            .extend(s.char_indices().chain([(s.len(), '\0')]));
        NAME_LISTS.find_in(s, &self.char_starts, &mut self.listed);
        self.offsets.clear();
        self.offsets.extend(self.char_starts.iter().map(|c| c.0));
        self.info.clear();
        self.info.reserve(self.char_starts.len() + 4);
        self.info.extend([CharInfo::EDGE; 2]);
        let classes = &*CLASSES;
        let mut listed = self.listed.iter().peekable();
        let mut t = 0;
        let mut lex = lexical.iter().peekable();
        let chars = self.char_starts.split_last().map_or(&[][..], |c| c.1);
        for &(p, ch) in chars {
            let len = ch.len_utf8();
            while t + 1 < tokens.len() && tokens[t].end <= p {
                t += 1;
            }
            let in_token = tokens
                .get(t)
                .filter(|tk| tk.start <= p && p < tk.end)
                .map_or(3, |tk| part_of(s, p, len, tk.start, tk.end));
            while lex.peek().is_some_and(|sp| sp.end <= p) {
                lex.next();
            }
            let lexicon = match lex.peek() {
                Some(sp) if sp.start <= p => (
                    kind_index(sp.kind).map_or(4, |k| k as u8 + 1),
                    part_of(s, p, len, sp.start, sp.end),
                ),
                _ => (0, 0),
            };
            while listed.peek().is_some_and(|n| n.1 <= p) {
                listed.next();
            }
            let in_list = match listed.peek() {
                Some(&&(a, b, lists)) if a <= p => (lists as u8, part_of(s, p, len, a, b)),
                _ => (0, 0),
            };
            self.info.push(CharInfo {
                code: ch as u32,
                token: t as u32 + 1,
                class: classes
                    .get(ch as usize)
                    .copied()
                    .unwrap_or_else(|| class(ch as u32) as u8),
                in_token,
                lexicon,
                listed: in_list,
            });
        }
        self.info.extend([CharInfo::EDGE; 2]);
    }

    /// Pushes the [`PER_CHAR`] buckets of character `i`.
    fn features_at(&mut self, i: usize, bits: u32) {
        let c: [CharInfo; 5] = std::array::from_fn(|d| self.info[i + d]);
        let code = |d: usize| u64::from(c[d].code);
        let me = c[2];
        let v = u64::from(me.in_token);
        let (prev, tok, next) = self.around(me.token as usize);
        let r = self.residual_at(i);
        let f: [Hash; PER_CHAR] = [
            bias(),
            unigram(0, code(0)),
            unigram(1, code(1)),
            unigram(2, code(2)),
            unigram(3, code(3)),
            unigram(4, code(4)),
            bigram(0, code(0), code(1)),
            bigram(1, code(1), code(2)),
            bigram(2, code(2), code(3)),
            bigram(3, code(3), code(4)),
            r[0],
            r[1],
            r[2],
            r[3],
            pos(0, v, tok.pos),
            word(0, v, tok.word),
            pos(1, v, prev.pos),
            pos(2, v, next.pos),
            word(1, v, prev.word),
            word(2, v, next.word),
            r[4],
            char_in_token(v, code(2)),
            r[5],
            r[6],
        ];
        self.ids.extend(f.iter().map(|h| h.bucket(bits)));
    }

    /// The tokens before, holding and after token `t` (an index of
    /// `words`; the edges stand beyond the text).
    fn around(&self, t: usize) -> (TokenHashes, TokenHashes, TokenHashes) {
        let at = |t: usize| self.words.get(t).copied().unwrap_or(TokenHashes::EDGE);
        (at(t.wrapping_sub(1)), at(t), at(t + 1))
    }

    /// The features of character `i` that are neither the bias nor
    /// character n-grams nor token features: the skip bigram and the
    /// trigram around it ([`HASHED`] of them), two class n-grams, its
    /// lexicon name and its listed name (twice).
    fn residual_at(&self, i: usize) -> [Hash; 7] {
        let c: [CharInfo; 5] = std::array::from_fn(|d| self.info[i + d]);
        let me = c[2];
        let [skip, tri] = self.hashed_at(i);
        let [class3, class5] = classes(c.map(|c| u64::from(c.class)));
        let [lex, lex_part, listed, listed_part, v] = me.context();
        let [lexicon, listed, listed_in] = contexts(lex, lex_part, listed, listed_part, v);
        [skip, tri, class3, class5, lexicon, listed, listed_in]
    }

    /// The skip bigram and the trigram around character `i`.
    #[inline]
    fn hashed_at(&self, i: usize) -> [Hash; HASHED] {
        let code = |d: usize| {
            self.info
                .get(i + d)
                .map_or(u64::from(EDGE), |c| u64::from(c.code))
        };
        [
            Hash::new(10).add(code(1)).add(code(3)),
            Hash::new(11).add(code(1)).add(code(2)).add(code(3)),
        ]
    }

    /// The [`HASHED`] buckets of character `i`.
    #[inline]
    pub(crate) fn hashed_buckets(&self, i: usize, bits: u32) -> [u32; HASHED] {
        self.hashed_at(i).map(|h| h.bucket(bits))
    }

    /// The classes of the five characters around character `i`, six bits
    /// each (the first the highest).
    #[inline]
    pub(crate) fn class_key(&self, i: usize) -> u64 {
        let c = self.info.get(i..i + 5).unwrap_or_default();
        c.iter().fold(0, |k, c| k << 6 | u64::from(c.class))
    }

    /// The lexicon name (kind + 1, place) and listed name (lists, place)
    /// covering character `i`, and where it stands in its token.
    #[inline]
    pub(crate) fn context(&self, i: usize) -> [u64; 5] {
        self.info.get(i + 2).map_or([0; 5], CharInfo::context)
    }

    /// Computes what [`Featurizer::compute`] does but the buckets: the
    /// characters, tokens and names (for [`super::grams`]).
    pub(crate) fn prepare(&mut self, s: &str, tokens: &[Tagged<'_>], lexical: &[Span]) {
        self.chars(s, tokens, lexical);
    }

    /// The code of character `i` (from −2: [`EDGE`] past the text).
    #[inline]
    pub(crate) fn code(&self, i: isize) -> u32 {
        self.info
            .get(i.wrapping_add(2) as usize)
            .map_or(EDGE, |c| c.code)
    }

    /// Where character `i` stands in its token (0 begin, 1 middle, 2 end,
    /// 3 single), and the index of the token in [`Featurizer::tokens`].
    #[inline]
    pub(crate) fn in_token(&self, i: usize) -> (usize, usize) {
        let c = &self.info[i + 2];
        (usize::from(c.in_token), c.token as usize)
    }

    /// The word and POS hashes of the tokens, with an edge entry before
    /// and after (as [`Featurizer::in_token`] counts them).
    pub(crate) fn tokens(&self) -> impl ExactSizeIterator<Item = (u64, u64)> + '_ {
        self.words.iter().map(|w| (w.word, w.pos))
    }
}

/// The features of each character that [`super::grams`] looks up hashed:
/// the skip bigram and the trigram.
pub(crate) const HASHED: usize = 2;

/// Where the [`HASHED`] features stand among a character's [`PER_CHAR`]
/// buckets.
pub(crate) const HASHED_AT: [usize; HASHED] = [10, 11];

/// The class trigram and five-gram of the classes around a character.
fn classes(c: [u64; 5]) -> [Hash; 2] {
    [
        Hash::new(12).add(c[1]).add(c[2]).add(c[3]),
        Hash::new(13)
            .add(c[0])
            .add(c[1])
            .add(c[2])
            .add(c[3])
            .add(c[4]),
    ]
}

/// The lexicon name and the listed name (alone and with where the
/// character stands in its token) covering a character.
fn contexts(lex: u64, lex_part: u64, listed: u64, listed_part: u64, v: u64) -> [Hash; 3] {
    [
        Hash::new(20).add(lex).add(lex_part),
        Hash::new(22).add(listed).add(listed_part),
        Hash::new(23).add(listed).add(listed_part).add(v),
    ]
}

/// The buckets of the two class features of a [`Featurizer::class_key`].
pub(crate) fn class_buckets(key: u64, bits: u32) -> [u32; 2] {
    classes(std::array::from_fn(|d| key >> (6 * (4 - d)) & 63)).map(|h| h.bucket(bits))
}

/// The key of a [`Featurizer::context`] (the context tables are keyed
/// by it): a byte each.
#[inline]
pub(crate) fn pack_context(c: [u64; 5]) -> u64 {
    c.iter().fold(0, |k, &v| k << 8 | (v & 0xff))
}

/// The buckets of the three features of a [`pack_context`].
pub(crate) fn context_buckets(key: u64, bits: u32) -> [u32; 3] {
    let b = |d: u32| key >> (8 * (4 - d)) & 0xff;
    contexts(b(0), b(1), b(2), b(3), b(4)).map(|h| h.bucket(bits))
}

/// The template every character has.
fn bias() -> Hash {
    Hash::new(0)
}

/// The character at `k − 2` from the one tagged (`k` in 0..5).
fn unigram(k: u64, c: u64) -> Hash {
    Hash::new(1 + k).add(c)
}

/// The characters at `k − 2` and `k − 1` from the one tagged (`k` in 0..4).
fn bigram(k: u64, a: u64, b: u64) -> Hash {
    Hash::new(6 + k).add(a).add(b)
}

/// The character tagged, with where it stands in its token (`v`).
fn char_in_token(v: u64, c: u64) -> Hash {
    Hash::new(21).add(v).add(c)
}

/// The POS tag of the token holding the character (`at` 0), the one before
/// (1) or after (2), with where the character stands in its token.
fn pos(at: u64, v: u64, p: u64) -> Hash {
    Hash::new([14, 16, 17][at as usize]).add(v).add(p)
}

/// The word holding the character (`at` 0), the one before (1) or after
/// (2), with where the character stands in its token.
fn word(at: u64, v: u64, w: u64) -> Hash {
    Hash::new([15, 18, 19][at as usize]).add(v).add(w)
}

/// The bucket of the bias.
pub(crate) fn bias_bucket(bits: u32) -> u32 {
    bias().bucket(bits)
}

/// The buckets of the block of character `c`: rows `k` (0..5) the
/// [`unigram`]s that see it at `k − 2`, rows `5 + v` the
/// [`char_in_token`]s.
pub(crate) fn unigram_buckets(c: u32, bits: u32) -> [u32; 9] {
    let c = u64::from(c);
    std::array::from_fn(|r| {
        let r = r as u64;
        if r < 5 {
            unigram(r, c)
        } else {
            char_in_token(r - 5, c)
        }
        .bucket(bits)
    })
}

/// The buckets of the block of the bigram `a b`: row `k` (0..4) the
/// [`bigram`] that sees it at `k − 2`.
pub(crate) fn bigram_buckets(a: u32, b: u32, bits: u32) -> [u32; 4] {
    std::array::from_fn(|k| bigram(k as u64, u64::from(a), u64::from(b)).bucket(bits))
}

/// The buckets of the block of a token's word (`pos` false) or POS tag
/// hash `h`: rows `4 at + v` as in [`word`] and [`pos`].
pub(crate) fn token_buckets(h: u64, is_pos: bool, bits: u32) -> [u32; 12] {
    std::array::from_fn(|r| {
        let (at, v) = (r as u64 / 4, r as u64 % 4);
        if is_pos {
            pos(at, v, h)
        } else {
            word(at, v, h)
        }
        .bucket(bits)
    })
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

/// The word and POS hashes of the tokens past the text's edges.
pub(crate) const EDGE_TOKEN: (u64, u64) = (1, 2);

impl TokenHashes {
    /// Past the text's edges.
    const EDGE: TokenHashes = TokenHashes {
        word: EDGE_TOKEN.0,
        pos: EDGE_TOKEN.1,
    };

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

/// Where the character at byte `p` (of `len` bytes) stands in the run
/// `s[start..end]` (0 begin, 1 middle, 2 end, 3 single): the last when it
/// ends the run; a run that does not lie on character boundaries has its
/// first byte for last (as slicing it would fail).
#[inline]
fn part_of(s: &str, p: usize, len: usize, start: usize, end: usize) -> u8 {
    let last = if s.is_char_boundary(start) && s.is_char_boundary(end) {
        p + len == end
    } else {
        p == start
    };
    part(p == start, last) as u8
}
