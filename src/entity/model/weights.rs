//! The weights of the tagger: the sparse, quantized table a model ships
//! with (rows only for buckets that carry weight, found by open
//! addressing), its file format, and the dense table training fills.

use super::labels::LABELS;
use crate::error::{Error, ModelProblem};

/// The first bytes of a model file.
const MAGIC: &[u8; 8] = b"ZHNERv1\n";

/// The feature scheme the models of this build are trained with; a model
/// of another scheme is refused.
pub(crate) const FEATURE_VERSION: u32 = 1;

/// Scores per row in memory: [`LABELS`] padded with zeros.
pub(crate) const LANES: usize = 16;

/// No row: the empty slot of the lookup table.
const EMPTY: u32 = u32::MAX;

/// A trained model's weights: for each bucket that carries weight, one
/// score per label; and a score per label transition. Scores are integers
/// (the quantized averaged weights).
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    /// Bits of the feature buckets.
    pub(crate) bits: u32,
    /// `(LABELS + 1) * LABELS` transition scores; the last row is from the
    /// start of the text.
    pub(crate) transitions: Vec<i32>,
    /// The bucket of each row, increasing.
    buckets: Vec<u32>,
    /// The scores of each row, padded to [`LANES`] (one vector register).
    rows: Vec<[i16; LANES]>,
    /// Bucket → row.
    index: Index,
}

/// The most bits of a model whose buckets are found by [`Index::Rank`]
/// (16 bytes per 64 buckets: 4 MiB at 24 bits).
const RANK_BITS: u32 = 24;

/// How the row of a bucket is found.
#[derive(Debug, Clone)]
enum Index {
    /// One bit per bucket, set where it has a row, in [`Block`]s of 64:
    /// the row is the block's first row plus the set bits below the
    /// bucket's. No probing, and a quarter of the memory of the hash table
    /// at the shipped model's 22 bits.
    Rank(Vec<Block>),
    /// Open-addressing table: bucket → row, [`EMPTY`] where free (models
    /// of more than [`RANK_BITS`] bits).
    Hash(Vec<(u32, u32)>),
}

/// 64 buckets of [`Index::Rank`].
#[derive(Debug, Clone, Copy, Default)]
struct Block {
    /// Bit `i` set where bucket `64 × block + i` has a row.
    bits: u64,
    /// Byte `j`: the rows of the block's buckets below `8j` (at most 56),
    /// so that a lookup counts the bits of one byte only (a table look-up;
    /// `count_ones` on a `u64` is a dozen instructions without `popcnt`).
    below: u64,
    /// The row of the block's first bucket that has one.
    first: u32,
}

/// The set bits of each byte (`count_ones` is a dozen instructions
/// without `popcnt`); the block layout of `grams` reads it too.
pub(super) static POPCOUNT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).count_ones() as u8;
        i += 1;
    }
    t
};

impl Index {
    /// The index of `buckets` (increasing, below `2^bits`).
    fn new(bits: u32, buckets: &[u32]) -> Index {
        if bits > RANK_BITS {
            let mut slots = vec![(EMPTY, EMPTY); (buckets.len() * 2).next_power_of_two().max(2)];
            for (i, &b) in buckets.iter().enumerate() {
                let mut s = slot(&slots, b);
                while slots[s].0 != EMPTY {
                    s = (s + 1) & (slots.len() - 1);
                }
                slots[s] = (b, i as u32);
            }
            return Index::Hash(slots);
        }
        let mut blocks = vec![Block::default(); (1usize << bits).div_ceil(64)];
        for &b in buckets {
            blocks[b as usize / 64].bits |= 1 << (b % 64);
        }
        let mut rows = 0;
        for block in &mut blocks {
            block.first = rows;
            rows += block.bits.count_ones();
            let bytes = block.bits.to_le_bytes();
            let mut below = 0;
            for j in 1..8 {
                below += u64::from(POPCOUNT[usize::from(bytes[j - 1])]);
                block.below |= below << (8 * j);
            }
        }
        Index::Rank(blocks)
    }
}

/// The first slot of `slots` to probe for bucket `b`.
#[inline]
fn slot(slots: &[(u32, u32)], b: u32) -> usize {
    (b.wrapping_mul(0x9E37_79B1) as usize) & (slots.len() - 1)
}

