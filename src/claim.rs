//! Numeric claims: a quantity tied to who and what it measures, when, and
//! how it changed (SPEC.md "Claim").
//!
//! Claims are read clause by clause (clauses end at `，；。！？` and line
//! ends, never inside a quantity):
//! - a quantity after a verb of change (`增长`, `下降`, `提升 1.5 个百分点`,
//!   `翻倍`) is a change, with its basis from `同比` (yoy), `环比` (qoq between
//!   quarters, mom between months), `年初至今`/`今年以来` (ytd); `增长至 X`
//!   and `降至 X` make X a value;
//! - any other money, percent, count, number or multiple is a value;
//! - the metric is the nearest metric word before the figure
//!   (`data/metrics.txt`), the subject the nearest organisation, product or
//!   place before it in the clause, else in the sentence, else carried over
//!   from the sentences before (`其`, `该公司`, `公司` refer back); the period
//!   the nearest time in the clause, else the sentence, else the last period
//!   named before;
//! - a change with no metric of its own completes the value before it
//!   (`营收 889 亿元，同比增长 32%`); `分别` pairs lists in order
//!   (`微信和 QQ 的月活跃用户分别为 13.71 亿和 5.71 亿，分别同比增长 3.2% 和
//!   1.1%`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use crate::entity::{Entity, EntityKind};
use crate::lexicon::{WordTable, data_lines};
use crate::quantity::{Quantity, QuantityKind};
use crate::time::Time;

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Basis {
    /// 同比: year on year.
    Yoy,
    /// 环比 between quarters.
    Qoq,
    /// 环比 between months.
    Mom,
    /// 年初至今: year to date.
    Ytd,
}

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增长, 上涨, 提升, ...
    Up,
    /// 下降, 下滑, 减少, ...
    Down,
}

/// How a figure changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The comparison basis, if the text names one.
    pub basis: Option<Basis>,
    /// Up or down.
    pub direction: Direction,
    /// The size of the change.
    pub value: Option<Quantity>,
}

/// A numeric claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// The entity the figure is about, or `None`.
    pub subject: Option<String>,
    /// What is measured (营收, 净利润, ...), or `None`.
    pub metric: Option<String>,
    /// A time value (`2024-Q2`), or `None`.
    pub period: Option<String>,
    /// The quantity stated, or `None` when only a change is stated.
    pub value: Option<Quantity>,
    /// How it changed, or `None`.
    pub change: Option<Change>,
    /// Byte offset of the start of the clause the claim was read from.
    pub start: usize,
    /// Byte offset of the end of that clause.
    pub end: usize,
}

const METRIC_DATA: &str = include_str!("../data/metrics.txt");

static METRICS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<&str> = data_lines(METRIC_DATA).map(|(_, w)| w).collect();
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(words)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).unwrap_or_else(|_| unreachable!()))
});

/// Verbs of change, longest first.
const UP: &[&str] = &[
    "大幅增长",
    "同比增长",
    "增长",
    "上涨",
    "提升",
    "增加",
    "攀升",
    "飙升",
    "上升",
    "提高",
    "扩大",
    "回升",
    "上调",
    "大涨",
    "走高",
    "收涨",
    "增",
    "涨",
    "升",
];
const DOWN: &[&str] = &[
    "下降", "下滑", "减少", "回落", "回撤", "下调", "降低", "下跌", "缩小", "缩减", "收窄", "大跌",
    "走低", "收跌", "萎缩", "减", "降", "跌",
];

/// A metric word found in the text.
#[derive(Debug, Clone, Copy)]
struct Metric {
    start: usize,
    end: usize,
}

/// A clause: byte range, the sentence it belongs to and where that
/// sentence starts.
#[derive(Debug, Clone, Copy)]
struct Clause {
    start: usize,
    end: usize,
    sentence: usize,
    sentence_start: usize,
}

/// Things with a byte span, sorted by start.
trait Spanned {
    fn span(&self) -> (usize, usize);
}

