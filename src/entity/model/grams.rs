//! The model as it tags: the weights of the hashed features rearranged so
//! that each character n-gram and each token of a text is looked up once.
//!
//! A character is seen by the features of the five characters around it
//! (as the one at −2, −1, 0, +1, +2), a bigram by those of four; a token's
//! word and POS tag by the characters of the token and of the tokens
//! beside it. The hashed model fetches one row per feature and character,
//! 24 scattered fetches a character. Here (as vaporetto does for word
//! boundaries) the rows of all the places an n-gram or token is seen from
//! are one block, found by the n-gram's exact key, and added to the scores
//! of every character it covers; the class n-grams and the lexicon and
//! listed-name features of a character are one row, found by the classes
//! or names around it. A character costs a unigram block, a bigram block,
//! a share of two token blocks, a class row, a context row and two hashed
//! rows (the skip bigram and the trigram, [`HASHED`]).
//!
//! The blocks are made when a model is exported ([`GramModel::export`]),
//! from the hashed weights and the n-grams, tokens and classes of the
//! training text: on those the scores are the hashed model's (scaled so
//! that they add up in `i16` lanes); an n-gram or token never seen in
//! training scores nothing (the hashed model gave it the row of whatever
//! feature shared its bucket).

use rustc_hash::FxHashMap;

use super::features::{
    EDGE_TOKEN, Featurizer, HASHED, HASHED_AT, PER_CHAR, bias_bucket, bigram_buckets,
    class_buckets, context_buckets, pack_context, token_buckets, unigram_buckets,
};
use super::labels::LABELS;
use super::viterbi::{Transitions, Viterbi, WIDTH};
use super::weights::{LANES, Reader, Weights, scale_score, write_row, write_varint};
use crate::error::{Error, ModelProblem};

/// The first bytes of a model file of this layout.
pub(crate) const MAGIC: &[u8; 8] = b"ZHNERv2\n";

/// The scores of one feature, padded to [`LANES`].
type Row = [i16; LANES];

const _: () = assert!(LANES == WIDTH);

/// The zero row: what an n-gram, token or row the model does not hold
/// scores.
const ZERO: Row = [0; LANES];

/// Blocks of rows by exact key, found by open addressing, each block a
/// fixed `W` row indices (index 0, the zero row, where the block has no
/// row of that place), so that a lookup adds a row without testing or
/// counting bits. Block 0 is no block (every index 0).
#[derive(Debug, Clone)]
struct Table<const W: usize> {
    /// The zero row, then the rows of all blocks, block after block.
    rows: Vec<Row>,
    /// A power of two of slots: `(key, block)`, free where the block is 0.
    slots: Vec<(u64, u32)>,
    /// `64 − log2(slots)`.
    shift: u32,
    /// The row indices of each block (block 0: none).
    blocks: Vec<[u32; W]>,
}

