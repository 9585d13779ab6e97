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
//! of every character it covers: a character costs a unigram block, a
//! bigram block, a share of two token blocks and the few features of other
//! kinds ([`RESIDUAL`]), still hashed.
//!
//! The blocks are made when a model is exported ([`GramModel::export`]),
//! from the hashed weights and the n-grams and tokens of the training text:
//! on those the scores are the hashed model's exactly; an n-gram or token
//! never seen in training scores nothing (the hashed model gave it the row
//! of whatever feature shared its bucket).

use rustc_hash::FxHashSet;

use super::features::{
    EDGE_TOKEN, Featurizer, PER_CHAR, RESIDUAL, RESIDUAL_AT, bias_bucket, bigram_buckets,
    token_buckets, unigram_buckets,
};
use super::labels::LABELS;
use super::viterbi::{Transitions, Viterbi};
use super::weights::{LANES, Reader, Weights, write_varint};
use crate::error::{Error, ModelProblem};

/// The first bytes of a model file of this layout.
pub(crate) const MAGIC: &[u8; 8] = b"ZHNERv2\n";

/// The scores of one feature, padded to [`LANES`].
type Row = [i16; LANES];

/// Where a block's rows are: the first, and one bit per row of the block
/// (set where the row carries weight; the rows of set bits follow each
/// other). A mask of 0 is no block.
#[derive(Debug, Clone, Copy, Default)]
struct Block {
    key: u64,
    first: u32,
    mask: u32,
}

/// Blocks of rows by exact key, found by open addressing.
#[derive(Debug, Clone, Default)]
struct Table {
    /// The rows of all blocks.
    rows: Vec<Row>,
    /// A power of two of slots; free where the mask is 0.
    slots: Vec<Block>,
    /// `64 − log2(slots)`.
    shift: u32,
}

