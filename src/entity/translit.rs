//! Transliterated foreign names: runs of transliteration characters joined
//! by `·` (`埃隆·马斯克`), or in pieces the tagger split (`瓦西里` `斯`).

use std::sync::LazyLock;

use super::words::{CharSet, PERSON_AFTER};
use super::{EntityKind, Span, Tagged};
use crate::lexicon::data_lines;

/// translit.txt: the characters used to transliterate foreign names.
const TRANSLIT_DATA: &str = include_str!("../../data/entity/translit.txt");

/// Characters used to transliterate foreign names (`塞迪略`, `布莱尔`).
static TRANSLIT: LazyLock<CharSet> = LazyLock::new(|| {
    CharSet::new(
        data_lines(TRANSLIT_DATA)
            .flat_map(|(_, l)| l.chars())
            .filter(|c| !c.is_whitespace()),
    )
});

/// Whether `c` is a transliteration character.
pub(super) fn translit_char(c: char) -> bool {
    TRANSLIT.contains(c)
}

/// Whether `text` is made of transliteration characters only (and is not
/// empty).
pub(super) fn translit(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| TRANSLIT.contains(c))
}

/// The dots that join the parts of a transliterated name (`·`, `•`, `・`)
/// in `s`, with their offsets: `s.match_indices(['·', '•', '・'])`, found by
/// their lead bytes (`C2`, `E2`, `E3`) without decoding the text.
fn name_dots(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, s.as_bytes()).filter_map(|i| {
        let c = s.get(i..)?.chars().next()?;
        matches!(c, '·' | '•' | '・').then_some((i, c))
    })
}

/// `埃隆·马斯克`, `蒂姆·库克`: CJK runs joined by `·` (or `•`, `・`).
pub(super) fn transliterated(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (dot_pos, dot) in name_dots(s) {
        let before = s[..dot_pos]
            .chars()
            .rev()
            .take_while(|&c| TRANSLIT.contains(c))
            .take(6)
            .count();
        if before == 0 {
            continue;
        }
        let start = s[..dot_pos]
            .char_indices()
            .rev()
            .nth(before - 1)
            .map_or(dot_pos, |(i, _)| i);
        // a previous dot already covered this name
        if out.last().is_some_and(|sp: &Span| sp.end > start) {
            continue;
        }
        let mut end = dot_pos + dot.len_utf8();
        let mut parts = 1;
        loop {
            let run: usize = s[end..]
                .chars()
                .take_while(|&c| TRANSLIT.contains(c))
                .take(8)
                .map(char::len_utf8)
                .sum();
            if run == 0 {
                break;
            }
            end += run;
            parts += 1;
            match s[end..].chars().next() {
                Some(c @ ('·' | '•' | '・')) => end += c.len_utf8(),
                _ => break,
            }
        }
        if parts >= 2 && before <= 6 {
            // trim a trailing speech verb glued on (`马斯克表示`)
            let text = &s[start..end];
            let trimmed = PERSON_AFTER
                .iter()
                .filter(|w| w.chars().count() >= 2)
                .find_map(|w| text.strip_suffix(w))
                .unwrap_or(text);
            out.push(Span {
                kind: EntityKind::Person,
                start,
                end: start + trimmed.len(),
            });
        }
    }
    out
}

/// Foreign names the tagger split in pieces (`瓦西里` `斯`, `扎` `琳娜`).
pub(super) fn split_foreign_names(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !(matches!(t.pos, "nrt" | "nr") && translit(&s[t.start..t.end])) {
            i += 1;
            continue;
        }
        let mut a = i;
        let mut b = i;
        // a one-character piece before (`扎` + `琳娜`)
        if a > 0 {
            let p = &tokens[a - 1];
            let pt = &s[p.start..p.end];
            if pt.chars().count() == 1
                && translit(pt)
                && !matches!(p.pos, "p" | "c" | "r" | "u" | "uj" | "d")
            {
                a -= 1;
            }
        }
        while b + 1 < tokens.len() {
            let n = &tokens[b + 1];
            let nt = &s[n.start..n.end];
            if translit(nt)
                && (matches!(n.pos, "nrt" | "nr") || nt.chars().count() == 1)
                && !matches!(n.pos, "p" | "c" | "u" | "uj" | "d")
            {
                b += 1;
            } else {
                break;
            }
        }
        if b > a {
            out.push(Span {
                kind: EntityKind::Person,
                start: tokens[a].start,
                end: tokens[b].end,
            });
        }
        i = b + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::name_dots;

    #[test]
    fn name_dots_are_the_dots_match_indices_finds() {
        let s = "埃隆·马斯克、蒂姆•库克和「ジョン・スミス」，Â·é…€ 、。";
        let want: Vec<(usize, char)> = (s.match_indices(['·', '•', '・']))
            .map(|(i, d)| (i, d.chars().next().unwrap_or(' ')))
            .collect();
        assert_eq!(name_dots(s).collect::<Vec<_>>(), want);
        assert_eq!(want.len(), 4);
    }
}
