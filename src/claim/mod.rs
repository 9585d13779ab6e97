//! Numeric claims: a quantity tied to who and what it measures, when, and
//! how it changed (SPEC.md "Claim").
//!
//! Claims are read clause by clause (clauses end at `，；。！？` and line
//! ends, never inside a quantity), over the segmenter's tokens:
//! - a quantity after a verb of change (`增长`, `下降`, `提升 1.5 个百分点`,
//!   `翻倍`; `data/claim/change_verbs.txt`) is a change, with its basis from
//!   `同比` (yoy), `环比` (qoq between quarters, mom between months),
//!   `年初至今`/`今年以来` (ytd); `增长至 X` and `降至 X` make X a value;
//! - any other money, percent, count, number or multiple is a value;
//! - the metric is the noun phrase the figure measures, as written: the
//!   nouns right before it, past words such as `为`, `达到`, `同比增长`
//!   (`data/claim/bridge_words.txt`), joined by `的`; the metric words of
//!   `data/metrics.txt` are a fallback where no noun phrase stands before
//!   the figure; a stock or company that moves with no metric written moves
//!   its `股价`;
//! - the subject is the organisation, product or place the clause is about:
//!   never a source (`据 IDC 数据`, `格隆汇8月20日丨`, a statistics office that
//!   publishes), never after a preposition (`在香港交易所`); in the clause,
//!   else the sentence, else carried over from the two sentences before
//!   (`公司`, `其`, `该公司` refer back); a list (`A、B涨超3%`, and names cut
//!   by commas before one figure) gives one claim per member;
//! - the period is the time in the clause, else the sentence, else the last
//!   period named before;
//! - a change with no metric of its own completes the value before it
//!   (`营收 889 亿元，同比增长 32%`); `分别` pairs lists in order
//!   (`微信和 QQ 的月活跃用户分别为 13.71 亿和 5.71 亿，分别同比增长 3.2% 和
//!   1.1%`).
//!
//! Where the rules cannot tell a subject or a metric, the field is `None`.
//!
//! Unlike the stages before it, this one reads the original text and its
//! offsets (see [`Inputs`]).

mod change;

pub(crate) use change::leading_change;
mod clause;
mod index;
mod members;
mod metric;
mod period;
mod reader;
mod subject;

use serde::{Deserialize, Serialize};

use crate::entity::{Entity, EntityKind, is_commodity};
use crate::quantity::Quantity;
use crate::segment::Token;
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
#[non_exhaustive]
pub struct Change {
    /// The comparison basis, if the text names one.
    pub basis: Option<Basis>,
    /// Up or down.
    pub direction: Direction,
    /// The size of the change.
    pub value: Option<Quantity>,
}

/// A byte span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end (exclusive).
    pub end: usize,
}

/// A numeric claim.
///
/// ```
/// use zhnews::{Analyzer, Direction, RefDate};
/// let analyzer = Analyzer::new().with_ref_date(RefDate::parse("2024-08-21")?);
/// let text = "小米集团二季度营收 889 亿元，同比增长 32%。";
/// let claim = &analyzer.analyze(text).claims[0];
/// assert_eq!(claim.subject.as_deref(), Some("小米集团"));
/// assert_eq!(claim.metric.as_deref(), Some("营收"));
/// assert_eq!(claim.period.as_deref(), Some("2024-Q2"));
/// assert_eq!(claim.value.as_ref().unwrap().value.unwrap().to_string(), "88900000000");
/// let change = claim.change.as_ref().unwrap();
/// assert_eq!(change.direction, Direction::Up);
/// // where the subject and metric were read
/// let s = claim.subject_span.unwrap();
/// assert_eq!(&text[s.start..s.end], "小米集团");
/// let m = claim.metric_span.unwrap();
/// assert_eq!(&text[m.start..m.end], "营收");
/// # Ok::<(), zhnews::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// Where the subject is named (the mention it was read from: for a
    /// subject carried over from an earlier sentence, that mention), or
    /// `None`.
    #[serde(default)]
    pub subject_span: Option<Span>,
    /// Where the metric is written, or `None` (no metric, or one implied
    /// such as `股价` for a stock move).
    #[serde(default)]
    pub metric_span: Option<Span>,
}

