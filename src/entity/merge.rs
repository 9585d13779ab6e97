//! The choice among candidates: overlaps resolved by trust, then by length,
//! and adjacent organisation names merged.

use super::{EntityKind, Span};

/// Picks non-overlapping spans: by trust class, then longer first.
pub(super) fn resolve(mut cands: Vec<(u8, Span)>) -> Vec<Span> {
    cands.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then((b.1.end - b.1.start).cmp(&(a.1.end - a.1.start)))
            .then(a.1.start.cmp(&b.1.start))
    });
    // chosen spans are disjoint: only the last one starting before a
    // candidate's end can overlap it
    let mut chosen: std::collections::BTreeMap<usize, Span> = std::collections::BTreeMap::new();
    for (_, sp) in cands {
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
