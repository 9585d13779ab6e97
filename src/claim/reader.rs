//! The claim reader: one pass over the clauses of a document, each clause
//! read in named steps (figures and their roles, value claims, `分别`
//! pairs, context, changes, what carries over).

use std::cell::{Cell, OnceCell};

use super::change::{basis_for_period, basis_in, change_verb, verb_ending};
use super::clause::{
    Clause, clauses, ending_by, head, is_list_separator, starting_in, tail, within,
};
use super::index::{Finger, Marks, Waiting};
use super::members::Members;
use super::metric::{
    Tokens, Words, first_word, generic_before, is_enumerated, is_generic, is_metric_verb,
    metric_words, nearest_word, noun_phrase_after, noun_phrase_before, opens_comparison,
    share_before, traded_object,
};
use super::period::{Dated, Period};
use super::subject::{Subjects, is_index, names};
use super::{Basis, Change, Claim, Direction, Inputs, Span};
use crate::entity::{Entity, EntityKind};
use crate::lexicon::data_lines;
use crate::quantity::{Qualifier, Quantity, QuantityKind};
use crate::segment::{Token, TokenKind};

const PRICE_VERBS: &str = include_str!("../../data/claim/price_verbs.txt");

/// The verbs of `data/claim/price_verbs.txt`.
static PRICE_VERB_SET: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| data_lines(PRICE_VERBS).map(|(_, w)| w).collect());

/// `分别` or `依次` ("respectively", "in turn"): the figures of a clause
/// pair with a list before them.
const RESPECTIVELY: [&str; 2] = ["分别", "依次"];

/// The same period a year earlier (`去年同期`), a time or a basis.
const YEAR_AGO: [&str; 2] = ["去年同期", "上年同期"];

/// Since the start of the year: a change is year to date.
const SINCE_NEW_YEAR: [&str; 2] = ["今年以来", "年初至今"];

/// Words saying that the names of a list are stocks (`个股`, `等股`).
const STOCKS_SAID: [&str; 2] = ["个股", "等股"];

/// The phrases a few rules look for, found in the document once each.
#[derive(Clone, Copy)]
enum Phrase {
    /// [`YEAR_AGO`].
    YearAgo,
    /// [`SINCE_NEW_YEAR`].
    SinceNewYear,
    /// [`STOCKS_SAID`].
    StocksSaid,
}

/// What a figure is in its clause.
#[derive(Debug, Clone, Copy)]
enum Role {
    /// A level; `moved` when it ends a move (`由 4.5 港元上调至 10 港元`).
    Value { moved: Option<Direction> },
    /// The level a move starts from (`由 4.5 港元上调至 10 港元`'s 4.5 港元):
    /// a previous value, a claim of its own (SPEC), whose metric the end of
    /// the move shares.
    Origin,
    /// The size of a change, after the verb `verb`.
    Change {
        direction: Direction,
        verb: &'static str,
    },
}

/// What a figure is to the figure after it (see [`Reader::pair`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pair {
    /// The unit of an exchange rate: no claim.
    Rate,
    /// The figure a move starts from, with the move's direction.
    Move(Option<Direction>),
    /// Neither.
    Plain,
}

/// A figure of a clause with its role.
#[derive(Debug, Clone, Copy)]
struct Figure<'a> {
    q: &'a Quantity,
    role: Role,
}

/// What a claim measures.
#[derive(Debug, Clone, Copy)]
enum Metric {
    /// Written in the text.
    Written(Span),
    /// Implied by the clause (`股价` for a stock that moves).
    Implied(&'static str),
    /// Written on both sides of the figure: a verb of trading and its
    /// object (`回购0.85%股份` → `回购股份`).
    Split { verb: Span, object: Span },
}

impl Metric {
    /// Where the metric starts in the text, when it is written.
    fn start(self) -> Option<usize> {
        match self {
            Metric::Written(s) | Metric::Split { verb: s, .. } => Some(s.start),
            Metric::Implied(_) => None,
        }
    }
}

/// A change while the document is read (the quantity borrowed).
#[derive(Debug, Clone, Copy)]
struct DraftChange<'a> {
    basis: Option<Basis>,
    direction: Direction,
    value: Option<&'a Quantity>,
}

/// A claim while the document is read.
#[derive(Debug, Clone)]
struct Draft<'a> {
    subjects: Members<'a>,
    metric: Option<Metric>,
    period: Option<Period>,
    value: Option<&'a Quantity>,
    change: Option<DraftChange<'a>>,
    start: usize,
    end: usize,
}

impl<'a> Draft<'a> {
    fn new(cl: Clause, metric: Option<Metric>) -> Draft<'a> {
        Draft {
            subjects: Members::Empty,
            metric,
            period: None,
            value: None,
            change: None,
            start: cl.start,
            end: cl.end,
        }
    }
}

/// The reading state of one document. The sorted spans are searched from
/// fingers (`Finger`): the reader moves forward through the text, so a
/// search costs the distance moved, whatever the length of the document.
pub(super) struct Reader<'a> {
    text: &'a str,
    quantities: Finger<&'a [Quantity]>,
    tokens: Tokens<'a>,
    /// Spans of the names a noun phrase never runs over: entities that
    /// start a word and are no part of a metric word (`M2` in `M2余额`).
    names: Finger<Vec<(usize, usize)>>,
    words: Words,
    subjects: Subjects<'a>,
    /// The times with a period, less comparison bases, read once.
    periods: Finger<Vec<Dated>>,
    /// Relative times the document's date could not resolve (`去年` without
    /// a date): a clause that names one, or follows one in its sentence,
    /// has no period from elsewhere.
    unresolved: Finger<Vec<(usize, usize)>>,
    out: Vec<Draft<'a>>,
    /// Claims of the current sentence that may still take a change.
    open: Vec<usize>,
    /// Of those, the value claims without a change, by value start.
    waiting: Waiting,
    /// Where `至` and `到` stand, and line ends.
    to_marks: Marks,
    line_ends: Marks,
    /// Where `分别` and `依次` stand (see [`RESPECTIVELY`]).
    respectively_marks: Marks,
    /// Where the words of [`YEAR_AGO`], [`SINCE_NEW_YEAR`] and
    /// [`STOCKS_SAID`] stand, each found when first asked.
    phrase_marks: [OnceCell<Marks>; 3],
    /// For the clause starting at `.0`: the end of its first word that can
    /// name a subject (`topic_named`), and whether it holds a ticker.
    topic_memo: Cell<Option<(usize, Option<usize>)>>,
    /// Sentence stops and the words that start an enumeration
    /// (`enumerates`), found when first asked.
    enumeration_marks: OnceCell<(Marks, Marks)>,
    ticker_memo: Cell<Option<(usize, bool)>>,
    sentence: usize,
    /// The subject named last, and the sentence it was named in: it carries
    /// over to the next two sentences, not across a whole article.
    running: Option<&'a Entity>,
    running_sentence: usize,
    /// The period named last, with its sentence and where it ends: it
    /// scopes the next two sentences of its paragraph.
    running_period: Option<(Period, usize, usize)>,
    /// Names of the clauses before that held nothing else (`四方精创，`).
    listed: Vec<&'a Entity>,
    /// Buffers of [`Reader::read_clause`], kept from clause to clause.
    scratch: Scratch<'a>,
}

