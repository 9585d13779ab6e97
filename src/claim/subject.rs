//! Who a figure is about: the entity in subject position, never a source
//! (`data/claim/source_cues.txt`, `data/claim/publishers.txt`) or an entity
//! after a preposition (`data/claim/prepositions.txt`); lists of names.

use std::sync::LazyLock;

use super::clause::{Clause, head, is_list_separator, tail};
use super::index::Finger;
use super::members::Members;
use crate::entity::{Entity, EntityKind, is_commodity};
use crate::lexicon::{WordTable, data_lines};
use crate::segment::Token;

const SOURCE_CUES: &str = include_str!("../../data/claim/source_cues.txt");
const PUBLISHERS: &str = include_str!("../../data/claim/publishers.txt");
const PREPOSITIONS: &str = include_str!("../../data/claim/prepositions.txt");
/// Titles and roles before a person's name (`控股股东`, `董事长`).
const ROLES: &str = include_str!("../../data/entity/person_before.txt");

fn words(data: &'static str) -> Vec<&'static str> {
    data_lines(data).map(|(_, w)| w).collect()
}

/// The words of a data table, looked up by longest match.
fn word_table(data: &'static str) -> WordTable<()> {
    let mut t = WordTable::new();
    for w in words(data) {
        t.insert(w, ());
    }
    t
}

static SOURCE_AFTER: LazyLock<WordTable<()>> = LazyLock::new(|| word_table(SOURCE_CUES));
static PUBLISHER_ENDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words(PUBLISHERS));
static BEFORE: LazyLock<Vec<&'static str>> = LazyLock::new(|| words(PREPOSITIONS));
static ROLE_WORDS: LazyLock<WordTable<()>> = LazyLock::new(|| word_table(ROLES));

/// Whether an entity is a source of the figures rather than their subject
/// (`据 IDC 数据`, `Counterpoint Research 报告显示`, `摩根士丹利预计`,
/// `格隆汇8月20日丨`, `国家统计局公布`, `《证券日报》记者`,
/// `证券时报·数据宝统计显示`, a newspaper in `《》`).
fn is_source(text: &str, e: &Entity) -> bool {
    // `《证券日报》市场研究中心根据…`: a newspaper or magazine in `《》`
    // reports figures; it is not what they are about (a film or a game in
    // `《》` is: `《寻龙诀》首日票房破2亿`)
    let title_end = text[e.end..]
        .strip_prefix('》')
        .filter(|_| text[..e.start].ends_with('《'));
    let press = |after: &str| {
        e.text.ends_with(['报', '刊', '志'])
            || ["记者", "市场研究中心", "研究中心", "数据中心", "报道"]
                .iter()
                .any(|w| after.starts_with(w))
    };
    if title_end.is_some_and(press) {
        return true;
    }
    let before = text[..e.start]
        .trim_end()
        .trim_end_matches(['《', '“', '"']);
    let after = after_source_name(&text[e.end..]);
    // `国家邮政局：…` heads what a bureau announces, as `公布` does
    let publishes = ["公布", "发布", "：", ":"]
        .iter()
        .any(|w| after.starts_with(w));
    let cited = before.ends_with('据')
        || ["根据", "来自", "来源：", "来源:", "来源"]
            .iter()
            .any(|w| before.ends_with(w));
    cited && !own_report(e, after)
        || issues_document(after) && !own_report(e, after)
        // `众泰汽车公布的2019年财报显示`: a company publishing its own report
        || SOURCE_AFTER.longest_at(after, 0).is_some() && !own_report(e, after)
        || rates(after)
        || tells_reporter(after)
        || publishes && PUBLISHER_ENDS.iter().any(|w| e.text.ends_with(w))
}

/// Whether the text after a name issues a document in `《》`
/// (`国务院办公厅印发《国家信息化发展战略纲要》指出`): the document's figures are
/// targets and data it publishes, not the issuer's own (a company's own
/// report is told apart by the caller).
fn issues_document(after: &str) -> bool {
    ["印发", "发布", "公布", "出台", "下发", "颁布"]
        .iter()
        .filter_map(|w| after.strip_prefix(w))
        .any(|rest| rest.trim_start_matches('了').starts_with('《'))
}