impl Table {
    /// A table of `blocks` (`(key, rows by mask)`, keys distinct).
    fn new(blocks: Vec<(u64, u32, Vec<Row>)>) -> Table {
        let size = (blocks.len() * 2).next_power_of_two().max(2);
        let mut t = Table {
            rows: Vec::new(),
            slots: vec![Block::default(); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (key, mask, rows) in blocks {
            if mask == 0 {
                continue;
            }
            let mut s = t.slot(key);
            while t.slots[s].mask != 0 {
                s = (s + 1) & (size - 1);
            }
            t.slots[s] = Block {
                key,
                first: t.rows.len() as u32,
                mask,
            };
            t.rows.extend(rows);
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The block of `key` (mask 0 when there is none).
    #[inline]
    fn find(&self, key: u64) -> Block {
        let mut s = self.slot(key);
        loop {
            let Some(&b) = self.slots.get(s) else {
                return Block::default();
            };
            if b.mask == 0 || b.key == key {
                return b;
            }
            s = (s + 1) & (self.slots.len() - 1);
        }
    }

    /// Row `k` of block `b`, if it carries weight.
    #[inline]
    fn row(&self, b: Block, k: usize) -> Option<&Row> {
        if b.mask >> k & 1 == 0 {
            return None;
        }
        let below = (b.mask & ((1 << k) - 1)).count_ones();
        self.rows.get((b.first + below) as usize)
    }

    /// Calls `f` with each row of block `b` and its index in the block,
    /// in order.
    #[inline(always)]
    fn each_row(&self, b: Block, mut f: impl FnMut(usize, &Row)) {
        let (mut mask, mut r) = (b.mask, b.first as usize);
        while mask != 0 {
            let k = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            if let Some(row) = self.rows.get(r) {
                f(k, row);
            }
            r += 1;
        }
    }

    /// The blocks in key order.
    fn sorted(&self) -> Vec<Block> {
        let mut b: Vec<Block> = self.slots.iter().copied().filter(|b| b.mask != 0).collect();
        b.sort_unstable_by_key(|b| b.key);
        b
    }

    /// The number of rows.
    fn len(&self) -> usize {
        self.rows.len()
    }

    /// Keys delta-coded, masks and rows of [`LABELS`] scores.
    fn write(&self, out: &mut Vec<u8>) {
        let blocks = self.sorted();
        out.extend((blocks.len() as u32).to_le_bytes());
        let mut last = 0;
        for b in blocks {
            write_varint(out, b.key.wrapping_sub(last));
            last = b.key;
            write_varint(out, u64::from(b.mask));
            self.each_row(b, |_, row| {
                out.extend(row[..LABELS].iter().flat_map(|w| w.to_le_bytes()));
            });
        }
    }

    /// Reads what [`Table::write`] writes (blocks of at most `width` rows).
    fn read(r: &mut Reader<'_>, width: u32) -> Result<Table, Error> {
        let n = r.u32()? as usize;
        let mut blocks = Vec::with_capacity(n.min(1 << 20));
        let mut key = 0u64;
        for i in 0..n {
            let delta = r.varint()?;
            key = key.wrapping_add(delta);
            let mask = u32::try_from(r.varint()?).unwrap_or(u32::MAX);
            if (i > 0 && delta == 0) || mask == 0 || mask >> width != 0 {
                return Err(Error::Model(ModelProblem::Shape));
            }
            let mut rows = Vec::with_capacity(mask.count_ones() as usize);
            for _ in 0..mask.count_ones() {
                let mut row = [0i16; LANES];
                for w in &mut row[..LABELS] {
                    *w = r.u16()? as i16;
                }
                rows.push(row);
            }
            blocks.push((key, mask, rows));
        }
        Ok(Table::new(blocks))
    }
}

/// The tagger's weights by blocks (see the module's text).
#[derive(Debug, Clone)]
pub(crate) struct GramModel {
    /// The hashed rows of the [`RESIDUAL`] features, and the transitions.
    residual: Weights,
    /// The row every character has.
    bias: Row,
    /// Character → the rows of [`unigram_buckets`].
    unigrams: Table,
    /// Two characters → the rows of [`bigram_buckets`].
    bigrams: Table,
    /// Word hash → the rows of [`token_buckets`].
    words: Table,
    /// POS hash → the rows of [`token_buckets`].
    pos: Table,
}

/// Row widths of the blocks.
const UNIGRAM_ROWS: u32 = 9;
const BIGRAM_ROWS: u32 = 4;
const TOKEN_ROWS: u32 = 12;

/// The key of a bigram (characters are below 2^21).
#[inline]
fn bigram_key(a: u32, b: u32) -> u64 {
    u64::from(a) << 21 | u64::from(b)
}

/// What the training text holds: the n-grams and tokens the blocks are
/// made for, and the buckets of its [`RESIDUAL`] features.
#[derive(Debug, Default)]
pub(crate) struct GramKeys {
    unigrams: FxHashSet<u32>,
    bigrams: FxHashSet<u64>,
    words: FxHashSet<u64>,
    pos: FxHashSet<u64>,
    residual: FxHashSet<u32>,
}

impl GramKeys {
    /// Adds what a sentence holds (`feats` as [`Featurizer::compute`]
    /// left it).
    pub(crate) fn add(&mut self, feats: &Featurizer) {
        let n = feats.len() as isize;
        for j in -2..=n + 1 {
            self.unigrams.insert(feats.code(j));
            if j <= n {
                self.bigrams
                    .insert(bigram_key(feats.code(j), feats.code(j + 1)));
            }
        }
        for (word, pos) in feats.tokens() {
            self.words.insert(word);
            self.pos.insert(pos);
        }
        for ids in feats.ids.chunks(PER_CHAR) {
            self.residual.extend(RESIDUAL_AT.iter().map(|&r| ids[r]));
        }
    }
}

/// The blocks of `keys` in `weights`: `buckets(key)` gives the bucket of
/// each row.
fn blocks_of<const W: usize>(
    weights: &Weights,
    keys: &FxHashSet<u64>,
    buckets: impl Fn(u64) -> [u32; W],
) -> Table {
    let mut keys: Vec<u64> = keys.iter().copied().collect();
    keys.sort_unstable();
    let blocks = keys
        .into_iter()
        .map(|key| {
            let mut mask = 0;
            let mut rows = Vec::new();
            for (k, b) in buckets(key).into_iter().enumerate() {
                if let Some(row) = weights.row(b) {
                    mask |= 1 << k;
                    rows.push(*row);
                }
            }
            (key, mask, rows)
        })
        .collect();
    Table::new(blocks)
}

/// Per-thread scratch space of [`GramModel::emissions`].
#[derive(Debug, Default)]
pub(crate) struct GramScratch {
    scores: Vec<[i32; LANES]>,
    /// The word and POS blocks of each entry of [`Featurizer::tokens`],
    /// and one edge entry after them.
    tokens: Vec<(Block, Block)>,
    residual: Vec<[u32; RESIDUAL]>,
}

/// Adds `row` to `acc` (on copies, so that the compiler sees no aliasing
/// and uses vector instructions).
#[inline(always)]
fn add(acc: &mut [i32; LANES], row: &Row) {
    let (a, r) = (*acc, *row);
    *acc = std::array::from_fn(|l| a[l] + i32::from(r[l]));
}

impl GramModel {
    /// The blocks of the hashed `weights` for what the training text
    /// `keys` holds.
    pub(crate) fn export(weights: &Weights, keys: &GramKeys) -> GramModel {
        let bits = weights.bits;
        let unigrams: FxHashSet<u64> = keys.unigrams.iter().map(|&c| u64::from(c)).collect();
        GramModel {
            residual: weights.restricted(|b| keys.residual.contains(&b)),
            bias: weights
                .row(bias_bucket(bits))
                .copied()
                .unwrap_or([0; LANES]),
            unigrams: blocks_of(weights, &unigrams, |c| unigram_buckets(c as u32, bits)),
            bigrams: blocks_of(weights, &keys.bigrams, |k| {
                bigram_buckets((k >> 21) as u32, (k & 0x1f_ffff) as u32, bits)
            }),
            words: blocks_of(weights, &keys.words, |w| token_buckets(w, false, bits)),
            pos: blocks_of(weights, &keys.pos, |p| token_buckets(p, true, bits)),
        }
    }

    /// The number of weight rows.
    pub(crate) fn len(&self) -> usize {
        let tables = [&self.unigrams, &self.bigrams, &self.words, &self.pos];
        1 + self.residual.len() + tables.iter().map(|t| t.len()).sum::<usize>()
    }

    /// The emission scores of the characters `feats` holds (as
    /// [`Featurizer::prepare`] left it), into `viterbi`.
    pub(crate) fn emissions(&self, feats: &Featurizer, x: &mut GramScratch, viterbi: &mut Viterbi) {
        let n = feats.len();
        x.scores.clear();
        x.scores.resize(n, self.bias.map(i32::from));
        self.add_characters(feats, &mut x.scores);
        x.tokens.clear();
        x.tokens.extend(
            feats
                .tokens()
                .chain([EDGE_TOKEN])
                .map(|(w, p)| (self.words.find(w), self.pos.find(p))),
        );
        let edge = x.tokens.last().copied().unwrap_or_default();
        feats.residual(self.residual.bits, &mut x.residual);
        for (i, (acc, buckets)) in x.scores.iter_mut().zip(&x.residual).enumerate() {
            let (v, t) = feats.in_token(i);
            let at = |t: usize| x.tokens.get(t).copied().unwrap_or(edge);
            for (d, (w, p)) in [at(t), at(t.wrapping_sub(1)), at(t + 1)]
                .into_iter()
                .enumerate()
            {
                for (table, b) in [(&self.words, w), (&self.pos, p)] {
                    if let Some(row) = table.row(b, 4 * d + v) {
                        add(acc, row);
                    }
                }
            }
            for &b in buckets {
                if let Some(row) = self.residual.row(b) {
                    add(acc, row);
                }
            }
        }
        viterbi.set_emissions(x.scores.iter().map(|a| std::array::from_fn(|l| a[l])));
    }

    /// Adds the unigram and bigram blocks of the characters to `scores`.
    fn add_characters(&self, feats: &Featurizer, scores: &mut [[i32; LANES]]) {
        let n = scores.len() as isize;
        let mut at = |i: isize, row: &Row| {
            if let Some(acc) = usize::try_from(i).ok().and_then(|i| scores.get_mut(i)) {
                add(acc, row);
            }
        };
        for j in -2..=n + 1 {
            let c = feats.code(j);
            let own = usize::try_from(j).ok().filter(|&j| j < n as usize);
            let v = own.map_or(usize::MAX, |j| feats.in_token(j).0);
            self.unigrams
                .each_row(self.unigrams.find(u64::from(c)), |k, row| {
                    if k < 5 {
                        at(j + 2 - k as isize, row);
                    } else if k - 5 == v {
                        at(j, row);
                    }
                });
            if j <= n {
                let b = self.bigrams.find(bigram_key(c, feats.code(j + 1)));
                self.bigrams
                    .each_row(b, |k, row| at(j + 2 - k as isize, row));
            }
        }
    }

    /// The model file: magic, feature version, the residual weights (as
    /// [`Weights::write_body`]), the bias and the four tables.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(super::weights::FEATURE_VERSION.to_le_bytes());
        self.residual.write_body(&mut out);
        out.extend(self.bias[..LABELS].iter().flat_map(|w| w.to_le_bytes()));
        for t in [&self.unigrams, &self.bigrams, &self.words, &self.pos] {
            t.write(&mut out);
        }
        out
    }

    /// Reads a model file written by [`GramModel::to_bytes`].
    pub(crate) fn from_bytes(b: &[u8]) -> Result<GramModel, Error> {
        let mut r = Reader(b);
        r.header(MAGIC)?;
        let residual = Weights::read_body(&mut r)?;
        let mut bias = [0i16; LANES];
        for w in &mut bias[..LABELS] {
            *w = r.u16()? as i16;
        }
        let model = GramModel {
            residual,
            bias,
            unigrams: Table::read(&mut r, UNIGRAM_ROWS)?,
            bigrams: Table::read(&mut r, BIGRAM_ROWS)?,
            words: Table::read(&mut r, TOKEN_ROWS)?,
            pos: Table::read(&mut r, TOKEN_ROWS)?,
        };
        if !r.0.is_empty() {
            return Err(Error::Model(ModelProblem::Shape));
        }
        Ok(model)
    }
}

impl Transitions for GramModel {
    #[inline]
    fn transition(&self, from: usize, to: usize) -> i32 {
        self.residual.transitions[from * LABELS + to]
    }
}