/// The buffers a clause is read with, reused so that a clause costs no
/// allocation once they have grown (issue 15).
#[derive(Default)]
struct Scratch<'a> {
    /// The quantities of the clause.
    quantities: Vec<&'a Quantity>,
    /// Its figures with their roles.
    figures: Vec<Figure<'a>>,
    /// The claims it opens.
    new: Vec<usize>,
    /// The changes that wait for a claim.
    changes: Vec<(&'a Quantity, Direction, &'static str)>,
    /// The claims those changes make of their own.
    own: Vec<usize>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(inputs: &Inputs<'a>) -> Reader<'a> {
        let text = inputs.text;
        let periods = inputs
            .times
            .iter()
            .filter(|t| {
                // `较2023年末`: a comparison base, not the period; so is
                // `恢复至2019年同期水平`
                let before = text[..t.start].trim_end();
                let after = text[t.end..].trim_start();
                let after = after.strip_prefix('的').unwrap_or(after);
                let base_before = ["较", "比", "相比", "同比", "环比", "与"]
                    .iter()
                    .any(|w| before.ends_with(w));
                // (`而2019年同期则取得利润…`: the figure's own period)
                let level = after.strip_prefix("同期").unwrap_or(after);
                !base_before && !level.trim_start_matches('的').starts_with("水平")
            })
            .filter_map(Dated::of)
            .collect();
        let unresolved = inputs
            .times
            .iter()
            .filter(|t| t.value.is_none() && t.relative)
            .map(|t| (t.start, t.end))
            .collect();
        let words = metric_words(text);
        let named = names(inputs.entities, inputs.tokens, &words);
        Reader {
            text,
            quantities: Finger::new(inputs.quantities),
            tokens: Finger::new(inputs.tokens),
            subjects: Subjects::new(text, &named),
            names: Finger::new(named.iter().map(|e| (e.start, e.end)).collect()),
            words: Finger::new(words),
            periods: Finger::new(periods),
            unresolved: Finger::new(unresolved),
            out: Vec::new(),
            open: Vec::new(),
            waiting: Waiting::default(),
            to_marks: Marks::of(text, &["至", "到"]),
            line_ends: Marks::of(text, &["\n"]),
            respectively_marks: Marks::of(text, &RESPECTIVELY),
            phrase_marks: Default::default(),
            topic_memo: Cell::new(None),
            enumeration_marks: OnceCell::new(),
            ticker_memo: Cell::new(None),
            sentence: usize::MAX,
            running: None,
            running_sentence: 0,
            running_period: None,
            listed: Vec::new(),
            scratch: Scratch::default(),
        }
    }

    /// Reads every clause; the claims in text order.
    pub(super) fn read(mut self) -> Vec<Claim> {
        let quantities: &'a [Quantity] = self.quantities.items();
        for cl in clauses(self.text, quantities) {
            self.read_clause(cl);
        }
        self.finish()
    }

    fn read_clause(&mut self, cl: Clause) {
        self.enter(cl);
        let mut scratch = std::mem::take(&mut self.scratch);
        self.figures(cl, &mut scratch);
        let Scratch {
            figures,
            new,
            changes,
            own,
            ..
        } = &mut scratch;
        let mut origin = None;
        for f in figures.iter() {
            match f.role {
                Role::Value { .. } if self.signed_change_of_last(cl, f.q, new) => {}
                Role::Value { moved } => new.extend(self.value_claim(cl, f.q, moved, origin)),
                Role::Origin => {
                    let ci = self.value_claim(cl, f.q, None, None);
                    origin = ci;
                    new.extend(ci);
                }
                Role::Change { direction, verb } => changes.push((f.q, direction, verb)),
            }
        }
        let respectively = self.respectively_marks.first_within(cl.start, cl.end);
        if let Some(r) = respectively {
            self.pair_respectively(cl, r, new);
        }
        for &ci in new.iter() {
            let at = self.out[ci].value.map_or(cl.start, |q| q.start);
            self.fill_context(ci, cl, at);
        }
        self.open.extend(new.iter().copied());
        for &ci in new.iter() {
            if let (Some(v), None) = (self.out[ci].value, self.out[ci].change) {
                if self.compared_with(cl, v).is_none() {
                    self.waiting.insert(v.start, ci);
                }
            }
        }
        self.attach_changes(cl, changes, own, respectively);
        self.carry(cl, figures.is_empty());
        self.scratch = scratch;
    }

    /// A new sentence closes the claims still open; an old subject is
    /// forgotten.
    fn enter(&mut self, cl: Clause) {
        if cl.sentence != self.sentence {
            self.sentence = cl.sentence;
            self.open.clear();
            self.waiting.clear();
            if cl.sentence > self.running_sentence + 2 {
                self.running = None;
            }
        }
    }

    /// Where the words of `phrase` stand, found once.
    fn marks_of(&self, phrase: Phrase) -> &Marks {
        let (k, words) = match phrase {
            Phrase::YearAgo => (0, YEAR_AGO),
            Phrase::SinceNewYear => (1, SINCE_NEW_YEAR),
            Phrase::StocksSaid => (2, STOCKS_SAID),
        };
        self.phrase_marks[k].get_or_init(|| Marks::of(self.text, &words))
    }

    /// Whether the clause text `from..to` before a figure names the same
    /// period a year earlier as its time (`去年同期公司亏损1864万元`,
    /// `而上年同期为`), not as the basis of a change (`较去年同期`,
    /// `与上年同期相比`).
    fn year_ago(&self, from: usize, to: usize) -> bool {
        self.marks_of(Phrase::YearAgo)
            .within(from, to)
            .any(|(i, e)| {
                let basis = self.text[from..i].ends_with(['较', '比', '与', '和', '同']);
                let compared = self.text[e..to].starts_with(['相', '比']);
                !basis && !compared
            })
    }

    /// `利润11.4亿（+30%）`: a signed percent in brackets right after a value
    /// is that value's change; true when it was taken so.
    fn signed_change_of_last(&mut self, cl: Clause, q: &'a Quantity, new: &[usize]) -> bool {
        let Some(&ci) = new.last() else {
            return false;
        };
        let Some(v) = self.out[ci].value else {
            return false;
        };
        let between = self.text[v.end..q.start].trim();
        // the sign is the quantity's own, or just before it
        let between = between.trim_end_matches(['+', '＋']);
        let direction = match (
            q.text.chars().next(),
            self.text[..q.start].chars().next_back(),
        ) {
            (Some('-' | '－' | '−'), _) => Direction::Down,
            (_, Some('+' | '＋')) => Direction::Up,
            _ => return false,
        };
        if q.kind != QuantityKind::Percent
            || !matches!(between, "（" | "(")
            || self.out[ci].change.is_some()
        {
            return false;
        }
        self.set_change(ci, cl, q, direction);
        true
    }

    /// The figures of a clause with their roles: exchange rates and the
    /// first figure of a move left out, list items keeping the role of the
    /// item before.
    fn figures(&self, cl: Clause, scratch: &mut Scratch<'a>) {
        let in_clause = starting_in(&self.quantities, cl.start, cl.end);
        let (qs, out) = (&mut scratch.quantities, &mut scratch.figures);
        qs.clear();
        out.clear();
        scratch.new.clear();
        scratch.changes.clear();
        qs.extend(
            ending_by(&self.quantities.items()[in_clause], cl.end)
                .filter(|q| q.kind != QuantityKind::Ordinal),
        );
        let mut prev_end = cl.start;
        let mut moved = None;
        for (k, q) in qs.iter().copied().enumerate() {
            let between = &self.text[prev_end..q.start];
            prev_end = q.end;
            let to_next = qs.get(k + 1).map_or(Pair::Plain, |y| self.pair(cl, q, y));
            // the direction of the move that ends here, for the next figure
            let moved_here = std::mem::replace(
                &mut moved,
                match to_next {
                    Pair::Move(d) => d,
                    _ => None,
                },
            );
            if to_next == Pair::Rate {
                continue;
            }
            let role = if matches!(to_next, Pair::Move(_)) {
                Role::Origin
            } else if q.kind == QuantityKind::Multiple && q.text.starts_with('翻') {
                Role::Change {
                    direction: Direction::Up,
                    verb: "翻",
                }
            } else if let (Some(last), true) = (out.last(), is_list_separator(between)) {
                // `分别增长 3.2% 和 1.1%`
                last.role
            } else {
                self.role_after(between, moved_here)
            };
            out.push(Figure { q, role });
        }
    }

    /// The role of a figure after `between`: a change after a verb of
    /// change, else a value.
    fn role_after(&self, between: &str, moved: Option<Direction>) -> Role {
        match change_verb(between) {
            Some((direction, end)) => Role::Change {
                direction,
                verb: verb_ending(&between[..end]).map_or("", |v| v.0),
            },
            None => Role::Value { moved },
        }
    }

    /// What a figure `x` is to the figure `y` after it in clause `cl`: the
    /// unit of an exchange rate (`1美元对人民币6.14元`: no claim), the
    /// figure a move starts from (`由 4.5 港元上调至 10 港元`, with the
    /// direction of the move), or neither.
    fn pair(&self, cl: Clause, x: &Quantity, y: &Quantity) -> Pair {
        let before = tail(&self.text[cl.start..x.start], 2).trim_end();
        let between = self.text[x.end..y.start].trim();
        let rate = x.kind == QuantityKind::Money
            && y.kind == QuantityKind::Money
            && matches!(
                between,
                "对" | "兑" | "对人民币" | "兑人民币" | "兑换" | "折合"
            );
        // `由A增加至B`, `从A调整到B`, `由A变更为B`
        let is_move = between.ends_with(['至', '到', '为'])
            && between.chars().count() <= 4
            && (before.ends_with('由') || before.ends_with('从'));
        if rate {
            Pair::Rate
        } else if is_move && x.kind == y.kind && x.unit == y.unit {
            Pair::Move(match (x.value.or(x.low), y.value.or(y.low)) {
                (Some(a), Some(b)) if b > a => Some(Direction::Up),
                (Some(a), Some(b)) if b < a => Some(Direction::Down),
                _ => None,
            })
        } else {
            Pair::Plain
        }
    }

    /// Whether a token range overlaps a name.
    fn in_name(&self, a: usize, b: usize) -> bool {
        let k = self.names.partition_point(|n| n.1 <= a);
        self.names.get(k).is_some_and(|n| n.0 < b)
    }

    /// The metric of a figure at `q`: the noun phrase before it, else the
    /// one right after it, else the nearest metric word before it in the
    /// clause, else the first after it.
    fn metric_of(&self, cl: Clause, from: usize, q: &Quantity) -> Option<Metric> {
        let blocked = |a, b| self.in_name(a, b);
        if q.kind == QuantityKind::Count && self.existential_before(from, q) {
            // `共有17个分拨中心`: after a verb of existence the count counts
            // the noun after it; what stands before is where they are
            if let Some(span) = noun_phrase_after(&self.tokens, q.end, cl.end, &blocked, true)
                .filter(|&span| !self.refers_back(cl, q, span))
            {
                return Some(Metric::Written(span));
            }
        }
        if q.kind == QuantityKind::Percent {
            if let Some(span) = share_before(&self.tokens, from, q.start, &blocked) {
                return Some(Metric::Written(span));
            }
        }
        if let Some(phrase) = noun_phrase_before(&self.tokens, from, q.start, &blocked) {
            if let Some(counted) = self.counted_instead(cl, q, phrase) {
                return Some(Metric::Written(counted));
            }
            let object = (q.kind == QuantityKind::Percent)
                .then(|| traded_object(&self.tokens, phrase, q.end, cl.end, &blocked))
                .flatten();
            return Some(match object {
                Some(object) => Metric::Split {
                    verb: phrase,
                    object,
                },
                None => Metric::Written(phrase),
            });
        }
        // after a measure word, a verb before a noun is part of the counted
        // noun (`353名激励对象`)
        let counted = q.kind == QuantityKind::Count;
        let after = noun_phrase_after(&self.tokens, q.end, cl.end, &blocked, counted)
            .filter(|&span| !self.refers_back(cl, q, span));
        if counted && generic_before(&self.tokens, from, q.start) {
            // `净利润实现同比增长的公司共有316家`: the metric word counts nothing
            return after.map(Metric::Written);
        }
        after
            .or_else(|| nearest_word(&self.words, cl.start, q.start))
            .or_else(|| first_word(&self.words, q.end, cl.end))
            .map(Metric::Written)
    }

    /// `全美400个废水监控站点`, `北京500家门店`: a count whose measure word
    /// a noun follows counts that noun, unless the phrase before it holds a
    /// metric word (`门店数量达500家`).
    fn counted_instead(&self, cl: Clause, q: &Quantity, before: Span) -> Option<Span> {
        let named = within(&self.words, before.start, before.end)
            .next()
            .is_some()
            || is_metric_verb(&self.text[before.start..before.end]);
        if q.kind != QuantityKind::Count || named {
            return None;
        }
        let blocked = |a, b| self.in_name(a, b);
        noun_phrase_after(&self.tokens, q.end, cl.end, &blocked, true)
            .filter(|&span| span.start == q.end && !self.refers_back(cl, q, span))
    }

    /// `三个议题`, `分三个阶段`, `20条措施`: a count right before a word of
    /// `data/claim/enumerated_nouns.txt` counts the items of a list.
    fn counts_enumerated(&self, q: &Quantity) -> bool {
        let k = self.tokens.partition_point(|t| t.start < q.end);
        q.kind == QuantityKind::Count
            && self
                .tokens
                .get(k)
                .is_some_and(|t| t.start == q.end && is_enumerated(t.text))
    }

    /// `上述三家企业`, `这十个区名字`: a count in Chinese numerals right
    /// after a demonstrative counts what was named before, whatever it is;
    /// after `上述`, `前述` or `这些` a count in digits does too, and a
    /// generic word may stand between (`前述深市408家公司`).
    fn after_demonstrative(&self, q: &Quantity) -> bool {
        if q.kind != QuantityKind::Count {
            return false;
        }
        let k = self.tokens.partition_point(|t| t.end <= q.start);
        let before = &self.tokens[..k];
        let (last, prev) = (
            before.last(),
            before.len().checked_sub(2).map(|i| &before[i]),
        );
        let demonstrative = |t: &Token<'_>| {
            matches!(
                t.text,
                "这" | "该" | "此" | "上述" | "前述" | "以上" | "这些"
            )
        };
        let plainly_back = |t: &Token<'_>| matches!(t.text, "上述" | "前述" | "这些");
        if last.is_some_and(demonstrative) {
            return in_chinese_numerals(q) || last.is_some_and(plainly_back);
        }
        last.is_some_and(|t| is_generic(t.text)) && prev.is_some_and(plainly_back)
    }

    /// `，两家公司并未展开谈判`: a count in Chinese numerals of a generic
    /// noun alone in topic position is the ones already named, no business
    /// count (`包括两家公司和10名个人` is one; after a demonstrative the
    /// count gives no claim at all: [`Self::after_demonstrative`]).
    fn refers_back(&self, cl: Clause, q: &Quantity, counted: Span) -> bool {
        if !in_chinese_numerals(q) || !is_generic(&self.text[counted.start..counted.end]) {
            return false;
        }
        let k = self.tokens.partition_point(|t| t.end <= q.start);
        // topic position: only times, adverbs and conjunctions before it
        // in its clause (a few at most: the look back stays short in a
        // clause of any length)
        let leading = |t: &Token<'_>| {
            matches!(
                t.kind,
                TokenKind::Time | TokenKind::Space | TokenKind::Punct
            ) || matches!(t.pos, "d" | "t" | "c")
        };
        // a quotation or a colon opens a clause of its own (`称：“目前两家公司`)
        let opens = |t: &Token<'_>| matches!(t.text, "“" | "「" | "：" | ":");
        let mut before = self.tokens[..k]
            .iter()
            .rev()
            .take_while(|t| t.start >= cl.start && !opens(t));
        before.by_ref().take(8).all(leading) && before.next().is_none()
    }

    /// `三个驱动因素，一是…二是…`: a small count in Chinese numerals that
    /// the sentence goes on to enumerate is a list enumeration, no claim
    /// (SPEC: `三项措施`).
    fn enumerates(&self, q: &Quantity) -> bool {
        let small = q.value.is_some_and(|v| v <= rust_decimal::Decimal::TEN);
        let chinese = !q.text.bytes().any(|b| b.is_ascii_digit());
        if q.kind != QuantityKind::Count || !small || !chinese {
            return false;
        }
        // one of the words in the rest of the sentence, found without
        // searching it (a sentence may run to the end of the document)
        let (stops, words) = self.enumeration_marks.get_or_init(|| {
            let words = [
                "一是",
                "其一",
                "首先",
                "第一，",
                "第一、",
                "一、",
                "第一个",
                "第一种",
                "第一类",
                "第一项",
            ];
            (
                Marks::of(self.text, &["。", "\n"]),
                Marks::of(self.text, &words),
            )
        });
        // this sentence and the next (`原因有三个。第一，…`)
        let next = |at: usize| stops.first_from(at).map(|s| s + 1);
        let end = next(q.end).and_then(next).unwrap_or(self.text.len());
        words.any_within(q.end, end)
    }

    /// Whether a verb of existence or possession (`有`, `共有`, `拥有`)
    /// stands right before the figure `q`, after `from`.
    fn existential_before(&self, from: usize, q: &Quantity) -> bool {
        let k = self.tokens.partition_point(|t| t.end <= q.start);
        k > 0
            && self.tokens[k - 1].start >= from
            && matches!(
                self.tokens[k - 1].text,
                "有" | "共有" | "拥有" | "设有" | "现有" | "已有" | "还有" | "约有" | "共计有"
            )
    }

    /// A value figure: a new claim (its index), or the value of the change
    /// claim just before (`上涨 7.4%，收报 58.85 港元`). The end of a move
    /// without a metric of its own takes the metric of the claim of its
    /// `origin` (`注册资本由 A 增加至 B`).
    fn value_claim(
        &mut self,
        cl: Clause,
        q: &'a Quantity,
        moved: Option<Direction>,
        origin: Option<usize>,
    ) -> Option<usize> {
        use QuantityKind as K;
        if !matches!(
            q.kind,
            K::Money | K::Percent | K::Count | K::Number | K::Multiple | K::PercentagePoint
        ) {
            return None;
        }
        // `每10股派发现金红利5元`: the count after `每` is the base of a rate
        let base = q.kind == K::Count && self.text[cl.start..q.start].ends_with('每');
        if base
            || self.after_demonstrative(q)
            || self.counts_enumerated(q)
            || self.enumerates(q)
            || self.counts_listed_names(cl, q)
        {
            return None;
        }
        let from = self.previous_figure_end(cl, q);
        let of_origin = || {
            origin
                .filter(|_| moved.is_some())
                .and_then(|ci| self.out[ci].metric)
        };
        let listed = self.listed_metric(cl, q);
        let metric = listed
            .filter(|&m| self.respectively(cl, q, m))
            .or_else(|| self.metric_of(cl, from, q))
            .or_else(of_origin)
            .or(listed)
            .or_else(|| self.parallel_metric(cl, q));
        if metric.is_none() && self.completes_change(cl, q) || self.condition(q, metric) {
            return None;
        }
        let mut draft = Draft::new(cl, metric);
        draft.value = Some(q);
        draft.change = moved.map(|direction| DraftChange {
            basis: basis_in(&self.text[cl.start..q.start]),
            direction,
            value: None,
        });
        self.out.push(draft);
        Some(self.out.len() - 1)
    }

    /// `营收超过10亿元的公司`, `年应纳税所得额低于10万元（含10万元）的小微
    /// 企业`: a bounded figure right after its metric and before `的` picks
    /// out the things it bounds, a condition (no claim). After a verb the
    /// figure is its object's (`减持不超过0.9%的股份`, `出售不超过150亿元的
    /// 项目公司股权`), unless what is bounded is a class (`融资超过1亿元的
    /// 公司`).
    fn condition(&self, q: &Quantity, metric: Option<Metric>) -> bool {
        let bounded = matches!(
            q.qualifier,
            Some(Qualifier::Over | Qualifier::Under | Qualifier::AtLeast | Qualifier::AtMost)
        );
        let Some(Metric::Written(span)) = metric else {
            return false;
        };
        if !bounded || span.end != q.start {
            return false;
        }
        let mut at = q.end;
        let after = head(&self.text[at..], 12);
        if let Some(note) = after.strip_prefix(['（', '(']) {
            // `（含10万元）`
            let Some(close) = note.find(['）', ')']) else {
                return false;
            };
            let close_len = note[close..].chars().next().map_or(1, char::len_utf8);
            at += after.len() - note.len() + close + close_len;
        }
        let k = self.tokens.partition_point(|t| t.end <= at);
        let (Some(de), next) = (self.tokens.get(k), self.tokens.get(k + 1)) else {
            return false;
        };
        if de.start != at || de.text != "的" || next.is_some_and(|t| t.text == "同时") {
            return false;
        }
        let j = self.tokens.partition_point(|t| t.end <= q.start);
        let verb = j > 0 && {
            let t = &self.tokens[j - 1];
            t.pos.starts_with('v') || is_metric_verb(t.text) || matches!(t.text, "进口" | "出口")
        };
        !verb || next.is_some_and(|t| is_generic(t.text))
    }

    /// `美国、法国和印度三个国家`, `美国、法国、印度是新增病例最多的三个国家`:
    /// a count of as many names as the list right before it, or as the list
    /// its clause opens with, counts the list: a list enumeration (SPEC: no
    /// claim).
    fn counts_listed_names(&self, cl: Clause, q: &Quantity) -> bool {
        let n = match (q.kind, q.value) {
            (QuantityKind::Count, Some(v)) if v.fract().is_zero() => v,
            _ => return false,
        };
        let counts = |listed: u32| listed >= 2 && n == rust_decimal::Decimal::from(listed);
        counts(self.names_listed_before(q.start))
            || counts(self.names_listed_from(cl.start, q.start))
            || counts(words_listed_before(tail(
                &self.text[cl.start..q.start],
                300,
            )))
    }

    /// How many names stand listed right before `end` (the last one ending
    /// there, blanks aside), at most 30.
    fn names_listed_before(&self, mut end: usize) -> u32 {
        let mut listed = 0;
        let mut i = self.names.partition_point(|m| m.1 <= end);
        while let Some(&(a, b)) = i.checked_sub(1).and_then(|k| self.names.get(k)) {
            // names that overlap (`b > end`) are no list
            if listed == 30 || b > end || !list_joint(listed, &self.text[b..end]) {
                break;
            }
            listed += 1;
            end = a;
            i -= 1;
        }
        listed
    }

    /// How many names stand listed from `start` (the first one there,
    /// blanks aside), all before `end`, at most 30.
    fn names_listed_from(&self, mut start: usize, end: usize) -> u32 {
        let mut listed = 0;
        let mut i = self.names.partition_point(|m| m.0 < start);
        while let Some(&(a, b)) = self.names.get(i).filter(|m| m.1 <= end) {
            if listed == 30 || a < start || !list_joint(listed, &self.text[start..a]) {
                break;
            }
            listed += 1;
            start = b;
            i += 1;
        }
        listed
    }

    /// `减持股份142万股和284万股`: a figure listed right after the value of
    /// the last claim measures what that one measures.
    fn listed_metric(&self, cl: Clause, q: &Quantity) -> Option<Metric> {
        let prev = within(&self.quantities, cl.start, q.start).next_back()?;
        let last = self.out.last()?;
        let listed = is_list_separator(&self.text[prev.end..q.start]);
        let same = last.value.is_some_and(|v| std::ptr::eq(v, prev));
        (listed && same).then_some(last.metric).flatten()
    }

    /// `占营收比例分别为：93.7%、5.01%`: whether the metric of the claim a
    /// listed figure follows is followed by `分别`: then it measures the
    /// figure too, before any metric word nearer to it.
    fn respectively(&self, cl: Clause, q: &Quantity, metric: Metric) -> bool {
        let Metric::Written(span) = metric else {
            return false;
        };
        within(&self.quantities, cl.start, q.start)
            .next_back()
            .is_some_and(|prev| {
                span.end <= prev.start && self.respectively_marks.any_within(span.end, prev.start)
            })
    }

    /// `海大集团利润11.4亿，通威股份14亿`: a figure with no metric in a
    /// clause right after one whose claim has a metric and a figure of the
    /// same kind and unit measures the same thing.
    fn parallel_metric(&self, cl: Clause, q: &Quantity) -> Option<Metric> {
        let last = self.out.last()?;
        let v = last.value?;
        let adjacent = last.end == cl.start && self.open.last() == Some(&(self.out.len() - 1));
        (adjacent && v.kind == q.kind && v.unit == q.unit)
            .then_some(last.metric)
            .flatten()
    }

    /// `比前一周16家公司的136.78亿股减少了114.82亿股`: a figure after `比`
    /// or `较` is what something else is compared with, a previous value; a
    /// change after it is the other thing's, never its own. A figure the
    /// comparison reaches (`较上年增长5%至100亿元`) is not one.
    /// Where the word that opens the comparison starts, if there is one.
    fn compared_with(&self, cl: Clause, q: &Quantity) -> Option<usize> {
        let k = self.tokens.partition_point(|t| t.end <= q.start);
        for t in self.tokens[..k].iter().rev() {
            if t.start < cl.start || matches!(t.text, "至" | "到" | "达" | "达到" | "为" | "报")
            {
                return None;
            }
            if opens_comparison(t.text) {
                return Some(t.start);
            }
        }
        None
    }

    /// `解禁股数量比前一周的36.7亿股减少了14.8亿股`: a change right after
    /// a compared value measures the noun phrase before the comparison.
    fn metric_before_comparison(&self, cl: Clause, q: &Quantity) -> Option<Metric> {
        let before = within(&self.quantities, cl.start, q.start).next_back()?;
        let opens = self.compared_with(cl, before)?;
        let blocked = |a, b| self.in_name(a, b);
        noun_phrase_before(&self.tokens, cl.start, opens, &blocked).map(Metric::Written)
    }

    /// Where the figure before `q` in the clause ends (the clause start if
    /// none), a count of enumerated items passed over: a noun phrase is
    /// looked for after it.
    fn previous_figure_end(&self, cl: Clause, q: &Quantity) -> usize {
        // `分两个阶段从5%增至20%`: a count of steps is no figure a phrase
        // starts after
        within(&self.quantities, cl.start, q.start)
            .rev()
            .find(|p| !self.counts_enumerated(p))
            .map_or(cl.start, |p| p.end)
    }

    /// Makes `q` the value of the open change claim that has none: a
    /// price after its move (`上涨 7.4%，收报 58.85 港元`), a rate after a
    /// move in points (`涨4.5个基点，报-0.046%`), a level after a move in
    /// its own unit (`涨50点，报3000点`).
    fn completes_change(&mut self, cl: Clause, q: &'a Quantity) -> bool {
        use QuantityKind as K;
        let Some(&ci) = self.open.last() else {
            return false;
        };
        let claim = &mut self.out[ci];
        let Some(change) = claim.change else {
            return false;
        };
        let moved = change.value;
        let level_of_move = match q.kind {
            K::Money => true,
            K::Percent => moved.is_some_and(|m| m.kind == K::PercentagePoint),
            K::Count | K::Number => moved.is_some_and(|m| m.kind == q.kind && m.unit == q.unit),
            _ => false,
        };
        if claim.value.is_some() || !level_of_move {
            return false;
        }
        claim.value = Some(q);
        claim.end = cl.end;
        true
    }

    /// `分别`: metrics, subjects or the years of a span paired with the new
    /// value claims in order.
    fn pair_respectively(&mut self, cl: Clause, r: usize, new: &[usize]) {
        if new.len() < 2 {
            return;
        }
        // one more than needed tells a count that does not match
        let ms: Vec<(usize, usize)> = within(&self.words, cl.sentence_start, r)
            .take(new.len() + 1)
            .copied()
            .collect();
        if ms.len() == new.len() {
            for (&(start, end), &ci) in ms.iter().zip(new) {
                self.out[ci].metric = Some(Metric::Written(Span { start, end }));
            }
        }
        let ss: Vec<&Entity> = self
            .subjects
            .all_in(cl.sentence_start, r)
            .take(new.len() + 1)
            .collect();
        if ss.len() == new.len() {
            for (e, &ci) in ss.iter().zip(new) {
                self.out[ci].subjects = Members::One(e);
            }
        }
        self.pair_years(cl, r, new);
    }

    /// `2024 年至 2026 年的归母净利润分别为 A、B 和 C`: one year each.
    fn pair_years(&mut self, cl: Clause, r: usize, new: &[usize]) {
        let span = within(&self.periods, cl.sentence_start, r)
            .next_back()
            .and_then(|t| t.period.year_span());
        let Some((a, b)) = span else {
            return;
        };
        if usize::try_from(b - a + 1).ok() != Some(new.len()) {
            return;
        }
        for (k, &ci) in new.iter().enumerate() {
            self.out[ci].period = Period::year(a + k as i32);
        }
    }

    /// Whether claim `ci`'s value is a count right after `等` (`九鼎投资、
    /// 深赛格等17股涨停`): it counts the list before it, and no member of the
    /// list is its subject.
    fn counts_a_list(&self, ci: usize, at: usize) -> bool {
        let count = self.out[ci]
            .value
            .is_some_and(|q| q.kind == QuantityKind::Count && q.start == at);
        count && self.text[..at].trim_end().ends_with('等')
    }

    /// `上海计划新增…47万套，累计建设筹措达到60万套`: a clause that names no
    /// subject goes on about the subject of the claim before it in the
    /// sentence (read from an earlier clause, no name between them).
    fn previous_subjects(&self, ci: usize, cl: Clause, at: usize) -> Option<Members<'a>> {
        if self.subjects.names_any(cl.start, cl.end.max(at)) {
            return None;
        }
        let previous = self.out[..ci].last()?;
        let earlier_clause = previous.start >= cl.sentence_start && previous.end <= cl.start;
        // `普普文化(CPOP.O)连续两日大升，收涨40.69%`: a name since is the topic
        let renamed = earlier_clause && self.subjects.names_any(previous.end, cl.start);
        (earlier_clause && !renamed && !previous.subjects.is_empty())
            .then(|| previous.subjects.clone())
    }

    /// Sets the subject and period of claim `ci` from what is named before
    /// `at`.
    fn fill_context(&mut self, ci: usize, cl: Clause, at: usize) {
        let metric_at = match self.out[ci].metric.and_then(Metric::start) {
            Some(s) if s >= cl.start && s < at => s,
            _ => at,
        };
        if self.counts_a_list(ci, at) {
            // `九鼎投资、深赛格等17股涨停`: the figure is the list's, no member's
        } else if let Some(holder) = self.holder_named_after(ci) {
            self.out[ci].subjects = Members::One(holder);
        } else if let Some(rated) = self.rated_company(ci, cl, at) {
            self.out[ci].subjects = Members::One(rated);
        } else if let Some(name) = self.bracketed_subject(at) {
            if self.out[ci].subjects.is_empty() {
                self.out[ci].subjects = name.into_iter().collect();
            }
        } else if self.out[ci].subjects.is_empty() && self.nationwide(cl, metric_at) {
            // `目前我国对…征收40%的关税`: SPEC, no entity named, subject null;
            // only a name in the clause itself is taken
            let found = self.subjects.in_context(cl, metric_at);
            self.out[ci].subjects = found
                .iter()
                .copied()
                .filter(|e| e.start >= cl.start)
                .collect();
        } else if self.out[ci].subjects.is_empty() {
            let mut found = match self.previous_subjects(ci, cl, metric_at) {
                Some(previous) => previous,
                None => self.subjects.in_context(cl, metric_at),
            };
            if !self.listed.is_empty() {
                found = self.listed.iter().chain(found.iter()).copied().collect();
            }
            if found.is_empty() && !self.topic_named(cl, metric_at) {
                found = self.running.into_iter().collect();
            }
            self.out[ci].subjects = found;
        }
        if self.out[ci].period.is_none() {
            self.out[ci].period = self.period_at(cl, at);
            // (a time of its own in the clause is that year's already)
            let dated = within(&self.periods, cl.start, at).next().is_some();
            let before = tail(&self.text[cl.start..at], 30);
            if !dated && self.year_ago(at - before.len(), at) {
                self.out[ci].period = self.out[ci].period.and_then(Period::year_earlier);
            }
        }
    }

    /// Whether clause `cl` opens, before `at`, with a word for the whole
    /// country or market (`2019年我国…`, `全国共查处…`, `本期全国…`),
    /// after times and generic words.
    fn nationwide(&self, cl: Clause, at: usize) -> bool {
        use crate::segment::TokenKind;
        let from = self.tokens.partition_point(|t| t.start < cl.start);
        self.tokens[from..]
            .iter()
            .take_while(|t| t.end <= at)
            .find(|t| {
                let skipped = matches!(t.kind, TokenKind::Time | TokenKind::Space)
                    || is_generic(t.text)
                    || matches!(t.text, "当前" | "截至" | "截止" | "今年" | "去年");
                !skipped
            })
            .is_some_and(|t| NATIONWIDE.contains(&t.text))
    }

    /// The last period named, when it scopes clause `cl`: at most two
    /// sentences before it, in the same paragraph, and not when the clause
    /// says it speaks of now (`目前，市盈率为12.39倍`).
    fn running_period_for(&self, cl: Clause) -> Option<Period> {
        let (value, sentence, end) = self.running_period?;
        let same_paragraph = !self.line_ends.any_within(end.min(cl.start), cl.start);
        let opening = self.text[cl.sentence_start..cl.end].trim_start();
        let now = ["目前", "当前", "现在", "如今"]
            .iter()
            .any(|w| opening.starts_with(w));
        (cl.sentence <= sentence + 2 && same_paragraph && !now).then_some(value)
    }

    /// `摩根士丹利维持对特斯拉的超配评级，目标价1200美元`: a target price is
    /// the rated company's, the last organisation named before it in the
    /// sentence (the broker that rates it names it after itself).
    fn rated_company(&self, ci: usize, cl: Clause, at: usize) -> Option<&'a Entity> {
        let Some(Metric::Written(m)) = self.out[ci].metric else {
            return None;
        };
        let metric = &self.text[m.start..m.end];
        if !(metric.ends_with("目标价") || metric.ends_with("目标股价")) {
            return None;
        }
        self.subjects
            .all_in(cl.sentence_start, at)
            .rev()
            .find(|e| e.kind == EntityKind::Org)
    }

    /// `公司持股8.26%股东杰华公司`, `持股5.2815%的股东陈绪潇`: the shareholder
    /// (a company or a person) named right after a
    /// stake held (`持股X%(的)股东`) is who holds it, the subject of the
    /// stake.
    fn holder_named_after(&self, ci: usize) -> Option<&'a Entity> {
        let v = self.out[ci].value?;
        if v.kind != QuantityKind::Percent || !self.text[..v.start].trim_end().ends_with("持股") {
            return None;
        }
        let after = &self.text[v.end..];
        let after = after.strip_prefix('的').unwrap_or(after);
        let rest = after.strip_prefix("股东")?;
        // a person too (`持股5.2815%的股东陈绪潇`)
        self.subjects.named_at(self.text.len() - rest.len())
    }

    /// `通用航空（1.63%）`: a figure in brackets right after a name is that
    /// name's (`Some(None)` when no entity stands there: then no other
    /// subject is taken); `None` for a figure not in brackets.
    fn bracketed_subject(&self, at: usize) -> Option<Option<&'a Entity>> {
        let before = self.text[..at].trim_end();
        let inside = before.strip_suffix(['（', '('])?.trim_end();
        let name = self
            .subjects
            .all_in(inside.len().saturating_sub(64), inside.len())
            .next_back()
            .filter(|e| e.end == inside.len());
        Some(name)
    }

    /// Whether the clause names, before `at`, something in subject position
    /// that is no known entity (`朴新教育涨74.37%` when `朴新教育` is not
    /// recognized): then an earlier subject does not carry over to it.
    fn topic_named(&self, cl: Clause, at: usize) -> bool {
        // tokens are contiguous: the first such word of the clause decides
        let first_end = match self.topic_memo.get() {
            Some((start, end)) if start == cl.start => end,
            _ => {
                let from = self.tokens.partition_point(|t| t.start < cl.start);
                let end = self.tokens[from..]
                    .iter()
                    .take_while(|t| t.end <= cl.end)
                    .find(|t| topic_word(t) && !self.in_name(t.start, t.end))
                    .map(|t| t.end);
                self.topic_memo.set(Some((cl.start, end)));
                end
            }
        };
        first_end.is_some_and(|end| end <= at)
    }

    /// The period of a figure at `at`: in the clause, else the sentence,
    /// else the last one named.
    fn period_at(&self, cl: Clause, at: usize) -> Option<Period> {
        let in_clause = within(&self.periods, cl.start, at)
            .next_back()
            .or_else(|| within(&self.periods, at, cl.end).next());
        let in_sentence = || within(&self.periods, cl.sentence_start, cl.start).next_back();
        if in_clause.is_none() {
            // `去年，天猫双11品牌数量超过14万` with no date: not the year before
            let valued_end = in_sentence().map_or(cl.sentence_start, |t| t.end);
            if self.names_unresolved(valued_end, cl.end) {
                return None;
            }
        }
        in_clause
            .or_else(in_sentence)
            .map(|t| t.period)
            .or_else(|| self.running_period_for(cl))
    }

    /// Whether a relative time that was not resolved stands inside `a..b`.
    fn names_unresolved(&self, a: usize, b: usize) -> bool {
        let k = self.unresolved.partition_point(|u| u.0 < a);
        self.unresolved.get(k).is_some_and(|u| u.1 <= b)
    }

    /// Changes complete the claims before them (`营收 889 亿元，同比增长
    /// 32%`; `分别同比增长 A 和 B` in order), or are claims of their own;
    /// those after `分别` (at `respectively`) pair with the metrics and
    /// subjects listed before it (`营收和净利分别同比增长19%和25%`).
    fn attach_changes(
        &mut self,
        cl: Clause,
        changes: &mut Vec<(&'a Quantity, Direction, &'static str)>,
        own: &mut Vec<usize>,
        respectively: Option<usize>,
    ) {
        let n = changes.len();
        let mut changes = changes.drain(..).peekable();
        if respectively.is_some() && n >= 2 && self.open.len() >= n {
            let targets: Vec<usize> = self.open[self.open.len() - n..].to_vec();
            if targets.iter().all(|&ci| self.out[ci].change.is_none()) {
                for (ci, (q, direction, _)) in targets.into_iter().zip(changes.by_ref()) {
                    self.set_change(ci, cl, q, direction);
                }
            }
        }
        own.clear();
        for (q, direction, verb) in changes {
            own.extend(self.change_claim(cl, q, direction, verb));
        }
        if let Some(r) = respectively.filter(|_| own.len() >= 2) {
            self.pair_respectively(cl, r, own);
        }
    }

    /// A change at `q`: it completes the open claim it belongs to, or makes
    /// a claim of its own (its index returned).
    fn change_claim(
        &mut self,
        cl: Clause,
        q: &'a Quantity,
        direction: Direction,
        verb: &str,
    ) -> Option<usize> {
        let from = self.previous_figure_end(cl, q);
        let own = self
            .metric_of_change(cl, from, q)
            .or_else(|| self.metric_before_comparison(cl, q));
        if let Some(ci) = self.change_target(cl, q, own.is_some()) {
            self.set_change(ci, cl, q, direction);
            if self.out[ci]
                .value
                .is_some_and(|v| v.kind == QuantityKind::Money)
            {
                self.imply_price(ci, cl, verb);
            }
            return None;
        }
        if let Some((start, ci)) = self.threshold_of(cl, q) {
            // the count is complete: no later change is its own
            self.waiting.remove(start, ci);
            return None;
        }
        self.out.push(Draft::new(cl, own));
        let ci = self.out.len() - 1;
        self.fill_context(ci, cl, q.start);
        self.set_change(ci, cl, q, direction);
        if own.is_none() {
            self.same_metric_as_change_before(ci);
        }
        if self.out[ci].metric.is_none() {
            self.same_metric_as_move_before(ci);
        }
        self.imply_price(ci, cl, verb);
        self.open.push(ci);
        Some(ci)
    }

    /// The open claim a change at `q` completes: the last one with a value
    /// and no change whose value stands before `q`, or after it past `至` or
    /// `到` (`增长 5% 至 8 亿元`) or right after it past `报` (`涨6.86%报19.01
    /// 美元`); with a metric of its own, only one of this clause.
    ///
    /// Among the waiting claims after `q` (all in this clause) the last one
    /// is the one with a `至`/`到` before it if any has; those before `q`
    /// are tried from the last, and none before the clause when the change
    /// names its own metric. So no sentence is walked back over.
    fn change_target(&self, cl: Clause, q: &Quantity, own_metric: bool) -> Option<usize> {
        if let Some((start, ci)) = self.waiting.last_from(q.start) {
            let quoted = matches!(&self.text[q.end..start], "报" | "，报" | "收报" | "，收报");
            if quoted || self.to_marks.any_within(q.start, start) {
                return Some(ci);
            }
        }
        self.waiting
            .before(q.start)
            .take_while(|&(start, _)| !own_metric || start >= cl.start)
            .find(|&(_, ci)| self.out[ci].value.is_some_and(|v| v.end <= q.start))
            .map(|(_, ci)| ci)
            .filter(|&ci| self.out[ci].value.is_some_and(|v| !is_threshold_of(q, v)))
    }

    /// `股价` for the claim `ci` with no metric when `verb` moves a price
    /// (`搜狐涨6.86%报19.01美元`).
    fn imply_price(&mut self, ci: usize, cl: Clause, verb: &str) {
        if self.out[ci].metric.is_none() && self.moves_a_price(ci, cl, verb) {
            self.out[ci].metric = Some(Metric::Implied("股价"));
        }
    }

    /// The waiting count of stocks or companies, before `q` in its clause,
    /// whose bar the change at `q` is (`5只个股涨幅超过10%`: no claim), as
    /// `(value start, claim index)`.
    fn threshold_of(&self, cl: Clause, q: &Quantity) -> Option<(usize, usize)> {
        self.waiting
            .before(q.start)
            .take_while(|&(start, _)| start >= cl.start)
            .find(|&(_, ci)| self.out[ci].value.is_some_and(|v| is_threshold_of(q, v)))
    }

    /// `GDP 同比增长 4.7%，环比增长 0.7%`: a change with no metric after a
    /// change on another basis measures the same thing.
    fn same_metric_as_change_before(&mut self, ci: usize) {
        let Some(&prev) = self.open.last() else {
            return;
        };
        let (before, this) = (&self.out[prev], &self.out[ci]);
        let other_basis = match (before.change, this.change) {
            (Some(a), Some(b)) => a.basis != b.basis,
            _ => false,
        };
        // only from the clause right before
        let other_basis = other_basis && before.end == this.start;
        if other_basis && before.value.is_none() && before.metric.is_some() {
            let (metric, subjects) = (before.metric, before.subjects.clone());
            self.out[ci].metric = metric;
            self.out[ci].subjects = subjects;
        }
    }

    /// `涨4.5个基点，报-0.046%，本周累跌0.2个基点`: a change with no metric,
    /// in the sentence of a claim that moved by a figure of the same kind,
    /// is another move of the same measure (over another stretch of time).
    fn same_metric_as_move_before(&mut self, ci: usize) {
        let Some(&prev) = self.open.last() else {
            return;
        };
        let (before, this) = (&self.out[prev], &self.out[ci]);
        let kind = |d: &Draft<'_>| {
            d.change
                .and_then(|c| c.value)
                .map(|q| (q.kind, q.unit.clone()))
        };
        let same_kind = kind(before).is_some() && kind(before) == kind(this);
        if same_kind && before.value.is_some() && before.metric.is_some() {
            let (metric, subjects) = (before.metric, before.subjects.clone());
            self.out[ci].metric = metric;
            if self.out[ci].subjects.is_empty() {
                self.out[ci].subjects = subjects;
            }
        }
    }

    /// The metric a change names itself: a noun phrase or a metric word in
    /// its clause before it.
    fn metric_of_change(&self, cl: Clause, from: usize, q: &Quantity) -> Option<Metric> {
        let blocked = |a, b| self.in_name(a, b);
        noun_phrase_before(&self.tokens, from, q.start, &blocked)
            .or_else(|| nearest_word(&self.words, cl.start, q.start))
            .map(Metric::Written)
    }

    /// A stock or company that rises or falls (`罗牛山涨超5%`, or a name no
    /// rule knows with its ticker, `朴新教育(NEW.N)收涨74.37%`): its share
    /// price moved.
    fn moves_a_price(&self, ci: usize, cl: Clause, verb: &str) -> bool {
        let subjects = &self.out[ci].subjects;
        let orgs = subjects
            .iter()
            .filter(|e| e.kind == EntityKind::Org)
            .count();
        // `南钢股份，…，鄂尔多斯，杭钢股份等个股涨超2%`: a list of mostly
        // companies (a stock name can read as a place), or one that says so
        let said = self
            .marks_of(Phrase::StocksSaid)
            .any_within(cl.start, cl.end);
        let companies = !subjects.is_empty()
            && (2 * orgs > subjects.len() || said && orgs > 0)
            && !subjects.iter().any(|e| is_index(e));
        let unnamed_stock = subjects.is_empty() && self.ticker_in(cl);
        PRICE_VERB_SET.contains(&verb) && (companies || unnamed_stock)
    }

    /// Whether the clause holds a stock ticker (`NEW.N`, `002097.SZ`).
    fn ticker_in(&self, cl: Clause) -> bool {
        if let Some((_, found)) = self.ticker_memo.get().filter(|m| m.0 == cl.start) {
            return found;
        }
        let from = self.tokens.partition_point(|t| t.start < cl.start);
        let found = self.tokens[from..]
            .iter()
            .take_while(|t| t.end <= cl.end)
            .any(|t| {
                t.text.rsplit_once('.').is_some_and(|(code, market)| {
                    !code.is_empty()
                        && code.bytes().all(|b| b.is_ascii_alphanumeric())
                        && matches!(market, "N" | "O" | "SZ" | "SH" | "HK" | "US" | "A")
                })
            });
        self.ticker_memo.set(Some((cl.start, found)));
        found
    }

    fn set_change(&mut self, ci: usize, cl: Clause, q: &'a Quantity, direction: Direction) {
        let before = &self.text[cl.start..q.start];
        // `今年以来，股价累计上涨 170%`: year to date from the start of the
        // sentence
        // `1873亿元，较2013年同期的3698亿元，降幅高达49%`: the basis may sit
        // between the claim's value and its change
        let since_value = self.out[ci]
            .value
            .filter(|v| v.end >= cl.sentence_start && v.end <= cl.start)
            .map(|v| &self.text[v.end..q.start]);
        let basis = basis_in(before)
            .or_else(|| since_value.and_then(basis_in))
            .or_else(|| {
                let sentence = tail(&self.text[cl.sentence_start..q.start], 80);
                let from = q.start - sentence.len();
                (self
                    .marks_of(Phrase::SinceNewYear)
                    .any_within(from, q.start))
                .then_some(Basis::Ytd)
            });
        let month = self.out[ci].period.is_some_and(Period::is_month);
        if let Some(v) = self.out[ci].value {
            self.waiting.remove(v.start, ci);
        }
        // `涨幅为-1.5%`: a negative move is a fall
        let negative = q.value.or(q.high).is_some_and(|v| v.is_sign_negative());
        let claim = &mut self.out[ci];
        claim.change = Some(DraftChange {
            basis: basis_for_period(basis, month),
            direction: if negative { Direction::Down } else { direction },
            value: Some(q),
        });
        claim.end = claim.end.max(cl.end);
    }

    /// What this clause names carries over to the next ones: its last
    /// subject, its last period; a clause of names only joins the subjects
    /// of the next.
    fn carry(&mut self, cl: Clause, no_figures: bool) {
        let names = if no_figures {
            self.subjects.only_names(cl)
        } else {
            Members::Empty
        };
        if names.is_empty() {
            // `四方精创，御银股份，…等股涨超3%`: a clause of one bare word
            // the entity stage does not know is still a member of the list
            if !(no_figures && self.bare_word_clause(cl)) {
                self.listed.clear();
            }
        } else {
            self.listed.extend(names.iter().copied());
        }
        if let Some(e) = self.subjects.heads_in(cl.start, cl.end).next_back() {
            self.running = Some(e);
            self.running_sentence = cl.sentence;
        } else if self.running.is_some()
            && (self.topic_named(cl, cl.end)
                || self
                    .subjects
                    .other_source_in(cl.start, cl.end, self.running.as_slice()))
        {
            // the text moved on to something no rule names, or to what a
            // source reports (`中国人民银行授权中国外汇交易中心公布，`)
            self.running = None;
        }
        if let Some(t) = within(&self.periods, cl.start, cl.end).next_back() {
            self.running_period = Some((t.period, cl.sentence, t.end));
        }
    }

    /// Whether the clause holds nothing but one short run of nouns (a
    /// name in a list cut by commas), and its comma.
    fn bare_word_clause(&self, cl: Clause) -> bool {
        use crate::segment::TokenKind;
        let from = self.tokens.partition_point(|t| t.start < cl.start);
        let mut chars = 0;
        for t in self.tokens[from..].iter().take_while(|t| t.end <= cl.end) {
            match t.kind {
                TokenKind::Punct => {
                    if !matches!(t.text, "，" | ",") {
                        return false;
                    }
                }
                TokenKind::Space => {}
                TokenKind::Word
                    if matches!(t.pos, "n" | "nz" | "nr" | "ns" | "nt" | "j" | "ng" | "nrt") =>
                {
                    chars += t.text.chars().count();
                }
                _ => return false,
            }
        }
        (2..=8).contains(&chars)
    }

    /// The claims: a bare figure with neither a metric nor a change says
    /// nothing about what it measures (`创业板105家`, a quote tuple) and is
    /// dropped; a claim about a list is one claim per member.
    fn finish(self) -> Vec<Claim> {
        let text = self.text;
        let mut out = Vec::with_capacity(self.out.len());
        for d in self.out {
            if d.metric.is_none() && d.change.is_none() {
                continue;
            }
            if d.subjects.is_empty() {
                out.push(claim_of(text, &d, None));
            }
            for e in d.subjects.iter() {
                out.push(claim_of(text, &d, Some(e)));
            }
        }
        out
    }
}

