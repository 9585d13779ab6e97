//! Places from their form: one-character abbreviations of countries and
//! provinces (`中美`, `访华`, `皖`), administrative suffixes after a place
//! name (`广东` + `省`), and the endings that make a tagged word a place.

use std::sync::LazyLock;

use super::words::{CharSet, WordSet, role_words};
use super::{EntityKind, Span, Tagged};
use crate::text::char_at;

/// place_abbrev.txt: one-character abbreviations of places, by role.
const PLACE_ABBREV_DATA: &str = include_str!("../../data/entity/place_abbrev.txt");

/// The abbreviations of place_abbrev.txt, one set per role.
struct Abbreviations {
    /// Countries and regions (`中美` = China and the US).
    country: CharSet,
    /// Provinces and cities, used alone (`皖`, `京`).
    province: CharSet,
    /// Verbs of travel before a country (`访华`, `驻美`, `赴港`).
    travel: CharSet,
    /// The countries and cities after a verb of travel (`访华`, `驻美大使`).
    visited: CharSet,
    /// Words after a row of countries that keep them places (`中美关系`).
    tails: WordSet,
    /// Characters after an abbreviation that make a common word of it
    /// (`港股`, `欧市`).
    word: CharSet,
}

/// The abbreviations, parsed once.
static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let chars = |role| {
        CharSet::new(
            role_words(PLACE_ABBREV_DATA, role)
                .into_iter()
                .flat_map(str::chars),
        )
    };
    Abbreviations {
        country: chars("country"),
        province: chars("province"),
        travel: chars("travel"),
        visited: chars("visited"),
        tails: WordSet::new(&role_words(PLACE_ABBREV_DATA, "tail")),
        word: chars("word"),
    }
});

/// One-character abbreviations of countries and regions (`中美` = China and
/// the US).
#[inline]
fn country_abbrev(c: char) -> bool {
    ABBREVIATIONS.country.contains(c)
}

/// One-character abbreviations of provinces and cities, used alone
/// (`皖`, `京`).
#[inline]
fn province_abbrev(c: char) -> bool {
    ABBREVIATIONS.province.contains(c)
}

/// A verb of travel before a country (`访华`, `驻美`, `赴港`).
#[inline]
fn travel_verb(c: char) -> bool {
    ABBREVIATIONS.travel.contains(c)
}

/// Whether what follows a row of countries keeps them places: nothing, or
/// a tail word (`中美关系`, `中日贸易`).
fn tail_ok(tail: &str) -> bool {
    tail.is_empty() || ABBREVIATIONS.tails.contains(tail)
}

/// Country and region abbreviations inside tokens: `中美`, `中日关系`,
/// `港澳台` give one place per character; `中方`, `美方` the country; `访华`,
/// `驻美` the country after a verb of travel; a lone abbreviation tagged as a
/// place or abbreviation (`俄`, `皖`) is one.
pub(super) fn abbreviated_places(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let Some(first) = text.chars().next() else {
            continue;
        };
        let travel = travel_verb(first);
        if !(country_abbrev(first) || province_abbrev(first) || travel) || text.len() > 18 {
            continue;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let one = |k: usize| {
            let (off, c) = chars[k];
            Span {
                kind: EntityKind::Place,
                start: t.start + off,
                end: t.start + off + c.len_utf8(),
            }
        };
        let lead = chars
            .iter()
            .take_while(|&&(_, c)| country_abbrev(c))
            .count();
        if lead >= 2 && tail_ok(&text[chars.get(lead).map_or(text.len(), |x| x.0)..]) {
            // distinct characters: `中中` is no pair
            if chars[0].1 != chars[1].1 {
                out.extend((0..lead).map(one));
            }
            continue;
        }
        match chars.len() {
            1 => {
                let c = chars[0].1;
                let tagged =
                    matches!(t.pos, "ns" | "j") && (country_abbrev(c) || province_abbrev(c));
                // `中` alone next to another abbreviation: `中` `美`
                let neighbour = |j: Option<&Tagged<'_>>| {
                    j.is_some_and(|n| {
                        let nt = &s[n.start..n.end];
                        nt.chars().count() == 1 && nt.chars().all(country_abbrev)
                    })
                };
                let paired = country_abbrev(c)
                    && (neighbour(tokens.get(i + 1))
                        || neighbour(i.checked_sub(1).and_then(|j| tokens.get(j))));
                if tagged || paired {
                    out.push(one(0));
                }
            }
            2 if country_abbrev(chars[0].1) && chars[1].1 == '方' => out.push(one(0)),
            2.. if travel_verb(chars[0].1)
                && ABBREVIATIONS.visited.contains(chars[1].1)
                && (chars.len() == 2 || text.ends_with("大使") || text.ends_with("使馆")) =>
            {
                out.push(one(1));
            }
            _ => {}
        }
    }
    out
}