impl<const W: usize> Table<W> {
    /// A table of `blocks` (`(key, mask)`, keys distinct, masks not 0,
    /// below `2^W`) whose rows follow each other in `rows`, block after
    /// block.
    fn new(blocks: Vec<(u64, u32)>, rows: Vec<Row>) -> Table<W> {
        let size = (blocks.len() * 2).next_power_of_two().max(2);
        let mut t = Table {
            rows: Vec::with_capacity(rows.len() + 1),
            slots: vec![(0, 0); size],
            shift: 64 - size.trailing_zeros(),
            blocks: Vec::with_capacity(blocks.len() + 1),
        };
        t.rows.push(ZERO);
        t.rows.extend(rows);
        t.blocks.push([0; W]);
        let mut next = 1u32;
        for (key, mask) in blocks {
            let mut s = t.slot(key);
            while t.slots[s].1 != 0 {
                s = (s + 1) & (size - 1);
            }
            t.slots[s] = (key, t.blocks.len() as u32);
            t.blocks.push(std::array::from_fn(|k| {
                if mask >> k & 1 == 0 {
                    return 0;
                }
                next += 1;
                next - 1
            }));
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The block of `key` (0 when there is none).
    #[inline]
    fn find(&self, key: u64) -> u32 {
        let mask = self.slots.len().wrapping_sub(1);
        let mut s = self.slot(key);
        loop {
            let Some(&(k, b)) = self.slots.get(s) else {
                return 0;
            };
            if b == 0 || k == key {
                return b;
            }
            s = (s + 1) & mask;
        }
    }

    /// The row indices of block `b` (every one 0 for no block).
    #[inline(always)]
    fn indices(&self, b: u32) -> [u32; W] {
        self.blocks.get(b as usize).copied().unwrap_or([0; W])
    }

    /// Row `r` (an entry of [`Table::indices`]).
    #[inline(always)]
    fn at(&self, r: u32) -> &Row {
        self.rows.get(r as usize).unwrap_or(&ZERO)
    }

    /// The first row of the block of `key` (the zero row where there is
    /// none).
    #[inline(always)]
    fn first_row(&self, key: u64) -> &Row {
        self.at(self.indices(self.find(key))[0])
    }

    /// The blocks in key order: key and row indices.
    fn sorted(&self) -> Vec<(u64, &[u32; W])> {
        let mut b: Vec<(u64, &[u32; W])> = (self.slots.iter())
            .filter(|s| s.1 != 0)
            .filter_map(|&(key, b)| Some((key, self.blocks.get(b as usize)?)))
            .collect();
        b.sort_unstable_by_key(|b| b.0);
        b
    }

    /// The number of rows.
    fn len(&self) -> usize {
        self.rows.len() - 1
    }

    /// Keys delta-coded, masks and rows (as [`write_row`] writes them).
    fn write(&self, out: &mut Vec<u8>) {
        let blocks = self.sorted();
        out.extend((blocks.len() as u32).to_le_bytes());
        let mut last = 0;
        for (key, rows) in blocks {
            write_varint(out, key.wrapping_sub(last));
            last = key;
            let mask = (rows.iter().enumerate())
                .filter(|r| *r.1 != 0)
                .fold(0u64, |m, (k, _)| m | 1 << k);
            write_varint(out, mask);
            for &r in rows.iter().filter(|&&r| r != 0) {
                write_row(out, self.rows.get(r as usize).unwrap_or(&ZERO));
            }
        }
    }

    /// Reads what [`Table::write`] writes (blocks of at most `W` rows).
    fn read(r: &mut Reader<'_>) -> Result<Table<W>, Error> {
        let n = r.u32()? as usize;
        let mut blocks = Vec::with_capacity(n.min(1 << 20));
        let mut rows = Vec::with_capacity(n.min(1 << 20));
        let mut key = 0u64;
        for i in 0..n {
            let delta = r.varint()?;
            key = key.wrapping_add(delta);
            let mask = u32::try_from(r.varint()?).unwrap_or(u32::MAX);
            if (i > 0 && delta == 0) || mask == 0 || mask >> W != 0 {
                return Err(Error::Model(ModelProblem::Shape));
            }
            for _ in 0..mask.count_ones() {
                rows.push(r.row()?);
            }
            blocks.push((key, mask));
        }
        Ok(Table::new(blocks, rows))
    }
}

/// The tagger's weights by blocks (see the module's text).
#[derive(Debug, Clone)]
pub(crate) struct GramModel {
    /// The hashed rows of the [`HASHED`] features, and the transitions.
    hashed: Weights,
    /// The row every character has.
    bias: Row,
    /// Character → the rows of [`unigram_buckets`].
    unigrams: Table<UNIGRAM_ROWS>,
    /// Two characters → the rows of [`bigram_buckets`].
    bigrams: Table<BIGRAM_ROWS>,
    /// Word hash → the rows of [`token_buckets`].
    words: Table<TOKEN_ROWS>,
    /// POS hash → the rows of [`token_buckets`].
    pos: Table<TOKEN_ROWS>,
    /// [`Featurizer::class_key`] → the sum of the rows of
    /// [`class_buckets`], for the class five-grams of the training text.
    classes: Table<1>,
    /// The middle three classes of a [`Featurizer::class_key`] → the row
    /// of the class trigram, for a five-gram `classes` does not hold.
    middles: Table<1>,
    /// [`pack_context`] → the sum of the rows of
    /// [`context_buckets`], for every key there can be.
    contexts: Table<1>,
    /// The row of `contexts` of each [`dense_context`] index (made when
    /// the model is read or exported).
    context_rows: Vec<u32>,
    /// The unigram block of each character below [`DIRECT`] (made with
    /// `context_rows`).
    unigram_blocks: Vec<u32>,
}

/// The characters whose unigram blocks are looked up by code, not hashed
/// (ASCII, punctuation, ideographs).
const DIRECT: u32 = 0xA000;

/// The contexts [`dense_context`] numbers.
const CONTEXTS: usize = 5 * 4 * 32 * 4 * 4;

/// A number below [`CONTEXTS`] for a [`Featurizer::context`] of a
/// lexicon kind below 5, lists below 32 and places below 4 (every context
/// the featurizer gives), `None` for another.
#[inline]
fn dense_context(c: [u64; 5]) -> Option<usize> {
    let [lex, lex_part, listed, listed_part, v] = c;
    let inside = lex < 5 && lex_part < 4 && listed < 32 && listed_part < 4 && v < 4;
    inside.then(|| ((((lex * 4 + lex_part) * 32 + listed) * 4 + listed_part) * 4 + v) as usize)
}

/// The [`Featurizer::context`] of a [`dense_context`] number.
fn context_of(d: usize) -> [u64; 5] {
    let d = d as u64;
    [d / 2048, d / 512 % 4, d / 16 % 32, d / 4 % 4, d % 4]
}

/// The middle three classes of a [`Featurizer::class_key`].
#[inline]
fn middle(class_key: u64) -> u64 {
    class_key >> 6 & 0x3_ffff
}

/// Every [`pack_context`] there can be: lexicon kind (0..5)
/// and place (0..4), lists (0..32) and place, place in the token.
fn all_contexts() -> FxHashMap<u64, u32> {
    let mut all = FxHashMap::default();
    for key in 0u64..5 * 4 * 32 * 4 * 4 {
        let (v, rest) = (key % 4, key / 4);
        let (listed_part, rest) = (rest % 4, rest / 4);
        let (listed, rest) = (rest % 32, rest / 32);
        let (lex_part, lex) = (rest % 4, rest / 4);
        let packed = [lex, lex_part, listed, listed_part, v]
            .iter()
            .fold(0, |k, &b| k << 8 | b);
        all.insert(packed, 1);
    }
    all
}

/// Row widths of the blocks.
const UNIGRAM_ROWS: usize = 9;
const BIGRAM_ROWS: usize = 4;
const TOKEN_ROWS: usize = 12;

/// The key of a bigram (characters are below 2^21).
#[inline]
fn bigram_key(a: u32, b: u32) -> u64 {
    u64::from(a) << 21 | u64::from(b)
}

/// What the training text holds, with how often: the n-grams, tokens,
/// class and context keys the blocks are made for, and the buckets of its
/// [`HASHED`] features.
#[derive(Debug, Default)]
pub(crate) struct GramKeys {
    unigrams: FxHashMap<u64, u32>,
    bigrams: FxHashMap<u64, u32>,
    words: FxHashMap<u64, u32>,
    pos: FxHashMap<u64, u32>,
    classes: FxHashMap<u64, u32>,
    hashed: FxHashMap<u32, u32>,
}

/// Counts `key` in `map`.
fn count<K: std::hash::Hash + Eq>(map: &mut FxHashMap<K, u32>, key: K) {
    *map.entry(key).or_default() += 1;
}

impl GramKeys {
    /// Adds what a sentence holds (`feats` as [`Featurizer::compute`]
    /// left it).
    pub(crate) fn add(&mut self, feats: &Featurizer) {
        let n = feats.len() as isize;
        for j in -2..=n + 1 {
            count(&mut self.unigrams, u64::from(feats.code(j)));
            if j <= n {
                count(
                    &mut self.bigrams,
                    bigram_key(feats.code(j), feats.code(j + 1)),
                );
            }
        }
        for (word, pos) in feats.tokens() {
            count(&mut self.words, word);
            count(&mut self.pos, pos);
        }
        for (i, ids) in feats.ids.chunks(PER_CHAR).enumerate() {
            count(&mut self.classes, feats.class_key(i));
            for &r in &HASHED_AT {
                count(&mut self.hashed, ids[r]);
            }
        }
    }
}

/// Scores before they are scaled to `i16`.
type Wide = [i32; LANES];

/// A table before it is scaled: `(key, mask, rows)` in key order.
type Draft = Vec<(u64, u32, Vec<Wide>)>;

/// The sum of the rows of `buckets` in `weights`, `None` when none has one.
fn sum_rows(weights: &Weights, buckets: &[u32]) -> Option<Wide> {
    let mut found = None;
    for row in buckets.iter().filter_map(|&b| weights.row(b)) {
        let acc: &mut Wide = found.get_or_insert([0; LANES]);
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += i32::from(w);
        }
    }
    found
}

/// The blocks of the keys of `keys` seen at least `min` times, from
/// `weights`: `buckets(key)` gives the buckets of each row (summed).
fn draft<const W: usize, const B: usize>(
    weights: &Weights,
    keys: &FxHashMap<u64, u32>,
    min: u32,
    buckets: impl Fn(u64) -> [[u32; B]; W],
) -> Draft {
    let mut keys: Vec<u64> = keys.iter().filter(|e| *e.1 >= min).map(|e| *e.0).collect();
    keys.sort_unstable();
    keys.into_iter()
        .map(|key| {
            let (mut mask, mut rows) = (0, Vec::new());
            for (k, b) in buckets(key).iter().enumerate() {
                if let Some(row) = sum_rows(weights, b) {
                    mask |= 1 << k;
                    rows.push(row);
                }
            }
            (key, mask, rows)
        })
        .filter(|b| b.1 != 0)
        .collect()
}

/// The largest score at each row index of a draft's blocks.
fn peaks(d: &Draft) -> [i64; 12] {
    let mut peaks = [0i64; 12];
    for (_, mask, rows) in d {
        let mut m = *mask;
        for r in rows {
            let k = m.trailing_zeros() as usize;
            m &= m.wrapping_sub(1);
            let top = r.iter().map(|&w| i64::from(w).abs()).max().unwrap_or(0);
            if let Some(p) = peaks.get_mut(k) {
                *p = (*p).max(top);
            }
        }
    }
    peaks
}

/// The table of a draft, every score times `scale` (rounded; rows that
/// round to zero dropped).
fn scaled<const W: usize>(d: Draft, scale: f64) -> Table<W> {
    let q = |w: i32| (f64::from(w) * scale).round().clamp(-32767.0, 32767.0) as i16;
    let (mut blocks, mut out) = (Vec::new(), Vec::new());
    for (key, mask, rows) in d {
        let (mut kept, mut m) = (0, mask);
        for r in rows {
            let k = m.trailing_zeros();
            m &= m.wrapping_sub(1);
            let row = r.map(q);
            if row.iter().any(|&w| w != 0) {
                kept |= 1 << k;
                out.push(row);
            }
        }
        if kept != 0 {
            blocks.push((key, kept));
        }
    }
    Table::new(blocks, out)
}

/// The word and POS row indices of a token.
type TokenRows = ([u32; TOKEN_ROWS], [u32; TOKEN_ROWS]);

/// Per-thread scratch space of [`GramModel::emissions`].
#[derive(Debug, Default)]
pub(crate) struct GramScratch {
    /// The unigram row indices of each character from −2 to `n + 2`.
    unigrams: Vec<[u32; UNIGRAM_ROWS]>,
    /// The bigram row indices of each pair of characters from −2 to
    /// `n + 1`.
    bigrams: Vec<[u32; BIGRAM_ROWS]>,
    /// The word and POS row indices of each entry of
    /// [`Featurizer::tokens`], and one edge entry after them.
    tokens: Vec<TokenRows>,
}

/// Adds `row` to `acc`, lane by lane. A character's scores are two sums
/// (the bias and character blocks; the rest), and the model's scores are
/// scaled so that neither leaves `i16` ([`GramModel::export`]);
/// saturating, a model file that breaks that bound gives wrong scores,
/// never a panic.
#[inline(always)]
fn add(acc: &mut Row, row: &Row) {
    for (a, &r) in acc.iter_mut().zip(row) {
        *a = a.saturating_add(r);
    }
}

/// The drafts of the tables of a model, in the order of [`GramModel`].
struct Drafts {
    unigrams: Draft,
    bigrams: Draft,
    words: Draft,
    pos: Draft,
    classes: Draft,
    middles: Draft,
    contexts: Draft,
}

impl Drafts {
    /// The largest sums of scores a character can get from the tables:
    /// of the first sum, a unigram row of each offset and one of its place
    /// in the token and a bigram row of each offset; of the second, a word
    /// and a POS row of each of the three tokens, a class row and a
    /// context row.
    fn bounds(&self) -> (i64, i64) {
        let most = |p: &[i64]| p.iter().copied().max().unwrap_or(0);
        let (u, b) = (peaks(&self.unigrams), peaks(&self.bigrams));
        let (w, p) = (peaks(&self.words), peaks(&self.pos));
        let tokens: i64 = (0..3)
            .map(|d| most(&w[4 * d..4 * d + 4]) + most(&p[4 * d..4 * d + 4]))
            .sum();
        let first = u[..5].iter().sum::<i64>() + most(&u[5..9]) + b[..4].iter().sum::<i64>();
        (
            first,
            tokens
                + peaks(&self.classes)[0].max(peaks(&self.middles)[0])
                + peaks(&self.contexts)[0],
        )
    }
}

impl GramModel {
    /// The blocks of the hashed `weights` for what the training text
    /// `keys` holds (bigrams, words and hashed features seen at least
    /// `min` times, so that a rare one does not take the row of a feature
    /// it shares a bucket with), scaled so that the scores of a character
    /// add up within `i16`.
    pub(crate) fn export(weights: &Weights, keys: &GramKeys, min: u32) -> GramModel {
        let bits = weights.bits;
        let one = |b: u32| [b];
        let middles: FxHashMap<u64, u32> = keys.classes.keys().map(|&c| (middle(c), 1)).collect();
        let drafts = Drafts {
            unigrams: draft(weights, &keys.unigrams, 1, |c| {
                unigram_buckets(c as u32, bits).map(one)
            }),
            bigrams: draft(weights, &keys.bigrams, min, |k| {
                bigram_buckets((k >> 21) as u32, (k & 0x1f_ffff) as u32, bits).map(one)
            }),
            words: draft(weights, &keys.words, min, |w| {
                token_buckets(w, false, bits).map(one)
            }),
            pos: draft(weights, &keys.pos, 1, |p| {
                token_buckets(p, true, bits).map(one)
            }),
            classes: draft(weights, &keys.classes, 1, |c| [class_buckets(c, bits)]),
            middles: draft(weights, &middles, 1, |m| [[class_buckets(m << 6, bits)[0]]]),
            contexts: draft(weights, &all_contexts(), 1, |c| [context_buckets(c, bits)]),
        };
        let hashed = weights.scaled(|b| keys.hashed.get(&b).is_some_and(|&c| c >= min), 1.0);
        let bias = weights
            .row(bias_bucket(bits))
            .copied()
            .unwrap_or([0; LANES]);
        let bias_peak = bias.iter().map(|&w| i64::from(w).abs()).max().unwrap_or(0);
        let (first, second) = drafts.bounds();
        let bound = (first + bias_peak).max(second + HASHED as i64 * i64::from(hashed.peak()));
        let scale = (f64::from(i16::MAX) / bound.max(1) as f64).min(1.0);
        GramModel {
            hashed: hashed.scaled(|_| true, scale),
            bias: bias.map(|w| scale_score(w, scale)),
            unigrams: scaled(drafts.unigrams, scale),
            bigrams: scaled(drafts.bigrams, scale),
            words: scaled(drafts.words, scale),
            pos: scaled(drafts.pos, scale),
            classes: scaled(drafts.classes, scale),
            middles: scaled(drafts.middles, scale),
            contexts: scaled(drafts.contexts, scale),
            context_rows: Vec::new(),
            unigram_blocks: Vec::new(),
        }
        .with_context_rows()
    }

