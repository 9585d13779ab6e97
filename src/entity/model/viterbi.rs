//! The best label path of a text: Viterbi decoding over the label
//! transitions the scheme allows, optionally within a set of labels per
//! character (for training on partly labelled text).

use super::labels::{LABELS, allowed, may_end, may_start};

/// Scores a character's features for every label.
pub(crate) trait Scorer {
    /// Adds the scores of `buckets` to `scores`.
    fn add_scores(&self, buckets: &[u32], scores: &mut [i32; LABELS]);
    /// The score of the transition `from → to` (`from` = `LABELS` at the
    /// start of the text).
    fn transition(&self, from: usize, to: usize) -> i32;
}

/// Labels allowed at a character: one bit per label.
pub(crate) type Mask = u16;

/// Every label.
pub(crate) const ANY: Mask = (1 << LABELS) - 1;

/// The decoder's scratch space, reused from text to text.
#[derive(Debug, Default)]
pub(crate) struct Viterbi {
    back: Vec<[u8; LABELS]>,
    emissions: Vec<[i32; LABELS]>,
}

/// A score no path takes.
const NONE: i64 = i64::MIN / 8;

impl Viterbi {
    /// The emission scores of each character (`per_char` buckets each).
    pub(crate) fn emissions(&mut self, model: &impl Scorer, ids: &[u32], per_char: usize) {
        self.emissions.clear();
        for buckets in ids.chunks(per_char) {
            let mut scores = [0i32; LABELS];
            model.add_scores(buckets, &mut scores);
            self.emissions.push(scores);
        }
    }

    /// The best path over the emissions last computed, each label within
    /// `mask(i)` at character `i`.
    pub(crate) fn decode(&mut self, model: &impl Scorer, mask: impl Fn(usize) -> Mask) -> Vec<u8> {
        let n = self.emissions.len();
        if n == 0 {
            return Vec::new();
        }
        self.back.clear();
        self.back.resize(n, [0; LABELS]);
        let ok = |i: usize, l: usize| mask(i) & (1 << l) != 0;
        let mut score = [NONE; LABELS];
        for (l, s) in score.iter_mut().enumerate() {
            if may_start(l as u8) && ok(0, l) {
                *s = i64::from(self.emissions[0][l]) + i64::from(model.transition(LABELS, l));
            }
        }
        // into[to][from]: the transition score, NONE where not allowed
        let into: [[i64; LABELS]; LABELS] = std::array::from_fn(|to| {
            std::array::from_fn(|from| {
                if allowed(from as u8, to as u8) {
                    i64::from(model.transition(from, to))
                } else {
                    NONE
                }
            })
        });
        for (i, (back, emission)) in self
            .back
            .iter_mut()
            .zip(&self.emissions)
            .enumerate()
            .skip(1)
        {
            let m = mask(i);
            let mut next = [NONE; LABELS];
            for (to, ((slot, b), row)) in
                next.iter_mut().zip(back.iter_mut()).zip(&into).enumerate()
            {
                if m & (1 << to) == 0 {
                    continue;
                }
                // a label no path reaches scores about NONE and never wins
                let (mut best, mut arg) = (NONE, 0u8);
                for (from, (&s, &t)) in score.iter().zip(row).enumerate() {
                    if s + t > best {
                        (best, arg) = (s + t, from as u8);
                    }
                }
                *b = arg;
                *slot = best + i64::from(emission[to]);
            }
            score = next;
        }
        self.trace(&score)
    }

    /// The path back from the best final label.
    fn trace(&self, score: &[i64; LABELS]) -> Vec<u8> {
        let n = self.emissions.len();
        let mut best = (NONE, 0usize);
        for (l, &s) in score.iter().enumerate() {
            if may_end(l as u8) && s > best.0 {
                best = (s, l);
            }
        }
        let mut path = vec![0u8; n];
        let mut l = best.1 as u8;
        for i in (0..n).rev() {
            path[i] = l;
            l = self.back[i][usize::from(l)];
        }
        path
    }
}
