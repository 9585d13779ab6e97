//! The interface to jieba-rs: CJK stretches cut with dictionary tags, the
//! word HMM run only where unknown words hide.

use super::Segmenter;
use super::dictionary::UNKNOWN_TAG;
use super::out::Out;
use super::token::TokenKind;
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

/// What jieba hands back for a stretch, at byte offsets into the stretch.
enum Piece<'x> {
    /// A word `start..end` with its tag.
    Word(usize, usize, &'x str),
    /// Text that is no CJK word, at its start: pushed as symbols.
    Symbols(usize, &'x str),
}

impl Segmenter {
    /// Cuts folded `a..b` with jieba (HMM on).
    ///
    /// jieba reads the original text of the stretch, so that the tags it
    /// hands back live as long as the text: the stretch holds no Latin
    /// letters or digits, and what width folding changed in it (spaces,
    /// signs) jieba treats the same either way; its offsets are moved to
    /// the folded text (where folding shortened something in the stretch).
    /// Where traditional characters were folded, jieba reads the folded
    /// (simplified) stretch instead, so that its dictionary and the
    /// lexicons find the words; the tags are then the segmenter's own
    /// copies ([`own_tag`](Segmenter::own_tag)). Symbols are pushed folded.
    pub(super) fn cut_jieba<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let folded = out.folded;
        let base = folded.to_original(a);
        let Some(stretch) = folded.original().get(base..folded.to_original(b)) else {
            return;
        };
        let simplified = (folded.has_simplified())
            .then(|| folded.as_str().get(a..b))
            .flatten()
            .filter(|f| *f != stretch);
        let Some(simplified) = simplified else {
            // folding never lengthens a character: a stretch as long as
            // its folded form has every offset in place
            let shifted = stretch.len() != b - a;
            let at = |i: usize| {
                if shifted {
                    folded.to_folded(base + i)
                } else {
                    a + i
                }
            };
            self.cut_stretch(stretch, &mut |piece| match piece {
                Piece::Word(s, e, tag) => out.push(at(s), at(e), TokenKind::Word, tag),
                Piece::Symbols(s, w) => push_symbols(out, at(s), w),
            });
            return;
        };
        self.cut_stretch(simplified, &mut |piece| match piece {
            Piece::Word(s, e, tag) => out.push(a + s, a + e, TokenKind::Word, self.own_tag(tag)),
            Piece::Symbols(s, w) => push_symbols(out, a + s, w),
        });
    }

    /// Cuts `stretch` with jieba and hands each piece to `emit`.
    ///
    /// Dictionary words and their tags come from jieba without its HMMs
    /// (the part-of-speech HMM that guesses tags of unknown words costs more
    /// than cutting). Only runs of single characters, where unknown words
    /// hide, go through jieba's word HMM.
    fn cut_stretch<'x>(&'x self, stretch: &'x str, emit: &mut impl FnMut(Piece<'x>)) {
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
                    self.cut_unknown(stretch, &tags[i..i + run], emit);
                } else {
                    emit(Piece::Word(t.byte_start, t.byte_end, t.tag));
                }
                i += run;
                continue;
            }
            match t.word.chars().next() {
                Some(c) if is_cjk(c) => self.push_word(t, emit),
                _ => emit(Piece::Symbols(t.byte_start, t.word)),
            }
            i += 1;
        }
    }

    /// Cuts a run of single characters (`run`, as jieba's dictionary cut
    /// `stretch`) with jieba's word HMM, which finds the unknown words
    /// there. A character left alone keeps the tag the dictionary gave it; a
    /// word the HMM found gets [`guess_tag`]'s.
    fn cut_unknown<'x>(
        &'x self,
        stretch: &'x str,
        run: &[jieba_rs::Tag<'x>],
        emit: &mut impl FnMut(Piece<'x>),
    ) {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            return;
        };
        let start = first.byte_start;
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
            emit(Piece::Word(start + w.byte_start, start + w.byte_end, tag));
            k += n;
        }
    }

    /// Hands on the dictionary word `t`, cut in two when it is a compound
    /// (see [`compound_halves`](Segmenter::compound_halves)).
    fn push_word<'x>(&'x self, t: &jieba_rs::Tag<'x>, emit: &mut impl FnMut(Piece<'x>)) {
        let start = t.byte_start;
        match self.compound_halves(t.word, t.tag) {
            Some((mid, first, second)) => {
                emit(Piece::Word(start, start + mid, first));
                emit(Piece::Word(start + mid, t.byte_end, second));
            }
            None => emit(Piece::Word(start, t.byte_end, t.tag)),
        }
    }

    /// The dictionary tag of `word`.
    pub(super) fn tag_of<'x>(&'x self, word: &'x str) -> &'x str {
        self.jieba
            .tag(word, false)
            .first()
            .map_or(UNKNOWN_TAG, |t| t.tag)
    }
}

/// Pushes what jieba hands back that is no CJK word, at folded offset
/// `start`: one character (or `\r\n`) at a time, folded.
fn push_symbols(out: &mut Out<'_, '_>, start: usize, word: &str) {
    let mut fpos = start;
    for c in word.chars() {
        let f = fold_char(c).unwrap_or(c);
        out.push_symbol(fpos, f);
        fpos += f.len_utf8();
    }
}
