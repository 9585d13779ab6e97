//! The model's names joined with the names of rules and lexicons: the
//! model decides where it finds a name; a rule or lexicon name fills the
//! gaps; a lexicon name wins where it holds the model's names whole, is
//! longer and of their kind (a company name the model cut short, not a
//! place the model found in it: `中国` in `中国网民`), and a product always
//! (the model knows none). Model names that cannot be names are dropped
//! first.

use std::sync::LazyLock;

use super::bounds::fit_bounds;
use super::relations::cut_relations;
use super::stocks::starts_with_price_verb;
use super::translit::translit_char;
use super::words::{is_commodity, no_name_spans, starts_a_commodity, starts_like_a_name, words_of};
use super::{EntityKind, Span, Tagged};

/// Characters a name never holds: brackets, quotes, separators, sentence
/// punctuation (`·` joins the parts of a foreign name and is allowed).
fn breaks_name(c: char) -> bool {
    matches!(
        c,
        '（' | '）'
            | '('
            | ')'
            | '「'
            | '」'
            | '【'
            | '】'
            | '“'
            | '”'
            | '"'
            | '《'
            | '》'
            | '丨'
            | '|'
            | '，'
            | ','
            | '、'
            | '：'
            | ':'
            | '；'
            | ';'
            | '。'
            | '！'
            | '？'
            | '\n'
    )
}

/// POS tags of common words: an organisation that is exactly one such word
/// may be a back reference to a longer name ([`back_reference`]).
fn common_word(pos: &str) -> bool {
    matches!(
        pos,
        "n" | "vn" | "v" | "t" | "d" | "ad" | "f" | "r" | "p" | "c" | "u" | "m"
    )
}

/// An organisation that starts with the generic `公司` or `本公司`, or ends
/// with `本公司`, names the company of the text, or a body of it
/// (`公司薪酬委员会`, `占本公司`): no name.
fn generic_company(text: &str) -> bool {
    // `占本公司`, `对本公司`: a function word before `本公司` (not `日本公司`,
    // `资本公司`)
    let after_function_word = text.strip_suffix("本公司").is_some_and(|head| {
        head.ends_with([
            '占', '为', '应', '及', '至', '获', '对', '持', '使', '系', '以', '进', '但', '与',
            '和', '把', '被', '向', '在', '从', '由',
        ])
    });
    text.starts_with("公司") || text.starts_with("本公司") || after_function_word
}

/// The longest name the model may give, in characters (the longest names
/// of bodies run to about 25: `中国广播电影电视社会组织联合会电视制片委员会`).
const MAX_CHARS: usize = 40;