impl Weights {
    /// Weights from sorted `(bucket, scores)` rows and transitions.
    pub(crate) fn new(bits: u32, transitions: Vec<i32>, rows: Vec<(u32, [i16; LABELS])>) -> Self {
        let buckets: Vec<u32> = rows.iter().map(|r| r.0).collect();
        Weights {
            bits,
            transitions,
            index: Index::new(bits, &buckets),
            buckets,
            rows: rows
                .iter()
                .map(|r| std::array::from_fn(|l| r.1.get(l).copied().unwrap_or(0)))
                .collect(),
        }
    }

    /// The number of rows.
    pub(crate) fn len(&self) -> usize {
        self.buckets.len()
    }

    /// The row of bucket `b` in `slots`, `None` when it carries no weight.
    #[inline]
    fn hashed(&self, slots: &[(u32, u32)], b: u32) -> Option<&[i16; LANES]> {
        let mut s = slot(slots, b);
        loop {
            let (key, row) = slots[s];
            if key == b {
                return self.rows.get(row as usize);
            }
            if key == EMPTY {
                return None;
            }
            s = (s + 1) & (slots.len() - 1);
        }
    }

    /// The row of bucket `b` in `blocks`, `None` when it carries no weight
    /// (or lies past the table: a bucket of other bits).
    #[inline]
    fn ranked(&self, blocks: &[Block], b: u32) -> Option<&[i16; LANES]> {
        let block = blocks.get(b as usize / 64)?;
        if block.bits & (1u64 << (b % 64)) == 0 {
            return None;
        }
        let byte = 8 * (b % 64 / 8);
        let within = (block.bits >> byte) as u8 & ((1u8 << (b % 8)) - 1);
        let row =
            block.first + ((block.below >> byte) as u8 + POPCOUNT[usize::from(within)]) as u32;
        self.rows.get(row as usize)
    }

    /// The row of bucket `b`, `None` when it carries no weight.
    #[inline]
    pub(crate) fn row(&self, b: u32) -> Option<&[i16; LANES]> {
        match &self.index {
            Index::Rank(blocks) => self.ranked(blocks, b),
            Index::Hash(slots) => self.hashed(slots, b),
        }
    }

    /// The same weights with the rows of the buckets `keep` holds only,
    /// every score (and transition) times `scale`, rounded; rows that
    /// round to zero dropped.
    pub(crate) fn scaled(&self, keep: impl Fn(u32) -> bool, scale: f64) -> Weights {
        let rows = self
            .buckets
            .iter()
            .zip(&self.rows)
            .filter(|(b, _)| keep(**b))
            .map(|(&b, r)| (b, std::array::from_fn(|l| scale_score(r[l], scale))))
            .filter(|(_, r): &(u32, [i16; LABELS])| r.iter().any(|&w| w != 0))
            .collect();
        let transitions = self
            .transitions
            .iter()
            .map(|&t| (f64::from(t) * scale).round() as i32)
            .collect();
        Weights::new(self.bits, transitions, rows)
    }

    /// The largest score of any row.
    pub(crate) fn peak(&self) -> i32 {
        self.rows
            .iter()
            .flat_map(|r| r.iter())
            .map(|&w| i32::from(w).abs())
            .max()
            .unwrap_or(0)
    }

    /// Adds the scores of `buckets` to `scores`.
    #[inline]
    pub(crate) fn score(&self, buckets: &[u32], scores: &mut [i32; LABELS]) {
        let mut sum = [0i32; LANES];
        let mut add = |row: &[i16; LANES]| {
            for (s, &w) in sum.iter_mut().zip(row) {
                *s += i32::from(w);
            }
        };
        match &self.index {
            Index::Rank(blocks) => buckets
                .iter()
                .filter_map(|&b| self.ranked(blocks, b))
                .for_each(&mut add),
            Index::Hash(slots) => buckets
                .iter()
                .filter_map(|&b| self.hashed(slots, b))
                .for_each(&mut add),
        }
        for (s, &v) in scores.iter_mut().zip(&sum) {
            *s += v;
        }
    }

