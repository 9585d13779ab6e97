//! What a figure measures: the noun phrase before it, as written, over the
//! segmenter's tokens; the metric words of `data/metrics.txt` where no noun
//! phrase stands there.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashSet;

use super::Span;
use super::change::{basis_at, verb_ending};
use super::clause::within;
use super::index::Finger;
use crate::lexicon::data_lines;
use crate::segment::{Token, TokenKind};

const METRIC_DATA: &str = include_str!("../../data/metrics.txt");
const BRIDGE_DATA: &str = include_str!("../../data/claim/bridge_words.txt");
const GENERIC_DATA: &str = include_str!("../../data/claim/generic_nouns.txt");
const VERB_DATA: &str = include_str!("../../data/claim/metric_verbs.txt");
const ENUMERATED_DATA: &str = include_str!("../../data/claim/enumerated_nouns.txt");

/// Tokens a noun phrase holds at most.
const MAX_TOKENS: usize = 8;

static METRICS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = data_lines(METRIC_DATA).map(|(_, w)| w).collect();
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(words)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).unwrap_or_else(|_| unreachable!()))
});

fn word_set(data: &'static str) -> FxHashSet<&'static str> {
    data_lines(data).map(|(_, w)| w).collect()
}

static BRIDGE: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set(BRIDGE_DATA));
static GENERIC: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set(GENERIC_DATA));
static METRIC_VERBS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set(VERB_DATA));
static ENUMERATED: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set(ENUMERATED_DATA));
/// The metric words as a set: a token that is one is a noun whatever its
/// tag (`收入` is tagged a verb).
static METRIC_SET: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set(METRIC_DATA));

/// Whether `word` names what a list enumeration counts (`议题`, `措施`:
/// `data/claim/enumerated_nouns.txt`).
pub(super) fn is_enumerated(word: &str) -> bool {
    ENUMERATED.contains(word)
}

/// Whether `word` is a verb that names what is measured (`回购`, `斥资`).
pub(super) fn is_metric_verb(word: &str) -> bool {
    METRIC_VERBS.contains(word)
}

/// Whether `word` names nothing specific on its own (`公司`, `当季`).
pub(super) fn is_generic(word: &str) -> bool {
    GENERIC.contains(word)
}

/// Spans of metric words, searched from a finger.
pub(super) type Words = Finger<Vec<(usize, usize)>>;

