//! Organisation names from rules: a suffix extended leftwards over
//! name-like tokens (`中信` + `证券`, `国务院` + `外办`), and party congresses
//! named by their number (`十五大`).

use std::sync::LazyLock;

use super::relations::{ends_names_before, ends_no_name, starts_no_name};
use super::words::{WordSet, strip_enumeration, words_of};
use super::{EntityKind, Span, Tagged};
use crate::lexicon::data_lines;
use crate::text::{char_len, is_cjk};

/// org_suffix.txt: the words that end an organisation name.
const ORG_SUFFIX_DATA: &str = include_str!("../../data/entity/org_suffix.txt");

/// The words that end an organisation name (`有限公司`, `证券`, `银行`).
static ORG_SUFFIXES: LazyLock<WordSet> = LazyLock::new(|| {
    let words: Vec<&'static str> = data_lines(ORG_SUFFIX_DATA).map(|(_, s)| s).collect();
    WordSet::new(&words)
});

/// Tokens that can be part of an organisation name left of its suffix.
fn name_like(pos: &str) -> bool {
    matches!(
        pos,
        "ns" | "nt" | "nz" | "nr" | "nrt" | "nrfg" | "j" | "eng" | "n" | "x" | "vn" | "an" | "nw"
    )
}

/// Whether token `t` of `s` names something by itself: a proper noun
/// ([`anchor`]), a person's name by its tag, or Latin letters or digits
/// (`360`, `MSCI`). A body or a company's core of none of these is common
/// words (`市场监管部门`, `资产管理`).
pub(super) fn named_token(s: &str, t: &Tagged<'_>) -> bool {
    anchor(t.pos)
        || matches!(t.pos, "nr" | "nrt" | "nrfg")
        || s[t.start..t.end].bytes().any(|b| b.is_ascii_alphanumeric())
}

/// Proper-noun tokens: an organisation name needs one of these (or a
/// lexicon name) left of its suffix, so `新能源汽车` is no company.
pub(super) fn anchor(pos: &str) -> bool {
    matches!(pos, "ns" | "nt" | "nz" | "j" | "eng" | "nw")
}

/// Organisation suffix tokens extended leftwards over name-like tokens,
/// then trimmed back so that the name starts with a proper noun
/// (`江苏` `文化` `音像` `出版社`; not `新能源` `汽车`).
pub(super) fn org_rule(s: &str, tokens: &[Tagged<'_>], lex: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    // lexicon spans are sorted and disjoint: the one that could hold
    // `a..b` is the last starting at or before `a`
    let in_lex = |a: usize, b: usize| {
        let i = lex.partition_point(|sp| sp.start <= a);
        i > 0 && {
            let sp = &lex[i - 1];
            b <= sp.end && sp.kind != EntityKind::Person
        }
    };
    for (i, t) in tokens.iter().enumerate().skip(1) {
        // `近百所高校`, `被电灯所代替`: `所` the segmenter tags as a function
        // word is no suffix
        if matches!(t.pos, "c" | "p" | "u" | "d" | "r") {
            continue;
        }
        let text = &s[t.start..t.end];
        let is_suffix = ORG_SUFFIXES.contains(text)
            // `外办`, `发改委`: a short token ending in a one-character suffix
            || (matches!(tokens[i - 1].pos, "nt" | "ns")
                && char_len(text) <= 3
                && text
                    .chars()
                    .last()
                    .is_some_and(|c| matches!(c, '办' | '委' | '部' | '局' | '厅' | '署' | '社')));
        if !is_suffix {
            continue;
        }
        // the furthest left an organisation name could start
        let mut j = i;
        while j > 0 && i - j < 6 {
            let p = &tokens[j - 1];
            let ptext = &s[p.start..p.end];
            // names hold no numbers: a quantity or time token ends the search
            if !ptext
                .chars()
                .all(|c| is_cjk(c) || c.is_ascii_alphabetic() || c == '&')
                || matches!(p.pos, "m" | "t")
            {
                break;
            }
            let lexical = in_lex(p.start, p.end);
            let inner = matches!(p.pos, "v" | "vn" | "b" | "a" | "an") && j < i;
            if !(name_like(p.pos) || lexical || inner) {
                break;
            }
            // a verb glued on (`四维` `尔拟` `投资`), or one of holding
            // (`其所` `持有` `公司`): the name is before it
            if ptext.chars().next_back().is_some_and(ends_no_name) || ends_names_before(ptext) {
                break;
            }
            // generic heads: `该公司`, `上市公司`; `二是外汇资产`
            if strip_enumeration(ptext) == Some("")
                || matches!(
                    ptext,
                    "公司"
                        | "上市"
                        | "本"
                        | "该"
                        | "其"
                        | "这"
                        | "新"
                        | "旗下"
                        | "子"
                        | "全国"
                        | "各"
                )
            {
                break;
            }
            j -= 1;
        }
        // trim back to a proper noun; a word the segmenter guessed that
        // starts with a preposition or an adverb (`将乐视`, `以本`, `报县`)
        // is none
        let glued = |t: &Tagged<'_>| {
            let text = &s[t.start..t.end];
            matches!(t.pos, "nz" | "j" | "nw" | "x")
                && !in_lex(t.start, t.end)
                && text.chars().nth(1).is_some()
                && text.chars().next().is_some_and(starts_no_name)
        };
        while j < i
            && (glued(&tokens[j])
                || !(anchor(tokens[j].pos) || in_lex(tokens[j].start, tokens[j].end)))
        {
            j += 1;
        }
        if j < i {
            out.push(Span {
                kind: EntityKind::Org,
                start: tokens[j].start,
                end: t.end,
            });
        }
    }
    out
}

