//! The trainer: an averaged perceptron over labelled sentences, each
//! decoded with the current weights and corrected towards its labels.
//! Sentences labelled for some kinds only (a corpus that marks companies
//! but not places) are corrected towards the best path that agrees with
//! the labels they have.

use super::features::{Featurizer, PER_CHAR};
use super::grams::{GramKeys, GramModel};
use super::labels::{self, KINDS, LABELS, OUTSIDE, Part, kind_index};
use super::viterbi::{Mask, Scorer, Transitions, Viterbi};
use super::weights::{Dense, Weights};
use super::{NerModel, Tagger};
use crate::analyzer::Analyzer;
use crate::entity::{Entity, EntityKind};
use crate::text::Folded;
use std::sync::Arc;

/// A sentence labelled for training or evaluation.
#[derive(Debug, Clone)]
pub struct NerExample {
    /// The text.
    pub text: String,
    /// The names in it (byte offsets into `text`; `text` fields are not
    /// read).
    pub names: Vec<Entity>,
    /// The kinds the labels cover: a name of another kind may be anywhere
    /// outside `names`.
    pub labelled: Vec<EntityKind>,
}

impl NerExample {
    /// A sentence whose persons, places and organisations are all labelled.
    pub fn new(text: String, names: Vec<Entity>) -> NerExample {
        NerExample {
            text,
            names,
            labelled: KINDS.to_vec(),
        }
    }
}

/// How to train.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Bits of the feature hash (buckets = 2^bits; training holds 12 bytes
    /// per bucket and label).
    pub bits: u32,
    /// The most rows of the hashed weights (one per bucket) kept when
    /// they are averaged; the weakest go first. The model written lays
    /// them out by n-gram and token, where a row shared by several
    /// n-grams is held by each: about twice as many rows, 11 bytes each in
    /// the file.
    pub max_rows: usize,
    /// The seed of the order in which sentences are visited.
    pub seed: u64,
    /// The fewest times a character bigram, a word or a hashed feature
    /// of another kind must occur in the training text to keep its
    /// weights in the model written (rarer ones share their hashed rows
    /// with other features more than they own them).
    pub min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            bits: 22,
            max_rows: 260_000,
            seed: 20261201,
            min_count: 1,
        }
    }
}

/// Exact-span counts of one kind on the dev sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindScore {
    /// The kind.
    pub kind: EntityKind,
    /// Names in the labels.
    pub gold: usize,
    /// Names the model found.
    pub predicted: usize,
    /// Names found with the labelled span and kind.
    pub right: usize,
}

impl KindScore {
    /// No names yet, one score per kind.
    fn zeros() -> Vec<KindScore> {
        KINDS
            .iter()
            .map(|&kind| KindScore {
                kind,
                gold: 0,
                predicted: 0,
                right: 0,
            })
            .collect()
    }

    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.right as f64 / self.predicted.max(1) as f64;
        let r = self.right as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// What one epoch did.
#[derive(Debug, Clone, PartialEq)]
pub struct EpochReport {
    /// 1-based.
    pub epoch: usize,
    /// Training characters whose label the weights got wrong before the
    /// update, and all training characters.
    pub wrong: (usize, usize),
    /// Dev figures of the averaged weights after the epoch, per kind.
    pub dev: Vec<KindScore>,
    /// Weight rows the averaged model keeps.
    pub rows: usize,
}

/// A sentence ready for training: its features, the labels allowed at each
/// character, and its names as characters.
struct Prepared {
    ids: Vec<u32>,
    mask: Vec<Mask>,
    names: Vec<(usize, usize, usize)>,
    labelled: Vec<usize>,
}

/// Trains entity models with an analyzer's segmenter and lexicons (the
/// features at analysis time come from the same).
///
/// ```no_run
/// use zhnews::{Analyzer, Entity, EntityKind, NerExample, NerTrainer, TrainOptions};
/// let analyzer = Analyzer::new();
/// let name = |start, end| Entity { kind: EntityKind::Person, text: String::new(), start, end };
/// let train = vec![NerExample::new("王兴表示".into(), vec![name(0, 6)])];
/// let trainer = NerTrainer::new(&analyzer, TrainOptions { bits: 16, ..TrainOptions::default() });
/// let model = trainer.train(&train, &[], |e| println!("epoch {}", e.epoch));
/// std::fs::write("my.model", model.to_bytes()).unwrap();
/// ```
pub struct NerTrainer<'a> {
    analyzer: &'a Analyzer,
    options: TrainOptions,
}

