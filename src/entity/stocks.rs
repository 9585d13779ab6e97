//! Stock names in market reports: a name before a quote in brackets
//! (`同兴达（6.28%）`) or before a verb of price (`民和股份涨逾8%`).

use std::sync::LazyLock;

use super::words::{WordSet, role_words};
use super::{EntityKind, Span, Tagged};
use crate::text::is_cjk;

/// stocks.txt: the words of market reports the rule reads.
const STOCK_DATA: &str = include_str!("../../data/entity/stocks.txt");

/// The words of market reports the rule reads.
struct StockWords {
    /// Words in a stock name's position that name no stock (`板块`, `沪指`,
    /// `午后`).
    generic: WordSet,
    /// Verbs of price after a stock name (`涨超`, `跌停`).
    price_verbs: WordSet,
    /// Characters after `ST` that start no stock name (`ST股`, `ST公司`).
    not_warned: Vec<char>,
    /// Times of the trading day between a name and its move (`优步盘前涨`):
    /// no part of the name.
    session: WordSet,
    /// Verbs of a move too common to mark a stock name (`上涨`).
    moves: WordSet,
}

/// The words of market reports, parsed once.
static STOCK_WORDS: LazyLock<StockWords> = LazyLock::new(|| StockWords {
    generic: WordSet::new(&role_words(STOCK_DATA, "generic")),
    price_verbs: WordSet::new(&role_words(STOCK_DATA, "price_verb")),
    not_warned: role_words(STOCK_DATA, "not_warned")
        .iter()
        .filter_map(|w| w.chars().next())
        .collect(),
    session: WordSet::new(&role_words(STOCK_DATA, "session")),
    moves: WordSet::new(&role_words(STOCK_DATA, "move")),
});

/// Stock names in market reports: a name right before a quote in brackets
/// (`同兴达（6.28%）`, `卓翼科技(8.540,0.40,4.91%)`), or in a list before a
/// verb of price (`罗牛山、海德股份涨超5%`, `民和股份涨逾8%`).
pub(super) fn quoted_stocks(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let reader = StockNames { s, tokens };
    let mut out = Vec::new();
    for i in 1..tokens.len() {
        // every pattern but a quote in brackets has a figure after its
        // verb: most tokens are passed over on that one test
        if !reader.figure_after(i) && !reader.opens_bracket(i) {
            continue;
        }
        if let Some(j) = reader.listed_before_etc(i) {
            // `老白干酒、沱牌舍得、伊力特等下跌逾5%`
            out.push(reader.name(j, tokens[i - 2].end));
            reader.listed_before(j, &mut out);
            continue;
        }
        let price_verb = reader.price_verb_at(i);
        if price_verb || reader.quote_at(i) && !reader.board_at(i) {
            let Some(j) = reader.name_before(i, 0) else {
                continue;
            };
            out.push(reader.name(j, tokens[i - 1].end));
            if price_verb {
                reader.listed_before(j, &mut out);
            }
        } else if let Some(verb) = reader.glued_price_verb(i) {
            // `人人` `网涨` `超`: the name ends inside the token
            let glued = s[tokens[i].start..verb].chars().count();
            let Some(j) = reader.name_before(i, glued) else {
                continue;
            };
            out.push(reader.name(j, verb));
            reader.listed_before(j, &mut out);
        }
    }
    out.extend(risk_warned(s));
    out
}

/// Boards and industries quoted in a list of boards (`板块涨幅靠前：白酒
/// （1.77%）`): no entities, but spans no name inside may take (`港` in
/// `自由贸易港`, `中国` in `数字中国`), in text order.
pub(super) fn quoted_boards(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let reader = StockNames { s, tokens };
    (1..tokens.len())
        .filter(|&i| reader.board_at(i))
        .filter_map(|i| Some(reader.name(reader.name_before(i, 0)?, tokens[i - 1].end)))
        .collect()
}

/// Whether `inner` is a percent quote (`6.28%`, `8.540,0.40,4.91%`,
/// `-3.78%`).
fn percent_quote(inner: &str) -> bool {
    inner.ends_with('%')
        && inner
            .chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ',' | '-' | '+' | '%'))
}

/// Whether `after` starts with a verb of price or of a move (`涨超`,
/// `跌停`, `收涨`, `上涨`): what stands before it has a price.
pub(super) fn starts_with_price_verb(after: &str) -> bool {
    let words = &*STOCK_WORDS;
    after
        .char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .chain(std::iter::once(after.len()))
        .take(3)
        .map(|end| &after[..end])
        .any(|w| words.price_verbs.contains(w) || words.moves.contains(w))
}