/// `十五大`, `中共十四大`: a party congress named by its number.
pub(super) fn party_congresses(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('大') {
        let before = &s[..i];
        let num: Vec<char> = before.chars().rev().take(3).collect();
        // 十一..十九, 二十..二十九 (three chars at most: 二十一)
        let n = num
            .iter()
            .take_while(|&&c| {
                matches!(
                    c,
                    '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                )
            })
            .count();
        if !(2..=3).contains(&n) {
            continue;
        }
        let numeral: String = num[..n].iter().rev().collect();
        if !numeral.contains('十')
            || numeral.starts_with(['一', '三', '四', '五', '六', '七', '八', '九'])
        {
            continue;
        }
        let after = &s[i + '大'.len_utf8()..];
        let next_ok = after.chars().next().is_none_or(|c| {
            !is_cjk(c)
                || matches!(
                    c,
                    '精' | '报'
                        | '代'
                        | '以'
                        | '召'
                        | '期'
                        | '上'
                        | '的'
                        | '和'
                        | '胜'
                        | '提'
                        | '确'
                        | '后'
                        | '前'
                        | '通'
                        | '关'
                        | '所'
                        | '是'
                )
        });
        if !next_ok {
            continue;
        }
        let start = i - numeral.len();
        // a numeral glued to more numerals is no congress
        if before[..start]
            .chars()
            .next_back()
            .is_some_and(crate::number::is_chinese_numeral_char)
        {
            continue;
        }
        out.push(Span {
            kind: EntityKind::Org,
            start,
            end: i + '大'.len_utf8(),
        });
    }
    out
}

/// government.txt: words that make the places before them a government
/// body.
const GOVERNMENT_DATA: &str = include_str!("../../data/entity/government.txt");

/// The words of government (`政府`, `管委会`).
static GOVERNMENT_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&words_of(GOVERNMENT_DATA)));