/// Tokens, searched from a finger.
pub(super) type Tokens<'t> = Finger<&'t [Token<'t>]>;

/// The metric words of a text, adjacent ones joined (`海外收入` + `占比`).
pub(super) fn metric_words(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in METRICS.find_iter(text) {
        match out.last_mut() {
            Some(last) if last.1 == m.start() => last.1 = m.end(),
            _ => out.push((m.start(), m.end())),
        }
    }
    out
}

/// The metric word nearest before `at` inside `from..at`: the last one
/// (metric words do not overlap, so it ends last), found from the end.
pub(super) fn nearest_word(words: &Words, from: usize, at: usize) -> Option<Span> {
    within(words, from, at)
        .next_back()
        .map(|&(start, end)| Span { start, end })
}

/// Whether the word right before `at` (past bridge words), inside
/// `from..`, is a generic noun (`的公司有5家`): what is counted is named by
/// the clause around it, not by a metric word elsewhere in it.
pub(super) fn generic_before(tokens: &Tokens<'_>, from: usize, at: usize) -> bool {
    let mut i = tokens.partition_point(|t| t.end <= at);
    while i > 0 && tokens[i - 1].start >= from && bridge(&tokens[i - 1]) {
        i -= 1;
    }
    i > 0 && tokens[i - 1].start >= from && GENERIC.contains(tokens[i - 1].text)
}

/// The first metric word inside `from..to`.
pub(super) fn first_word(words: &Words, from: usize, to: usize) -> Option<Span> {
    within(words, from, to)
        .next()
        .map(|&(start, end)| Span { start, end })
}

/// A word that ends with a verb of change (`累跌`, `股涨`: words the
/// dictionary lacks, cut with the verb).
fn ends_with_change(t: &Token<'_>) -> bool {
    t.text.chars().count() <= 3 && verb_ending(t.text).is_some()
}

/// A word token that can be part of a noun phrase.
fn nominal(t: &Token<'_>) -> bool {
    if t.text.starts_with('我') {
        // `我委`, `我行`: the speaker's body, no part of what is measured
        return false;
    }
    match t.kind {
        TokenKind::Latin => true,
        TokenKind::Word => {
            (matches!(
                t.pos,
                "n" | "nz" | "vn" | "ng" | "nl" | "j" | "an" | "b" | "l" | "s"
            ) || METRIC_SET.contains(t.text))
                && !BRIDGE.contains(t.text)
                && !ends_with_change(t)
        }
        _ => false,
    }
}

/// A noun proper: nominal, not a verbal noun or an idiom (`vn`, `l`).
fn plain_noun(t: &Token<'_>) -> bool {
    nominal(t) && !matches!(t.pos, "vn" | "l")
}

/// A verb that may stand inside a noun phrase (`减持股份`, `归属于…的净利润`),
/// none that holds a level (`维持利率在1.5%`: the clause's verb).
fn inner_verb(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word
        && t.pos.starts_with('v')
        && !BRIDGE.contains(t.text)
        && verb_ending(t.text).is_none()
        && !matches!(t.text, "维持" | "保持" | "控制")
}

/// Single characters that modify the verb after them: adverbs and modals
/// (`已`, `将`, `要`, `可`), and `以` (`以获`: by gaining).
const VERBAL_FIRST: [char; 12] = [
    '已', '将', '要', '可', '会', '仅', '再', '也', '还', '均', '共', '以',
];

/// Characters that link a noun phrase to its figure (`达`, `为`), or a
/// figure to what it is compared with (`较`, `比`).
const LINK_LAST: [char; 5] = ['达', '为', '较', '比', '是'];

/// A two-character word jieba's unknown-word model made (`nz`) by gluing
/// an adverb or modal onto a verb (`已达`, `要收`, `将达`): a verb phrase
/// between a noun phrase and its figure, never part of the noun phrase.
fn glued_verb(t: &Token<'_>) -> bool {
    let mut cs = t.text.chars();
    t.kind == TokenKind::Word
        && t.pos == "nz"
        && t.text.chars().count() == 2
        && cs.next().is_some_and(|c| VERBAL_FIRST.contains(&c))
}

/// `数较`, `额为`: an unknown two-character word (`nz`) whose last
/// character links the noun before it to the figure: the byte offset where
/// that link starts (the first character belongs to the noun phrase).
fn glued_link(t: &Token<'_>) -> Option<usize> {
    let mut cs = t.text.char_indices();
    let (_, first) = cs.next()?;
    let (at, last) = cs.next()?;
    let two = cs.next().is_none();
    (t.kind == TokenKind::Word
        && t.pos == "nz"
        && two
        && !VERBAL_FIRST.contains(&first)
        && LINK_LAST.contains(&last))
    .then_some(t.start + at)
}

/// Words that modify the noun after them inside a noun phrase, though not
/// nouns themselves (or bridges elsewhere).
const INNER_MODIFIERS: [&str; 12] = [
    "累计", "新增", "最高", "最低", "最大", "最小", "平均", "实际", "最终", "净", "总", "毛",
];

/// A token between a noun phrase and its figure: spaces, times, bridge
/// words, verbs of change, basis words.
fn bridge(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Space | TokenKind::Time => true,
        TokenKind::Word => {
            BRIDGE.contains(t.text)
                || ends_with_change(t)
                || glued_verb(t)
                || basis_at(t.text, 0) == Some(t.text.len())
        }
        _ => false,
    }
}