/// Whether the text after a name rates something (`中金将目标价上调`,
/// `高盛将贵州茅台评级下调`); `特斯拉将让利25%`, `赵文权将其所持股份质押`
/// do not.
fn rates(after: &str) -> bool {
    after.strip_prefix('将').is_some_and(|rest| {
        let near = head(rest, 14);
        ["目标价", "评级", "盈利预测", "预测", "预期", "估值"]
            .iter()
            .any(|w| near.contains(w))
    })
}

/// Whether an organisation is cited for its own report (`根据哔哩哔哩第二季度
/// 财报显示`, `据华达科技公告`): the figures it reports are its own, so it is
/// their subject, not a source.
fn own_report(e: &Entity, after: &str) -> bool {
    let phrase = head(after, 12);
    let phrase = phrase
        .find(['，', '。', '；', '：', ',', ':'])
        .map_or(phrase, |i| &phrase[..i]);
    e.kind == EntityKind::Org
        && [
            "财报",
            "年报",
            "季报",
            "年度报告",
            "季度报告",
            "公告",
            "业绩快报",
            "业绩预告",
            "招股",
        ]
        .iter()
        .any(|w| phrase.contains(w))
}

/// Whether the text after a name (or after its unnamed spokesman) tells a
/// newspaper: `俊海对《证券日报》记者表示`, `东北证券相关负责人在接受…采访时表示`,
/// `告诉记者`.
fn tells_reporter(after: &str) -> bool {
    let mut rest = after;
    for w in ["相关负责人", "有关负责人", "负责人", "相关人士", "人士"] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r;
            break;
        }
    }
    if ["告诉", "介绍", "透露"].iter().any(|w| rest.starts_with(w)) {
        return true;
    }
    let Some(r) = ["对", "向", "在接受", "接受"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    else {
        return rest.len() < after.len() && SOURCE_AFTER.longest_at(rest, 0).is_some();
    };
    // within 30 characters and the clause, a newspaper's reporter or
    // interview
    let near = head(r, 30);
    let clause = near
        .split(['，', '。', '；', '！', '？', '\n'])
        .next()
        .unwrap_or(near);
    clause.contains("记者") || clause.contains("采访")
}

/// The text after a name with what may stand between a source and its cue
/// skipped: closing quotes (`《证券日报》记者`), a date (`海关总署13日发布`,
/// `格隆汇 7 月 3日丨`), `今日`/`近日`, and a column name after `·`
/// (`证券时报·数据宝统计显示`).
fn after_source_name(after: &str) -> &str {
    let dated = |s: &str| -> usize {
        let rest = s.trim_start_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '月' | '日' | '号')
        });
        s.len() - rest.len()
    };
    let mut rest = after.trim_start_matches(['》', '”', '"']).trim_start();
    rest = &rest[dated(rest)..];
    rest = rest
        .trim_start_matches(['今', '昨', '近', '日', '前'])
        .trim_start();
    // `世卫组织网站最新数据显示`: where and how fresh the data are
    for w in ["官方网站", "网站", "官网", "最新", "实时"] {
        rest = rest.strip_prefix(w).unwrap_or(rest);
    }
    if let Some(column) = rest.strip_prefix('·') {
        // a column name of at most four characters, then the cue
        let cue = column
            .char_indices()
            .take(5)
            .map(|(i, _)| &column[i..])
            .find(|r| SOURCE_AFTER.longest_at(r, 0).is_some());
        return cue.unwrap_or(rest);
    }
    rest
}

/// Whether an entity stands after a preposition (`在香港交易所`, `由腾讯领投`,
/// `与微软`, or a later member of a list): then it heads no clause.
fn after_preposition(text: &str, e: &Entity) -> bool {
    let before = text[..e.start].trim_end();
    let last = before.chars().next_back();
    last.is_some_and(|c| BEFORE_LAST.contains(&c)) && BEFORE.iter().any(|w| before.ends_with(w))
}