impl<'a> NerTrainer<'a> {
    /// A trainer using `analyzer`'s segmenter and lexicons.
    pub fn new(analyzer: &'a Analyzer, options: TrainOptions) -> NerTrainer<'a> {
        NerTrainer { analyzer, options }
    }

    /// Trains on `train`, reporting the figures on `dev` after each epoch,
    /// and returns the averaged model of the last epoch.
    pub fn train(
        &self,
        train: &[NerExample],
        dev: &[NerExample],
        mut report: impl FnMut(&EpochReport),
    ) -> NerModel {
        let bits = self.options.bits.clamp(8, 30);
        let mut keys = GramKeys::default();
        let train: Vec<Prepared> = train
            .iter()
            .map(|e| self.prepare(e, bits, Some(&mut keys)))
            .collect();
        let dev: Vec<Prepared> = dev.iter().map(|e| self.prepare(e, bits, None)).collect();
        let mut dense = Dense::new(bits);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = XorShift(self.options.seed | 1);
        let mut viterbi = Viterbi::default();
        let mut weights = dense.averaged(self.options.max_rows);
        for epoch in 1..=self.options.epochs {
            rng.shuffle(&mut order);
            let mut wrong = (0, 0);
            for &i in &order {
                let w = learn(&mut dense, &mut viterbi, &train[i]);
                wrong = (wrong.0 + w, wrong.1 + train[i].mask.len());
            }
            weights = dense.averaged(self.options.max_rows);
            report(&EpochReport {
                epoch,
                wrong,
                dev: evaluate(&weights, &mut viterbi, &dev),
                rows: weights.len(),
            });
        }
        NerModel {
            tagger: Arc::new(Tagger::Grams(Box::new(GramModel::export(
                &weights,
                &keys,
                self.options.min_count,
            )))),
        }
    }

    /// Exact-span figures of `model` on `dev`, per kind, tagging each
    /// text as analysis does (only kinds an example labels are counted for
    /// it): the figures of the model as written, beside those of the
    /// hashed weights each epoch reports.
    pub fn evaluate(&self, model: &NerModel, dev: &[NerExample]) -> Vec<KindScore> {
        let mut out = KindScore::zeros();
        for e in dev {
            let folded = Folded::new(&e.text);
            let tokens = self.analyzer.entity_tokens(&folded);
            let s = folded.as_str();
            let lexical = self.analyzer.entities().lexicon.spans(s, &tokens);
            let found = model.spans(s, &tokens, &lexical).names;
            for kind in e.labelled.iter().filter(|k| kind_index(**k).is_some()) {
                let Some(score) = out.iter_mut().find(|k| k.kind == *kind) else {
                    continue;
                };
                let gold: Vec<(usize, usize)> = e
                    .names
                    .iter()
                    .filter(|n| n.kind == *kind)
                    .map(|n| (folded.to_folded(n.start), folded.to_folded(n.end)))
                    .collect();
                let mine = found.iter().filter(|n| n.kind == *kind);
                score.gold += gold.len();
                score.predicted += mine.clone().count();
                score.right += mine.filter(|n| gold.contains(&(n.start, n.end))).count();
            }
        }
        out
    }

    /// The features, masks and names of one example; what it holds added
    /// to `keys`.
    fn prepare(&self, e: &NerExample, bits: u32, keys: Option<&mut GramKeys>) -> Prepared {
        let folded = Folded::new(&e.text);
        let tokens = self.analyzer.entity_tokens(&folded);
        let s = folded.as_str();
        let lexical = self.analyzer.entities().lexicon.spans(s, &tokens);
        let mut feats = Featurizer::default();
        feats.compute(s, &tokens, &lexical, bits);
        if let Some(keys) = keys {
            keys.add(&feats);
        }
        let char_at = |b: usize| feats.offsets.binary_search(&folded.to_folded(b)).ok();
        let mut names: Vec<(usize, usize, usize)> = e
            .names
            .iter()
            .filter_map(|n| Some((char_at(n.start)?, char_at(n.end)?, kind_index(n.kind)?)))
            .filter(|&(a, b, _)| a < b)
            .collect();
        names.sort_unstable();
        names.dedup_by(|b, a| b.0 < a.1);
        let labelled: Vec<usize> = e.labelled.iter().filter_map(|&k| kind_index(k)).collect();
        let mask = masks(feats.len(), &names, &labelled);
        Prepared {
            ids: std::mem::take(&mut feats.ids),
            mask,
            names,
            labelled,
        }
    }
}

/// The labels allowed at each character: a name's own labels inside it;
/// outside, `O` or any label of a kind the example does not label.
fn masks(len: usize, names: &[(usize, usize, usize)], labelled: &[usize]) -> Vec<Mask> {
    let mut outside: Mask = 1 << OUTSIDE;
    for k in (0..KINDS.len()).filter(|k| !labelled.contains(k)) {
        for part in [Part::Begin, Part::Middle, Part::End, Part::Single] {
            outside |= 1 << labels::label(k, part);
        }
    }
    let mut mask = vec![outside; len];
    for (m, &l) in mask.iter_mut().zip(&labels::encode(len, names)) {
        if l != OUTSIDE {
            *m = 1 << l;
        }
    }
    mask
}

/// One perceptron step on `p`; returns the characters the weights got
/// wrong.
fn learn(dense: &mut Dense, viterbi: &mut Viterbi, p: &Prepared) -> usize {
    viterbi.emissions(dense, &p.ids, PER_CHAR);
    let guess = viterbi.decode_free(dense).to_vec();
    // where the labels leave a kind open, the model's own guess of that
    // kind is kept but none is taught: unlabelled text only says `O`
    let gold = viterbi.decode(dense, |i| {
        let m = p.mask[i];
        if m.is_power_of_two() {
            m
        } else {
            (1 << OUTSIDE) | (m & (1 << guess[i]))
        }
    });
    let mut wrong = 0;
    let mut prev = (LABELS, LABELS);
    for (i, (&g, &y)) in gold.iter().zip(&guess).enumerate() {
        if g != y {
            wrong += 1;
            let ids = &p.ids[i * PER_CHAR..(i + 1) * PER_CHAR];
            dense.update(ids, g, 1);
            dense.update(ids, y, -1);
        }
        if (prev.0, g) != (prev.1, y) {
            dense.update_transition(prev.0, g, 1);
            dense.update_transition(prev.1, y, -1);
        }
        prev = (usize::from(g), usize::from(y));
    }
    dense.step += 1;
    wrong
}

/// Exact-span figures of `weights` on `dev`, per kind (only kinds an
/// example labels are counted for it).
fn evaluate(weights: &Weights, viterbi: &mut Viterbi, dev: &[Prepared]) -> Vec<KindScore> {
    let mut out = KindScore::zeros();
    for p in dev {
        viterbi.emissions(weights, &p.ids, PER_CHAR);
        let found = labels::names(viterbi.decode_free(weights));
        for &k in &p.labelled {
            let score = &mut out[k];
            score.gold += p.names.iter().filter(|n| n.2 == k).count();
            score.predicted += found.iter().filter(|n| n.2 == k).count();
            score.right += found
                .iter()
                .filter(|n| n.2 == k && p.names.contains(n))
                .count();
        }
    }
    out
}

impl Scorer for Dense {
    fn add_scores(&self, buckets: &[u32], scores: &mut [i32; LABELS]) {
        self.score(buckets, scores);
    }
}

impl Transitions for Dense {
    fn transition(&self, from: usize, to: usize) -> i32 {
        self.t[from * LABELS + to]
    }
}

/// Marsaglia's xorshift64, for a reproducible visiting order.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates.
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
