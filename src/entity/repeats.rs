//! Names repeated through a document: a name found once is the same name
//! wherever the same characters stand as a word of their own (`美高梅`
//! found as an organisation in one sentence, and read as the place `美` in
//! another, is `美高梅` there too), and a company found with the words of
//! its form is named again without them (`酷派集团`, then `酷派`). A tagger
//! decides sentence by sentence; a reader of the whole article does not.

use rustc_hash::{FxHashMap, FxHashSet};

use super::org::named_token;
use super::{EntityKind, Span, Tagged};

/// The names of `found` (in text order, not overlapping) found again at
/// every other occurrence of their text in `s` that starts and ends a
/// token and overlaps no name reaching outside it; names inside such an
/// occurrence give way to it. Names of one character are not repeated
/// (`美` is a place in `中美` and nothing in `美元`), nor names that are one
/// common word, nor products (the lexicon and rules that give them find
/// every occurrence already).
pub(super) fn repeat_names(s: &str, tokens: &[Tagged<'_>], found: Vec<Span>) -> Vec<Span> {
    let mut kinds: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, sp) in found.iter().enumerate() {
        let text = &s[sp.start..sp.end];
        let repeated = sp.kind != EntityKind::Product;
        if repeated && text.chars().nth(1).is_some() && !common_word(tokens, sp) {
            kinds.entry(text).or_insert(i);
        }
        let Some(core) = without_form(s, tokens, sp) else {
            continue;
        };
        if named_core(s, tokens, &core) {
            kinds.entry(&s[core.start..core.end]).or_insert(i);
        }
        if let Some(short) = without_place(s, tokens, &core) {
            kinds.entry(&s[short.start..short.end]).or_insert(i);
        }
    }
    if kinds.is_empty() {
        return found;
    }
    let added = occurrences(s, tokens, &kinds, &found);
    if added.is_empty() {
        return found;
    }
    let mut out: Vec<Span> = found
        .into_iter()
        .filter(|f| !added.iter().any(|a| a.start <= f.start && f.end <= a.end))
        .collect();
    out.extend(added);
    out.sort_by_key(|sp| sp.start);
    out
}

/// The occurrences of the names of `kinds` (text → index of the name in
/// `found`) that start and end a token, leftmost-longest, and overlap no
/// name of `found` reaching outside them. The names are few: each token
/// that starts with a first character of one is tried, with the tokens
/// after it up to the longest name's length.
fn occurrences(
    s: &str,
    tokens: &[Tagged<'_>],
    kinds: &FxHashMap<&str, usize>,
    found: &[Span],
) -> Vec<Span> {
    let longest = kinds.keys().map(|k| k.len()).max().unwrap_or(0);
    let firsts: FxHashSet<char> = kinds.keys().filter_map(|k| k.chars().next()).collect();
    // one bit per first character modulo 64: most tokens fail this before
    // the set is asked
    let mask = firsts.iter().fold(0u64, |m, &c| m | char_bit(c));
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if !s[t.start..]
            .chars()
            .next()
            .is_some_and(|c| mask & char_bit(c) != 0 && firsts.contains(&c))
        {
            i += 1;
            continue;
        }
        let mut best = None;
        for (j, u) in tokens[i..].iter().enumerate() {
            if u.end - t.start > longest {
                break;
            }
            if let Some(&k) = kinds.get(&s[t.start..u.end]) {
                best = Some((i + j, k));
            }
        }
        let Some((last, k)) = best else {
            i += 1;
            continue;
        };
        let sp = Span {
            kind: found[k].kind,
            start: t.start,
            end: tokens[last].end,
        };
        if only_inside(found, &sp) {
            out.push(sp);
        }
        i = last + 1;
    }
    out
}

/// The words of a company's form, the longest first (`酷派集团` is `酷派`).
const COMPANY_FORMS: [&str; 11] = [
    "控股集团股份有限公司",
    "控股集团有限公司",
    "集团控股有限公司",
    "控股股份有限公司",
    "集团股份有限公司",
    "控股有限公司",
    "集团有限公司",
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团",
];

