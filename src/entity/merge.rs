//! The choice among candidates: overlaps resolved by trust, then by length,
//! and adjacent organisation names merged.

use std::collections::BTreeMap;

use super::{EntityKind, Span};

/// How far a candidate's source is trusted: an overlap goes to the more
/// trusted (the earlier variant), then to the longer span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Trust {
    /// A rule that builds a whole name (`中信` + `证券`, `埃隆·马斯克`,
    /// `董事长王兴`).
    Rule,
    /// A lexicon name (`data/entity/*.txt`, names users add), or a tagged
    /// name that strictly holds one of the same kind.
    Lexicon,
    /// The segmenter's POS tag alone (`nr`, `ns`, `nt`).
    Tag,
}

/// A span proposed by one source, with its source's trust.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// How far the source is trusted.
    trust: Trust,
    /// The span proposed.
    span: Span,
}

/// The candidates of one text, in the order the sources proposed them
/// (spans of equal trust, length and start keep that order).
#[derive(Debug, Default)]
pub(super) struct Candidates(Vec<Candidate>);

impl Candidates {
    /// Adds the spans of one source.
    pub(super) fn add(&mut self, trust: Trust, spans: impl IntoIterator<Item = Span>) {
        self.0
            .extend(spans.into_iter().map(|span| Candidate { trust, span }));
    }

    /// A tagged organisation or place that strictly contains a lexicon name
    /// of the same kind is the fuller name (`全国人民代表大会常务委员会`): it
    /// is trusted as a lexicon name.
    pub(super) fn promote_fuller_tags(&mut self) {
        let mut lexical: Vec<Span> = self
            .0
            .iter()
            .filter(|c| c.trust == Trust::Lexicon)
            .map(|c| c.span)
            .collect();
        lexical.sort_by_key(|sp| sp.start);
        for c in self.0.iter_mut().filter(|c| c.trust == Trust::Tag) {
            let sp = c.span;
            let from = lexical.partition_point(|l| l.start < sp.start);
            let to = lexical.partition_point(|l| l.start < sp.end);
            if lexical[from..to].iter().any(|l| {
                l.kind == sp.kind && l.end <= sp.end && sp.end - sp.start > l.end - l.start
            }) {
                c.trust = Trust::Lexicon;
            }
        }
    }

    /// Picks non-overlapping spans: by trust, then longer first, then
    /// earlier first. Returns them in text order.
    pub(super) fn resolve(self) -> Vec<Span> {
        let mut cands = self.0;
        cands.sort_by(|a, b| {
            a.trust
                .cmp(&b.trust)
                .then((b.span.end - b.span.start).cmp(&(a.span.end - a.span.start)))
                .then(a.span.start.cmp(&b.span.start))
        });
        // chosen spans are disjoint: only the last one starting before a
        // candidate's end can overlap it
        let mut chosen: BTreeMap<usize, Span> = BTreeMap::new();
        for Candidate { span: sp, .. } in cands {
            if sp.start >= sp.end {
                continue;
            }
            let clash = chosen
                .range(..sp.end)
                .next_back()
                .is_some_and(|(_, c)| c.end > sp.start);
            if !clash {
                chosen.insert(sp.start, sp);
            }
        }
        chosen.into_values().collect()
    }
}

/// Adjacent organisation names are one (`中国共产党` + `中央委员会`,
/// `致公党` + `中央`).
pub(super) fn merge_orgs(s: &str, mut spans: Vec<Span>) -> Vec<Span> {
    for sp in &mut spans {
        if sp.kind == EntityKind::Org {
            // `第九届` + `全国人民代表大会`
            sp.start = ordinal_prefix_start(s, sp.start);
        }
    }
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for sp in spans {
        if let Some(last) = out.last_mut() {
            if last.kind == EntityKind::Org && sp.kind == EntityKind::Org && last.end >= sp.start {
                last.end = last.end.max(sp.end);
                continue;
            }
        }
        out.push(sp);
    }
    for sp in &mut out {
        if sp.kind == EntityKind::Org && s[sp.end..].starts_with("中央") {
            sp.end += "中央".len();
        }
    }
    out
}

/// The start of a `第X届`/`第X次` just before `p`, else `p`.
fn ordinal_prefix_start(s: &str, p: usize) -> usize {
    let before = &s[..p];
    let Some(rest) = before
        .strip_suffix('届')
        .or_else(|| before.strip_suffix('次'))
    else {
        return p;
    };
    let digits: usize = rest
        .chars()
        .rev()
        .take_while(|&c| crate::number::is_chinese_numeral_char(c) || c.is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    if digits == 0 {
        return p;
    }
    match rest[..rest.len() - digits].strip_suffix('第') {
        Some(x) => x.len(),
        None => p,
    }
}