    /// The model file: magic, feature version, bits, labels, rows,
    /// transitions, buckets, scores (all little-endian).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(FEATURE_VERSION.to_le_bytes());
        self.write_body(&mut out);
        out
    }

    /// What [`Weights::to_bytes`] writes after the magic and the feature
    /// version: bits, labels, rows, transitions, buckets, scores.
    pub(crate) fn write_body(&self, out: &mut Vec<u8>) {
        for v in [self.bits, LABELS as u32, self.len() as u32] {
            out.extend(v.to_le_bytes());
        }
        out.extend(self.transitions.iter().flat_map(|t| t.to_le_bytes()));
        out.extend(self.buckets.iter().flat_map(|b| b.to_le_bytes()));
        out.extend(
            self.rows
                .iter()
                .flat_map(|r| r[..LABELS].iter().flat_map(|w| w.to_le_bytes())),
        );
    }

    /// As [`Weights::write_body`], compactly: buckets as increasing
    /// differences and rows as [`write_row`] writes them.
    pub(crate) fn write_compact(&self, out: &mut Vec<u8>) {
        for v in [self.bits, LABELS as u32, self.len() as u32] {
            out.extend(v.to_le_bytes());
        }
        out.extend(self.transitions.iter().flat_map(|t| t.to_le_bytes()));
        let mut last = 0;
        for (&b, row) in self.buckets.iter().zip(&self.rows) {
            write_varint(out, u64::from(b - last));
            last = b;
            write_row(out, row);
        }
    }

    /// Reads what [`Weights::write_compact`] writes.
    pub(crate) fn read_compact(r: &mut Reader<'_>) -> Result<Weights, Error> {
        let shape = || Error::Model(ModelProblem::Shape);
        let bits = r.u32()?;
        let labels = r.u32()? as usize;
        if labels != LABELS || !(8..=30).contains(&bits) {
            return Err(shape());
        }
        let n = r.u32()? as usize;
        let transitions = (0..(LABELS + 1) * LABELS)
            .map(|_| r.u32().map(|v| v as i32))
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = Vec::with_capacity(n.min(1 << 24));
        let mut bucket = 0u64;
        for i in 0..n {
            let delta = r.varint()?;
            bucket = bucket.checked_add(delta).ok_or_else(shape)?;
            if (i > 0 && delta == 0) || bucket >> bits != 0 {
                return Err(shape());
            }
            let row = r.row()?;
            rows.push((bucket as u32, std::array::from_fn(|l| row[l])));
        }
        Ok(Weights::new(bits, transitions, rows))
    }

    /// Reads a model file written by [`Weights::to_bytes`].
    pub(crate) fn from_bytes(b: &[u8]) -> Result<Weights, Error> {
        let mut r = Reader(b);
        r.header(MAGIC)?;
        let weights = Weights::read_body(&mut r)?;
        if !r.0.is_empty() {
            return Err(Error::Model(ModelProblem::Shape));
        }
        Ok(weights)
    }

    /// Reads what [`Weights::write_body`] writes.
    pub(crate) fn read_body(r: &mut Reader<'_>) -> Result<Weights, Error> {
        let bits = r.u32()?;
        let labels = r.u32()? as usize;
        if labels != LABELS || !(8..=30).contains(&bits) {
            return Err(Error::Model(ModelProblem::Shape));
        }
        let n = r.u32()? as usize;
        let transitions = (0..(LABELS + 1) * LABELS)
            .map(|_| r.u32().map(|v| v as i32))
            .collect::<Result<Vec<_>, _>>()?;
        let buckets = (0..n).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?;
        if buckets.windows(2).any(|w| w[0] >= w[1])
            || buckets.last().is_some_and(|&l| l >> bits != 0)
        {
            return Err(Error::Model(ModelProblem::Shape));
        }
        let mut rows = Vec::with_capacity(n);
        for &bucket in &buckets {
            let mut scores = [0i16; LABELS];
            for s in &mut scores {
                *s = r.u16()? as i16;
            }
            rows.push((bucket, scores));
        }
        Ok(Weights::new(bits, transitions, rows))
    }
}

/// `w` times `scale` (at most 1), rounded.
pub(crate) fn scale_score(w: i16, scale: f64) -> i16 {
    (f64::from(w) * scale).round() as i16
}

/// A cursor over the bytes of a model file.
pub(crate) struct Reader<'a>(pub(crate) &'a [u8]);