impl Spanned for Quantity {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}
impl Spanned for &Entity {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}
impl Spanned for &Time {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}
impl Spanned for Metric {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// The items (sorted by start) lying inside `a..b`, by binary search.
fn within<T: Spanned>(items: &[T], a: usize, b: usize) -> impl DoubleEndedIterator<Item = &T> {
    let from = items.partition_point(|x| x.span().0 < a);
    let to = items.partition_point(|x| x.span().0 < b);
    items[from..to.max(from)]
        .iter()
        .filter(move |x| x.span().1 <= b)
}

/// The last `n` characters of `s` (a window for looking back).
fn tail(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Clauses of `text`, never cut inside a quantity (quantities sorted by
/// start).
fn clauses(text: &str, quantities: &[Quantity]) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut sentence = 0;
    let mut sentence_start = 0;
    let mut next_q = 0;
    for (i, c) in text.char_indices() {
        let (clause_end, sentence_end) = match c {
            '。' | '！' | '？' | '!' | '?' | '\n' => (true, true),
            '，' | ',' | '；' | ';' => (true, false),
            _ => (false, false),
        };
        if !clause_end {
            continue;
        }
        while next_q < quantities.len() && quantities[next_q].end <= i {
            next_q += 1;
        }
        let inside = quantities
            .get(next_q)
            .is_some_and(|q| q.start < i && i < q.end);
        if inside {
            continue;
        }
        let end = i + c.len_utf8();
        if end > start {
            out.push(Clause {
                start,
                end,
                sentence,
                sentence_start,
            });
        }
        start = end;
        if sentence_end {
            sentence += 1;
            sentence_start = end;
        }
    }
    if start < text.len() {
        out.push(Clause {
            start,
            end: text.len(),
            sentence,
            sentence_start,
        });
    }
    out
}

/// The direction of the last verb of change in `between`, with the byte
/// offset just after that verb, unless `至`/`到`/`为` follow it (`增长至`).
fn change_verb(between: &str) -> Option<(Direction, usize)> {
    // the verb sits right before the figure, at most a few characters
    // (`了`, `约`, spaces) away: try the ends of the last few characters
    let mut ends: Vec<usize> = between
        .char_indices()
        .rev()
        .take(6)
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    ends.push(between.len());
    ends.sort_unstable();
    ends.dedup();
    for &end in ends.iter().rev() {
        let head = &between[..end];
        let found = UP
            .iter()
            .map(|w| (w, Direction::Up))
            .chain(DOWN.iter().map(|w| (w, Direction::Down)))
            .filter(|(w, _)| head.ends_with(**w))
            .max_by_key(|(w, _)| w.len());
        let Some((_, dir)) = found else {
            continue;
        };
        let rest = between[end..].trim_start_matches([' ', '了']);
        if rest.starts_with(['至', '到', '为']) {
            return None;
        }
        // `增长 32%`, `同比下降了 12%`, `提升约 3 个百分点`
        if rest.chars().count() > 4 {
            return None;
        }
        return Some((dir, end));
    }
    None
}

/// Whether `between` only separates items of a list (`和`, `、`, `及`).
fn is_list_separator(between: &str) -> bool {
    let t = between.trim_matches([' ', '\u{3000}']);
    matches!(
        t,
        "和" | "、" | "及" | "与" | "以及" | "或" | "和分别" | "," | "，"
    )
}

/// The basis named in `before` (the clause text before a change).
fn basis_in(before: &str) -> Option<Basis> {
    let before = tail(before, 40);
    let mut last = None;
    for (i, _) in before.char_indices() {
        if let Some((b, _)) = BASIS_WORDS.longest_at(before, i) {
            last = Some(*b);
        }
    }
    last
}

/// Words naming a comparison basis.
static BASIS_WORDS: LazyLock<WordTable<Basis>> = LazyLock::new(|| {
    let mut t = WordTable::new();
    for w in [
        "同比",
        "较去年同期",
        "比去年同期",
        "较上年同期",
        "比上年同期",
        "较去年",
        "比去年",
    ] {
        t.insert(w, Basis::Yoy);
    }
    for w in ["较上季度", "比上季度", "较上一季度", "较前一季度", "环比"] {
        t.insert(w, Basis::Qoq);
    }
    for w in ["较上月", "比上月", "较上个月"] {
        t.insert(w, Basis::Mom);
    }
    for w in ["年初至今", "今年以来", "年内", "较年初", "比年初"] {
        t.insert(w, Basis::Ytd);
    }
    t
});

/// Whether an entity is a source of the figures rather than their subject
/// (`据 IDC 数据`, `Counterpoint Research 报告显示`, `摩根士丹利预计`).
fn is_source(text: &str, e: &Entity) -> bool {
    let before = text[..e.start].trim_end();
    // `海关总署13日发布`, `央行今日公布`: a date between name and verb
    let after = text[e.end..].trim_start();
    let after = after
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '月' | '日' | '号'))
        .trim_start_matches(['今', '昨', '近', '日', '前'])
        .trim_start();
    before.ends_with('据')
        || before.ends_with("根据")
        || before.ends_with("来自")
        || [
            "数据", "报告", "统计", "发布的", "发布数据", "公布数据", "发布研报", "研报", "表示",
            "称", "预计", "预测", "认为", "指出", "分析", "显示", "援引", "测算", "估计", "将",
            "维持", "给予", "首次覆盖",
        ]
        .iter()
        .any(|w| after.starts_with(w))
        // statistics offices, regulators, central banks and associations
        // publish other people's figures
        || ([
            "统计局", "总署", "管理局", "人民银行", "央行", "协会", "委员会", "研究院", "研究所",
            "交易所", "统计司", "城市司",
        ]
        .iter()
        .any(|w| e.text.ends_with(w))
            || e.text == "乘联会")
            && ["公布", "发布"].iter().any(|w| after.starts_with(w))
}

