//! The best label path of a text: Viterbi decoding over the label
//! transitions the scheme allows, optionally within a set of labels per
//! character (for training on partly labelled text).

use super::labels::{LABELS, allowed, may_end, may_start};

/// The labels after which no name is open (`O`, `E-k`, `S-k`), in
/// increasing order: the predecessors of `O`, `B-k` and `S-k`.
const CLOSED: [usize; 7] = [0, 3, 4, 7, 8, 11, 12];

/// The labels that need no open name (`O`, `B-k`, `S-k`): their
/// predecessors are [`CLOSED`].
const FREE: [usize; 7] = [0, 1, 4, 5, 8, 9, 12];

/// The kinds: `B-k` is `1 + 4k`, `M-k` `2 + 4k`, `E-k` `3 + 4k`; `M-k` and
/// `E-k` follow only `B-k` and `M-k`.
const KINDS: usize = (LABELS - 1) / 4;

/// Scores the label transitions.
pub(crate) trait Transitions {
    /// The score of the transition `from → to` (`from` = `LABELS` at the
    /// start of the text).
    fn transition(&self, from: usize, to: usize) -> i32;
}

/// Scores a character's features for every label.
pub(crate) trait Scorer: Transitions {
    /// Adds the scores of `buckets` to `scores`.
    fn add_scores(&self, buckets: &[u32], scores: &mut [i32; LABELS]);
}

/// The emission scores of a character: one per label, then zeros (never
/// read) up to a whole number of vector registers, so that the model sums
/// whole rows.
pub(crate) type Emission = [i32; WIDTH];

/// The lanes of an [`Emission`].
pub(crate) const WIDTH: usize = 16;

const _: () = assert!(LABELS <= WIDTH);

/// Labels allowed at a character: one bit per label.
pub(crate) type Mask = u16;

/// Every label (what [`Viterbi::decode_free`] allows, faster).
#[cfg(test)]
const ANY: Mask = (1 << LABELS) - 1;

/// The decoder's scratch space, reused from text to text.
#[derive(Debug, Default)]
pub(crate) struct Viterbi {
    back: Vec<[u8; LABELS]>,
    emissions: Vec<Emission>,
    /// The scores of each label at each character (of `decode_free`).
    scores: Vec<[i32; LABELS]>,
    /// The best path [`Viterbi::decode_free`] found last.
    path: Vec<u8>,
}

/// A score no path takes.
const NONE: i64 = i64::MIN / 8;

/// A score no path takes, in [`Viterbi::decode_free`] (only the labels
/// that cannot start a text have it, at the first character).
const NONE32: i32 = i32::MIN / 4;

/// The transitions [`Viterbi::decode_free`] weighs.
struct FreeTransitions {
    /// `free[t][f]`: from `CLOSED[f]` to `FREE[t]`.
    free: [[i32; 7]; 7],
    /// `into[f][t]`: `free[t][f]`, padded to eight lanes, so that the
    /// forward pass weighs one predecessor for all of `FREE` at once.
    into: [[i32; 8]; 7],
    /// `[kind][M, E][from B, from M]`.
    open: [[[i32; 2]; 2]; KINDS],
}

impl FreeTransitions {
    fn of(model: &impl Transitions) -> FreeTransitions {
        FreeTransitions {
            free: std::array::from_fn(|t| {
                std::array::from_fn(|f| model.transition(CLOSED[f], FREE[t]))
            }),
            into: std::array::from_fn(|f| {
                std::array::from_fn(|t| {
                    FREE.get(t).map_or(0, |&to| model.transition(CLOSED[f], to))
                })
            }),
            open: std::array::from_fn(|k| {
                std::array::from_fn(|to| {
                    std::array::from_fn(|from| model.transition(1 + 4 * k + from, 2 + 4 * k + to))
                })
            }),
        }
    }
}

/// The best score of each of [`FREE`] through its predecessors
/// ([`CLOSED`]) from `score`, less `score[0]`: `into[f][t]` is the
/// transition from `CLOSED[f]` to `FREE[t]`. Kept out of line: inlined
/// into the forward pass, it is not vectorized.
#[inline(never)]
fn best_free(score: &[i32; LABELS], into: &[[i32; 8]; 7]) -> [i32; 8] {
    let base = score[0];
    let mut best = [i32::MIN; 8];
    for (&from, into) in CLOSED.iter().zip(into) {
        let c = score[from] - base;
        for (b, &t) in best.iter_mut().zip(into) {
            *b = (*b).max(c + t);
        }
    }
    best
}

impl Viterbi {
    /// The emission scores of each character (`per_char` buckets each).
    pub(crate) fn emissions(&mut self, model: &impl Scorer, ids: &[u32], per_char: usize) {
        self.emissions.clear();
        for buckets in ids.chunks(per_char) {
            let mut scores = [0i32; LABELS];
            model.add_scores(buckets, &mut scores);
            let mut e = [0; WIDTH];
            e[..LABELS].copy_from_slice(&scores);
            self.emissions.push(e);
        }
    }

    /// The emission scores last computed.
    #[cfg(test)]
    pub(crate) fn emission_scores(&self) -> &[Emission] {
        &self.emissions
    }

    /// Sets the emission scores of each character.
    pub(crate) fn set_emissions(&mut self, scores: impl Iterator<Item = Emission>) {
        self.emissions.clear();
        self.emissions.extend(scores);
    }