impl<'a> Reader<'a> {
    /// Reads `magic` and the feature version; refuses another file or
    /// scheme.
    pub(crate) fn header(&mut self, magic: &[u8; 8]) -> Result<(), Error> {
        if self.take(magic.len())? != magic {
            return Err(Error::Model(ModelProblem::NotAModel));
        }
        let version = self.u32()?;
        if version != FEATURE_VERSION {
            return Err(Error::Model(ModelProblem::FeatureVersion {
                found: version,
                expected: FEATURE_VERSION,
            }));
        }
        Ok(())
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if self.0.len() < n {
            return Err(Error::Model(ModelProblem::Truncated));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    /// A little-endian `u32`.
    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A little-endian `u16`.
    pub(crate) fn u16(&mut self) -> Result<u16, Error> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    /// A row written by [`write_row`].
    pub(crate) fn row(&mut self) -> Result<[i16; LANES], Error> {
        let mask = self.varint()?;
        if mask >> LABELS != 0 {
            return Err(Error::Model(ModelProblem::Shape));
        }
        let mut row = [0i16; LANES];
        let mut m = mask;
        while m != 0 {
            let l = m.trailing_zeros() as usize;
            m &= m - 1;
            if let Some(w) = row.get_mut(l) {
                *w = self.score()?;
            }
        }
        Ok(row)
    }

    /// A score written by [`write_score`].
    fn score(&mut self) -> Result<i16, Error> {
        let z = match self.0 {
            [b, rest @ ..] if *b < 0x80 => {
                self.0 = rest;
                u16::from(*b)
            }
            [b0, b1, rest @ ..] if *b1 < 0x80 => {
                self.0 = rest;
                u16::from(b0 & 0x7f) | u16::from(*b1) << 7
            }
            _ => u16::try_from(self.varint()?).map_err(|_| Error::Model(ModelProblem::Shape))?,
        };
        Ok((z >> 1) as i16 ^ -((z & 1) as i16))
    }

    /// An unsigned LEB128 number (at most 64 bits).
    #[inline]
    pub(crate) fn varint(&mut self) -> Result<u64, Error> {
        if let Some((&b, rest)) = self.0.split_first()
            && b < 0x80
        {
            self.0 = rest;
            return Ok(u64::from(b));
        }
        let bytes = self.0;
        let mut v = 0u64;
        for (i, &b) in bytes.iter().enumerate().take(10) {
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.0 = bytes.get(i + 1..).unwrap_or_default();
                return Ok(v);
            }
        }
        Err(Error::Model(if bytes.len() < 10 {
            ModelProblem::Truncated
        } else {
            ModelProblem::Shape
        }))
    }
}

/// Appends score `w` as a zigzag LEB128 number (one byte for −64..64).
fn write_score(out: &mut Vec<u8>, w: i16) {
    write_varint(out, u64::from(((w << 1) ^ (w >> 15)) as u16));
}

/// Appends the [`LABELS`] scores of `row`: a bit per label whose score is
/// not zero, then those scores ([`write_score`]).
pub(crate) fn write_row(out: &mut Vec<u8>, row: &[i16]) {
    let scores = &row[..LABELS.min(row.len())];
    let mask = scores
        .iter()
        .enumerate()
        .filter(|(_, w)| **w != 0)
        .fold(0u64, |m, (l, _)| m | 1 << l);
    write_varint(out, mask);
    scores
        .iter()
        .filter(|w| **w != 0)
        .for_each(|&w| write_score(out, w));
}

/// Appends `v` as an unsigned LEB128 number.
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The weights while training: dense, one integer per bucket and label,
/// with the sums that give the averaged perceptron's mean.
pub(crate) struct Dense {
    /// Bits of the feature buckets.
    pub(crate) bits: u32,
    /// Current weights, `LABELS` per bucket.
    w: Vec<i32>,
    /// For averaging: the sum of `step × change` of each weight.
    u: Vec<i64>,
    /// Current transition weights, `(LABELS + 1) * LABELS`.
    pub(crate) t: Vec<i32>,
    /// Averaging sums of the transitions.
    tu: Vec<i64>,
    /// Updates so far (the averaging clock).
    pub(crate) step: i64,
}

impl Dense {
    /// Zero weights over `bits`-bit buckets.
    pub(crate) fn new(bits: u32) -> Dense {
        let n = (1usize << bits) * LABELS;
        let t = (LABELS + 1) * LABELS;
        Dense {
            bits,
            w: vec![0; n],
            u: vec![0; n],
            t: vec![0; t],
            tu: vec![0; t],
            step: 1,
        }
    }

