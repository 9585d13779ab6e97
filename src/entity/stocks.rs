//! Stock names in market reports: a name before a quote in brackets
//! (`同兴达（6.28%）`) or before a verb of price (`民和股份涨逾8%`).

use super::{EntityKind, Span, Tagged};
use crate::text::is_cjk;

/// Stock names in market reports: a name right before a quote in brackets
/// (`同兴达（6.28%）`, `卓翼科技(8.540,0.40,4.91%)`), or in a list before a
/// verb of price (`罗牛山、海德股份涨超5%`, `民和股份涨逾8%`).
pub(super) fn quoted_stocks(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    const GENERIC: &[&str] = &[
        "板块",
        "个股",
        "股价",
        "大盘",
        "指数",
        "沪指",
        "深成指",
        "两市",
        "创业板",
        "科创板",
        "概念股",
        "概念",
        "行业",
        "市场",
        "公司",
        "股票",
        "该股",
        "期货",
        "美股",
        "港股",
        "A股",
        "其中",
        "其",
        "同期",
        "全天",
        "盘中",
        "午后",
        "早盘",
        "尾盘",
        "收盘",
        "开盘",
        "今日",
        "昨日",
        "截至",
    ];
    let mut out = Vec::new();
    let sep = |t: &Tagged<'_>| {
        matches!(
            &s[t.start..t.end],
            "、" | "，" | "," | "；" | "。" | "：" | "\n"
        )
    };
    let word = |t: &Tagged<'_>| {
        let text = &s[t.start..t.end];
        text.chars()
            .all(|c| is_cjk(c) || c.is_ascii_uppercase() || c == 'Ａ' || c == 'Ｂ')
            && !matches!(t.pos, "p" | "c" | "u" | "uj" | "r" | "m" | "t" | "q" | "d")
            && !matches!(text, "等" | "和" | "及" | "与" | "的")
    };
    // the name whose tokens end at `end` (exclusive): tokens back to a
    // separator, 2-6 characters, not a generic word; returns its first token
    let name_before = |end: usize| -> Option<usize> {
        let mut j = end;
        let mut chars = 0;
        while j > 0 && word(&tokens[j - 1]) {
            chars += s[tokens[j - 1].start..tokens[j - 1].end].chars().count();
            j -= 1;
            if chars > 6 {
                return None;
            }
        }
        let at_boundary = j == 0 || sep(&tokens[j - 1]);
        let text = &s[tokens.get(j)?.start..tokens[end - 1].end];
        (j < end && at_boundary && chars >= 2 && !GENERIC.contains(&text)).then_some(j)
    };
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let quote = matches!(text, "（" | "(") && {
            // `（6.28%）`, `(8.540,0.40,4.91%)`, `（-3.78%）`
            let rest = &s[t.end..];
            let close = rest.find(['）', ')']).filter(|&c| c <= 40);
            close.is_some_and(|c| {
                let inner = &rest[..c];
                !inner.is_empty()
                    && inner.ends_with('%')
                    && inner
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '-' | '+' | '%'))
            })
        };
        let price_verb = matches!(
            text,
            "涨" | "跌"
                | "涨超"
                | "跌超"
                | "涨逾"
                | "跌逾"
                | "大涨"
                | "大跌"
                | "收涨"
                | "收跌"
                | "涨停"
                | "跌停"
        ) && tokens.get(i + 1).is_some_and(|n| {
            s[n.start..].starts_with(|c: char| c.is_ascii_digit())
                || matches!(&s[n.start..n.end], "超" | "逾" | "近" | "约")
        });
        if !(quote || price_verb) || i == 0 {
            continue;
        }
        let Some(mut j) = name_before(i) else {
            continue;
        };
        out.push(Span {
            kind: EntityKind::Org,
            start: tokens[j].start,
            end: tokens[i - 1].end,
        });
        // `罗牛山、海德股份涨超5%`: the names listed before it too
        while price_verb && j >= 2 && &s[tokens[j - 1].start..tokens[j - 1].end] == "、" {
            let Some(k) = name_before(j - 1) else { break };
            out.push(Span {
                kind: EntityKind::Org,
                start: tokens[k].start,
                end: tokens[j - 2].end,
            });
            j = k;
        }
    }
    out
}