    /// Numbers the rows of `contexts` for [`dense_context`] and the
    /// unigram blocks of the characters below [`DIRECT`].
    fn with_context_rows(mut self) -> GramModel {
        self.unigram_blocks = (0..DIRECT)
            .map(|c| self.unigrams.find(u64::from(c)))
            .collect();
        self.context_rows = (0..CONTEXTS)
            .map(|d| {
                let key = pack_context(context_of(d));
                self.contexts.indices(self.contexts.find(key))[0]
            })
            .collect();
        self
    }

    /// The unigram block of character `c`.
    #[inline(always)]
    fn unigram_block(&self, c: u32) -> u32 {
        match self.unigram_blocks.get(c as usize) {
            Some(&b) => b,
            None => self.unigrams.find(u64::from(c)),
        }
    }

    /// The context row of character `i`.
    #[inline(always)]
    fn context_row(&self, feats: &Featurizer, i: usize) -> &Row {
        let c = feats.context(i);
        match dense_context(c).and_then(|d| self.context_rows.get(d)) {
            Some(&r) => self.contexts.at(r),
            None => self.contexts.first_row(pack_context(c)),
        }
    }

    /// The number of weight rows.
    pub(crate) fn len(&self) -> usize {
        let tables = [
            self.unigrams.len(),
            self.bigrams.len(),
            self.words.len(),
            self.pos.len(),
            self.classes.len(),
            self.middles.len(),
            self.contexts.len(),
        ];
        1 + self.hashed.len() + tables.iter().sum::<usize>()
    }

