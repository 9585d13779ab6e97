//! The interface to jieba-rs: CJK stretches cut with dictionary tags, the
//! word HMM run only where unknown words hide.

use super::Segmenter;
use super::dictionary::UNKNOWN_TAG;
use super::out::Out;
use crate::text::{fold_char, is_cjk};

/// The tag of a word jieba's HMM found: a person name when it looks like
/// one (a common surname and one or two more characters), else a proper
/// noun of unknown kind.
fn guess_tag(word: &str) -> &'static str {
    let n = word.chars().count();
    if crate::entity::common_surname(word) && (2..=3).contains(&n) {
        "nr"
    } else {
        "nz"
    }
}

impl Segmenter {
    /// Cuts folded `a..b` with jieba (HMM on).
    ///
    /// jieba reads the original text of the stretch, so that the tags it
    /// hands back live as long as the text: the stretch holds no Latin
    /// letters or digits, and what folding changed in it (spaces, signs)
    /// jieba treats the same either way. Words take their offsets from
    /// jieba (original text); symbols are pushed folded.
    pub(super) fn cut_jieba<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let folded = out.folded;
        let original: &'a str = folded.original();
        let base = folded.to_original(a);
        let Some(stretch) = original.get(base..folded.to_original(b)) else {
            return;
        };
        // Dictionary words and their tags come from jieba without its HMMs
        // (the part-of-speech HMM that guesses tags of unknown words costs
        // more than cutting). Only runs of single characters, where unknown
        // words hide, go through jieba's word HMM.
        let tags = self.jieba.tag(stretch, false);
        let single_cjk = |t: &jieba_rs::Tag<'_>| {
            t.end - t.start == 1 && t.word.chars().next().is_some_and(is_cjk)
        };
        let mut i = 0;
        while i < tags.len() {
            let t = &tags[i];
            if single_cjk(t) {
                let run = 1 + tags[i + 1..].iter().take_while(|t| single_cjk(t)).count();
                if run >= 2 {
                    self.cut_unknown(out, stretch, base, &tags[i..i + run]);
                } else {
                    out.push_original(base + t.byte_start, base + t.byte_end, t.tag);
                }
                i += run;
                continue;
            }
            match t.word.chars().next() {
                Some(c) if is_cjk(c) => self.push_word(out, base, t),
                _ => push_symbols(out, base + t.byte_start, t.word),
            }
            i += 1;
        }
    }

    /// Cuts a run of single characters (`run`, as jieba's dictionary cut
    /// `stretch` at original offset `base`) with jieba's word HMM, which
    /// finds the unknown words there. A character left alone keeps the tag
    /// the dictionary gave it; a word the HMM found gets [`guess_tag`]'s.
    fn cut_unknown<'a>(
        &'a self,
        out: &mut Out<'a, '_>,
        stretch: &'a str,
        base: usize,
        run: &[jieba_rs::Tag<'a>],
    ) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let start = base + first.byte_start;
        let mut k = 0;
        for w in self
            .jieba
            .cut(&stretch[first.byte_start..last.byte_end], true)
        {
            let n = w.end - w.start;
            let tag = if n == 1 {
                run[k].tag
            } else {
                guess_tag(w.word)
            };
            out.push_original(start + w.byte_start, start + w.byte_end, tag);
            k += n;
        }
    }

    /// Pushes the dictionary word `t` of the stretch at original offset
    /// `base`, cut in two when it is a compound (see
    /// [`compound_split`](Segmenter::compound_split)).
    fn push_word<'a>(&'a self, out: &mut Out<'a, '_>, base: usize, t: &jieba_rs::Tag<'a>) {
        let start = base + t.byte_start;
        match self.compound_split(t.word, t.tag) {
            Some(mid) => {
                let half = &t.word[..mid];
                out.push_original(start, start + mid, self.tag_of(half));
                let half = &t.word[mid..];
                out.push_original(start + mid, base + t.byte_end, self.tag_of(half));
            }
            None => out.push_original(start, base + t.byte_end, t.tag),
        }
    }

    /// The dictionary tag of `word`.
    fn tag_of<'a>(&'a self, word: &'a str) -> &'a str {
        self.jieba
            .tag(word, false)
            .first()
            .map_or(UNKNOWN_TAG, |t| t.tag)
    }
}

/// Pushes what jieba hands back that is no CJK word, at original offset
/// `start`: one character (or `\r\n`) at a time, folded.
fn push_symbols(out: &mut Out<'_, '_>, start: usize, word: &str) {
    let mut fpos = out.folded.to_folded(start);
    for c in word.chars() {
        let f = fold_char(c).unwrap_or(c);
        out.push_symbol(fpos, f);
        fpos += f.len_utf8();
    }
}
