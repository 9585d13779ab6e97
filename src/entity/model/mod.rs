//! The trained entity tagger: an averaged perceptron over characters with
//! `B`/`M`/`E`/`S`/`O` labels for persons, places and organisations,
//! decoded by Viterbi within the transitions the labels allow.
//!
//! Features ([`features`]): the characters around each character (one, two
//! and three at a time), character classes (digit, Latin, surname,
//! transliteration character, ...), the segmenter's word holding it with
//! its POS tag and the words beside it, and the lexicon name covering it.
//! Features are hashed to buckets; the shipped model keeps rows only for
//! buckets that carry weight, quantized to 16 bits ([`weights`]).
//!
//! The files: [`labels`] (the label scheme), [`features`], [`weights`]
//! (the table and its file format), [`viterbi`] (decoding), [`train`] (the
//! trainer, [`NerTrainer`]).

mod features;
mod grams;
mod labels;
mod names;
mod train;
mod viterbi;
mod weights;

use std::cell::RefCell;
use std::sync::{Arc, LazyLock};

use super::{Span, Tagged};
use crate::error::Error;
use features::{Featurizer, PER_CHAR};
use grams::{GramModel, GramScratch};
use labels::{KINDS, LABELS};
use viterbi::{Scorer, Transitions, Viterbi};
use weights::Weights;

pub use train::{EpochReport, KindScore, NerExample, NerTrainer, TrainOptions};

/// The model shipped with the crate (`data/entity/ner.model`; how it was
/// trained: README, "Entity model").
const EMBEDDED: &[u8] = include_bytes!("../../../data/entity/ner.model");

/// The embedded model, read once.
static EMBEDDED_MODEL: LazyLock<Option<NerModel>> =
    LazyLock::new(|| NerModel::from_bytes(EMBEDDED).ok());

/// A trained entity tagger (persons, places, organisations). Cheap to
/// clone (the weights are shared); `Send + Sync`.
///
/// ```
/// use zhnews::NerModel;
/// let model = NerModel::embedded().expect("the crate ships a model");
/// let bytes = model.to_bytes();
/// assert_eq!(NerModel::from_bytes(&bytes).unwrap().rows(), model.rows());
/// assert!(NerModel::from_bytes(b"not a model").is_err());
/// ```
#[derive(Debug, Clone)]
pub struct NerModel {
    tagger: Arc<Tagger>,
}

/// The weights of a model, as its file lays them out.
#[derive(Debug)]
enum Tagger {
    /// Every feature hashed (files of the first layout, `ZHNERv1`).
    Hashed(Weights),
    /// By n-gram and token blocks ([`grams`]; what the trainer writes).
    Grams(Box<GramModel>),
}

/// The tagger's per-thread scratch space.
#[derive(Debug, Default)]
struct Scratch {
    feats: Featurizer,
    viterbi: Viterbi,
    grams: GramScratch,
    /// The names of the last path.
    names: Vec<(usize, usize, usize)>,
}