/// The last characters of the prepositions: most entities follow none.
static BEFORE_LAST: LazyLock<Vec<char>> = LazyLock::new(|| {
    BEFORE
        .iter()
        .filter_map(|w| w.chars().next_back())
        .collect()
});

/// The entities that count as names in the claim reader: none that starts
/// inside a word (`中海外` in `其中海外`), lies inside a metric word (`M2`
/// in `M2余额`) or is a unit after `每` (`每ADS收益`). Noun phrases never run over them; subjects are chosen among
/// them.
pub(super) fn names<'a>(
    entities: &'a [Entity],
    tokens: &[Token<'_>],
    words: &[(usize, usize)],
) -> Vec<&'a Entity> {
    entities
        .iter()
        .filter(|e| tokens.binary_search_by_key(&e.start, |t| t.start).is_ok())
        .filter(|e| !text_before_is(tokens, e.start, "每"))
        .filter(|e| {
            let k = words.partition_point(|m| m.1 <= e.start);
            !words.get(k).is_some_and(|m| m.0 <= e.start && e.end <= m.1)
        })
        .collect()
}

/// Whether the token ending at `at` is `word`.
fn text_before_is(tokens: &[Token<'_>], at: usize, word: &str) -> bool {
    let k = tokens.partition_point(|t| t.end <= at);
    k > 0 && tokens[k - 1].end == at && tokens[k - 1].text == word
}

/// An index (`道指`, `上证指数`): its moves have no `股价`.
pub(super) fn is_index(e: &Entity) -> bool {
    e.text.ends_with('指') || e.text.ends_with("指数")
}

/// Words SPEC says are no names (`我国`, `全国`, `海外`, `城市` are not
/// places) however the entity stage tags them: never a subject.
fn common_word(e: &Entity) -> bool {
    matches!(
        e.text.as_str(),
        "我国" | "全国" | "海外" | "城市" | "国内" | "境外" | "各地" | "本地" | "当地"
    )
}

/// `上海市房屋管理局副局长张立新指出`: an organisation followed by a title
/// and the name of a person who reports is that person's affiliation, the
/// source of what is reported, not its subject.
/// `next` is the first name after `e` that is no place (a place may stand
/// inside the title: `国家邮政局陕西局局长孙海伟`).
fn affiliation_of_source(text: &str, e: &Entity, next: Option<&Entity>) -> bool {
    let Some(p) = next.filter(|p| p.kind == EntityKind::Person && p.start >= e.end) else {
        return false;
    };
    let title = &text[e.end..p.start];
    title.chars().count() <= 8
        && title
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && is_source(text, p)
}

/// Whether a clause (up to its figure's metric) opens with `公司`, `该公司`
/// or `本公司`, after a connective (`同时公司注册资本`): the company it means
/// is the one its sentence is about.
fn refers_to_topic(clause: &str) -> bool {
    let mut rest = clause.trim_start();
    for w in [
        "同时", "此外", "另外", "其中", "并且", "本次", "此次", "而", "且",
    ] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r.trim_start();
            break;
        }
    }
    ["公司", "该公司", "本公司"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Whether a person stands in topic position: first in its clause (which
/// starts at `clause_start`), only spaces before it
/// (`王鑫拟通过定向增发增持公司4000万元股票`) or the person's roles
/// (`公司实控人、控股股东陈银河计划…减持`).
fn at_topic(text: &str, e: &Entity, clause_start: usize) -> bool {
    only_roles(text[clause_start..e.start].trim())
}

/// Whether `s` is empty or a list of roles, after `公司` or `其`
/// (`公司实控人、控股股东`, `董事长`).
fn only_roles(s: &str) -> bool {
    let mut rest = ["公司", "其"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    while !rest.is_empty() {
        let Some((_, len)) = ROLE_WORDS.longest_at(rest, 0) else {
            return false;
        };
        rest = rest[len..].trim_start_matches(['、', '及', '和', '兼', ' ']);
    }
    true
}

/// Whether `before` ends with a role (`持股5.2815%的股东`, before
/// `陈绪潇拟减持`): a holder so named heads what it does with its shares.
fn after_role(before: &str) -> bool {
    let near = tail(before, 8);
    let from = before.len() - near.len();
    near.char_indices().any(|(i, _)| {
        ROLE_WORDS
            .longest_at(before, from + i)
            .is_some_and(|(_, len)| from + i + len == before.len())
    })
}

/// `蓝色光标(300058.SZ)实控人赵文权解除质押3701万股`: a person named after
/// an organisation (`org`, the name right before it) and the person's roles
/// in it, who holds or trades shares (see [`holds`]): the holder heads the
/// clause like a person in topic position.
fn holder_of(text: &str, org: &Entity, person: &Entity) -> bool {
    if org.kind != EntityKind::Org || org.end > person.start {
        return false;
    }
    let between = text[org.end..person.start].trim();
    // a ticker in brackets may follow the name
    let between = match between.strip_prefix(['(', '（']) {
        Some(rest) => rest.split_once([')', '）']).map_or(rest, |(_, r)| r),
        None => between,
    };
    let roles = between.trim_start_matches('的');
    !roles.is_empty() && only_roles(roles) && holds(&text[person.end..])
}

/// Whether a stretch after a person in topic position says the person holds
/// or trades shares (`薛飞共持有…股份`, `赵文权将其所持有的…股票`): then the
/// person, not the company named after, is the subject of the figures.
fn holds(stretch: &str) -> bool {
    // the verb stands near the person
    let near = head(stretch, 16);
    // `持有期` is a holding period, no holding
    ["持有", "所持", "持股", "质押", "减持", "增持"]
        .iter()
        .any(|w| {
            near.match_indices(w)
                .any(|(i, _)| !near[i + w.len()..].starts_with('期'))
        })
}

/// Where the clause of a position starts: after the last of `，。；！？`,
/// line end, `,;：:` before it. Asked in text order, each stretch of text is
/// searched once, however long the clauses (issue 15: a search back from
/// every person made a text without punctuation quadratic).
struct ClauseStarts<'t> {
    text: &'t str,
    /// Searched up to here; `start` is the answer there.
    searched: usize,
    start: usize,
}

impl<'t> ClauseStarts<'t> {
    fn new(text: &'t str) -> ClauseStarts<'t> {
        ClauseStarts {
            text,
            searched: 0,
            start: 0,
        }
    }

    fn at(&mut self, pos: usize) -> usize {
        if pos < self.searched {
            // asked out of order: search again from the text start
            *self = ClauseStarts::new(self.text);
        }
        let stretch = &self.text[self.searched..pos];
        if let Some(i) = stretch.rfind(['，', '。', '；', '！', '？', '\n', ',', ';', '：', ':'])
        {
            let len = stretch[i..].chars().next().map_or(1, char::len_utf8);
            self.start = self.searched + i + len;
        }
        self.searched = pos;
        self.start
    }
}

/// For each name, the first name after it that is no place.
fn next_non_places<'a>(names: &[&'a Entity]) -> Vec<Option<&'a Entity>> {
    let mut next = vec![None; names.len()];
    for k in (1..names.len()).rev() {
        next[k - 1] = if names[k].kind == EntityKind::Place {
            next[k]
        } else {
            Some(names[k])
        };
    }
    next
}

