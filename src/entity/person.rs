//! Person names from a surname: in context (`董事长王兴`, `李明表示`),
//! split by the tagger (`赵` `桂花`), or alone before a state title
//! (`江主席`).

use std::sync::LazyLock;

use super::words::{AFTER_SET, BEFORE_SET, SURNAMES, WordSet, starts_with_surname, words_of};
use super::{EntityKind, Span, Tagged};
use crate::text::is_cjk;

/// state_titles.txt: state and party titles after a lone surname (`江主席`).
const STATE_TITLE_DATA: &str = include_str!("../../data/entity/state_titles.txt");

/// State and party titles after a lone surname (`江主席`, `李总理`).
static STATE_TITLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&words_of(STATE_TITLE_DATA)));

/// Person names from a surname in context: after a title (`董事长王兴`) or
/// before a speech verb (`李明表示`).
pub(super) fn persons_in_context(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let after_title = BEFORE_SET.contains(text);
        if !after_title {
            continue;
        }
        // the name: the next 1-2 tokens, 2-4 CJK chars starting with a surname
        let Some(next) = tokens.get(i + 1) else {
            continue;
        };
        let mut end = next.end;
        let mut name = &s[next.start..end];
        if name.chars().count() == 1 {
            if let Some(n2) = tokens.get(i + 2) {
                end = n2.end;
                name = &s[next.start..end];
            }
        }
        let n = name.chars().count();
        if (2..=4).contains(&n)
            && name.chars().all(is_cjk)
            && starts_with_surname(name)
            // a name, not a common word (`董事会`, `公司`, `高水平`)
            && (matches!(next.pos, "nr" | "nrfg" | "nrt" | "x" | "ng")
                || (next.end - next.start == 3 && tokens.get(i + 2).is_some_and(|t| {
                    matches!(t.pos, "nr" | "nrfg" | "x" | "ng" | "nz" | "n" | "a" | "v")
                        && t.end == end
                })))
        {
            out.push(Span {
                kind: EntityKind::Person,
                start: next.start,
                end,
            });
        }
    }
    // before a speech verb: `王兴表示`
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        if !AFTER_SET.contains(text)
            || i == 0
            || matches!(text, "曾" | "则" | "说" | "分析" | "预计" | "预测")
        {
            continue;
        }
        for take in [1usize, 2] {
            if i < take {
                break;
            }
            let first = &tokens[i - take];
            let name = &s[first.start..t.start];
            let n = name.chars().count();
            // one token must be tagged a name (`公司表示`, `董事会主席` are
            // no names); two tokens are a surname and a given name
            let tagged = if take == 1 {
                matches!(first.pos, "nr" | "nrfg" | "nrt" | "x" | "ng")
            } else {
                tokens[i - take..i]
                    .iter()
                    .all(|x| matches!(x.pos, "nr" | "nrfg" | "x" | "n" | "ng" | "nz" | "a" | "j"))
            };
            if (2..=3).contains(&n)
                && name.chars().all(is_cjk)
                && starts_with_surname(name)
                && tagged
            {
                out.push(Span {
                    kind: EntityKind::Person,
                    start: first.start,
                    end: t.start,
                });
                break;
            }
        }
    }
    out
}

/// Names the tagger split: a surname tagged `nr` and a short given name
/// after it (`赵` `桂花`, `梁` `国庆`).
pub(super) fn split_given_names(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let single = &SURNAMES.single;
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let mut cs = text.chars();
        let (Some(c), None) = (cs.next(), cs.next()) else {
            continue;
        };
        if t.pos == "nr" && single.contains(&c) {
            if let Some(n) = tokens.get(i + 1) {
                let given = &s[n.start..n.end];
                let k = given.chars().count();
                if (1..=2).contains(&k)
                    && given.chars().all(is_cjk)
                    && !matches!(
                        n.pos,
                        "uj" | "ul" | "p" | "c" | "r" | "d" | "u" | "m" | "q" | "f" | "y" | "zg"
                    )
                    && !AFTER_SET.contains(given)
                {
                    out.push(Span {
                        kind: EntityKind::Person,
                        start: t.start,
                        end: n.end,
                    });
                }
            }
        }
    }
    out
}

/// `江主席`, `李总理`: a lone surname before a title.
pub(super) fn surname_with_title(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let single = &SURNAMES.single;
    let mut out = Vec::new();
    // one token: `江主席` (a surname and a title of two or three characters)
    for t in tokens {
        let text = &s[t.start..t.end];
        if !matches!(text.len(), 9 | 12) {
            continue;
        }
        let mut cs = text.chars();
        if let Some(c) = cs.next() {
            if single.contains(&c) && STATE_TITLES.contains(cs.as_str()) {
                out.push(Span {
                    kind: EntityKind::Person,
                    start: t.start,
                    end: t.start + c.len_utf8(),
                });
            }
        }
    }
    for w in tokens.windows(2) {
        let a = &s[w[0].start..w[0].end];
        let b = &s[w[1].start..w[1].end];
        if a.len() != 3 || !matches!(b.len(), 6 | 9) {
            continue;
        }
        let mut cs = a.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            // a lone surname before a state title (`江` `主席`); not a
            // preposition before a company title (`向` `董事长`)
            if single.contains(&c)
                && STATE_TITLES.contains(b)
                && !matches!(w[0].pos, "p" | "c" | "d")
            {
                out.push(Span {
                    kind: EntityKind::Person,
                    start: w[0].start,
                    end: w[0].end,
                });
            }
        }
    }
    out
}
