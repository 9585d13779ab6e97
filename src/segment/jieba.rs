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
            let start = base + t.byte_start;
            if single_cjk(t) {
                let mut j = i + 1;
                while j < tags.len() && single_cjk(&tags[j]) {
                    j += 1;
                }
                if j - i >= 2 {
                    let run = &stretch[t.byte_start..tags[j - 1].byte_end];
                    let mut k = i;
                    for w in self.jieba.cut(run, true) {
                        let n = w.end - w.start;
                        let tag = if n == 1 {
                            // the tag the dictionary gave this character
                            tags[k].tag
                        } else {
                            guess_tag(w.word)
                        };
                        out.push_original(start + w.byte_start, start + w.byte_end, tag);
                        k += n;
                    }
                    i = j;
                    continue;
                }
                out.push_original(start, base + t.byte_end, t.tag);
                i += 1;
                continue;
            }
            match t.word.chars().next() {
                Some(c) if is_cjk(c) => match self.compound_split(t.word, t.tag) {
                    Some(mid) => {
                        let half = &t.word[..mid];
                        out.push_original(start, start + mid, self.tag_of(half));
                        let half = &t.word[mid..];
                        out.push_original(start + mid, base + t.byte_end, self.tag_of(half));
                    }
                    None => out.push_original(start, base + t.byte_end, t.tag),
                },
                _ => {
                    // jieba gives one character (or `\r\n`) at a time here
                    let mut fpos = folded.to_folded(start);
                    for c in t.word.chars() {
                        let f = fold_char(c).unwrap_or(c);
                        out.push_symbol(fpos, f);
                        fpos += f.len_utf8();
                    }
                }
            }
            i += 1;
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