/// The entities that can be subjects, in text order.
pub(super) struct Subjects<'a> {
    text: &'a str,
    /// Not persons, not sources.
    all: Finger<Vec<&'a Entity>>,
    /// Of those, the ones that can head a clause.
    heads: Finger<Vec<&'a Entity>>,
    /// Persons in topic position who report nothing: subjects of their own
    /// clause only (they never carry over to `公司`).
    persons: Finger<Vec<&'a Entity>>,
    /// The names that are sources of what is reported (`证券日报记者`,
    /// `中国外汇交易中心公布`).
    sources: Finger<Vec<&'a Entity>>,
    /// The persons that are no sources, wherever they stand.
    all_persons: Finger<Vec<&'a Entity>>,
    /// For each head, the last head at or before it that is an
    /// organisation, and the last that is no place: the last of a kind
    /// before a point is found without walking back over the others.
    last_org: Vec<Option<usize>>,
    last_non_place: Vec<Option<usize>>,
}

/// For each item, the last item at or before it for which `marked` holds.
fn last_marked<T>(items: &[T], marked: impl Fn(&T) -> bool) -> Vec<Option<usize>> {
    let mut last = None;
    items
        .iter()
        .enumerate()
        .map(|(k, x)| {
            if marked(x) {
                last = Some(k);
            }
            last
        })
        .collect()
}