    /// The emission scores of the characters `feats` holds (as
    /// [`Featurizer::prepare`] left it), into `viterbi`.
    pub(crate) fn emissions(&self, feats: &Featurizer, x: &mut GramScratch, viterbi: &mut Viterbi) {
        let n = feats.len();
        let code = |jj: usize| feats.code(jj as isize - 2);
        x.unigrams.clear();
        x.unigrams
            .extend((0..n + 4).map(|jj| (self.unigrams).indices(self.unigram_block(code(jj)))));
        x.bigrams.clear();
        x.bigrams.extend((0..n + 3).map(|jj| {
            let key = bigram_key(code(jj), code(jj + 1));
            self.bigrams.indices(self.bigrams.find(key))
        }));
        x.tokens.clear();
        x.tokens
            .extend(feats.tokens().chain([EDGE_TOKEN]).map(|(w, p)| {
                let w = self.words.indices(self.words.find(w));
                (w, self.pos.indices(self.pos.find(p)))
            }));
        let edge = x.tokens.last().copied().unwrap_or_default();
        let tokens = &x.tokens;
        let at = |t: usize| tokens.get(t).unwrap_or(&edge);
        viterbi.set_emissions(
            (x.unigrams.windows(5))
                .zip(x.bigrams.windows(4))
                .enumerate()
                .map(|(i, (u, b))| {
                    let (v, t) = feats.in_token(i);
                    let first = self.first_sum(u, b, v);
                    let sum =
                        self.second_sum(feats, i, v, [at(t), at(t.wrapping_sub(1)), at(t + 1)]);
                    // the barrier keeps the sums whole vectors: widened
                    // in place, LLVM splits every row add in four
                    let (first, sum) = std::hint::black_box((first, sum));
                    let mut e = [0i32; WIDTH];
                    for ((e, &a), &b) in e.iter_mut().zip(&first).zip(&sum) {
                        *e = i32::from(a) + i32::from(b);
                    }
                    e
                }),
        );
    }

