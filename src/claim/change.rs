//! Verbs of change and comparison bases (`data/claim/change_verbs.txt`,
//! `data/claim/basis.txt`).

use std::sync::LazyLock;

use super::{Basis, Direction};
use crate::lexicon::{WordTable, change_verb_ending, data_lines};
use crate::text::skip_ws;

const BASIS: &str = include_str!("../../data/claim/basis.txt");

/// Words naming a comparison basis.
static BASIS_WORDS: LazyLock<WordTable<Basis>> = LazyLock::new(|| {
    let mut t = WordTable::new();
    for (_, line) in data_lines(BASIS) {
        let mut words = line.split_whitespace();
        let basis = match words.next() {
            Some("yoy") => Basis::Yoy,
            Some("qoq") => Basis::Qoq,
            Some("mom") => Basis::Mom,
            _ => Basis::Ytd,
        };
        for w in words {
            t.insert(w, basis);
        }
    }
    t
});

/// The longest verb of change `s` ends with.
pub(super) fn verb_ending(s: &str) -> Option<(&'static str, Direction)> {
    change_verb_ending(s).map(|(v, up)| (v, if up { Direction::Up } else { Direction::Down }))
}

/// The direction of the last verb of change in `between` (the text from
/// the last figure or the clause start to a figure), with the byte offset
/// just after that verb, unless `至`/`到`/`为` follow it (`增长至`: the
/// figure is a level) or more than a few characters do.
pub(super) fn change_verb(between: &str) -> Option<(Direction, usize)> {
    // the verb sits right before the figure, at most a few characters
    // (`了`, `约`, spaces) away: try the ends of the last few characters
    // (the ends of the last six characters, last first, without a buffer)
    let ends = std::iter::once(between.len()).chain(
        between
            .char_indices()
            .rev()
            .take(5)
            .map(|(i, _)| i)
            .filter(|&i| i > 0),
    );
    for end in ends {
        let Some((verb, dir)) = verb_ending(&between[..end]) else {
            continue;
        };
        let rest = between[end..].trim_start_matches([' ', '了']);
        let word_of_its_own = rest.starts_with(['持', '资', '发', '速', '值'])
            || (verb == "增" && between[..end - verb.len()].ends_with('新'));
        if matches!(verb, "增" | "减") && word_of_its_own
            || verb == "增加" && rest.starts_with('值')
        {
            // `减持 142 万股`, `增资 5000 万元`, `增速为 5%`, `新增确诊病例
            // 378692 例`, `增加值达到10万亿元`: a word of its own, whose
            // figure is a value
            return None;
        }
        // `上调额度至1500亿美元`: the level reached after the verb's object
        let reached = rest.trim_end().ends_with(['至', '到']);
        if rest.starts_with(['至', '到', '为']) || reached || rest.chars().count() > 4 {
            return None;
        }
        // `涨跌幅为1%`: a signed move, up unless its figure is negative
        let signed = verb == "跌" && between[..end - verb.len()].ends_with('涨');
        return Some((if signed { Direction::Up } else { dir }, end));
    }
    None
}

/// The basis named last in `before` (the clause text before a change),
/// looking back at most 40 characters.
pub(super) fn basis_in(before: &str) -> Option<Basis> {
    let before = super::clause::tail(before, 40);
    let mut last = None;
    for (i, _) in before.char_indices() {
        if let Some((b, _)) = basis_word_at(before, i) {
            last = Some(b);
        }
    }
    last
}

/// Whether a basis word starts at byte `i` of `s`, and where it ends.
pub(super) fn basis_at(s: &str, i: usize) -> Option<usize> {
    basis_word_at(s, i).map(|(_, end)| end)
}

/// The basis named at byte `i` of `s` and where it ends: a word of
/// `data/claim/basis.txt`, or a year's same period (`较2013年同期`,
/// `比2019年同期`), which is `yoy`.
fn basis_word_at(s: &str, i: usize) -> Option<(Basis, usize)> {
    if let Some((b, end)) = BASIS_WORDS.longest_at(s, i) {
        return Some((*b, end));
    }
    let rest = s.get(i..)?.strip_prefix(['较', '比'])?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(2..=4).contains(&digits) {
        return None;
    }
    let after = rest[digits..].strip_prefix('年')?;
    let after = after.strip_prefix('的').unwrap_or(after);
    let tail = after.strip_prefix("同期")?;
    Some((Basis::Yoy, s.len() - tail.len()))
}

/// A change phrase at the start of folded `s`: an optional basis (`同比`,
/// `较上年同期`), a verb of change (`增长`, `下降了`) and the spaces after it.
/// The basis, the direction and where the figure starts.
pub(crate) fn leading_change(s: &str) -> Option<(Option<Basis>, Direction, usize)> {
    let mut p = 0;
    let mut basis = None;
    if let Some((b, len)) = basis_word_at(s, 0) {
        basis = Some(b);
        p = skip_ws(s, len);
    }
    // the longest verb that starts at p
    let mut verb = None;
    for (i, c) in s[p..].char_indices().take(6) {
        let end = p + i + c.len_utf8();
        if let Some((v, dir)) = verb_ending(&s[p..end]) {
            if v.len() == end - p {
                verb = Some((dir, end));
            }
        }
    }
    let (dir, mut end) = verb?;
    end = skip_ws(s, end);
    if let Some(rest) = s[end..].strip_prefix('了') {
        end = skip_ws(s, s.len() - rest.len());
    }
    Some((basis, dir, end))
}

/// `环比` means quarter on quarter for a quarter, month on month for a month.
pub(super) fn basis_for_period(basis: Option<Basis>, period_is_month: bool) -> Option<Basis> {
    match basis {
        Some(Basis::Qoq) if period_is_month => Some(Basis::Mom),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_phrases_at_the_start() {
        assert_eq!(
            leading_change("同比增长 14%"),
            Some((Some(Basis::Yoy), Direction::Up, 13))
        );
        assert_eq!(leading_change("增长3倍"), Some((None, Direction::Up, 6)));
        assert_eq!(
            leading_change("环比下降了2个百分点"),
            Some((Some(Basis::Qoq), Direction::Down, 15))
        );
        assert_eq!(leading_change("营收14%"), None);
        assert_eq!(leading_change("同比"), None);
    }

    #[test]
    fn verbs_and_bases() {
        assert_eq!(change_verb("营收同比增长"), Some((Direction::Up, 18)));
        assert_eq!(change_verb("股价下跌了"), Some((Direction::Down, 12)));
        assert_eq!(change_verb("营收增长至"), None);
        assert_eq!(change_verb("核心产业增加值达到"), None);
        assert_eq!(change_verb("价格平均涨跌幅为"), Some((Direction::Up, 18)));
        assert_eq!(change_verb("价格平均涨跌"), Some((Direction::Up, 18)));
        assert_eq!(basis_in("营收较上年同期"), Some(Basis::Yoy));
        assert_eq!(basis_in("环比"), Some(Basis::Qoq));
        assert_eq!(basis_in("金额较2013年同期的3698亿元，"), Some(Basis::Yoy));
        assert_eq!(basis_in("余额较上年末"), Some(Basis::Ytd));
        assert_eq!(basis_in("较2013年"), None);
        assert_eq!(basis_in("今年以来，股价累计"), Some(Basis::Ytd));
    }
}