    /// The best path over the emissions last computed, each label within
    /// `mask(i)` at character `i`.
    pub(crate) fn decode(
        &mut self,
        model: &impl Transitions,
        mask: impl Fn(usize) -> Mask,
    ) -> Vec<u8> {
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

    /// The best path over the emissions last computed, any label allowed
    /// anywhere: the same path as `decode(model, |_| ANY)`, but each label
    /// weighs only the predecessors the scheme allows it (7 for `O`, `B`
    /// and `S`, 2 for `M` and `E`) instead of all 13. Exactness: with every
    /// label allowed, each label at character `i ≥ 1` has a reachable
    /// allowed predecessor (`O` for `O`/`B`/`S`, `B-k` for `M-k`/`E-k`),
    /// whose finite score beats every candidate `decode` weighs beside it
    /// through a forbidden transition or from an unreachable label (all
    /// about [`NONE`]); among the allowed ones both take the first best in
    /// label order.
    ///
    /// The forward pass keeps scores only (no back-pointers); the way back
    /// weighs again, for the one label taken at each character, the
    /// predecessors the forward pass weighed, ties the same way. Scores
    /// are `i32`, less the score of `O` one character before at each step:
    /// a shift common to every label at a character, which changes no
    /// comparison, and keeps the scores within a few characters' worth of
    /// emissions of each other (every label is reached from `O` within
    /// two steps), far from overflow.
    pub(crate) fn decode_free(&mut self, model: &impl Transitions) -> &[u8] {
        self.path.clear();
        let Some(first) = self.emissions.first() else {
            return &self.path;
        };
        let t = FreeTransitions::of(model);
        let mut score: [i32; LABELS] = std::array::from_fn(|l| {
            if may_start(l as u8) {
                first[l] + model.transition(LABELS, l)
            } else {
                NONE32
            }
        });
        self.scores.clear();
        self.scores.push(score);
        for emission in &self.emissions[1..] {
            let base = score[0];
            let best = best_free(&score, &t.into);
            let mut next = [0i32; LABELS];
            for (&to, &b) in FREE.iter().zip(&best) {
                next[to] = b + emission[to];
            }
            for (k, rows) in t.open.iter().enumerate() {
                let (b, m) = (score[1 + 4 * k] - base, score[2 + 4 * k] - base);
                for (to, row) in rows.iter().enumerate() {
                    let l = 2 + 4 * k + to;
                    next[l] = (b + row[0]).max(m + row[1]) + emission[l];
                }
            }
            score = next;
            self.scores.push(score);
        }
        self.trace_free(&t);
        &self.path
    }

    /// The path back from the best final label over the scores
    /// [`Viterbi::decode_free`] left, into `path`.
    fn trace_free(&mut self, t: &FreeTransitions) {
        let n = self.scores.len();
        let mut best = (i32::MIN, 0usize);
        for (l, &s) in self.scores[n - 1].iter().enumerate() {
            if may_end(l as u8) && s > best.0 {
                best = (s, l);
            }
        }
        let path = &mut self.path;
        path.resize(n, 0);
        let mut l = best.1;
        for i in (0..n).rev() {
            path[i] = l as u8;
            let Some(prev) = i.checked_sub(1).map(|p| &self.scores[p]) else {
                break;
            };
            l = if let Some(to) = FREE.iter().position(|&f| f == l) {
                let row = &t.free[to];
                let (mut best, mut arg) = (prev[CLOSED[0]] + row[0], 0);
                for f in 1..7 {
                    let c = prev[CLOSED[f]] + row[f];
                    if c > best {
                        (best, arg) = (c, f);
                    }
                }
                CLOSED[arg]
            } else {
                let (k, to) = ((l - 2) / 4, (l - 2) % 4);
                let row = &t.open[k][to];
                let from_m_wins = prev[2 + 4 * k] + row[1] > prev[1 + 4 * k] + row[0];
                1 + 4 * k + usize::from(from_m_wins)
            };
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_structure_is_the_schemes() {
        for from in 0..LABELS {
            for to in 0..LABELS {
                let free = CLOSED.contains(&from) && FREE.contains(&to);
                let open = to % 4 >= 2
                    && to > 0
                    && from % 4 >= 1
                    && from % 4 <= 2
                    && (from - 1) / 4 == (to - 1) / 4;
                assert_eq!(allowed(from as u8, to as u8), free || open, "{from} → {to}");
            }
        }
    }

    /// Scores from a little pseudo-random generator, with many ties.
    struct Random(Vec<i32>);

    impl Scorer for Random {
        fn add_scores(&self, buckets: &[u32], scores: &mut [i32; LABELS]) {
            for &b in buckets {
                for (l, s) in scores.iter_mut().enumerate() {
                    *s += self.0[(b as usize * 7 + l) % self.0.len()];
                }
            }
        }
    }

    impl Transitions for Random {
        fn transition(&self, from: usize, to: usize) -> i32 {
            self.0[(from * 31 + to * 17 + 5) % self.0.len()]
        }
    }

    #[test]
    fn free_decoding_is_decoding_with_every_label() {
        let mut x = 88172645463325252u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut viterbi = Viterbi::default();
        for round in 0..300 {
            let spread = [3, 50, 30_000][round % 3];
            let model = Random(
                (0..997)
                    .map(|_| (next() % (2 * spread + 1)) as i32 - spread as i32)
                    .collect(),
            );
            let ids: Vec<u32> = (0..(round % 40) * 3)
                .map(|_| next() as u32 % 5000)
                .collect();
            viterbi.emissions(&model, &ids, 3);
            let want = viterbi.decode(&model, |_| ANY);
            assert_eq!(viterbi.decode_free(&model), &want[..], "round {round}");
        }
    }
}