    /// The first sum of a character: the bias, the unigram blocks `u` of
    /// the five characters around it, its place `v` in its token, and the
    /// bigram blocks `b` of the four pairs around it.
    #[inline(always)]
    fn first_sum(&self, u: &[[u32; UNIGRAM_ROWS]], b: &[[u32; BIGRAM_ROWS]], v: usize) -> Row {
        let mut acc = self.bias;
        if let Ok(u) = <&[_; 5]>::try_from(u) {
            for (k, u) in u.iter().enumerate() {
                add(&mut acc, self.unigrams.at(u[k]));
            }
            add(&mut acc, self.unigrams.at(u[2][5 + (v & 3)]));
        }
        if let Ok(b) = <&[_; 4]>::try_from(b) {
            for (k, b) in b.iter().enumerate() {
                add(&mut acc, self.bigrams.at(b[k]));
            }
        }
        acc
    }

    /// The second sum of character `i`, at place `v` in its token: the
    /// word and POS blocks of its token and those beside it (`around`),
    /// its class, context and hashed rows.
    #[inline(always)]
    fn second_sum(&self, feats: &Featurizer, i: usize, v: usize, around: [&TokenRows; 3]) -> Row {
        let mut sum = ZERO;
        for (d, (w, p)) in around.into_iter().enumerate() {
            add(&mut sum, self.words.at(w[4 * d + (v & 3)]));
            add(&mut sum, self.pos.at(p[4 * d + (v & 3)]));
        }
        let class = feats.class_key(i);
        let b = self.classes.indices(self.classes.find(class))[0];
        add(
            &mut sum,
            if b != 0 {
                self.classes.at(b)
            } else {
                self.middles.first_row(middle(class))
            },
        );
        add(&mut sum, self.context_row(feats, i));
        for h in feats.hashed_buckets(i, self.hashed.bits) {
            if let Some(row) = self.hashed.row(h) {
                add(&mut sum, row);
            }
        }
        sum
    }