/// What the claim reader reads: the document and the earlier stages'
/// results, all in original offsets, sorted by start.
///
/// The claim rules are written against the text as it is written (their
/// words, the text between figures, token lengths), so they read the
/// original, not the folded text: run on the folded text, their claims
/// differ on 14 of the 37,695 corpus documents (full-width `Ａ股`, `ＧＤＰ`;
/// traditional `代價為`). The earlier stages' results are moved to the
/// original once, before this stage (see [`crate::Analyzer`]).
#[derive(Clone, Copy)]
pub(crate) struct Inputs<'a> {
    /// The original text.
    pub text: &'a str,
    /// Quantities.
    pub quantities: &'a [Quantity],
    /// Times.
    pub times: &'a [Time],
    /// Entities.
    pub entities: &'a [Entity],
    /// The segmenter's tokens.
    pub tokens: &'a [Token<'a>],
}

/// Reads the claims of a document.
pub(crate) fn claims(inputs: &Inputs<'_>) -> Vec<Claim> {
    let mut goods = commodities(inputs);
    goods.extend(indexes(inputs));
    if goods.is_empty() {
        return reader::Reader::new(inputs).read();
    }
    let mut entities = inputs.entities.to_vec();
    entities.extend(goods);
    entities.sort_by_key(|e| e.start);
    let with_goods = Inputs {
        entities: &entities,
        ..*inputs
    };
    reader::Reader::new(&with_goods).read()
}

/// Whether token `k` starts its noun phrase: after punctuation, a blank, a
/// time or a conjunction, not after a modifier (`转基因大豆` is no market
/// good).
fn heads_a_phrase(tokens: &[Token<'_>], k: usize) -> bool {
    use crate::segment::TokenKind;
    k.checked_sub(1).map(|p| &tokens[p]).is_none_or(|p| {
        matches!(
            p.kind,
            TokenKind::Punct | TokenKind::Space | TokenKind::Time
        ) || matches!(p.text, "和" | "及" | "与" | "或" | "、")
    })
}

/// Stock indexes named as words of their own outside every entity before a
/// move or a quote (`沪指涨0.19%`, `深成指跌超1%`, `恒生指数报23664点`): no
/// entities (SPEC), but what an index move is about, so subjects (SPEC: an
/// index move may have metric null with the index as subject).
fn indexes(inputs: &Inputs<'_>) -> Vec<Entity> {
    let (entities, text, tokens) = (inputs.entities, inputs.text, inputs.tokens);
    let named = |t: &Token<'_>| {
        let n = t.text.chars().count();
        (t.text.ends_with('指') || t.text.ends_with("指数"))
            && (2..=8).contains(&n)
            && !t.text.ends_with("股指")
            && !matches!(t.text, "指数" | "大盘指数")
    };
    let moves = |t: &Token<'_>| {
        let after = clause::head(&text[t.end..], 4);
        after.contains(['涨', '跌', '报', '收'])
    };
    tokens
        .iter()
        .enumerate()
        .filter(|(k, t)| named(t) && heads_a_phrase(tokens, *k) && moves(t))
        .filter_map(|(_, t)| word_entity(entities, t, EntityKind::Org))
        .collect()
}

/// Token `t` as an entity of `kind` for the claim reader, when it lies
/// outside every entity of the document.
fn word_entity(entities: &[Entity], t: &Token<'_>, kind: EntityKind) -> Option<Entity> {
    let k = entities.partition_point(|e| e.end <= t.start);
    entities
        .get(k)
        .is_none_or(|e| e.start >= t.end)
        .then(|| Entity {
            kind,
            text: t.text.to_string(),
            start: t.start,
            end: t.end,
        })
}

/// The commodities named as words of their own outside every entity
/// (`铁矿石大涨超20%`), not as the market or board of the good (`铜期货`):
/// no entities, but what market moves are about, so subjects (as
/// products: they move in price, not in `股价`).
fn commodities(inputs: &Inputs<'_>) -> Vec<Entity> {
    let entities = inputs.entities;
    let text = inputs.text;
    let tokens = inputs.tokens;
    tokens
        .iter()
        .enumerate()
        .filter(|(k, t)| is_commodity(t.text) && heads_a_phrase(tokens, *k))
        .map(|(_, t)| t)
        // `铜期货参与机构数`, `黄金板块`: a market or a board of the good
        .filter(|t| {
            !["期货", "期权", "合约", "板块", "概念", "股"]
                .iter()
                .any(|w| text[t.end..].starts_with(w))
        })
        .filter_map(|t| word_entity(entities, t, EntityKind::Product))
        .collect()
}