/// Whether an administrative suffix follows a place name (`广东` + `省`).
pub(super) fn place_suffix_after(s: &str, b: usize) -> bool {
    matches!(
        char_at(s, b),
        Some('省' | '市' | '县' | '区' | '州' | '镇' | '乡' | '村' | '岛' | '湾')
    )
}

/// Whether a name ends like a place (`嫩江`, `黄山`, `浦东`).
pub(super) fn place_ending(text: &str) -> bool {
    text.chars().last().is_some_and(|c| {
        matches!(
            c,
            '省' | '市'
                | '县'
                | '区'
                | '州'
                | '镇'
                | '乡'
                | '村'
                | '岛'
                | '湾'
                | '江'
                | '河'
                | '湖'
                | '山'
                | '海'
                | '港'
                | '城'
                | '东'
                | '西'
                | '南'
                | '北'
                | '洲'
                | '川'
                | '庄'
                | '岭'
                | '峡'
        )
    }) && !matches!(
        text,
        "东西" | "大山" | "上山" | "下山" | "海洋" | "江山" | "河山" | "南北"
    )
}

/// The end of a place name that ends at `b`, with the administrative
/// suffix after it (`广东` + `省`) unless the suffix starts another word
/// (`广州` + `市场`).
pub(super) fn extend_place(s: &str, b: usize) -> usize {
    if place_suffix_after(s, b) {
        // `广州市场` is a market, not the city of 广州市
        let c = char_at(s, b).map_or(0, char::len_utf8);
        if !matches!(
            char_at(s, b + c),
            Some('场' | '民' | '值' | '长' | '委' | '级' | '域' | '内' | '外' | '政')
        ) {
            return b + c;
        }
    }
    b
}

/// The names of `names` (in text order) but the one-character places that
/// are none: a function word (`以` in `以欧美市场为中心`) or the start of a
/// common word (`港股`, `欧市`, `中药`: see `word` in place_abbrev.txt).
/// The tagger learnt from corpora that read such characters as places
/// (MSRA tags `港` in `港人`, `华` in `华侨`); SPEC reads none inside a
/// common word. Only the words that news use most are listed.
pub(super) fn single_character_places(
    s: &str,
    tokens: &[Tagged<'_>],
    names: Vec<Span>,
) -> Vec<Span> {
    names
        .into_iter()
        .filter(|sp| !one_character_place(s, sp) || !no_place(s, tokens, sp))
        .collect()
}

/// Whether `sp` is a place of one character.
fn one_character_place(s: &str, sp: &Span) -> bool {
    sp.kind == EntityKind::Place && s[sp.start..sp.end].chars().nth(1).is_none()
}

/// Whether the one character of `sp` is a function word (a token of its
/// own tagged as a preposition, conjunction, particle, adverb or pronoun)
/// or starts a common word, inside its token or as a token of its own
/// (`沪` `股通`).
fn no_place(s: &str, tokens: &[Tagged<'_>], sp: &Span) -> bool {
    let k = tokens.partition_point(|t| t.end <= sp.start);
    let Some(t) = tokens.get(k) else {
        return false;
    };
    let alone = t.start == sp.start && t.end == sp.end;
    if alone
        && matches!(
            t.pos.as_bytes().first(),
            Some(b'p' | b'c' | b'u' | b'd' | b'r')
        )
    {
        return true;
    }
    // `港股` in one token, or `沪` `股通` in two
    (alone || sp.end < t.end) && char_at(s, sp.end).is_some_and(|c| ABBREVIATIONS.word.contains(c))
}