    /// The model file: magic, feature version, the hashed weights (as
    /// [`Weights::write_compact`]), the bias and the tables.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(super::weights::FEATURE_VERSION.to_le_bytes());
        self.hashed.write_compact(&mut out);
        out.extend(self.bias[..LABELS].iter().flat_map(|w| w.to_le_bytes()));
        self.unigrams.write(&mut out);
        self.bigrams.write(&mut out);
        self.words.write(&mut out);
        self.pos.write(&mut out);
        self.classes.write(&mut out);
        self.middles.write(&mut out);
        self.contexts.write(&mut out);
        out
    }

    /// Reads a model file written by [`GramModel::to_bytes`].
    pub(crate) fn from_bytes(b: &[u8]) -> Result<GramModel, Error> {
        let mut r = Reader(b);
        r.header(MAGIC)?;
        let hashed = Weights::read_compact(&mut r)?;
        let mut bias = [0i16; LANES];
        for w in &mut bias[..LABELS] {
            *w = r.u16()? as i16;
        }
        let model = GramModel {
            hashed,
            bias,
            unigrams: Table::read(&mut r)?,
            bigrams: Table::read(&mut r)?,
            words: Table::read(&mut r)?,
            pos: Table::read(&mut r)?,
            classes: Table::read(&mut r)?,
            middles: Table::read(&mut r)?,
            contexts: Table::read(&mut r)?,
            context_rows: Vec::new(),
            unigram_blocks: Vec::new(),
        }
        .with_context_rows();
        if !r.0.is_empty() {
            return Err(Error::Model(ModelProblem::Shape));
        }
        Ok(model)
    }
}