/// Organisation `sp` without the words of its form (`酷派` of `酷派集团`),
/// when what is left ends a token.
fn without_form(s: &str, tokens: &[Tagged<'_>], sp: &Span) -> Option<Span> {
    if sp.kind != EntityKind::Org {
        return None;
    }
    let text = &s[sp.start..sp.end];
    let form = COMPANY_FORMS.iter().find(|f| text.ends_with(*f))?;
    let core = Span {
        end: sp.end - form.len(),
        ..*sp
    };
    let first = tokens.binary_search_by_key(&core.start, |t| t.start).ok()?;
    // tokens are contiguous: their ends are in order
    tokens[first..]
        .binary_search_by_key(&core.end, |t| t.end)
        .is_ok()
        .then_some(core)
}

/// Whether a company's core (see [`without_form`]) is a name the text may
/// call it by again: two characters or more, with a proper noun or a
/// person's name by its tag, or Latin letters or digits, among its tokens
/// (no `资产管理`, no place alone).
fn named_core(s: &str, tokens: &[Tagged<'_>], core: &Span) -> bool {
    let first = tokens.partition_point(|t| t.start < core.start);
    // a place is no company's core (`北京` of `北京集团`)
    let named = tokens[first..]
        .iter()
        .take_while(|t| t.end <= core.end)
        .any(|t| named_token(s, t) && t.pos != "ns");
    let long = s[core.start..core.end].chars().nth(1).is_some();
    long && named && !common_word(tokens, core)
}

/// A company's core without the place it opens with (`福尔达投资` of
/// `宁波福尔达投资`), the short name the text may call it by: three
/// characters or more, two tokens or more, one of them a proper noun or
/// Latin letters or digits (no `银行投资`, no `交易所`).
fn without_place(s: &str, tokens: &[Tagged<'_>], core: &Span) -> Option<Span> {
    let first = tokens.binary_search_by_key(&core.start, |t| t.start).ok()?;
    let place = tokens
        .get(first)
        .filter(|t| t.pos == "ns" && t.end < core.end)?;
    let rest = tokens[first + 1..].iter().take_while(|t| t.end <= core.end);
    // a proper noun among two tokens or more (`福尔` `达` `投资`); one token
    // is a word of its own (`交易所` of `德意志交易所集团`), a person's tag
    // a guess (`养老` of `安邦养老保险`)
    let named = rest.clone().nth(1).is_some()
        && rest
            .clone()
            .any(|t| named_token(s, t) && !matches!(t.pos, "nr" | "nrt" | "nrfg"));
    let short = Span {
        start: place.end,
        ..*core
    };
    let long = s[short.start..short.end].chars().nth(2).is_some();
    (long && named && !common_word(tokens, &short)).then_some(short)
}

/// The bit of `c` in a 64-bit filter of characters.
fn char_bit(c: char) -> u64 {
    1 << (u32::from(c) % 64)
}

/// Whether `sp` is one token of a common word's POS (`联盟`): such a name
/// holds only where it was found.
fn common_word(tokens: &[Tagged<'_>], sp: &Span) -> bool {
    tokens
        .binary_search_by_key(&sp.start, |t| t.start)
        .ok()
        .map(|i| &tokens[i])
        .is_some_and(|t| {
            t.end == sp.end && matches!(t.pos, "n" | "vn" | "v" | "j" | "l" | "a" | "an" | "ng")
        })
}

/// Whether every name of `found` that overlaps `sp` lies inside it and is
/// shorter (a name equal to `sp` is already there), or is a place of the
/// span of the organisation `sp` (`浙江广厦`, a company named before its
/// quote, which the tagger reads as a place elsewhere in the text).
fn only_inside(found: &[Span], sp: &Span) -> bool {
    let from = found.partition_point(|f| f.end <= sp.start);
    let to = found.partition_point(|f| f.start < sp.end);
    let inside = &found[from..to.max(from)];
    inside.iter().all(|f| {
        let same = f.start == sp.start && f.end == sp.end;
        f.start >= sp.start
            && f.end <= sp.end
            && (f.end - f.start < sp.end - sp.start
                || same && sp.kind == EntityKind::Org && f.kind != EntityKind::Org)
    })
}