/// Names of stocks under risk warning, wherever they stand: `ST`, `*ST`,
/// `S*ST` or `SST`, then two CJK characters, then `A` or `B` for a share
/// class (`*ST海润`, `ST宜化`, `*ST中冠A`). `ST股`, `ST公司`, `ST板块`
/// name none, nor `ST` inside a Latin word (`BEST`).
fn risk_warned(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(s.as_bytes(), b"ST") {
        let head = &s[..at];
        let start = ["S*", "*", "S"]
            .iter()
            .find(|p| head.ends_with(*p))
            .map_or(at, |p| at - p.len());
        if s[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let name = &s[at + 2..];
        let mut chars = name.char_indices();
        let (Some((_, a)), Some((_, b))) = (chars.next(), chars.next()) else {
            continue;
        };
        if !is_cjk(a) || !is_cjk(b) || STOCK_WORDS.not_warned.contains(&a) {
            continue;
        }
        let mut end = at + 2 + a.len_utf8() + b.len_utf8();
        let mut rest = s[end..].chars();
        if let Some(class @ ('A' | 'B')) = rest.next()
            && !rest.next().is_some_and(|c| c.is_ascii_alphanumeric())
        {
            end += class.len_utf8();
        }
        out.push(Span {
            kind: EntityKind::Org,
            start,
            end,
        });
    }
    out
}

/// The text and tokens of one document, read for stock names.
struct StockNames<'a, 't> {
    /// The folded text.
    s: &'a str,
    /// Its tokens.
    tokens: &'a [Tagged<'t>],
}

impl StockNames<'_, '_> {
    /// The text of token `i`.
    fn text(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.s[t.start..t.end]
    }

    /// The stock name from token `j` to byte offset `end`.
    fn name(&self, j: usize, end: usize) -> Span {
        Span {
            kind: EntityKind::Org,
            start: self.tokens[j].start,
            end,
        }
    }

    /// Whether token `i` separates the items of a list (`、`, `，`, a line
    /// break).
    fn separator(&self, i: usize) -> bool {
        matches!(
            self.text(i),
            "、" | "，" | "," | "；" | "。" | "：" | "\n" | "丨" | "|" | "】" | " "
        )
    }

    /// Whether token `i` can be part of a stock name: CJK or capitals (`ST`,
    /// `Ａ`), no function word.
    fn word(&self, i: usize) -> bool {
        let text = self.text(i);
        text.chars()
            .all(|c| is_cjk(c) || c.is_ascii_uppercase() || c == 'Ａ' || c == 'Ｂ')
            && !matches!(
                self.tokens[i].pos,
                "p" | "c" | "u" | "uj" | "r" | "t" | "q" | "d"
            )
            && !matches!(text, "等" | "和" | "及" | "与" | "的" | "丨")
            && !STOCK_WORDS.session.contains(text)
    }

    /// The name whose tokens end at `end` (exclusive), with `glued`
    /// characters of token `end` after them: tokens back to a separator,
    /// 2-6 characters, not a generic word; returns its first token.
    fn name_before(&self, end: usize, glued: usize) -> Option<usize> {
        let (s, tokens) = (self.s, self.tokens);
        let mut j = end;
        let mut chars = glued;
        while j > 0 && self.word(j - 1) {
            chars += self.text(j - 1).chars().count();
            j -= 1;
            if chars > 6 {
                return None;
            }
        }
        let at_boundary = j == 0 || self.separator(j - 1);
        let name_end = if glued > 0 {
            tokens[end].start
                + s[tokens[end].start..]
                    .chars()
                    .take(glued)
                    .map(char::len_utf8)
                    .sum::<usize>()
        } else {
            tokens.get(end.checked_sub(1)?)?.end
        };
        let text = &s[tokens.get(j)?.start..name_end];
        let named = j < end || glued > 0;
        (named && at_boundary && chars >= 2 && !STOCK_WORDS.generic.contains(text)).then_some(j)
    }

    /// Where a verb of price glued on the end of token `i` starts (`网涨`
    /// before `超12.6%`, `街涨` before `9.2%`), when a figure follows.
    fn glued_price_verb(&self, i: usize) -> Option<usize> {
        let t = &self.tokens[i];
        let text = self.text(i);
        let (at, _) = text
            .char_indices()
            .skip(1)
            .find(|&(k, _)| STOCK_WORDS.price_verbs.contains(&text[k..]))?;
        let figure = self.figure_after(i);
        let prefix = &text[..at];
        // `上涨`, `大涨`, `收跌` are verbs of their own, no name glued on
        let verb = matches!(t.pos, "v" | "vn" | "vd" | "d" | "a" | "ad");
        (figure && !verb && prefix.chars().all(is_cjk)).then_some(t.start + at)
    }

    /// Whether token `i` opens a quote or a stock code in brackets:
    /// `（6.28%）`, `(8.540,0.40,4.91%)`, `（-3.78%）`, `(02282.HK)`,
    /// `（600519.SH）`.
    fn quote_at(&self, i: usize) -> bool {
        self.bracket_inner(i)
            .is_some_and(|inner| percent_quote(inner) || stock_code(inner))
    }

    /// Whether token `i` opens the percent quote of a board in a list of
    /// boards (a stock code, `华谊兄弟(300027)`, is a stock's wherever).
    fn board_at(&self, i: usize) -> bool {
        self.bracket_inner(i).is_some_and(percent_quote) && self.boards_listed(i)
    }