/// Whether an entity stands after a preposition (`在香港交易所`, `由腾讯领投`,
/// `与微软`): then it is not the subject of the clause.
fn after_preposition(text: &str, e: &Entity) -> bool {
    let before = text[..e.start].trim_end();
    [
        "在", "于", "登陆", "向", "对", "从", "由", "与", "和", "跟", "同", "被", "把", "给",
        "超过", "超越", "及", "、", "为", "比",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// Reads the claims of a document.
pub(crate) fn claims(
    text: &str,
    quantities: &[Quantity],
    times: &[Time],
    entities: &[Entity],
) -> Vec<Claim> {
    // adjacent metric words are one metric (`海外收入` + `占比`)
    let mut metrics: Vec<Metric> = Vec::new();
    for m in METRICS.find_iter(text) {
        match metrics.last_mut() {
            Some(last) if last.end == m.start() => last.end = m.end(),
            _ => metrics.push(Metric {
                start: m.start(),
                end: m.end(),
            }),
        }
    }
    let subjects: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind != EntityKind::Person && !is_source(text, e))
        .collect();
    // the subjects a clause can take: not after a preposition, unless a list
    // (`微信和 QQ`) is paired by 分别
    let heads: Vec<&Entity> = subjects
        .iter()
        .copied()
        .filter(|e| !after_preposition(text, e) && e.text.chars().count() >= 2)
        .collect();
    let periods: Vec<&Time> = times
        .iter()
        .filter(|t| {
            t.value.is_some() && {
                // `较2023年末`: a comparison base, not the period
                let before = text[..t.start].trim_end();
                !["较", "比", "相比", "同比", "环比", "与"]
                    .iter()
                    .any(|w| before.ends_with(w))
            }
        })
        .collect();

    let mut out: Vec<Claim> = Vec::new();
    // claims of the current sentence that may still take a change
    let mut open: Vec<usize> = Vec::new();
    let mut sentence = usize::MAX;
    let mut running_subject: Option<String> = None;
    // the sentence the running subject was last named in: it carries over
    // to the next two sentences, not across a whole article
    let mut subject_sentence = 0usize;
    let mut running_period: Option<String> = None;

    for cl in clauses(text, quantities) {
        if cl.sentence != sentence {
            sentence = cl.sentence;
            open.clear();
            if sentence > subject_sentence + 2 {
                running_subject = None;
            }
        }
        let qs: Vec<&Quantity> = within(quantities, cl.start, cl.end)
            .filter(|q| q.kind != QuantityKind::Ordinal)
            .collect();
        let clause_text = &text[cl.start..cl.end];
        let respectively = clause_text.find("分别").map(|i| cl.start + i);

        // the subject and period in force at the start of this clause
        let sentence_start = cl.sentence_start;
        let mut new_claims: Vec<usize> = Vec::new();
        let mut changes_here: Vec<(usize, Change)> = Vec::new();
        let mut prev_end = cl.start;
        let mut prev_change: Option<Direction> = None;
        let mut skip_from: Vec<bool> = vec![false; qs.len()];
        // `由 4.5 港元上调至 10 港元`: the first figure is where the value
        // came from; the claim is the second, with the direction of the move
        let mut from_move: Vec<Option<Direction>> = vec![None; qs.len()];
        for k in 0..qs.len().saturating_sub(1) {
            let (x, y) = (qs[k], qs[k + 1]);
            let before = tail(&text[cl.start..x.start], 2).trim_end();
            let between = text[x.end..y.start].trim();
            let moves = between.ends_with(['至', '到'])
                && between.chars().count() <= 4
                && (before.ends_with('由') || before.ends_with('从'));
            // `1美元对人民币6.1410元`: an exchange rate is the second amount
            let rate = x.kind == QuantityKind::Money
                && y.kind == QuantityKind::Money
                && matches!(
                    between,
                    "对" | "兑" | "对人民币" | "兑人民币" | "兑换" | "折合"
                );
            if rate {
                skip_from[k] = true;
                continue;
            }
            if moves && x.kind == y.kind && x.unit == y.unit {
                let (a, b) = (x.value.or(x.low), y.value.or(y.low));
                from_move[k + 1] = match (a, b) {
                    (Some(a), Some(b)) if b > a => Some(Direction::Up),
                    (Some(a), Some(b)) if b < a => Some(Direction::Down),
                    _ => None,
                };
                skip_from[k] = true;
            }
        }
        for (k, q) in qs.iter().enumerate() {
            if skip_from[k] {
                prev_end = q.end;
                continue;
            }
            let between = &text[prev_end..q.start];
            let is_multiple_word = q.kind == QuantityKind::Multiple && q.text.starts_with('翻');
            // `分别增长 3.2% 和 1.1%`: a list item keeps the role of the item before
            let list_item = prev_end > cl.start && is_list_separator(between);
            let verb = if is_multiple_word {
                Some((Direction::Up, q.start))
            } else if list_item {
                prev_change.map(|d| (d, q.start))
            } else {
                change_verb(between)
            };
            prev_end = q.end;
            prev_change = verb.map(|v| v.0);
            match verb {
                Some((direction, _)) => {
                    let before = &text[cl.start..q.start];
                    // `今年以来，股价累计上涨 170%`: year to date from the
                    // start of the sentence
                    let mut basis = basis_in(before).or_else(|| {
                        let sentence = tail(&text[sentence_start..q.start], 80);
                        (sentence.contains("今年以来") || sentence.contains("年初至今"))
                            .then_some(Basis::Ytd)
                    });
                    changes_here.push((
                        q.start,
                        Change {
                            basis: basis.take(),
                            direction,
                            value: Some((*q).clone()),
                        },
                    ));
                }
                None => {
                    if !matches!(
                        q.kind,
                        QuantityKind::Money
                            | QuantityKind::Percent
                            | QuantityKind::Count
                            | QuantityKind::Number
                            | QuantityKind::Multiple
                            | QuantityKind::PercentagePoint
                    ) {
                        continue;
                    }
                    // `完成 3 亿美元的新一轮融资`: a metric after the value
                    let metric = nearest_metric(&metrics, cl.start, q.start)
                        .or_else(|| within(&metrics, q.end, cl.end).next().copied());
                    // `上涨 7.4%，收报 58.85 港元`: a value with no metric
                    // right after a change completes that change's claim
                    if metric.is_none() {
                        if let Some(&ci) = open.last() {
                            if out[ci].value.is_none()
                                && out[ci].change.is_some()
                                && matches!(q.kind, QuantityKind::Money)
                            {
                                out[ci].value = Some((*q).clone());
                                out[ci].end = cl.end;
                                continue;
                            }
                        }
                    }
                    let change = from_move[k].map(|direction| Change {
                        basis: basis_in(&text[cl.start..q.start]),
                        direction,
                        value: None,
                    });
                    out.push(Claim {
                        subject: None,
                        metric: metric.map(|m| text[m.start..m.end].to_string()),
                        period: None,
                        value: Some((*q).clone()),
                        change,
                        start: cl.start,
                        end: cl.end,
                    });
                    let idx = out.len() - 1;
                    new_claims.push(idx);
                }
            }
        }

        // `分别`: pair metrics (or subjects) with values in order
        if let Some(r) = respectively {
            let values: Vec<usize> = new_claims.clone();
            if values.len() >= 2 {
                let ms: Vec<Metric> = within(&metrics, sentence_start, r).copied().collect();
                if ms.len() == values.len() {
                    for (k, &ci) in values.iter().enumerate() {
                        out[ci].metric = Some(text[ms[k].start..ms[k].end].to_string());
                    }
                }
                let ss: Vec<&&Entity> = within(&subjects, sentence_start, r).collect();
                if ss.len() == values.len() {
                    for (k, &ci) in values.iter().enumerate() {
                        out[ci].subject = Some(ss[k].text.clone());
                    }
                }
                // `2024 年至 2026 年的归母净利润分别为 A、B 和 C`
                let span = within(&periods, sentence_start, r)
                    .next_back()
                    .and_then(|t| t.value.as_deref())
                    .and_then(|v| v.split_once('/'))
                    .and_then(|(a, b)| Some((a.parse::<i32>().ok()?, b.parse::<i32>().ok()?)));
                if let Some((a, b)) = span {
                    if (b - a + 1) as usize == values.len() {
                        for (k, &ci) in values.iter().enumerate() {
                            out[ci].period = Some(format!("{:04}", a + k as i32));
                        }
                    }
                }
            }
        }

        // subjects and periods of the new value claims
        for &ci in &new_claims {
            let at = out[ci].value.as_ref().map_or(cl.start, |q| q.start);
            fill_context(
                &mut out[ci],
                text,
                &heads,
                &periods,
                cl,
                sentence_start,
                at,
                &running_subject,
                &running_period,
            );
        }
        open.extend(new_claims.iter().copied());

        // changes: `分别同比增长 A 和 B` completes the last claims in order;
        // a change without a metric of its own completes the claim before it
        let n = changes_here.len();
        if respectively.is_some() && n >= 2 && open.len() >= n {
            let targets: Vec<usize> = open[open.len() - n..].to_vec();
            if targets.iter().all(|&ci| out[ci].change.is_none()) {
                for ((_, ch), ci) in changes_here.drain(..).zip(targets) {
                    let ch = with_basis_kind(ch, &out[ci]);
                    out[ci].change = Some(ch);
                    out[ci].end = cl.end;
                }
            }
        }
        for (at, ch) in changes_here {
            let own_metric = nearest_metric(&metrics, cl.start, at);
            // the value before the change (`营收 889 亿元，同比增长 32%`), or
            // after it in the same clause (`目标价上调 10% 至 460 港元`)
            let target = open.iter().rev().copied().find(|&ci| {
                out[ci].change.is_none()
                    && out[ci].value.as_ref().is_some_and(|v| {
                        v.end <= at
                            || (v.start >= cl.start && text[at..v.start].contains(['至', '到']))
                    })
                    && (own_metric.is_none()
                        || out[ci].value.as_ref().is_some_and(|v| v.start >= cl.start))
            });
            match target {
                Some(ci) => {
                    let ch = with_basis_kind(ch, &out[ci]);
                    out[ci].change = Some(ch);
                    out[ci].end = out[ci].end.max(cl.end);
                }
                None => {
                    let mut claim = Claim {
                        subject: None,
                        metric: own_metric.map(|m| text[m.start..m.end].to_string()),
                        period: None,
                        value: None,
                        change: None,
                        start: cl.start,
                        end: cl.end,
                    };
                    fill_context(
                        &mut claim,
                        text,
                        &heads,
                        &periods,
                        cl,
                        sentence_start,
                        at,
                        &running_subject,
                        &running_period,
                    );
                    let ch = with_basis_kind(ch, &claim);
                    claim.change = Some(ch);
                    out.push(claim);
                    open.push(out.len() - 1);
                }
            }
        }

        // what this clause names carries over to the next ones
        if let Some(e) = within(&heads, cl.start, cl.end).next_back() {
            running_subject = Some(e.text.clone());
            subject_sentence = cl.sentence;
        }
        if let Some(t) = within(&periods, cl.start, cl.end).next_back() {
            running_period = t.value.clone();
        }
    }
    // a bare figure with neither a metric nor a change says nothing about
    // what it measures (`创业板105家`, an index level, a quote tuple)
    out.retain(|c| c.metric.is_some() || c.change.is_some());
    out
}

/// The metric nearest before `at` inside `from..at`.
fn nearest_metric(metrics: &[Metric], from: usize, at: usize) -> Option<Metric> {
    within(metrics, from, at).max_by_key(|m| m.end).copied()
}

/// `环比` means quarter on quarter for a quarter, month on month for a month.
fn with_basis_kind(mut ch: Change, claim: &Claim) -> Change {
    if ch.basis == Some(Basis::Qoq) {
        if let Some(p) = &claim.period {
            let month = p.len() == 7
                && p.as_bytes().get(4) == Some(&b'-')
                && !p.contains('Q')
                && !p.contains('H');
            if month {
                ch.basis = Some(Basis::Mom);
            }
        }
    }
    ch
}

/// Sets the subject and period of `claim` from what is named before `at`.
#[allow(clippy::too_many_arguments)]
fn fill_context(
    claim: &mut Claim,
    text: &str,
    subjects: &[&Entity],
    periods: &[&Time],
    cl: Clause,
    sentence_start: usize,
    at: usize,
    running_subject: &Option<String>,
    running_period: &Option<String>,
) {
    let metric_at = claim
        .metric
        .as_ref()
        .and_then(|m| text[cl.start..at].rfind(m.as_str()).map(|i| cl.start + i))
        .unwrap_or(at);
    if claim.subject.is_none() {
        let in_clause = subjects
            .iter()
            .rev()
            .find(|e| cl.start <= e.start && e.end <= metric_at);
        let in_sentence = || {
            subjects.iter().rev().find(|e| {
                sentence_start <= e.start && e.end <= cl.start && e.kind == EntityKind::Org
            })
        };
        claim.subject = in_clause
            .or_else(in_sentence)
            .map(|e| e.text.clone())
            .or_else(|| running_subject.clone());
    }
    if claim.period.is_none() {
        let in_clause = within(periods, cl.start, at)
            .next_back()
            .or_else(|| within(periods, at, cl.end).next());
        let in_sentence = || within(periods, sentence_start, cl.start).next_back();
        claim.period = in_clause
            .or_else(in_sentence)
            .and_then(|t| t.value.clone())
            .or_else(|| running_period.clone());
    }
}
