//! Text between protected spans: Latin runs and the mixed-script words
//! around them, the ASCII signs jieba-rs would glue to words, and the CJK
//! stretches between them, handed to jieba-rs.

use super::Segmenter;
use super::latin::{is_jieba_joiner, is_latin, is_numeric_run, latin_run_end};
use super::out::Out;
use super::token::TokenKind;
use crate::text::{char_at, is_cjk};

impl Segmenter {
    /// Cuts folded `a..b`, which holds no protected span: Latin runs with
    /// the mixed-script words around them, the ASCII signs jieba would glue
    /// to words, and the stretches between them through jieba.
    pub(super) fn cut_plain<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let folded = out.folded;
        let s = folded.as_str();
        // start of the stretch not cut yet, and whether it holds CJK
        let mut pend = a;
        let mut pend_cjk = false;
        let mut i = a;
        let bytes = s.as_bytes();
        while i < b {
            // fast path over the CJK main block (lead bytes E4..E9; the few
            // symbols there go to jieba, which hands them back one by one)
            if (0xE4..=0xE9).contains(&bytes[i]) {
                pend_cjk = true;
                i += 3;
                continue;
            }
            let Some(c) = char_at(s, i) else { break };
            if c.is_ascii() || !is_cjk(c) {
                if let Some((rs, re)) = self.anchor_at(s, i, c, b) {
                    if let Some((ms, me, pos)) = self.mixed.at(s, pend, rs, re, b) {
                        self.flush(out, pend, ms, pend_cjk);
                        out.push(ms, me, TokenKind::Word, pos);
                        (i, pend, pend_cjk) = (me, me, false);
                        continue;
                    }
                    if is_latin(c) || c == '-' {
                        self.flush(out, pend, rs, pend_cjk);
                        self.push_run(out, rs, re);
                        (i, pend, pend_cjk) = (re, re, false);
                        continue;
                    }
                }
                if c.is_ascii() && is_jieba_joiner(c) {
                    self.flush(out, pend, i, pend_cjk);
                    out.push_symbol(i, c);
                    (i, pend, pend_cjk) = (i + 1, i + 1, false);
                    continue;
                }
            } else {
                pend_cjk = true;
            }
            i += c.len_utf8();
        }
        self.flush(out, pend, b, pend_cjk);
    }

    /// The anchor at folded `i` (character `c`, not past `b`), where a
    /// mixed-script word may lie around: a Latin run, a minus sign with
    /// the number after it, or a non-Latin character some mixed word holds.
    #[inline]
    fn anchor_at(&self, s: &str, i: usize, c: char, b: usize) -> Option<(usize, usize)> {
        if is_latin(c) {
            Some((i, latin_run_end(s, i, b)))
        } else if c == '-'
            && i + 1 < b
            && char_at(s, i + 1).is_some_and(|d| d.is_ascii_digit())
            && !s[..i].chars().next_back().is_some_and(is_latin)
        {
            Some((i, latin_run_end(s, i + 1, b))).filter(|&(x, y)| is_numeric_run(&s[x + 1..y]))
        } else if !c.is_ascii() && self.mixed.is_anchor_char(c) {
            Some((i, i + c.len_utf8()))
        } else {
            None
        }
    }

    /// Pushes the Latin run (or signed number) at folded `a..b`: a
    /// [`TokenKind::Number`] when it holds digits only, else a
    /// [`TokenKind::Latin`] tagged as the lexicons tag it (`eng` if not).
    #[inline]
    fn push_run<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize) {
        let text = &out.folded.as_str()[a..b];
        if is_numeric_run(text) {
            out.push(a, b, TokenKind::Number, "m");
        } else {
            let pos = self.latin_tags.get(text).map_or("eng", |p| &**p);
            out.push(a, b, TokenKind::Latin, pos);
        }
    }

    /// Cuts the stretch at folded `a..b`: through jieba when it holds CJK
    /// text, else one symbol at a time.
    fn flush<'a>(&'a self, out: &mut Out<'a, '_>, a: usize, b: usize, cjk: bool) {
        if a >= b {
            return;
        }
        if cjk {
            self.cut_jieba(out, a, b);
            return;
        }
        let folded = out.folded;
        let s = folded.as_str();
        let mut k = a;
        while k < b {
            let Some(d) = char_at(s, k) else { break };
            out.push_symbol(k, d);
            k += d.len_utf8();
        }
    }
}