impl Transitions for GramModel {
    #[inline]
    fn transition(&self, from: usize, to: usize) -> i32 {
        self.hashed.transitions[from * LABELS + to]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Folded;

    #[test]
    fn blocks_score_as_the_hashed_features() {
        let analyzer = crate::Analyzer::new();
        let texts = [
            "小米集团董事长雷军在北京表示，公司营收增长12%。",
            "阿里巴巴集团控股有限公司与贵州茅台",
            "A股 iPhone 15 Pro",
            "王",
        ];
        let bits = 16;
        let (mut feats, mut keys) = (Featurizer::default(), GramKeys::default());
        let prepare = |t: &str, feats: &mut Featurizer, compute: bool| {
            let folded = Folded::new(t);
            let tokens = analyzer.entity_tokens(&folded);
            let s = folded.as_str();
            let lexical = analyzer.entities().lexicon.spans(s, &tokens);
            if compute {
                feats.compute(s, &tokens, &lexical, bits);
            } else {
                feats.prepare(s, &tokens, &lexical);
            }
        };
        for t in texts {
            prepare(t, &mut feats, true);
            keys.add(&feats);
        }
        let rows = (0..1u32 << bits)
            .map(|b| {
                let row = std::array::from_fn(|l| ((b as usize * 31 + l * 7) % 61) as i16 - 30);
                (b, row)
            })
            .collect();
        let weights = Weights::new(bits, vec![5; (LABELS + 1) * LABELS], rows);
        let model = GramModel::export(&weights, &keys, 1);
        let (mut hashed, mut blocks) = (Viterbi::default(), Viterbi::default());
        let mut scratch = GramScratch::default();
        for t in texts {
            prepare(t, &mut feats, true);
            hashed.emissions(&weights, &feats.ids, PER_CHAR);
            prepare(t, &mut feats, false);
            model.emissions(&feats, &mut scratch, &mut blocks);
            assert_eq!(blocks.emission_scores(), hashed.emission_scores(), "{t}");
        }
        assert_eq!(blocks.emission_scores().len(), 1);
    }

    #[test]
    fn the_shipped_model_reads_back_as_written() {
        let bytes = include_bytes!("../../../data/entity/ner.model");
        let model = GramModel::from_bytes(bytes).unwrap();
        assert!(model.to_bytes() == bytes);
        for cut in (0..300).chain((300..bytes.len()).step_by(99_991)) {
            assert!(GramModel::from_bytes(&bytes[..cut]).is_err(), "{cut}");
        }
        let mut bad = bytes.to_vec();
        bad[8] ^= 1;
        assert!(GramModel::from_bytes(&bad).is_err());
    }
}