/// Whether the model's name `sp` can be a name: not too long, not one
/// character repeated (`第第第`), no breaking character, no generic company
/// (`本公司`), and no organisation of one common word that repeats the end
/// of a longer one named before it (`earlier`, the model's names before
/// `sp`, in text order).
fn plausible(s: &str, tokens: &[Tagged<'_>], sp: &Span, earlier: &[Span]) -> bool {
    let text = &s[sp.start..sp.end];
    let mut chars = text.chars();
    let first = chars.next();
    let repeated = text.chars().nth(1).is_some() && chars.all(|c| Some(c) == first);
    if repeated || text.chars().nth(MAX_CHARS).is_some() || text.chars().any(breaks_name) {
        return false;
    }
    if candlestick(s, sp) {
        return false;
    }
    if sp.kind == EntityKind::Person && !plausible_person(s, sp) {
        return false;
    }
    if sp.kind != EntityKind::Org {
        return true;
    }
    let i = tokens.partition_point(|t| t.start < sp.start);
    let one_word = tokens
        .get(i)
        .filter(|t| t.start == sp.start && t.end == sp.end && common_word(t.pos));
    !(generic_company(text) || one_word.is_some() && back_reference(s, sp, earlier))
}

/// Whether the organisation `sp` repeats the end of a longer organisation
/// of `earlier` (`工业和信息化部电子信息司……电子信息司负责人`): a short
/// back reference by a common word, no name. A common word named alone
/// (`文化部`, `筹委会`) stays a name: the model, which reads the context,
/// took it for one.
fn back_reference(s: &str, sp: &Span, earlier: &[Span]) -> bool {
    let text = &s[sp.start..sp.end];
    earlier.iter().any(|e| {
        e.kind == EntityKind::Org
            && e.end <= sp.start
            && e.end - e.start > text.len()
            && s[e.start..e.end].ends_with(text)
    })
}

/// Whether the model's person can be one: not one CJK character alone
/// (`孟` for Bangladesh, `江` in `江泉实业`) but a surname with a form of
/// address (`刘先生`, `陈某`, `老罗`), not a name whose price moves
/// (`郑醇涨超1%`: a futures contract), not a Latin word in capitals alone
/// (`PMI`, `RIM`: companies' and indexes' initials) or with a digit
/// (`Magic2`: a model).
fn plausible_person(s: &str, sp: &Span) -> bool {
    let text = &s[sp.start..sp.end];
    let capitals = text
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let model =
        text.bytes().all(|b| b.is_ascii_alphanumeric()) && text.bytes().any(|b| b.is_ascii_digit());
    if capitals || model {
        return false;
    }
    let mut cs = text.chars();
    let one_cjk = cs.next().is_some_and(crate::text::is_cjk)
        && cs.next().is_none()
        && !addressed(&s[..sp.start], &s[sp.end..]);
    let moves = starts_with_price_verb(after_list(&s[sp.end..]));
    !one_cjk && !moves && !without_surname(text)
}

/// A Chinese name of two or three characters that starts with neither a
/// surname (or the first character of a listed name) nor a character of
/// transliteration (`众泰`, `祥和`): no person.
fn without_surname(text: &str) -> bool {
    let n = text.chars().count();
    let all_cjk = text.chars().all(crate::text::is_cjk);
    all_cjk
        && (2..=3).contains(&n)
        && !starts_like_a_name(text)
        && !text.chars().next().is_some_and(translit_char)
}

/// forms_of_address.txt: the titles after a surname alone.
const ADDRESS_DATA: &str = include_str!("../../data/entity/forms_of_address.txt");

/// The titles after a surname alone (`先生`, `某`, `总`), parsed once.
static FORMS_OF_ADDRESS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_of(ADDRESS_DATA));

/// Whether a surname alone stands with a form of address: a title after
/// it (`刘先生`, `王小姐`, `陈某`, `曹总`) or `老`/`小` before it (`老罗`).
fn addressed(before: &str, after: &str) -> bool {
    FORMS_OF_ADDRESS.iter().any(|w| after.starts_with(w)) || before.ends_with(['老', '小'])
}

/// The text after a list item: past the items listed after it
/// (`、郑油`, each at most four characters, at most three) and `等`.
fn after_list(mut after: &str) -> &str {
    for _ in 0..3 {
        let Some(rest) = after.strip_prefix('、') else {
            break;
        };
        let item = rest
            .char_indices()
            .take(5)
            .find(|&(_, c)| !crate::text::is_cjk(c) || matches!(c, '等' | '涨' | '跌'))
            .map_or(rest.len(), |(i, _)| i);
        after = &rest[item..];
    }
    after.strip_prefix('等').unwrap_or(after)
}

/// The model's persons that a lexicon or the A-share list names an
/// organisation over exactly the same span (`亚马逊`, `伊力特`, `MediaTek`)
/// are that organisation; so are its places and persons inside a longer
/// lexicon organisation whose own text the lexicon names an organisation
/// (`京东` in `京东金融`), so that the longer name wins.
fn lexicon_kinds(s: &str, modelled: &mut [Span], whole: &Whole<'_>) {
    for m in modelled.iter_mut().filter(|m| m.kind != EntityKind::Org) {
        let same = |sorted: &[Span]| {
            overlapping(sorted, m)
                .iter()
                .any(|l| l.start == m.start && l.end == m.end && l.kind == EntityKind::Org)
        };
        let person = m.kind == EntityKind::Person && (same(whole.lexical) || same(whole.listed));
        let inside = overlapping(whole.lexical, m).iter().any(|l| {
            l.kind == EntityKind::Org
                && l.start <= m.start
                && m.end <= l.end
                && l.end - l.start > m.end - m.start
        }) && (whole.org_named)(&s[m.start..m.end]);
        if person || inside {
            m.kind = EntityKind::Org;
        }
    }
}

/// Whether the model's name takes in the `K` of a candlestick chart
/// (`日K线`, `周K线`, `月K`): a word of chart reading, never a name.
fn candlestick(s: &str, sp: &Span) -> bool {
    let text = &s[sp.start..sp.end];
    text.contains("K线") || text.ends_with('K') && s[sp.end..].starts_with('线')
}