impl<'a> Subjects<'a> {
    /// The candidates among the names (see [`names`]): no person, no
    /// source.
    pub(super) fn new(text: &'a str, names: &[&'a Entity]) -> Subjects<'a> {
        let next = next_non_places(names);
        // each name is told a source or not once
        let source: Vec<bool> = names.iter().map(|e| is_source(text, e)).collect();
        let all: Vec<&Entity> = names
            .iter()
            .enumerate()
            .filter(|&(k, e)| {
                e.kind != EntityKind::Person
                    && !source[k]
                    && !common_word(e)
                    && !affiliation_of_source(text, e, next[k])
            })
            .map(|(_, e)| *e)
            .collect();
        let sources = names
            .iter()
            .zip(&source)
            .filter(|&(_, &is)| is)
            .map(|(e, _)| *e)
            .collect();
        let all_persons = names
            .iter()
            .zip(&source)
            .filter(|&(e, &is)| e.kind == EntityKind::Person && !is)
            .map(|(e, _)| *e)
            .collect();
        let mut clause_starts = ClauseStarts::new(text);
        let persons = names
            .iter()
            .enumerate()
            .filter(|&(k, e)| {
                let mut topic = || {
                    at_topic(text, e, clause_starts.at(e.start))
                        || k.checked_sub(1)
                            .is_some_and(|j| holder_of(text, names[j], e))
                        || after_role(&text[..e.start]) && holds(&text[e.end..])
                };
                e.kind == EntityKind::Person && !source[k] && topic()
            })
            .map(|(_, e)| *e)
            .collect();
        let heads: Vec<&Entity> = all
            .iter()
            .copied()
            .filter(|e| {
                // one character names no subject but a metal (`铝、锌等`)
                let named = e.text.chars().count() >= 2 || is_commodity(&e.text);
                !after_preposition(text, e) && named
            })
            .collect();
        Subjects {
            text,
            all: Finger::new(all),
            last_org: last_marked(&heads, |e| e.kind == EntityKind::Org),
            last_non_place: last_marked(&heads, |e| e.kind != EntityKind::Place),
            heads: Finger::new(heads),
            persons: Finger::new(persons),
            sources: Finger::new(sources),
            all_persons: Finger::new(all_persons),
        }
    }

    /// Whether a source of what is reported, other than a name of `own`
    /// (`根据贝因美财报数据显示`: the company reports its own figures), is
    /// named inside `a..b`.
    pub(super) fn other_source_in(&self, a: usize, b: usize, own: &[&Entity]) -> bool {
        super::clause::within(&self.sources, a, b).any(|e| !own.iter().any(|o| o.text == e.text))
    }

    /// The last head inside `a..b` among those `last` marks (`last_org`,
    /// `last_non_place`): `heads_in(a, b).rev().find(kind)`, without
    /// walking over the heads of other kinds.
    fn last_head_of(&self, last: &[Option<usize>], a: usize, b: usize) -> Option<&'a Entity> {
        let range = super::clause::starting_in(&self.heads, a, b);
        let mut k = range.end.checked_sub(1).and_then(|i| last[i]);
        while let Some(i) = k.filter(|&i| i >= range.start) {
            if self.heads[i].end <= b {
                return Some(self.heads[i]);
            }
            k = i.checked_sub(1).and_then(|i| last[i]);
        }
        None
    }

    /// Whether a head or a person in topic position stands inside `a..b`.
    pub(super) fn names_any(&self, a: usize, b: usize) -> bool {
        self.heads_in(a, b).next().is_some()
            || super::clause::within(&self.persons, a, b).next().is_some()
    }

    /// Heads inside `a..b`, in text order.
    pub(super) fn heads_in(
        &self,
        a: usize,
        b: usize,
    ) -> impl DoubleEndedIterator<Item = &'a Entity> + '_ {
        super::clause::within(&self.heads, a, b).copied()
    }

    /// All candidates inside `a..b`, in text order (list members included).
    pub(super) fn all_in(
        &self,
        a: usize,
        b: usize,
    ) -> impl DoubleEndedIterator<Item = &'a Entity> + '_ {
        super::clause::within(&self.all, a, b).copied()
    }

    /// The candidate or the person (no source) that starts at `at`.
    pub(super) fn named_at(&self, at: usize) -> Option<&'a Entity> {
        let at_start = |names: &Finger<Vec<&'a Entity>>| {
            let k = names.partition_point(|e| e.start < at);
            names.get(k).copied().filter(|e| e.start == at)
        };
        at_start(&self.all).or_else(|| at_start(&self.all_persons))
    }

    /// `head` and the names listed right after it (`罗牛山、海德股份`), up to
    /// `limit`.
    pub(super) fn list_from(&self, head: &'a Entity, limit: usize) -> Members<'a> {
        let mut members = Members::One(head);
        let mut last = head;
        for e in self.all_in(head.end, limit) {
            if e.start < last.end || !is_list_separator(&self.text[last.end..e.start]) {
                break;
            }
            members.push(e);
            last = e;
        }
        members
    }

    /// The subject of a figure whose metric starts at `at` in clause `cl`:
    /// the list headed by the last organisation or product before `at` in
    /// the clause, else by the last place there, else the last organisation
    /// named earlier in the sentence.
    pub(super) fn in_context(&self, cl: Clause, at: usize) -> Members<'a> {
        let in_clause = || {
            let org = self.last_head_of(&self.last_non_place, cl.start, at);
            let person = || {
                super::clause::within(&self.persons, cl.start, at)
                    .next()
                    .copied()
            };
            match (org, person()) {
                (Some(o), Some(p)) if holds(&self.text[p.end..o.start.max(p.end)]) => Some(p),
                // a holder after its company and roles (`holder_of`)
                (Some(o), Some(p)) if p.start >= o.end && holds(&self.text[p.end..]) => Some(p),
                (org, person) => org.or(person),
            }
            .or_else(|| self.heads_in(cl.start, at).next_back())
        };
        let in_sentence = || {
            if refers_to_topic(&self.text[cl.start..at]) {
                // `南通山口…发生变更，新增…哈勃科技…为股东，同时公司注册资本…`:
                // `公司` is the company the sentence is about, named first
                let topic = self
                    .heads_in(cl.sentence_start, cl.start)
                    .find(|e| e.kind == EntityKind::Org);
                if topic.is_some() {
                    return topic;
                }
            }
            let org = self.last_head_of(&self.last_org, cl.sentence_start, cl.start);
            // `实际控制人赵文权的通知：赵文权将其所持…股票办理了解除质押，解除质押3701万股`:
            // a holder in topic position after the company heads the clauses after it
            let person = super::clause::within(&self.persons, cl.sentence_start, cl.start)
                .next_back()
                .copied()
                .filter(|p| holds(&self.text[p.end..cl.start]));
            match (org, person) {
                (Some(o), Some(p)) if p.start > o.end => Some(p),
                (org, person) => org.or(person),
            }
        };
        match in_clause() {
            Some(h) => self.list_from(h, at),
            None => in_sentence().into_iter().collect(),
        }
    }

    /// Whether `cl` names nothing but entities of a list (`四方精创，`): its
    /// names join the subjects of the next clause.
    pub(super) fn only_names(&self, cl: Clause) -> Members<'a> {
        let names: Members<'a> = self.all_in(cl.start, cl.end).collect();
        if names.is_empty() {
            return names;
        }
        let punct = |c: char| c.is_whitespace() || "，,、和及与".contains(c);
        let mut at = cl.start;
        for e in names.iter() {
            if !self.text[at..e.start].chars().all(punct) {
                return Members::Empty;
            }
            at = e.end;
        }
        if self.text[at..cl.end].chars().all(punct) {
            names
        } else {
            Members::Empty
        }
    }
}