thread_local! {
    /// Per-thread scratch buffers of the tagger.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl NerModel {
    /// The model shipped with the crate; `None` only if the embedded file
    /// is damaged (a build problem, checked by the crate's tests).
    pub fn embedded() -> Option<&'static NerModel> {
        EMBEDDED_MODEL.as_ref()
    }

    /// Reads a model file (as written by [`NerModel::to_bytes`] or
    /// `zhnews train-ner`). A file of another format or feature scheme is
    /// refused with [`Error::Model`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, Error> {
        let tagger = if bytes.starts_with(grams::MAGIC) {
            Tagger::Grams(Box::new(GramModel::from_bytes(bytes)?))
        } else {
            Tagger::Hashed(Weights::from_bytes(bytes)?)
        };
        Ok(NerModel {
            tagger: Arc::new(tagger),
        })
    }

    /// The model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        match &*self.tagger {
            Tagger::Hashed(w) => w.to_bytes(),
            Tagger::Grams(g) => g.to_bytes(),
        }
    }

    /// The number of weight rows the model holds (its size: about 11 bytes
    /// a row in the file, 32 in memory).
    pub fn rows(&self) -> usize {
        match &*self.tagger {
            Tagger::Hashed(w) => w.len(),
            Tagger::Grams(g) => g.len(),
        }
    }

    /// The names the model finds in folded text `s` with its tokens and
    /// lexicon names, and the listed stock names its features read, in text
    /// order. The text is tagged a sentence at a time (as the model was
    /// trained), so the scratch space stays the size of a sentence whatever
    /// the size of the document.
    pub(crate) fn spans(&self, s: &str, tokens: &[Tagged<'_>], lexical: &[Span]) -> Tagging {
        let mut out = Tagging::default();
        let mut piece_tokens = Vec::with_capacity(tokens.len());
        let mut piece_lexical = Vec::with_capacity(lexical.len());
        for (a, b, t) in sentences(s, tokens) {
            piece_tokens.clear();
            piece_tokens.extend(t.iter().map(|t| Tagged {
                start: t.start - a,
                end: t.end - a,
                pos: t.pos,
            }));
            piece_lexical.clear();
            let from = lexical.partition_point(|l| l.start < a);
            piece_lexical.extend(
                lexical[from..]
                    .iter()
                    .take_while(|l| l.start < b)
                    .filter(|l| l.end <= b)
                    .map(|l| shift(l, a, false)),
            );
            self.tag_sentence(&s[a..b], &piece_tokens, &piece_lexical, a, &mut out);
        }
        out
    }

    /// Tags one sentence (offsets in the sentence), adding what it finds to
    /// `out` at offsets moved by `at`.
    fn tag_sentence(
        &self,
        s: &str,
        tokens: &[Tagged<'_>],
        lexical: &[Span],
        at: usize,
        out: &mut Tagging,
    ) {
        SCRATCH.with_borrow_mut(|x| {
            let Scratch {
                feats,
                viterbi,
                grams: scratch,
                names,
            } = x;
            let path = match &*self.tagger {
                Tagger::Hashed(w) => {
                    feats.compute(s, tokens, lexical, w.bits);
                    viterbi.emissions(w, &feats.ids, PER_CHAR);
                    viterbi.decode_free(w)
                }
                Tagger::Grams(g) => {
                    feats.prepare(s, tokens, lexical);
                    g.emissions(feats, scratch, viterbi);
                    viterbi.decode_free(&**g)
                }
            };
            let offsets = &feats.offsets;
            labels::names_into(path, names);
            out.names.extend(names.iter().map(|&(a, b, k)| Span {
                kind: KINDS[k],
                start: offsets[a] + at,
                end: offsets[b] + at,
            }));
            out.stocks
                .extend(names::stock_names(&feats.listed).map(|sp| shift(&sp, at, true)));
        })
    }
}

/// What the model gives for a text, in folded offsets, in text order.
#[derive(Debug, Default)]
pub(crate) struct Tagging {
    /// The names it found.
    pub(crate) names: Vec<Span>,
    /// The A-share short names written in the text (from the name lists its
    /// features read; matched a sentence at a time).
    pub(crate) stocks: Vec<Span>,
}

/// The longest stretch tagged at once, in bytes: a longer sentence is cut at
/// the first token end past it.
const MAX_SENTENCE: usize = 4096;

/// The sentences of `s`: `(start, end, tokens)`, cut after `。！？` and line
/// breaks (names never hold them), at token ends; the tokens cover the text.
fn sentences<'s, 't, 'a>(
    s: &'s str,
    tokens: &'t [Tagged<'a>],
) -> impl Iterator<Item = (usize, usize, &'t [Tagged<'a>])> + use<'s, 't, 'a> {
    let mut first = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(t) = tokens.get(i) {
            let start = tokens.get(first).map_or(t.start, |f| f.start);
            let ends = s
                .get(t.start..t.end)
                .is_some_and(|w| w.ends_with(['。', '！', '？', '\n']));
            i += 1;
            if ends || t.end - start >= MAX_SENTENCE || i == tokens.len() {
                let piece = tokens.get(first..i).unwrap_or_default();
                first = i;
                return Some((start, t.end, piece));
            }
        }
        None
    })
}

/// `sp` moved by `by` bytes, forwards or back.
fn shift(sp: &Span, by: usize, forwards: bool) -> Span {
    let m = |x: usize| if forwards { x + by } else { x - by };
    Span {
        kind: sp.kind,
        start: m(sp.start),
        end: m(sp.end),
    }
}

impl Scorer for Weights {
    #[inline]
    fn add_scores(&self, buckets: &[u32], scores: &mut [i32; LABELS]) {
        self.score(buckets, scores);
    }
}

impl Transitions for Weights {
    #[inline]
    fn transition(&self, from: usize, to: usize) -> i32 {
        self.transitions[from * LABELS + to]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        let s = "甲。乙！\n丙";
        let t = |start: usize, end: usize| Tagged {
            start,
            end,
            pos: "x",
        };
        let tokens = [t(0, 3), t(3, 6), t(6, 9), t(9, 12), t(12, 13), t(13, 16)];
        let cut: Vec<(usize, usize)> = sentences(s, &tokens).map(|c| (c.0, c.1)).collect();
        assert_eq!(cut, [(0, 6), (6, 12), (12, 13), (13, 16)]);
        let long = "字".repeat(MAX_SENTENCE);
        let tokens: Vec<Tagged<'_>> = (0..long.len() / 3).map(|i| t(3 * i, 3 * i + 3)).collect();
        let pieces: Vec<_> = sentences(&long, &tokens).collect();
        assert_eq!(pieces.len(), 3);
        assert_eq!((pieces[0].0, pieces[0].1), (0, MAX_SENTENCE + 2));
    }
}