/// Whether `b` holds every name of `names` it overlaps (in text order, not
/// overlapping: the model's or a lexicon's) and is longer than each.
fn holds_whole(b: &Span, names: &[Span]) -> bool {
    let inside = overlapping(names, b);
    !inside.is_empty()
        && inside
            .iter()
            .all(|m| m.start >= b.start && m.end <= b.end && m.end - m.start < b.end - b.start)
}

/// Whether the names of `names` (in text order, not overlapping) that `b`
/// overlaps are all of its kind: a lexicon organisation wins over the
/// model's organisation it holds (`山河智能` over `山河`), not over the place
/// or person the model found in it and left outside any name (`日本` in
/// `日本政府`).
fn same_kind(b: &Span, names: &[Span]) -> bool {
    overlapping(names, b).iter().all(|m| m.kind == b.kind)
}

/// Whether the listed stock name `l` overlaps no strong name (`strong`, in
/// text order) but lexicon names it holds whole and is longer than
/// (`中金辐照` over `中金`).
fn beats_lexical(l: &Span, strong: &[Span], lexical: &[Span]) -> bool {
    overlapping(strong, l).iter().all(|st| {
        has(lexical, st)
            && l.start <= st.start
            && st.end <= l.end
            && st.end - st.start < l.end - l.start
    })
}