    /// Adds the current scores of `buckets` to `scores`.
    pub(crate) fn score(&self, buckets: &[u32], scores: &mut [i32; LABELS]) {
        for &b in buckets {
            let r = b as usize * LABELS;
            for (s, &w) in scores.iter_mut().zip(&self.w[r..r + LABELS]) {
                *s += w;
            }
        }
    }

    /// Adds `delta` to the weight of label `l` in each of `buckets`.
    pub(crate) fn update(&mut self, buckets: &[u32], l: u8, delta: i32) {
        for &b in buckets {
            let i = b as usize * LABELS + usize::from(l);
            self.w[i] += delta;
            self.u[i] += self.step * i64::from(delta);
        }
    }

    /// Adds `delta` to the transition `from → to` (`from` = `LABELS` for
    /// the start).
    pub(crate) fn update_transition(&mut self, from: usize, to: u8, delta: i32) {
        let i = from * LABELS + usize::from(to);
        self.t[i] += delta;
        self.tu[i] += self.step * i64::from(delta);
    }

    /// The averaged weights, quantized to `i16` rows (rows that round to
    /// zero dropped, then the weakest dropped past `max_rows`).
    pub(crate) fn averaged(&self, max_rows: usize) -> Weights {
        let avg = |w: i32, u: i64| f64::from(w) - u as f64 / self.step as f64;
        let peak = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| avg(w, u).abs())
            .fold(1e-9, f64::max);
        let scale = f64::from(i16::MAX) / peak;
        let q = |w: i32, u: i64| (avg(w, u) * scale).round();
        let mut rows: Vec<(u32, [i16; LABELS], i32)> = Vec::new();
        for (bucket, (w, u)) in self.w.chunks(LABELS).zip(self.u.chunks(LABELS)).enumerate() {
            let mut scores = [0i16; LABELS];
            for (s, (&w, &u)) in scores.iter_mut().zip(w.iter().zip(u)) {
                *s = q(w, u) as i16;
            }
            let strength = scores
                .iter()
                .map(|&s| i32::from(s).abs())
                .max()
                .unwrap_or(0);
            if strength > 0 {
                rows.push((bucket as u32, scores, strength));
            }
        }
        if rows.len() > max_rows {
            rows.sort_by_key(|r| std::cmp::Reverse(r.2));
            rows.truncate(max_rows);
            rows.sort_by_key(|r| r.0);
        }
        let transitions = self
            .t
            .iter()
            .zip(&self.tu)
            .map(|(&w, &u)| q(w, u) as i32)
            .collect();
        Weights::new(
            self.bits,
            transitions,
            rows.into_iter().map(|r| (r.0, r.1)).collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_indexes_find_the_same_rows() {
        let rows: Vec<(u32, [i16; LABELS])> = (0..5000u32)
            .map(|i| {
                (
                    i * 97 + i % 13,
                    std::array::from_fn(|l| (i as i16 % 300) - l as i16),
                )
            })
            .collect();
        let ranked = Weights::new(20, vec![0; (LABELS + 1) * LABELS], rows.clone());
        let hashed = Weights::new(25, vec![0; (LABELS + 1) * LABELS], rows.clone());
        assert!(matches!(ranked.index, Index::Rank(_)) && matches!(hashed.index, Index::Hash(_)));
        for b in (0..600_000)
            .step_by(7)
            .chain(rows.iter().map(|r| r.0))
            .chain([1 << 20, u32::MAX])
        {
            let want = rows.iter().find(|r| r.0 == b).map(|r| r.1);
            let got = |w: &Weights| {
                let mut s = [0i32; LABELS];
                w.score(&[b], &mut s);
                s.map(|v| v as i16)
            };
            assert_eq!(got(&ranked), want.unwrap_or([0; LABELS]), "{b}");
            assert_eq!(got(&hashed), want.unwrap_or([0; LABELS]), "{b}");
        }
    }
}