/// Whether `between` joins a name to a list of `listed` names so far: only
/// blanks before or after the first, a list separator between the others.
fn list_joint(listed: u32, between: &str) -> bool {
    if listed == 0 {
        between.trim().is_empty()
    } else {
        is_list_separator(between)
    }
}

/// Words for a whole country or market: a figure they head is about no
/// entity (SPEC).
const NATIONWIDE: [&str; 8] = [
    "我国",
    "全国",
    "国内",
    "全球",
    "全市",
    "全省",
    "两市",
    "沪深两市",
];

/// A word that can name a subject: a proper or unknown noun, a Latin name
/// (not a pronoun, a time or a common word such as `公司`).
fn topic_word(t: &Token<'_>) -> bool {
    use crate::segment::TokenKind;

    let name_tag = matches!(t.pos, "nr" | "ns" | "nt" | "nz" | "nrt" | "nrfg" | "eng");
    match t.kind {
        TokenKind::Latin => t.text.len() >= 2,
        TokenKind::Word => name_tag && t.text.chars().count() >= 2 && !is_generic(t.text),
        _ => false,
    }
}

/// The output claim of a draft for one subject.
fn claim_of(text: &str, d: &Draft<'_>, subject: Option<&Entity>) -> Claim {
    let (metric, metric_span) = match d.metric {
        Some(Metric::Written(s)) => (Some(text[s.start..s.end].to_string()), Some(s)),
        Some(Metric::Implied(m)) => (Some(m.to_string()), None),
        Some(Metric::Split { verb, object }) => {
            let written = [&text[verb.start..verb.end], &text[object.start..object.end]];
            (Some(written.concat()), None)
        }
        None => (None, None),
    };
    Claim {
        subject: subject.map(|e| e.text.clone()),
        metric,
        period: d.period.map(|p| p.to_string()),
        value: d.value.cloned(),
        change: d.change.map(|c| Change {
            basis: c.basis,
            direction: c.direction,
            value: c.value.cloned(),
        }),
        start: d.start,
        end: d.end,
        subject_span: subject.map(|e| Span {
            start: e.start,
            end: e.end,
        }),
        metric_span,
    }
}