    /// What the bracket token `i` opens holds, when it closes within 40
    /// bytes.
    fn bracket_inner(&self, i: usize) -> Option<&str> {
        if !self.opens_bracket(i) {
            return None;
        }
        let rest = &self.s[self.tokens[i].end..];
        let close = rest.find(['）', ')']).filter(|&c| c <= 40)?;
        Some(&rest[..close])
    }

    /// Whether token `i` stands in a list after a header of boards or
    /// industries that ends in a colon (`板块涨幅靠前：乡村振兴（4.46%）`,
    /// `行业方面：…`): what is quoted there is a board, no stock (no
    /// entity, SPEC). A list of stocks in a sentence about a board
    /// (`地产板块走强，荣安地产（9.48%）…`) has no such header.
    fn boards_listed(&self, i: usize) -> bool {
        let before = &self.s[..self.tokens[i].start];
        let sentence = before
            .rfind(['。', '！', '？', '\n'])
            .map_or(before, |k| &before[k..]);
        sentence.find('：').is_some_and(|colon| {
            let header = &sentence[..colon];
            header.contains("板块") || header.contains("行业")
        })
    }

    /// Whether token `i` is an opening bracket.
    #[inline]
    fn opens_bracket(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let bytes = &self.s.as_bytes()[t.start..t.end];
        bytes == "（".as_bytes() || bytes == b"("
    }

    /// Whether token `i` is a verb of price before a figure (`涨超5%`,
    /// `跌逾8%`, `涨停`).
    fn price_verb_at(&self, i: usize) -> bool {
        STOCK_WORDS.price_verbs.contains(self.text(i)) && self.figure_after(i)
    }

    /// `老白干酒、沱牌舍得、伊力特等下跌逾5%`: a verb of price or of a move
    /// before a figure at token `i`, after `等` that ends a list of names
    /// joined by `、`: the first token of the last name, of three characters
    /// at least.
    fn listed_before_etc(&self, i: usize) -> Option<usize> {
        if i < 2 || self.text(i - 1) != "等" {
            return None;
        }
        let price_verb = self.price_verb_at(i);
        let moves = STOCK_WORDS.moves.contains(self.text(i)) && self.figure_after(i);
        if !(price_verb || moves) {
            return None;
        }
        // before a common verb of a move (`下跌`), a place is a place
        let j = self
            .name_before(i - 1, 0)
            .filter(|&j| price_verb || !self.place_alone(j, i - 1))?;
        // `郑醇、郑油等涨超1%`: two characters may be a futures contract
        let chars = self.s[self.tokens[j].start..self.tokens[i - 2].end]
            .chars()
            .count();
        (j >= 2 && self.text(j - 1) == "、" && chars >= 3).then_some(j)
    }

    /// Whether the name of tokens `j..end` is one word tagged a place
    /// (`广州、深圳等下跌逾5%`: house prices, not stocks).
    fn place_alone(&self, j: usize, end: usize) -> bool {
        j + 1 == end && self.tokens[j].pos == "ns"
    }

    /// Whether a figure starts at token `i + 1` (`5%`, `超`, `逾`).
    #[inline]
    fn figure_after(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|n| {
            // a digit is one byte: the first byte tells
            self.s
                .as_bytes()
                .get(n.start)
                .is_some_and(u8::is_ascii_digit)
                || (n.end - n.start == 3
                    && matches!(self.s.get(n.start..n.end), Some("超" | "逾" | "近" | "约")))
        })
    }

    /// `罗牛山、海德股份涨超5%`: the names listed before the name that starts
    /// at token `j`, joined by `、`.
    fn listed_before(&self, mut j: usize, out: &mut Vec<Span>) {
        while j >= 2 && self.text(j - 1) == "、" {
            let Some(k) = self.name_before(j - 1, 0) else {
                break;
            };
            out.push(self.name(k, self.tokens[j - 2].end));
            j = k;
        }
    }
}

/// Whether `text` is a stock code: with its market (`02282.HK`, `01752-HK`,
/// `600519.SH`, `000001.SZ`, `430047.BJ`, `BABA.US`, `NASDAQ:JD`,
/// `NYSE: BABA`), or a bare code of the Hong Kong (`00113`: five digits) or
/// mainland markets (`600519`: six digits) — a bare number of another length
/// could be anything (`(2019)`).
fn stock_code(text: &str) -> bool {
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    let ticker = |t: &str| (1..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase());
    if let Some((exchange, symbol)) = text.split_once([':', '：']) {
        return matches!(exchange.trim(), "NASDAQ" | "NYSE" | "HK" | "SH" | "SZ")
            && (ticker(symbol.trim()) || digits(symbol.trim()));
    }
    match text.split_once(['.', '-']) {
        Some((code, "HK" | "SH" | "SZ" | "BJ")) => (4..=6).contains(&code.len()) && digits(code),
        Some((code, "US" | "O" | "N")) => ticker(code),
        Some(_) => false,
        None => (5..=6).contains(&text.len()) && digits(text),
    }
}