/// Whether `sp` starts at a token's start and ends at a token's end (`国新
/// 能源` inside `中国` `新能源` does not).
fn on_tokens(tokens: &[Tagged<'_>], sp: &Span) -> bool {
    tokens.binary_search_by_key(&sp.start, |t| t.start).is_ok()
        && tokens.binary_search_by_key(&sp.end, |t| t.end).is_ok()
}

/// Whether the listed stock name `l` can stand alone: four characters or
/// more (`九安医疗`), or three as an item of a list, a separator or the start
/// of a line before it and a separator or `等` after it (`四方精创，高伟达等股
/// 涨超3%`). Two characters are too often a common word (`平安`, `长城`).
fn list_item(s: &str, l: &Span) -> bool {
    let separator = |c: char| matches!(c, '、' | '，' | ',' | '；' | '。' | '：' | '\n' | ' ');
    let before = s[..l.start].chars().next_back().is_none_or(separator);
    let after = s[l.end..]
        .chars()
        .next()
        .is_some_and(|c| separator(c) || c == '等');
    let chars = s[l.start..l.end].chars().count();
    chars >= 4 || (chars == 3 && before && after)
}

/// Whether `b` is a lexicon organisation (of `lexical`) of three characters
/// (longer ones are distinctive) that starts or ends inside a common word of two characters or
/// more, not a proper noun (`教育部` in `教育部门`, `好未来` in `美好` `未来`): where the
/// model, reading the context, found no name, such a match is a piece of
/// other words.
fn cuts_a_word(s: &str, tokens: &[Tagged<'_>], b: &Span, lexical: &[Span]) -> bool {
    let cut_at = |p: usize| {
        let i = tokens.partition_point(|t| t.end <= p);
        tokens.get(i).is_some_and(|t| {
            let proper = matches!(
                t.pos,
                "nr" | "nrt" | "nrfg" | "ns" | "nt" | "nz" | "nw" | "j" | "eng" | "x"
            );
            t.start < p && !proper && s[t.start..t.end].chars().nth(1).is_some()
        })
    };
    b.kind == EntityKind::Org
        && has(lexical, b)
        && s[b.start..b.end].chars().count() == 3
        && (cut_at(b.start) || cut_at(b.end))
}

/// The names that win over the model's where they overlap.
pub(super) struct Whole<'a> {
    /// Lexicon names: they win where they hold the model's names whole, are
    /// longer and of their kind (`山河智能` over `山河`).
    pub(super) lexical: &'a [Span],
    /// Rule names whose context settles them (a stock name before its
    /// quote): they win like products.
    pub(super) decisive: &'a [Span],
    /// Listed stock names: they win as lexicon names do, but fill a gap
    /// alone only as an item of a list (`平安`, `长城` are common words too).
    pub(super) listed: &'a [Span],
    /// Whether the lexicon names exactly this text an organisation.
    pub(super) org_named: &'a dyn Fn(&str) -> bool,
}

/// The names of a text from the model's names and the resolved names of
/// rules and lexicons (`base`), in text order, not overlapping.
pub(super) fn combine(
    s: &str,
    tokens: &[Tagged<'_>],
    modelled: Vec<Span>,
    base: Vec<Span>,
    whole: &Whole<'_>,
) -> Vec<Span> {
    // the model's names as it cut them: a listed stock name that holds one
    // whole wins, even one too short to stand (`江` in `江化微`)
    let cut = cut_relations(s, tokens, fit_bounds(s, modelled));
    let mut modelled: Vec<Span> = cut
        .iter()
        .enumerate()
        .filter(|(k, m)| plausible(s, tokens, m, &cut[..*k]))
        .map(|(_, m)| *m)
        .collect();
    lexicon_kinds(s, &mut modelled, whole);
    let (mut strong, weak): (Vec<Span>, Vec<Span>) = base.into_iter().partition(|b| {
        b.kind == EntityKind::Product
            || has(whole.decisive, b)
            || (has(whole.lexical, b) && holds_whole(b, &modelled) && same_kind(b, &modelled))
    });
    strong.sort_by_key(|sp| sp.start);
    let listed: Vec<Span> = whole
        .listed
        .iter()
        .filter(|l| {
            let gap =
                overlapping(&modelled, l).is_empty() && list_item(s, l) && on_tokens(tokens, l);
            let longer = holds_whole(l, &cut) || holds_whole(l, whole.lexical);
            (gap || longer) && beats_lexical(l, &strong, whole.lexical)
        })
        .copied()
        .collect();
    // `中金辐照` over the lexicon's `中金`
    strong.retain(|st| {
        !listed
            .iter()
            .any(|l| l.start <= st.start && st.end <= l.end)
    });
    strong.extend(listed);
    strong.sort_by_key(|sp| sp.start);
    let kept: Vec<Span> = modelled
        .into_iter()
        .filter(|m| overlapping(&strong, m).is_empty())
        .collect();
    let mut out = strong;
    out.extend(kept);
    out.sort_by_key(|sp| sp.start);
    let gaps: Vec<Span> = weak
        .into_iter()
        .filter(|b| overlapping(&out, b).is_empty() && !cuts_a_word(s, tokens, b, whole.lexical))
        .collect();
    out.extend(gaps);
    out.sort_by_key(|sp| sp.start);
    // `铁矿石大涨超20%`: a commodity is no name, whoever proposed it, nor
    // the start of one (`布伦特` of `布伦特原油`); `北京时间`, `当地时间`: a
    // time zone names no place; `奥密克戎` holds no name
    let no_names = no_name_spans(s);
    out.retain(|sp| {
        if no_names.iter().any(|&(a, b)| a < sp.end && sp.start < b) {
            return false;
        }
        let zone = sp.kind == EntityKind::Place && s[sp.end..].starts_with("时间");
        let generic = sp.kind == EntityKind::Org && generic_company(&s[sp.start..sp.end]);
        let commodity =
            is_commodity(&s[sp.start..sp.end]) || starts_a_commodity(s, sp.start, sp.end);
        !commodity && !zone && !generic
    });
    out
}

/// The spans of `sorted` (in text order, not overlapping: their ends are
/// in order too) that overlap `b`, found by binary search.
fn overlapping<'a>(sorted: &'a [Span], b: &Span) -> &'a [Span] {
    let from = sorted.partition_point(|x| x.end <= b.start);
    let to = sorted.partition_point(|x| x.start < b.end);
    &sorted[from..to.max(from)]
}

/// Whether `sorted` (in text order) holds `b`.
fn has(sorted: &[Span], b: &Span) -> bool {
    let from = sorted.partition_point(|x| x.start < b.start);
    sorted[from..]
        .iter()
        .take_while(|x| x.start == b.start)
        .any(|x| x == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str) -> bool {
        let sp = Span {
            kind: EntityKind::Person,
            start: 0,
            end: text.len(),
        };
        plausible_person(text, &sp)
    }

    /// Latin words in capitals or with a digit are initials and models,
    /// which the model took for persons in context (`PMI`, `Magic2` across
    /// the corpus); Latin names in letters stand.
    #[test]
    fn latin_initials_and_models_are_no_persons() {
        assert!(!person("PMI"));
        assert!(!person("Magic2"));
        assert!(!person("7Fresh"));
        assert!(person("Murren"));
        assert!(person("RossYoung"));
    }
}
