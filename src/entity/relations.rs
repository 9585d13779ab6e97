//! The model's names cut where they run over a word that relates two names
//! (`公司控股子公司寿光美伦` is `寿光美伦`, `华为关联公司哈勃科技` is `华为` and
//! `哈勃科技`), and names cut before a verb glued on (`王鑫拟`):
//! SPEC's spans never run over a verb, never join two names.

use std::sync::LazyLock;

use super::words::{CharSet, WordSet, role_words};
use super::{EntityKind, Span, Tagged};

/// relations.txt: the words that relate two names, and the characters that
/// end no person's name.
const RELATIONS_DATA: &str = include_str!("../../data/entity/relations.txt");

/// The tables of relations.txt, parsed once.
struct Relations {
    /// Words the name follows (`子公司`, `旗下`).
    before: WordSet,
    /// Words the name precedes, with no name after (`所属`).
    after: WordSet,
    /// Characters that end no name (`拟`, `称`).
    name_end: CharSet,
    /// Characters that end no person's name (`和`).
    person_end: CharSet,
    /// Characters that start no name glued onto a word (`将`, `以`).
    name_start: CharSet,
}

/// The tables, parsed once.
static RELATIONS: LazyLock<Relations> = LazyLock::new(|| Relations {
    before: WordSet::new(&role_words(RELATIONS_DATA, "before")),
    after: WordSet::new(&role_words(RELATIONS_DATA, "after")),
    name_end: first_chars("name_end"),
    person_end: first_chars("person_end"),
    name_start: first_chars("name_start"),
});

/// The set of the characters of `role`.
fn first_chars(role: &str) -> CharSet {
    CharSet::new(
        role_words(RELATIONS_DATA, role)
            .into_iter()
            .filter_map(|w| w.chars().next()),
    )
}

/// The most tokens a relating word spans (`一致` `行动` `人`).
const MAX_TOKENS: usize = 3;

/// A relating word found in the text: its byte range and whether the name
/// follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Relation {
    /// Byte offset of the start.
    start: usize,
    /// Byte offset of the end (exclusive).
    end: usize,
    /// Whether the name follows the word (role `before`).
    name_follows: bool,
}

/// The relating word that starts at token `i`, if any.
fn relation_at(s: &str, tokens: &[Tagged<'_>], i: usize) -> Option<Relation> {
    let start = tokens[i].start;
    let last = (i + MAX_TOKENS).min(tokens.len());
    (i..last).rev().find_map(|j| {
        let text = &s[start..tokens[j].end];
        let name_follows = RELATIONS.before.contains(text);
        (name_follows || RELATIONS.after.contains(text)).then_some(Relation {
            start,
            end: tokens[j].end,
            name_follows,
        })
    })
}

/// The parts of the model's name `name` around the relating words inside
/// it or running into its start; the name itself when there is none.
fn parts(s: &str, tokens: &[Tagged<'_>], name: Span, out: &mut Vec<Span>) {
    let first = tokens.partition_point(|t| t.end <= name.start);
    let from = first.saturating_sub(MAX_TOKENS - 1);
    let to = tokens.partition_point(|t| t.start < name.end);
    let mut start = name.start;
    for i in from..to {
        let Some(r) = relation_at(s, tokens, i) else {
            continue;
        };
        if r.end <= start || r.end > name.end {
            continue;
        }
        push_part(
            s,
            Span {
                start,
                end: r.start,
                ..name
            },
            out,
        );
        if !r.name_follows {
            return;
        }
        start = r.end;
    }
    push_part(s, Span { start, ..name }, out);
}

/// Whether `word` is one no name runs over from before it (role `after`:
/// `所属`, `持有`).
pub(super) fn ends_names_before(word: &str) -> bool {
    RELATIONS.after.contains(word)
}

/// The names of `names` (in text order) with what a company word relates
/// made one company: the names right after `子公司`, `关联公司` (role
/// `before`, ending in `公司`) and those that follow them with nothing
/// between are one organisation (`控股子公司` `寿光` `美伦` is `寿光美伦`).
pub(super) fn related_companies(s: &str, tokens: &[Tagged<'_>], names: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(names.len());
    let mut joining = false;
    for name in names {
        match out.last_mut() {
            Some(last) if joining && last.end == name.start && name.kind != EntityKind::Person => {
                last.end = name.end;
                continue;
            }
            _ => {}
        }
        joining = name.kind != EntityKind::Person && after_company_relation(s, tokens, &name);
        out.push(if joining {
            Span {
                kind: EntityKind::Org,
                ..name
            }
        } else {
            name
        });
    }
    out
}

/// Whether `name` follows a word that relates a company to it
/// (`子公司`, `关联公司`: role `before`, ending in `公司`).
fn after_company_relation(s: &str, tokens: &[Tagged<'_>], name: &Span) -> bool {
    let k = tokens.partition_point(|t| t.end <= name.start);
    if tokens.get(k).is_none_or(|t| t.start != name.start) {
        return false;
    }
    (1..=MAX_TOKENS.min(k)).any(|n| {
        let word = &s[tokens[k - n].start..name.start];
        word.ends_with("公司") && RELATIONS.before.contains(word)
    })
}

/// Pushes `part` when it holds two characters or more.
fn push_part(s: &str, part: Span, out: &mut Vec<Span>) {
    if part.start < part.end && s[part.start..part.end].chars().nth(1).is_some() {
        out.push(part);
    }
}

/// Whether `c` ends no name of three characters or more (`拟`, `称`): a
/// verb or adverb glued on by the segmenter (`尔拟`).
pub(super) fn ends_no_name(c: char) -> bool {
    RELATIONS.name_end.contains(c)
}

/// Whether `c` starts no name when the segmenter glued it onto the word
/// after it (`将乐视` `影业`, `以本` `地区`): a preposition, an adverb or a
/// verb of one character.
pub(super) fn starts_no_name(c: char) -> bool {
    RELATIONS.name_start.contains(c)
}

/// A name with no verb glued on its end (`王鑫拟` is `王鑫`).
fn without_verb(s: &str, name: Span) -> Span {
    let text = &s[name.start..name.end];
    let person = name.kind == EntityKind::Person;
    match text.char_indices().last() {
        Some((at, c))
            if (RELATIONS.name_end.contains(c) || (person && RELATIONS.person_end.contains(c)))
                && text[..at].chars().nth(1).is_some() =>
        {
            Span {
                end: name.start + at,
                ..name
            }
        }
        _ => name,
    }
}

/// The model's names cut at relating words and glued-on verbs, in text
/// order.
pub(super) fn cut_relations(s: &str, tokens: &[Tagged<'_>], names: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let name = without_verb(s, name);
        if name.kind == EntityKind::Org {
            parts(s, tokens, name, &mut out);
        } else {
            out.push(name);
        }
    }
    out
}