/// `5只个股涨幅超过10%`, `30家公司净利增长超五成`: a bounded change after a
/// count of stocks or companies is the bar they passed, not the count's
/// change.
fn is_threshold_of(change: &Quantity, value: &Quantity) -> bool {
    let counted = value.kind == QuantityKind::Count
        && matches!(value.unit.as_deref(), Some("只" | "家" | "支"));
    counted && change.qualifier.is_some_and(|q| q != Qualifier::Approx)
}

/// How many words the clause text `before` a count lists right before it
/// (`保险、房地产两个板块`, `飞科电器、隆鑫通用共2家公司`, glosses in brackets
/// aside): 0 unless `、` separates them, and 0 after `等` (`A、B等10只个股`:
/// the list only gives examples).
fn words_listed_before(before: &str) -> u32 {
    let before = before.trim_end_matches([' ', '\u{3000}']);
    let before = ["共", "共计", "合计", "总共", "这"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    if before.ends_with('等') {
        return 0;
    }
    let (mut depth, mut commas, mut and) = (0u32, 0u32, false);
    for c in before.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' if depth == 0 => {
                commas += 1;
                and = false;
            }
            '和' | '及' | '与' if depth == 0 && commas > 0 => and = true,
            _ => {}
        }
    }
    if commas == 0 {
        return 0;
    }
    commas + 1 + u32::from(and)
}

/// Whether a quantity is written in Chinese numerals only (`两家`, `三个`).
fn in_chinese_numerals(q: &Quantity) -> bool {
    !q.text.bytes().any(|b| b.is_ascii_digit())
}
