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
    class_buckets, context_buckets, token_buckets, unigram_buckets,
};
use super::labels::LABELS;
use super::viterbi::{Transitions, Viterbi};
use super::weights::{LANES, POPCOUNT, Reader, Weights, scale_score, write_row, write_varint};
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
    /// A table of `blocks` (`(key, mask)`, keys distinct, masks not 0)
    /// whose rows follow each other in `rows`, block after block.
    fn new(blocks: Vec<(u64, u32)>, rows: Vec<Row>) -> Table {
        let size = (blocks.len() * 2).next_power_of_two().max(2);
        let mut t = Table {
            rows,
            slots: vec![Block::default(); size],
            shift: 64 - size.trailing_zeros(),
        };
        let mut first = 0u32;
        for (key, mask) in blocks {
            let mut s = t.slot(key);
            while t.slots[s].mask != 0 {
                s = (s + 1) & (size - 1);
            }
            t.slots[s] = Block { key, first, mask };
            first += mask.count_ones();
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
        let below = b.mask & ((1 << k) - 1);
        let below = POPCOUNT[(below & 0xff) as usize] + POPCOUNT[(below >> 8 & 0xff) as usize];
        self.rows.get((b.first + u32::from(below)) as usize)
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

    /// Keys delta-coded, masks and rows (as [`write_row`] writes them).
    fn write(&self, out: &mut Vec<u8>) {
        let blocks = self.sorted();
        out.extend((blocks.len() as u32).to_le_bytes());
        let mut last = 0;
        for b in blocks {
            write_varint(out, b.key.wrapping_sub(last));
            last = b.key;
            write_varint(out, u64::from(b.mask));
            self.each_row(b, |_, row| write_row(out, row));
        }
    }

    /// Reads what [`Table::write`] writes (blocks of at most `width` rows).
    fn read(r: &mut Reader<'_>, width: u32) -> Result<Table, Error> {
        let n = r.u32()? as usize;
        let mut blocks = Vec::with_capacity(n.min(1 << 20));
        let mut rows = Vec::with_capacity(n.min(1 << 20));
        let mut key = 0u64;
        for i in 0..n {
            let delta = r.varint()?;
            key = key.wrapping_add(delta);
            let mask = u32::try_from(r.varint()?).unwrap_or(u32::MAX);
            if (i > 0 && delta == 0) || mask == 0 || mask >> width != 0 {
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
    unigrams: Table,
    /// Two characters → the rows of [`bigram_buckets`].
    bigrams: Table,
    /// Word hash → the rows of [`token_buckets`].
    words: Table,
    /// POS hash → the rows of [`token_buckets`].
    pos: Table,
    /// [`Featurizer::class_key`] → the sum of the rows of
    /// [`class_buckets`], for the class five-grams of the training text.
    classes: Table,
    /// The middle three classes of a [`Featurizer::class_key`] → the row
    /// of the class trigram, for a five-gram `classes` does not hold.
    middles: Table,
    /// [`Featurizer::context_key`] → the sum of the rows of
    /// [`context_buckets`], for every key there can be.
    contexts: Table,
}

/// The middle three classes of a [`Featurizer::class_key`].
#[inline]
fn middle(class_key: u64) -> u64 {
    class_key >> 6 & 0x3_ffff
}

/// Every [`Featurizer::context_key`] there can be: lexicon kind (0..5)
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
const UNIGRAM_ROWS: u32 = 9;
const BIGRAM_ROWS: u32 = 4;
const TOKEN_ROWS: u32 = 12;
const ONE_ROW: u32 = 1;

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
fn scaled(d: Draft, scale: f64) -> Table {
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

/// The places before and after the characters in the first sums.
const PAD: usize = 4;

/// Per-thread scratch space of [`GramModel::emissions`].
#[derive(Debug, Default)]
pub(crate) struct GramScratch {
    scores: Vec<Row>,
    /// The word and POS blocks of each entry of [`Featurizer::tokens`],
    /// and one edge entry after them.
    tokens: Vec<(Block, Block)>,
    hashed: Vec<[u32; HASHED]>,
}

/// Adds `row` to `acc`, lane by lane. A character's scores are two sums
/// (the bias and character blocks; the rest), and the model's scores are
/// scaled so that neither leaves `i16` ([`GramModel::export`]);
/// saturating, a model file that breaks that bound gives wrong scores,
/// never a panic.
#[inline(always)]
fn add(acc: &mut Row, row: &Row) {
    let (a, r) = (*acc, *row);
    *acc = std::array::from_fn(|l| a[l].saturating_add(r[l]));
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
        }
    }

    /// The tables, in file order.
    fn tables(&self) -> [(&Table, u32); 7] {
        [
            (&self.unigrams, UNIGRAM_ROWS),
            (&self.bigrams, BIGRAM_ROWS),
            (&self.words, TOKEN_ROWS),
            (&self.pos, TOKEN_ROWS),
            (&self.classes, ONE_ROW),
            (&self.middles, ONE_ROW),
            (&self.contexts, ONE_ROW),
        ]
    }

    /// The number of weight rows.
    pub(crate) fn len(&self) -> usize {
        let tables: usize = self.tables().iter().map(|t| t.0.len()).sum();
        1 + self.hashed.len() + tables
    }

    /// The emission scores of the characters `feats` holds (as
    /// [`Featurizer::prepare`] left it), into `viterbi`.
    pub(crate) fn emissions(&self, feats: &Featurizer, x: &mut GramScratch, viterbi: &mut Viterbi) {
        let n = feats.len();
        x.scores.clear();
        x.scores.resize(n + 2 * PAD, self.bias);
        self.add_characters(feats, &mut x.scores);
        x.tokens.clear();
        x.tokens.extend(
            feats
                .tokens()
                .chain([EDGE_TOKEN])
                .map(|(w, p)| (self.words.find(w), self.pos.find(p))),
        );
        let edge = x.tokens.last().copied().unwrap_or_default();
        feats.hashed(self.hashed.bits, &mut x.hashed);
        let scores = x.scores.get(PAD..PAD + n).unwrap_or_default();
        let (tokens, hashed) = (&x.tokens, &x.hashed);
        let at = |t: usize| tokens.get(t).copied().unwrap_or(edge);
        viterbi.set_emissions(
            scores
                .iter()
                .zip(hashed)
                .enumerate()
                .map(|(i, (acc, buckets))| {
                    // the second sum: token, class, context and hashed rows
                    let mut sum = [0i16; LANES];
                    let (v, t) = feats.in_token(i);
                    for (d, (w, p)) in [at(t), at(t.wrapping_sub(1)), at(t + 1)]
                        .into_iter()
                        .enumerate()
                    {
                        for (table, b) in [(&self.words, w), (&self.pos, p)] {
                            if let Some(row) = table.row(b, 4 * d + v) {
                                add(&mut sum, row);
                            }
                        }
                    }
                    let class = feats.class_key(i);
                    let mut b = (&self.classes, self.classes.find(class));
                    if b.1.mask == 0 {
                        b = (&self.middles, self.middles.find(middle(class)));
                    }
                    let context = (&self.contexts, self.contexts.find(feats.context_key(i)));
                    for (table, b) in [b, context] {
                        if let Some(row) = table.row(b, 0) {
                            add(&mut sum, row);
                        }
                    }
                    for row in buckets.iter().filter_map(|&b| self.hashed.row(b)) {
                        add(&mut sum, row);
                    }
                    std::array::from_fn(|l| i32::from(acc[l]) + i32::from(sum[l]))
                }),
        );
    }

    /// Adds the unigram and bigram blocks of the characters to `scores`
    /// (character `i` at `PAD + i`; what lands in the padding is never
    /// read, so no place needs a test).
    fn add_characters(&self, feats: &Featurizer, scores: &mut [Row]) {
        let n = scores.len().saturating_sub(2 * PAD);
        // jj = j + 2 for the characters j = −2..n + 2 the blocks are of
        for jj in 0..n + 4 {
            let j = jj as isize - 2;
            let c = feats.code(j);
            let v = if (2..n + 2).contains(&jj) {
                feats.in_token(jj - 2).0
            } else {
                usize::MAX
            };
            let mut at = |i: usize, row: &Row| {
                if let Some(acc) = scores.get_mut(i) {
                    add(acc, row);
                }
            };
            // row k < 5 is for the character at j + 2 − k, at PAD + j + 2 − k
            self.unigrams
                .each_row(self.unigrams.find(u64::from(c)), |k, row| {
                    if k < 5 {
                        at(jj + PAD - k, row);
                    } else if k - 5 == v {
                        at(jj + 2, row);
                    }
                });
            if jj <= n + 2 {
                let b = self.bigrams.find(bigram_key(c, feats.code(j + 1)));
                self.bigrams.each_row(b, |k, row| at(jj + PAD - k, row));
            }
        }
    }

    /// The model file: magic, feature version, the hashed weights (as
    /// [`Weights::write_compact`]), the bias and the tables.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(super::weights::FEATURE_VERSION.to_le_bytes());
        self.hashed.write_compact(&mut out);
        out.extend(self.bias[..LABELS].iter().flat_map(|w| w.to_le_bytes()));
        for (t, _) in self.tables() {
            t.write(&mut out);
        }
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
            unigrams: Table::read(&mut r, UNIGRAM_ROWS)?,
            bigrams: Table::read(&mut r, BIGRAM_ROWS)?,
            words: Table::read(&mut r, TOKEN_ROWS)?,
            pos: Table::read(&mut r, TOKEN_ROWS)?,
            classes: Table::read(&mut r, ONE_ROW)?,
            middles: Table::read(&mut r, ONE_ROW)?,
            contexts: Table::read(&mut r, ONE_ROW)?,
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