/// `同比名义增长20.1%`, `实际增长6.4%`: nominal or real before a verb of
/// change says how the change is measured; it is no noun of the phrase.
fn adverb_of_change(tokens: &[Token<'_>], k: usize) -> bool {
    matches!(tokens[k].text, "名义" | "实际") && tokens.get(k + 1).is_some_and(ends_with_change)
}

/// `10年期国债收益率`, `3个月期`: a number and `年期`/`期` before a noun
/// is a tenor, an attribute of the noun (not a time): the index of the
/// number token when tokens `k - 1` and `k` are one.
fn tenor_before(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let t = &tokens[k];
    let tenor = t.kind == TokenKind::Word && matches!(t.text, "年期" | "期" | "个月期");
    let n = k.checked_sub(1)?;
    (tenor && matches!(tokens[n].kind, TokenKind::Number | TokenKind::Quantity)).then_some(n)
}

/// `分两个阶段`, `分三批`: a count of the steps an action takes, ending at
/// token `i - 1`, stands between a noun phrase and its figure
/// (`纳入因子分两个阶段从5%增至20%`): where it starts.
fn staged(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let noun = tokens.get(i.checked_sub(1)?)?;
    let count = tokens.get(i.checked_sub(2)?)?;
    if !ENUMERATED.contains(noun.text) || count.kind != TokenKind::Quantity {
        return None;
    }
    let k = i - 2;
    Some(match k.checked_sub(1).map(|p| tokens[p].text) {
        Some("分") => k - 1,
        _ => k,
    })
}

/// Whether token `k` ends a phrase of manner: `集中竞价交易方式`, `交易系统`.
fn manner(tokens: &Tokens<'_>, k: usize) -> bool {
    let t = tokens[k].text;
    t.ends_with("方式")
        || t.ends_with("交易系统")
        || t == "系统" && k > 0 && tokens[k - 1].text.ends_with("交易")
}

/// The noun phrase the figure at `at` measures: nouns (joined by `的`, with
/// at most one verb inside) right before it, past bridge words, after
/// `from`, not over a token that `blocked` says belongs to a name.
pub(super) fn noun_phrase_before(
    tokens: &Tokens<'_>,
    from: usize,
    at: usize,
    blocked: &dyn Fn(usize, usize) -> bool,
) -> Option<Span> {
    let mut i = tokens.partition_point(|t| t.end <= at);
    // `回购价格每股为5.27港元`: a distributive after the noun phrase is
    // passed over like a bridge
    let distributive = |i: usize| per_unit(&tokens[i - 1]) && i >= 2 && nominal(&tokens[i - 2]);
    let bridged = |i: usize| bridge(&tokens[i - 1]) || adverb_of_change(tokens, i - 1);
    loop {
        if i > 0 && tokens[i - 1].start >= from && (bridged(i) || distributive(i)) {
            i -= 1;
        } else if let Some(k) = staged(tokens, i).filter(|&k| tokens[k].start >= from) {
            i = k;
        } else {
            break;
        }
    }
    let last = tokens.get(i.checked_sub(1)?)?;
    let mut end = last.end;
    if last.start >= from && METRIC_VERBS.contains(last.text) && !blocked(last.start, last.end) {
        // `斥资 16.32 万港元`: the verb names what is measured; `每股亏损`:
        // with a distributive modifier before it
        let start = i
            .checked_sub(2)
            .and_then(|k| distributive_at(tokens, k, from))
            .unwrap_or(last.start);
        return Some(Span { start, end });
    }
    let (mut start, mut n, mut verbs) = (None, 0, 0);
    if let Some(link) = glued_link(last).filter(|_| last.start >= from) {
        // `机构数较去年同期增加六成`: the noun phrase ends before `较`
        end = link;
        start = Some(last.start);
        i -= 1;
    }
    while i > 0 && n < MAX_TOKENS {
        let t = &tokens[i - 1];
        // `以集中竞价交易方式累计回购公司股份`, `通过上交所交易系统减持`: the
        // manner ends before the phrase
        if t.start < from || blocked(t.start, t.end) || manner(tokens, i - 1) {
            break;
        }
        if let Some(k) =
            tenor_before(tokens, i - 1).filter(|&k| start.is_some() && tokens[k].start >= from)
        {
            start = Some(tokens[k].start);
            i = k;
            n += 2;
            continue;
        }
        if let Some(open) = bracket_before(tokens, i, from).filter(|_| start.is_some()) {
            // `中期借贷便利（MLF）操作`: a bracketed gloss inside the phrase
            i = open;
            continue;
        }
        // `人民币对美元汇率`: `对` joins the two currencies of a rate
        let rate = || {
            tokens[i..]
                .iter()
                .take_while(|u| u.end <= end)
                .any(|u| u.text.contains("汇率"))
        };
        let joins = (t.text == "的" || t.text == "对" && rate())
            && start.is_some()
            && i >= 2
            && nominal(&tokens[i - 2]);
        // `累计交付量`, `新增订单`: modifiers that are bridges elsewhere;
        // `成交最高价格`, `平均价格`: degree adjectives inside the phrase;
        // `数据中心 GPU 出货量`: a space between words of the phrase
        // `每ADS亏损`: `每` before a Latin unit
        // `非制造业商务活动指数`: a prefix (tag `h`) is part of the word after it
        let modifier = start.is_some()
            && (INNER_MODIFIERS.contains(&t.text)
                || per_unit(t)
                || t.text == "每"
                || t.kind == TokenKind::Word && t.pos == "h");
        let space = t.kind == TokenKind::Space
            && start.is_some()
            && i >= 2
            && nominal(&tokens[i - 2])
            && tokens[i - 2].start >= from
            && !blocked(tokens[i - 2].start, tokens[i - 2].end);
        if nominal(t) || joins || modifier || space {
            start = Some(t.start);
        } else if (inner_verb(t) && !GIVING.contains(&t.text)
            || ends_with_change(t) && compound(tokens, i - 1, from))
            && start.is_some()
            && verbs == 0
        {
            // `减持股份`; `工业增加值增长目标`: a verb of change between two
            // nouns is part of a compound (`降低除草成本` is a verb and its
            // object)
            verbs += 1;
            start = Some(t.start);
        } else {
            break;
        }
        i -= 1;
        n += 1;
    }
    let span = trim(tokens, start?, end)?;
    // `比上季提高9.8个百分点`: the comparison is no metric
    let first = tokens.partition_point(|t| t.end <= span.start);
    let compares = tokens.get(first).is_some_and(|t| opens_comparison(t.text));
    (!compares && !compared_with(tokens, from, span.start)).then_some(span)
}

/// `占公司总股本的0.32%`, `占营收比例为`: a percent after `占` and the
/// whole it is a share of is measured by both (SPEC: a share of something
/// is a share, not the thing); the span runs from `占` to the end of the
/// noun phrase before the figure at `at`, after `from`.
pub(super) fn share_before(
    tokens: &[Token<'_>],
    from: usize,
    at: usize,
    blocked: &dyn Fn(usize, usize) -> bool,
) -> Option<Span> {
    let mut k = tokens.partition_point(|t| t.end <= at);
    // `占营收比例分别为：93.7%`: a colon before the figure, as a bridge
    let colon = |t: &Token<'_>| matches!(t.text, "：" | ":");
    while k > 0 && tokens[k - 1].start >= from && (bridge(&tokens[k - 1]) || colon(&tokens[k - 1]))
    {
        k -= 1;
    }
    // `占比高达90%`, `占国际市场份额升至13.4%`, `占…的比例不得超过50%`:
    // verbs and adverbs between the whole and the figure
    let verbal = |t: &Token<'_>| {
        let linking = t.pos.starts_with('v')
            && t.text
                .ends_with(['至', '到', '达', '过', '于', '得', '望', '回']);
        t.kind == TokenKind::Word && (linking || t.pos == "d") && !t.text.starts_with('占')
    };
    for _ in 0..2 {
        if k > 0 && tokens[k - 1].start >= from && verbal(&tokens[k - 1]) {
            k -= 1;
        }
    }
    let of = k > 0 && tokens[k - 1].text == "的";
    if of {
        k -= 1;
    }
    let last = tokens.get(k.checked_sub(1)?)?;
    if !(nominal(last) || of && inner_verb(last)) {
        // the whole ends at a noun (`占公司业务收入的`: or a verb before `的`)
        return None;
    }
    let end = last.end;
    let mut n = 0;
    while k > 0 && n < MAX_TOKENS {
        let t = &tokens[k - 1];
        if t.start < from || blocked(t.start, t.end) {
            return None;
        }
        if matches!(t.text, "占" | "约占" | "占到" | "占据") {
            return (n > 0).then_some(Span {
                start: t.start,
                end,
            });
        }
        // `占发行前已发行股份`, `占现有已发行股本`, `占公司目前总股本`,
        // `占其所持股份`: adverbs, times and the holder inside the whole
        let inside = matches!(t.text, "的" | "已" | "前" | "现有" | "总" | "目前" | "其");
        if !nominal(t) && !inside && !inner_verb(t) {
            return None;
        }
        k -= 1;
        n += 1;
    }
    None
}

/// `每股亏损`, `每人`: a distributive `每` and a measure word make a
/// per-unit measure of the noun after them.
fn per_unit(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word && t.text.starts_with('每') && t.text.chars().count() == 2
}

/// Where the distributive that ends with token `k` starts, inside
/// `from..`: `每股`, or `每` and a Latin unit (`每ADS`).
fn distributive_at(tokens: &[Token<'_>], k: usize, from: usize) -> Option<usize> {
    let t = &tokens[k];
    let start = if per_unit(t) {
        t.start
    } else if t.kind == TokenKind::Latin && k > 0 && tokens[k - 1].text == "每" {
        tokens[k - 1].start
    } else {
        return None;
    };
    (start >= from).then_some(start)
}

/// Whether token `k` stands right after a noun inside `from..`.
fn compound(tokens: &[Token<'_>], k: usize, from: usize) -> bool {
    k > 0 && tokens[k - 1].start >= from && nominal(&tokens[k - 1])
}

/// Where the bracketed gloss that ends at token `i - 1` opens (`（MLF）`,
/// at most six tokens long), when it does.
fn bracket_before(tokens: &[Token<'_>], i: usize, from: usize) -> Option<usize> {
    if !matches!(tokens[i - 1].text, "）" | ")") {
        return None;
    }
    let lo = i.saturating_sub(8);
    (lo..i - 1)
        .rev()
        .find(|&k| matches!(tokens[k].text, "（" | "("))
        .filter(|&k| tokens[k].start >= from && k > 0 && nominal(&tokens[k - 1]))
}

/// The noun phrase right after a figure that ends at `at` (`5452个快递网点`,
/// `3 亿美元的新一轮融资`), inside `..to`; with `modifiers`, a verb right
/// before a noun is part of it (`分拨中心`).
pub(super) fn noun_phrase_after(
    tokens: &Tokens<'_>,
    at: usize,
    to: usize,
    blocked: &dyn Fn(usize, usize) -> bool,
    modifiers: bool,
) -> Option<Span> {
    let mut i = tokens.partition_point(|t| t.start < at);
    if tokens.get(i).is_some_and(|t| t.text == "的") {
        i += 1;
    }
    let start = tokens.get(i)?.start;
    let mut end = None;
    for (k, t) in tokens[i..].iter().enumerate().take(MAX_TOKENS) {
        // nouns only: `价格回购` is a noun and the verb after it; a verb
        // right before a noun modifies it (`17个分拨中心`, `快递网点`)
        let modifier = modifiers
            && (counted_modifier(&tokens[i + k - usize::from(k > 0)..], k > 0)
                || describes_noun_after(&tokens[i + k..]));
        // `的价格回购`: an action the dictionary tags as a noun ends it
        let action = end.is_some() && METRIC_VERBS.contains(t.text);
        if t.end > to
            || blocked(t.start, t.end)
            || action
            || !(plain_noun(t) || modifier || t.text == "的")
        {
            break;
        }
        end = Some(t.end);
    }
    if modifiers {
        // `28家上市公司`, `38只个股`: what a count counts is its noun, even
        // a generic one
        return counted_noun(tokens, start, end?);
    }
    trim(tokens, start, end?)
}

/// `3例无症状感染者`, `5家大型企业`: an adjective or a set phrase
/// (`无症状` is tagged an idiom) right before a noun modifies it inside a
/// counted noun.
fn describes_noun_after(rest: &[Token<'_>]) -> bool {
    let t = &rest[0];
    t.kind == TokenKind::Word
        && matches!(t.pos, "a" | "i" | "l")
        && rest.get(1).is_some_and(plain_noun)
}

/// Verbs of giving and issuing: the clause's verb before the noun phrase
/// of a figure (`激励对象授予股票期权1200万份` measures `股票期权`).
const GIVING: [&str; 4] = ["授予", "获得", "发布", "推出"];

/// Verbs that, after a counted noun, are the clause's verb, not part of
/// the noun (`353名激励对象授予股票期权`).
const CLAUSE_VERBS: [&str; 8] = [
    "授予", "获得", "发布", "实现", "完成", "参与", "进行", "推出",
];

/// Whether a verb modifies the noun after it inside a counted noun: right
/// after the measure word (`17个分拨中心`), or later when that noun ends
/// the phrase, the noun before the verb is not a generic head and the verb
/// is no clause verb (`新冠肺炎确诊病例`, `废水监控站点`; not
/// `38只个股获机构买入型评级`, `134家上市公司实施`). The verb is
/// `rest[1]` after the noun `rest[0]` when `inside`, else `rest[0]`.
fn counted_modifier(rest: &[Token<'_>], inside: bool) -> bool {
    let (prev, rest) = if inside {
        (rest.first(), &rest[1..])
    } else {
        (None, rest)
    };
    let t = &rest[0];
    if !inner_verb(t) || !rest.get(1).is_some_and(plain_noun) {
        return false;
    }
    let Some(prev) = prev else {
        return true;
    };
    let ends = !rest.get(2).is_some_and(|n| nominal(n) || inner_verb(n));
    let clause_verb = CLAUSE_VERBS.contains(&t.text) || t.text.chars().count() == 1;
    t.pos == "vn" || ends && !GENERIC.contains(prev.text) && !clause_verb
}

/// Generic nouns that a count may count (`28家公司`, `38只个股`, `100只A股`);
/// the others are no business count (`三个方面`, `两种方式`).
const COUNTED_HEADS: [&str; 7] = ["公司", "集团", "机构", "个股", "A股", "港股", "美股"];

/// The counted noun `start..end`: none when it opens with a generic noun
/// that is no counted head (`三个方面`), up to a counted head that more
/// nouns follow (`72家公司业绩增幅超过100%`: the companies are counted,
/// their growth is the clause's predicate; not before `股份`), without a
/// `的` at its end, and none when that `的` follows a generic noun alone
/// (`16家公司的136.78亿股`: the count only says whose the figure is).
fn counted_noun(tokens: &Tokens<'_>, start: usize, end: usize) -> Option<Span> {
    let from = tokens.partition_point(|t| t.start < start);
    let phrase = tokens[from..].iter().take_while(|t| t.end <= end);
    let mut last: Option<&Token<'_>> = None;
    for t in phrase {
        let head = COUNTED_HEADS.contains(&t.text);
        if last.is_none() && GENERIC.contains(t.text) && !head {
            return None;
        }
        if t.text == "的" {
            break;
        }
        if last.is_some_and(|l| COUNTED_HEADS.contains(&l.text))
            && !matches!(t.text, "股份" | "股票" | "股权")
        {
            break;
        }
        last = Some(t);
    }
    let last = last?;
    let of = tokens
        .get(tokens.partition_point(|t| t.start < last.end))
        .is_some_and(|t| t.text == "的");
    let bare = last.start == start && of && GENERIC.contains(last.text);
    (!bare).then_some(Span {
        start,
        end: last.end,
    })
}

/// The object of a trade written after its share (`回购0.85%股份`,
/// `收购60%股权`): when the phrase before a percent is one verb of trading
/// (`verb`), the noun right after the figure that ends at `at`, inside
/// `..to`. The metric is then the verb and that noun.
pub(super) fn traded_object(
    tokens: &Tokens<'_>,
    verb: Span,
    at: usize,
    to: usize,
    blocked: &dyn Fn(usize, usize) -> bool,
) -> Option<Span> {
    let k = tokens.partition_point(|t| t.start < verb.start);
    let t = tokens.get(k).filter(|t| t.end == verb.end)?;
    if !TRADES.contains(&t.text) {
        return None;
    }
    let next = tokens.get(tokens.partition_point(|t| t.start < at))?;
    let object = next.start == at && matches!(next.text, "股份" | "股权" | "股票" | "股");
    (object && next.end <= to && !blocked(next.start, next.end)).then_some(Span {
        start: next.start,
        end: next.end,
    })
}

/// The verbs of [`traded_object`].
const TRADES: [&str; 8] = [
    "回购", "减持", "增持", "持有", "收购", "出售", "认购", "质押",
];

/// `较首发价下降 2300 元`, `比上一代车型降低 2 万元`: a noun phrase right
/// after `较`/`比` is what the figure is compared with, not what it measures.
fn compared_with(tokens: &Tokens<'_>, from: usize, start: usize) -> bool {
    let k = tokens.partition_point(|t| t.end <= start);
    tokens[..k]
        .iter()
        .rev()
        .take_while(|t| t.start >= from)
        .take(3)
        .any(|t| opens_comparison(t.text))
}

/// A word that opens a comparison: `比`, `较`, `相比`, or jieba's `比前`,
/// `较上年`, `比上季` (`比例`, `比重`, `较大`, `比如` are none).
pub(super) fn opens_comparison(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some('比' | '较'), None) => true,
        (Some('比' | '较'), Some(c)) => "前上去同今此昨起之年".contains(c),
        _ => matches!(word, "相比" | "相较" | "对比" | "相比于" | "相较于"),
    }
}

/// Leading `的` and generic nouns dropped (`公司股价` → `股价`), a leading
/// `拟` and a trailing `为` glued to a word (`拟募资`, `订单额为`); `None`
/// when nothing specific is left.
fn trim(tokens: &Tokens<'_>, mut start: usize, mut end: usize) -> Option<Span> {
    let from = tokens.partition_point(|t| t.start < start);
    for (k, t) in tokens[from..].iter().enumerate() {
        // `人民币对美元汇率`: a currency of a pair stays
        let paired = tokens.get(from + k + 1).is_some_and(|n| n.text == "对");
        if t.end >= end || paired || !(t.text == "的" || GENERIC.contains(t.text)) {
            break;
        }
        start = t.end;
    }
    let first = &tokens[tokens
        .partition_point(|t| t.start < start)
        .min(tokens.len() - 1)];
    if first.start == start && first.text.len() > 3 && first.text.starts_with('拟') {
        start += '拟'.len_utf8();
    }
    let mut last_at = tokens
        .partition_point(|t| t.end < end)
        .min(tokens.len() - 1);
    while last_at > 0
        && tokens[last_at].start > start
        && (GENERIC.contains(tokens[last_at].text) || tokens[last_at].text == "的")
    {
        end = tokens[last_at].start;
        last_at -= 1;
    }
    let last = &tokens[last_at];
    if last.end == end && last.text.len() > 3 && last.text.ends_with(['为', '达', '是']) {
        end -= 3;
    }
    let only_generic = last.start <= start && (GENERIC.contains(last.text) || last.text == "的");
    (start < end && !only_generic).then_some(Span { start, end })
}
