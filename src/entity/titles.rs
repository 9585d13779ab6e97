//! Products from their context: titles in `《》` (newspapers among them
//! are organisations), and a product named right after a company
//! (`小米的小爱同学`). `「」` are quotation marks in much of the news
//! (`让「双 11」成为…`): what they quote is no title.

use std::sync::LazyLock;

use super::words::role_words;
use super::{EntityKind, Span, Tagged};

/// titles.txt: the endings of a title that decide its kind.
const TITLE_DATA: &str = include_str!("../../data/entity/titles.txt");

/// The endings of a title in `《》` that decide its kind.
struct TitleEndings {
    /// Laws, rules, reports, contracts: no entity (`《证券法》`).
    document: Vec<&'static str>,
    /// Newspapers and magazines: organisations (`《人民日报》`).
    paper: Vec<&'static str>,
}

/// The title endings, parsed once.
static TITLE_ENDINGS: LazyLock<TitleEndings> = LazyLock::new(|| TitleEndings {
    document: role_words(TITLE_DATA, "document"),
    paper: role_words(TITLE_DATA, "paper"),
});

/// Titles in `《》`: products, except laws, reports and papers.
pub(super) fn quoted(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (open, close) in [('《', '》')] {
        let mut from = 0;
        while let Some(a) = s[from..].find(open).map(|i| from + i) {
            let inner = a + open.len_utf8();
            let Some(b) = s[inner..].find(close).map(|i| inner + i) else {
                break;
            };
            from = b + close.len_utf8();
            let title = &s[inner..b];
            let n = title.chars().count();
            if n == 0 || n > 20 || title.contains(['\n', '《', '「']) {
                continue;
            }
            if TITLE_ENDINGS.document.iter().any(|w| title.ends_with(w)) {
                continue;
            }
            let kind = if TITLE_ENDINGS.paper.iter().any(|w| title.ends_with(w)) {
                EntityKind::Org
            } else {
                EntityKind::Product
            };
            out.push(Span {
                kind,
                start: inner,
                end: b,
            });
        }
    }
    out
}

/// The titles of `titles` but the products that hold a name of `names`
/// (the model's, in text order) shorter than themselves: a title that
/// names an organisation, a place or a person inside it is the title of a
/// work or a document about it (`《联合国宪章》`, `《长江三角洲发展报告》`),
/// no product, and the name inside stands.
pub(super) fn titles_holding_no_name(titles: Vec<Span>, names: &[Span]) -> Vec<Span> {
    titles
        .into_iter()
        .filter(|t| {
            let from = names.partition_point(|n| n.start < t.start);
            let holds = names[from..]
                .iter()
                .take_while(|n| n.start < t.end)
                .any(|n| n.end <= t.end && n.end - n.start < t.end - t.start);
            t.kind != EntityKind::Product || !holds
        })
        .collect()
}

/// `小米的小爱同学`: a product named right after a company and `的`.
pub(super) fn product_after_org(s: &str, tokens: &[Tagged<'_>], lex: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for sp in lex.iter().filter(|sp| sp.kind == EntityKind::Org) {
        if !s[sp.end..].starts_with('的') {
            continue;
        }
        let p = sp.end + '的'.len_utf8();
        let Ok(k) = tokens.binary_search_by_key(&p, |t| t.start) else {
            continue;
        };
        let t = &tokens[k];
        let text = &s[t.start..t.end];
        let latin = text.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
        if matches!(t.pos, "nz" | "eng") && (latin || text.chars().count() >= 2) {
            out.push(Span {
                kind: EntityKind::Product,
                start: t.start,
                end: t.end,
            });
        }
    }
    out
}