/// `深圳市福田区政府`: places right before a word of government (a token of
/// its own the segmenter split off) are, with it, one organisation.
/// `names` in text order, not overlapping; returns them so.
pub(super) fn bodies_of_places(s: &str, tokens: &[Tagged<'_>], names: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(names.len());
    for (k, sp) in names.iter().enumerate() {
        out.push(*sp);
        if sp.kind != EntityKind::Place || names.get(k + 1).is_some_and(|n| n.start == sp.end) {
            continue;
        }
        let Ok(i) = tokens.binary_search_by_key(&sp.end, |t| t.start) else {
            continue;
        };
        if !GOVERNMENT_WORDS.contains(&s[tokens[i].start..tokens[i].end]) {
            continue;
        }
        // the run of places that ends here
        let mut first = out.len() - 1;
        while first > 0
            && out[first - 1].kind == EntityKind::Place
            && out[first - 1].end == out[first].start
        {
            first -= 1;
        }
        let start = out[first].start;
        out.truncate(first);
        out.push(Span {
            kind: EntityKind::Org,
            start,
            end: tokens[i].end,
        });
    }
    out
}

/// The names of `names` (in text order) but the bodies and companies named
/// by what they do, in common words alone (`市场` `监管部门`, `第二` `总部`,
/// `互联网` `公司`, `商业银行`): an organisation that ends in a body word
/// (`部门`, `总部`, `分部`, `公司`, `银行`, but no legal form such as
/// `有限公司`) stands only when one of its tokens is a proper noun or a
/// person's name by its tag, or a lexicon name (`lexical`, in text order)
/// overlaps it, the bar [`org_rule`] sets for its own names. Company names
/// of common words (`蓝色光标`) end otherwise or in a legal form
/// (`清源国际有限公司`); committees are named by their words
/// (`联邦公开市场委员会`).
pub(super) fn generic_bodies(
    s: &str,
    tokens: &[Tagged<'_>],
    lexical: &[Span],
    names: Vec<Span>,
) -> Vec<Span> {
    names
        .into_iter()
        .filter(|n| n.kind != EntityKind::Org || !generic_body(s, tokens, lexical, n))
        .collect()
}

/// Whether organisation `n` ends in a body word after common words alone.
fn generic_body(s: &str, tokens: &[Tagged<'_>], lexical: &[Span], n: &Span) -> bool {
    const BODIES: [&str; 5] = ["部门", "总部", "分部", "公司", "银行"];
    // a company's legal form follows its registered name, which may be
    // common words (`清源国际有限公司`)
    const LEGAL_FORMS: [&str; 2] = ["有限公司", "责任公司"];
    let text = &s[n.start..n.end];
    if !BODIES.iter().any(|b| text.ends_with(b)) || LEGAL_FORMS.iter().any(|f| text.ends_with(f)) {
        return false;
    }
    let from = tokens.partition_point(|t| t.end <= n.start);
    let named = tokens[from..]
        .iter()
        .take_while(|t| t.start < n.end)
        .any(|t| named_token(s, t));
    let k = lexical.partition_point(|l| l.end <= n.start);
    let lexical = lexical.get(k).is_some_and(|l| l.start < n.end);
    !named && !lexical
}

/// The organisations of `names` (in text order) that end in a suffix of
/// two characters or more at the start of a word that goes on for two
/// characters or more, cut back to the word before it: `新浪银行` in
/// `新浪` `银行理财` `师` is `新浪`, as `银行理财` is no bank (a name never
/// ends inside a word, SPEC). A lexicon name (`lexical`, in text order)
/// stands as it is.
pub(super) fn orgs_ending_in_words(
    s: &str,
    tokens: &[Tagged<'_>],
    lexical: &[Span],
    mut names: Vec<Span>,
) -> Vec<Span> {
    for n in names.iter_mut().filter(|n| n.kind == EntityKind::Org) {
        let k = tokens.partition_point(|t| t.end <= n.end);
        let Some(t) = tokens
            .get(k)
            .filter(|t| t.start > n.start && t.start < n.end)
        else {
            continue;
        };
        let suffix = &s[t.start..n.end];
        let listed = lexical
            .binary_search_by_key(&n.start, |l| l.start)
            .is_ok_and(|i| lexical[i].end == n.end);
        // `国盛` `金控涨`: a verb of one character glued on is no word
        let rest = &s[n.end..t.end];
        let two = |x: &str| x.chars().nth(1).is_some();
        if two(suffix) && two(rest) && ORG_SUFFIXES.contains(suffix) && !listed {
            n.end = t.start;
        }
    }
    names
}
