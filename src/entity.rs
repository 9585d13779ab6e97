//! Named entities: organisations, people, places and products (SPEC.md
//! "Entity").
//!
//! Three sources are combined, in this order of trust:
//! 1. rules that build whole names: organisation suffixes extended leftwards
//!    over name-like tokens (`中信` + `证券`, `国务院` + `外办`,
//!    `深圳市腾讯计算机系统有限公司`), transliterated names joined by `·`
//!    (`埃隆·马斯克`), titles in `《》`/`「」`, a product right after a company
//!    (`小米的小爱同学`), Latin names of several words (`Counterpoint
//!    Research`), person names from a surname in context (`董事长王兴`,
//!    `李明表示`);
//! 2. lexicons compiled by hand (`data/entity/*.txt`: companies, brokers,
//!    banks, regulators, places, products, people), matched leftmost-longest
//!    with Aho-Corasick; users add their own with [`EntityRecognizer::add`];
//! 3. the segmenter's POS tags (`nr`, `ns`, `nt`).
//!
//! Overlaps are resolved by trust, then by length.

use std::collections::HashSet;
use std::sync::LazyLock;

use daachorse::{
    CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder,
    MatchKind as DaachorseMatchKind,
};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::lexicon::data_lines;
use crate::text::{char_at, char_len, is_cjk};

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// Companies, brokers, banks, regulators, ...
    Org,
    /// People.
    Person,
    /// Countries, regions, cities, ...
    Place,
    /// Products, brands, apps, models.
    Product,
}

/// A named entity found in text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// The name as written in the original text.
    pub text: String,
    /// Byte offset of the start in the original text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the original text.
    pub end: usize,
}

/// A token as the recognizer sees it: a byte range of the folded text and
/// its POS tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tagged<'a> {
    pub start: usize,
    pub end: usize,
    pub pos: &'a str,
}

/// An entity found in folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
}

const ORG_DATA: &str = include_str!("../data/entity/org.txt");
const PLACE_DATA: &str = include_str!("../data/entity/place.txt");
const PRODUCT_DATA: &str = include_str!("../data/entity/product.txt");
const PERSON_DATA: &str = include_str!("../data/entity/person.txt");
const SURNAME_DATA: &str = include_str!("../data/entity/surnames.txt");
const ORG_SUFFIX_DATA: &str = include_str!("../data/entity/org_suffix.txt");

/// Words before a name that mark it as a person (`董事长 王兴`).
const PERSON_BEFORE: &[&str] = &[
    "董事长",
    "总裁",
    "总经理",
    "副总裁",
    "首席执行官",
    "首席财务官",
    "首席技术官",
    "CEO",
    "CFO",
    "CTO",
    "创始人",
    "联合创始人",
    "主席",
    "副主席",
    "总理",
    "副总理",
    "部长",
    "行长",
    "副行长",
    "局长",
    "主任",
    "书记",
    "市长",
    "省长",
    "总统",
    "记者",
    "分析师",
    "经济学家",
    "首席经济学家",
    "研究员",
    "教授",
    "院士",
    "董秘",
    "负责人",
    "合伙人",
    "总监",
    "经理",
    "发言人",
    "委员",
    "代表",
    "理事长",
    "会长",
    "秘书长",
    "校长",
    "掌门人",
    "实控人",
    "实际控制人",
    "董事",
    "监事",
    "独立董事",
    "法定代表人",
    "通讯员",
];

/// Words after a name that mark it as a person (`李明表示`).
const PERSON_AFTER: &[&str] = &[
    "表示",
    "称",
    "说",
    "指出",
    "认为",
    "透露",
    "介绍",
    "强调",
    "坦言",
    "直言",
    "告诉",
    "回应",
    "解释",
    "提到",
    "提出",
    "坦承",
    "预计",
    "预测",
    "分析",
    "补充",
    "先生",
    "女士",
    "同志",
    "教授",
    "博士",
    "董事长",
    "总裁",
    "总经理",
    "主席",
    "总理",
    "部长",
    "行长",
    "曾",
    "则",
];

/// A static word list as a set, looked up by first character first (most
/// tokens start with a character no word does).
struct WordSet {
    words: FxHashSet<&'static str>,
    /// One bit per BMP character: does some word start with it?
    first_bits: Vec<u64>,
}

impl WordSet {
    fn new(words: &[&'static str]) -> WordSet {
        let mut first_bits = vec![0u64; 0x10000 / 64];
        for w in words {
            let Some(c) = w.chars().next() else { continue };
            if let Some(b) = first_bits.get_mut((c as usize) >> 6) {
                *b |= 1 << ((c as usize) & 63);
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            first_bits,
        }
    }

    fn contains(&self, w: &str) -> bool {
        let Some(c) = w.chars().next() else {
            return false;
        };
        let code = c as usize;
        if code < 0x10000 && self.first_bits[code >> 6] & (1 << (code & 63)) == 0 {
            return false;
        }
        self.words.contains(w)
    }
}

static BEFORE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PERSON_BEFORE));
static AFTER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PERSON_AFTER));

/// Latin words that end an organisation name (`Counterpoint Research`).
const LATIN_ORG_END: &[&str] = &[
    "Research",
    "Capital",
    "Group",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Limited",
    "Bank",
    "Securities",
    "Partners",
    "Technologies",
    "Technology",
    "Holdings",
    "Corp",
    "Corp.",
    "Corporation",
    "Company",
    "Co.",
    "Management",
    "Ventures",
    "Analytics",
    "Motors",
    "Electronics",
    "Systems",
    "Networks",
    "Labs",
    "Investments",
    "Investment",
    "Financial",
    "Consulting",
    "Advisors",
    "International",
    "Association",
    "Institute",
    "University",
    "Fund",
    "Foundation",
    "Exchange",
    "Agency",
    "Media",
    "Sachs",
    "Stanley",
];

/// The built lexicon matcher: names found leftmost-longest and not
/// overlapping, through a character-wise double-array Aho-Corasick
/// automaton.
#[derive(Clone)]
struct Lexicon {
    /// Each name's value is its index in `kinds`; `None` when there are no
    /// names.
    matcher: Option<CharwiseDoubleArrayAhoCorasick<u32>>,
    kinds: Vec<EntityKind>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("names", &self.kinds.len())
            .finish()
    }
}

impl Lexicon {
    fn build(entries: &[(String, EntityKind)]) -> Lexicon {
        // the automaton takes each name once: a name listed twice keeps its
        // first kind
        let mut seen = FxHashSet::default();
        let names: Vec<(&str, u32)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.0.is_empty() && seen.insert(e.0.as_str()))
            .filter_map(|(i, e)| Some((e.0.as_str(), u32::try_from(i).ok()?)))
            .collect();
        // building fails only for an empty list or beyond 2^31 states
        let matcher = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(DaachorseMatchKind::LeftmostLongest)
            .build_with_values(names)
            .ok();
        Lexicon {
            matcher,
            kinds: entries.iter().map(|e| e.1).collect(),
        }
    }

    /// Every name in `s`: `(start, end, kind)`, in text order.
    fn find_all(&self, s: &str) -> Vec<(usize, usize, EntityKind)> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        m.leftmost_find_iter(s)
            .filter_map(|x| Some((x.start(), x.end(), *self.kinds.get(x.value() as usize)?)))
            .collect()
    }
}

/// The embedded lexicon entries, deduplicated; a name in several lists keeps
/// the first kind in the order product, org, place, person (an app or
/// platform named in both lists, `微博`, `今日头条`, is mostly the product).
static DEFAULT_ENTRIES: LazyLock<Vec<(String, EntityKind)>> = LazyLock::new(|| {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (data, kind) in [
        (PRODUCT_DATA, EntityKind::Product),
        (ORG_DATA, EntityKind::Org),
        (PLACE_DATA, EntityKind::Place),
        (PERSON_DATA, EntityKind::Person),
    ] {
        for (_, name) in data_lines(data) {
            // single characters (`汉`, `秦`) match inside too many words
            if name.chars().count() < 2 || !seen.insert(name.to_string()) {
                continue;
            }
            out.push((name.to_string(), kind));
        }
    }
    out
});

static DEFAULT_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::build(&DEFAULT_ENTRIES));

static SURNAMES: LazyLock<(FxHashSet<char>, Vec<&'static str>)> = LazyLock::new(|| {
    let mut single = FxHashSet::default();
    let mut compound = Vec::new();
    for (_, s) in data_lines(SURNAME_DATA) {
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => {
                single.insert(c);
            }
            (Some(_), Some(_)) => compound.push(s),
            _ => {}
        }
    }
    (single, compound)
});

static ORG_SUFFIXES: LazyLock<WordSet> = LazyLock::new(|| {
    let words: Vec<&'static str> = data_lines(ORG_SUFFIX_DATA).map(|(_, s)| s).collect();
    WordSet::new(&words)
});

/// Finds named entities. Built once (it holds the compiled lexicons);
/// `Send + Sync`.
#[derive(Debug, Clone)]
pub struct EntityRecognizer {
    lexicon: Lexicon,
    /// Entries added by the user, kept to rebuild the matcher.
    added: Vec<(String, EntityKind)>,
}

impl Default for EntityRecognizer {
    fn default() -> Self {
        EntityRecognizer::new()
    }
}

impl EntityRecognizer {
    /// A recognizer with the embedded lexicons.
    pub fn new() -> EntityRecognizer {
        EntityRecognizer {
            lexicon: DEFAULT_LEXICON.clone(),
            added: Vec::new(),
        }
    }

    /// Adds one lexicon entry. The matcher is rebuilt; to add many entries
    /// at once use [`EntityRecognizer::add_all`].
    pub fn add(&mut self, name: &str, kind: EntityKind) {
        self.add_all([(name, kind)]);
    }

    /// Adds many lexicon entries and rebuilds the matcher once. An added
    /// name wins over an embedded one of the same spelling.
    ///
    /// ```
    /// use zhnews::{EntityKind, EntityRecognizer};
    /// let mut r = EntityRecognizer::new();
    /// r.add_all([("深度求索", EntityKind::Org), ("灵犀助手", EntityKind::Product)]);
    /// assert_eq!(r.lookup("灵犀助手"), Some(EntityKind::Product));
    /// ```
    pub fn add_all<'a>(&mut self, entries: impl IntoIterator<Item = (&'a str, EntityKind)>) {
        let mut changed = false;
        for (name, kind) in entries {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            self.added.retain(|(n, _)| n != name);
            self.added.push((name.to_string(), kind));
            changed = true;
        }
        if !changed {
            return;
        }
        let added: HashSet<&str> = self.added.iter().map(|(n, _)| n.as_str()).collect();
        let mut all: Vec<(String, EntityKind)> = self.added.clone();
        all.extend(
            DEFAULT_ENTRIES
                .iter()
                .filter(|(n, _)| !added.contains(n.as_str()))
                .cloned(),
        );
        self.lexicon = Lexicon::build(&all);
    }

    /// The kind of `name` when the lexicon holds exactly that name.
    pub fn lookup(&self, name: &str) -> Option<EntityKind> {
        self.lexicon
            .find_all(name)
            .first()
            .filter(|&&(a, b, _)| a == 0 && b == name.len())
            .map(|&(_, _, kind)| kind)
    }

    /// Entities of folded text `s` with its tokens (folded offsets, in order,
    /// covering the text). Returns spans in text order, not overlapping.
    pub(crate) fn recognize(&self, s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
        let mut cands: Vec<(u8, Span)> = Vec::new();
        let boundaries = TokenBoundaries::new(tokens);

        // 2. lexicon
        let mut lex_spans: Vec<Span> = Vec::new();
        for (a, b, kind) in self.lexicon.find_all(s) {
            if !latin_boundary_ok(s, a, b) {
                continue;
            }
            // a two-character name must not cut a token (`中山` in
            // `中山大学`), a three-character one must start or end with one
            // (not `中海外` in `其中` `海外`); longer names are distinctive
            let chars = char_len(&s[a..b]);
            let aligned = match chars {
                0..=2 => boundaries.starts(a) && (boundaries.ends(b) || place_suffix_after(s, b)),
                3 => boundaries.starts(a) || boundaries.ends(b),
                _ => true,
            };
            if !aligned {
                continue;
            }
            let mut end = b;
            if kind == EntityKind::Place {
                end = extend_place(s, b);
            }
            lex_spans.push(Span {
                kind,
                start: a,
                end,
            });
        }
        for sp in &lex_spans {
            cands.push((2, *sp));
        }

        // 1. rules
        cands.extend(
            org_rule(s, tokens, &lex_spans)
                .into_iter()
                .map(|sp| (1, sp)),
        );
        cands.extend(transliterated(s).into_iter().map(|sp| (1, sp)));
        cands.extend(quoted(s).into_iter().map(|sp| (1, sp)));
        cands.extend(latin_names(s).into_iter().map(|sp| (1, sp)));
        cands.extend(persons_in_context(s, tokens).into_iter().map(|sp| (1, sp)));
        cands.extend(quoted_stocks(s, tokens).into_iter().map(|sp| (1, sp)));
        cands.extend(
            product_after_org(s, tokens, &lex_spans)
                .into_iter()
                .map(|sp| (1, sp)),
        );

        cands.extend(abbreviated_places(s, tokens).into_iter().map(|sp| (1, sp)));
        cands.extend(split_names(s, tokens).into_iter().map(|sp| (1, sp)));
        cands.extend(surname_with_title(s, tokens).into_iter().map(|sp| (1, sp)));

        // 3. POS tags
        for t in tokens {
            let text = &s[t.start..t.end];
            let n = char_len(text);
            let quantifier = text.chars().next().is_some_and(|c| {
                matches!(
                    c,
                    '两' | '各'
                        | '本'
                        | '全'
                        | '该'
                        | '我'
                        | '双'
                        | '三'
                        | '此'
                        | '外'
                        | '多'
                        | '诸'
                )
            });
            let kind = match t.pos {
                // jieba tags some common words `nr` (`文明`, `崇高`): a
                // two-character name needs one of the common surnames
                "nr" | "nrfg" if n == 3 && starts_with_surname(text) => EntityKind::Person,
                "nr" | "nrfg" if n == 2 && common_surname(text) => EntityKind::Person,
                // a foreign name (`塞迪略`, `布莱尔`)
                "nr" | "nrt" if (2..=6).contains(&n) && translit(text) => EntityKind::Person,
                "nrt" if n >= 2 => EntityKind::Person,
                // jieba tags common words `ns` too (`城市`, `治安`): a
                // two-character place needs a place ending
                "ns" if !quantifier && (n >= 3 || (n == 2 && place_ending(text))) => {
                    EntityKind::Place
                }
                "nt" if n >= 2 && !quantifier => EntityKind::Org,
                _ => continue,
            };
            cands.push((
                3,
                Span {
                    kind,
                    start: t.start,
                    end: t.end,
                },
            ));
        }

        // a tagged organisation or place that strictly contains a lexicon name
        // of the same kind is the fuller name (`全国人民代表大会常务委员会`)
        let mut lexical: Vec<Span> = cands.iter().filter(|c| c.0 == 2).map(|c| c.1).collect();
        lexical.sort_by_key(|sp| sp.start);
        for c in cands.iter_mut().filter(|c| c.0 == 3) {
            let sp = c.1;
            let from = lexical.partition_point(|l| l.start < sp.start);
            let to = lexical.partition_point(|l| l.start < sp.end);
            if lexical[from..to].iter().any(|l| {
                l.kind == sp.kind && l.end <= sp.end && sp.end - sp.start > l.end - l.start
            }) {
                c.0 = 2;
            }
        }
        cands.extend(party_congresses(s).into_iter().map(|sp| (1, sp)));
        merge_orgs(s, resolve(cands))
    }
}

/// `十五大`, `中共十四大`: a party congress named by its number.
fn party_congresses(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('大') {
        let before = &s[..i];
        let num: Vec<char> = before.chars().rev().take(3).collect();
        // 十一..十九, 二十..二十九 (three chars at most: 二十一)
        let n = num
            .iter()
            .take_while(|&&c| {
                matches!(
                    c,
                    '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
                )
            })
            .count();
        if !(2..=3).contains(&n) {
            continue;
        }
        let numeral: String = num[..n].iter().rev().collect();
        if !numeral.contains('十')
            || numeral.starts_with(['一', '三', '四', '五', '六', '七', '八', '九'])
        {
            continue;
        }
        let after = &s[i + '大'.len_utf8()..];
        let next_ok = after.chars().next().is_none_or(|c| {
            !is_cjk(c)
                || matches!(
                    c,
                    '精' | '报'
                        | '代'
                        | '以'
                        | '召'
                        | '期'
                        | '上'
                        | '的'
                        | '和'
                        | '胜'
                        | '提'
                        | '确'
                        | '后'
                        | '前'
                        | '通'
                        | '关'
                        | '所'
                        | '是'
                )
        });
        if !next_ok {
            continue;
        }
        let start = i - numeral.len();
        // a numeral glued to more numerals is no congress
        if before[..start]
            .chars()
            .next_back()
            .is_some_and(crate::number::is_chinese_numeral_char)
        {
            continue;
        }
        out.push(Span {
            kind: EntityKind::Org,
            start,
            end: i + '大'.len_utf8(),
        });
    }
    out
}

/// One-character abbreviations of countries and regions (`中美` = China and
/// the US).
fn country_abbrev(c: char) -> bool {
    matches!(
        c,
        '中' | '美'
            | '日'
            | '俄'
            | '英'
            | '法'
            | '德'
            | '韩'
            | '朝'
            | '印'
            | '欧'
            | '澳'
            | '加'
            | '意'
            | '越'
            | '泰'
            | '菲'
            | '港'
            | '台'
            | '非'
            | '拉'
            | '蒙'
            | '巴'
            | '伊'
            | '以'
            | '墨'
            | '葡'
            | '荷'
            | '亚'
            | '华'
    )
}

/// One-character abbreviations of provinces and cities, used alone
/// (`皖`, `京`).
fn province_abbrev(c: char) -> bool {
    matches!(
        c,
        '京' | '沪'
            | '津'
            | '渝'
            | '冀'
            | '晋'
            | '辽'
            | '吉'
            | '黑'
            | '苏'
            | '浙'
            | '皖'
            | '闽'
            | '赣'
            | '鲁'
            | '豫'
            | '鄂'
            | '湘'
            | '粤'
            | '桂'
            | '琼'
            | '蜀'
            | '黔'
            | '滇'
            | '藏'
            | '陕'
            | '陇'
            | '甘'
            | '宁'
            | '青'
            | '港'
            | '澳'
            | '台'
    )
}

/// A verb of travel before a country (`访华`, `驻美`, `赴港`).
fn travel_verb(c: char) -> bool {
    matches!(
        c,
        '访' | '来'
            | '在'
            | '对'
            | '驻'
            | '赴'
            | '抵'
            | '离'
            | '旅'
            | '侨'
            | '援'
            | '返'
            | '使'
            | '留'
    )
}

/// Country and region abbreviations inside tokens: `中美`, `中日关系`,
/// `港澳台` give one place per character; `中方`, `美方` the country; `访华`,
/// `驻美` the country after a verb of travel; a lone abbreviation tagged as a
/// place or abbreviation (`俄`, `皖`) is one.
fn abbreviated_places(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    const TAILS: &[&str] = &[
        "", "关系", "两国", "三国", "双方", "友好", "贸易", "合作", "会谈", "建交", "边境", "两党",
        "同胞", "地区",
    ];
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let Some(first) = text.chars().next() else {
            continue;
        };
        let travel = travel_verb(first);
        if !(country_abbrev(first) || province_abbrev(first) || travel) || text.len() > 18 {
            continue;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let one = |k: usize| {
            let (off, c) = chars[k];
            Span {
                kind: EntityKind::Place,
                start: t.start + off,
                end: t.start + off + c.len_utf8(),
            }
        };
        let lead = chars
            .iter()
            .take_while(|&&(_, c)| country_abbrev(c))
            .count();
        if lead >= 2 && TAILS.contains(&&text[chars.get(lead).map_or(text.len(), |x| x.0)..]) {
            // distinct characters: `中中` is no pair
            if chars[0].1 != chars[1].1 {
                out.extend((0..lead).map(one));
            }
            continue;
        }
        match chars.len() {
            1 => {
                let c = chars[0].1;
                let tagged =
                    matches!(t.pos, "ns" | "j") && (country_abbrev(c) || province_abbrev(c));
                // `中` alone next to another abbreviation: `中` `美`
                let neighbour = |j: Option<&Tagged<'_>>| {
                    j.is_some_and(|n| {
                        let nt = &s[n.start..n.end];
                        nt.chars().count() == 1 && nt.chars().all(country_abbrev)
                    })
                };
                let paired = country_abbrev(c)
                    && (neighbour(tokens.get(i + 1))
                        || neighbour(i.checked_sub(1).and_then(|j| tokens.get(j))));
                if tagged || paired {
                    out.push(one(0));
                }
            }
            2 if country_abbrev(chars[0].1) && chars[1].1 == '方' => out.push(one(0)),
            2.. if travel_verb(chars[0].1)
                && matches!(
                    chars[1].1,
                    '华' | '美'
                        | '日'
                        | '俄'
                        | '英'
                        | '法'
                        | '德'
                        | '韩'
                        | '朝'
                        | '港'
                        | '台'
                        | '澳'
                        | '欧'
                        | '京'
                        | '沪'
                )
                && (chars.len() == 2 || text.ends_with("大使") || text.ends_with("使馆")) =>
            {
                out.push(one(1));
            }
            _ => {}
        }
    }
    out
}

/// `江主席`, `李总理`: a lone surname before a title.
fn surname_with_title(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let (single, _) = &*SURNAMES;
    const TITLES: &[&str] = &[
        "主席",
        "总理",
        "总书记",
        "委员长",
        "副主席",
        "总统",
        "首相",
        "副总理",
    ];
    let mut out = Vec::new();
    // one token: `江主席` (a surname and a title of two or three characters)
    for t in tokens {
        let text = &s[t.start..t.end];
        if !matches!(text.len(), 9 | 12) {
            continue;
        }
        let mut cs = text.chars();
        if let Some(c) = cs.next() {
            if single.contains(&c) && TITLES.contains(&cs.as_str()) {
                out.push(Span {
                    kind: EntityKind::Person,
                    start: t.start,
                    end: t.start + c.len_utf8(),
                });
            }
        }
    }
    for w in tokens.windows(2) {
        let a = &s[w[0].start..w[0].end];
        let b = &s[w[1].start..w[1].end];
        if a.len() != 3 || !matches!(b.len(), 6 | 9) {
            continue;
        }
        let mut cs = a.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            // a lone surname before a state title (`江` `主席`); not a
            // preposition before a company title (`向` `董事长`)
            if single.contains(&c) && TITLES.contains(&b) && !matches!(w[0].pos, "p" | "c" | "d") {
                out.push(Span {
                    kind: EntityKind::Person,
                    start: w[0].start,
                    end: w[0].end,
                });
            }
        }
    }
    out
}

/// Names the tagger split: a surname tagged `nr` and a short given name
/// after it (`赵` `桂花`, `梁` `国庆`); foreign names in pieces (`瓦西里`
/// `斯`, `扎` `琳娜`).
fn split_names(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let (single, _) = &*SURNAMES;
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let mut cs = text.chars();
        let (Some(c), None) = (cs.next(), cs.next()) else {
            continue;
        };
        if t.pos == "nr" && single.contains(&c) {
            if let Some(n) = tokens.get(i + 1) {
                let given = &s[n.start..n.end];
                let k = given.chars().count();
                if (1..=2).contains(&k)
                    && given.chars().all(is_cjk)
                    && !matches!(
                        n.pos,
                        "uj" | "ul" | "p" | "c" | "r" | "d" | "u" | "m" | "q" | "f" | "y" | "zg"
                    )
                    && !AFTER_SET.contains(given)
                {
                    out.push(Span {
                        kind: EntityKind::Person,
                        start: t.start,
                        end: n.end,
                    });
                }
            }
        }
    }
    // foreign names in pieces
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !(matches!(t.pos, "nrt" | "nr") && translit(&s[t.start..t.end])) {
            i += 1;
            continue;
        }
        let mut a = i;
        let mut b = i;
        // a one-character piece before (`扎` + `琳娜`)
        if a > 0 {
            let p = &tokens[a - 1];
            let pt = &s[p.start..p.end];
            if pt.chars().count() == 1
                && translit(pt)
                && !matches!(p.pos, "p" | "c" | "r" | "u" | "uj" | "d")
            {
                a -= 1;
            }
        }
        while b + 1 < tokens.len() {
            let n = &tokens[b + 1];
            let nt = &s[n.start..n.end];
            if translit(nt)
                && (matches!(n.pos, "nrt" | "nr") || nt.chars().count() == 1)
                && !matches!(n.pos, "p" | "c" | "u" | "uj" | "d")
            {
                b += 1;
            } else {
                break;
            }
        }
        if b > a {
            out.push(Span {
                kind: EntityKind::Person,
                start: tokens[a].start,
                end: tokens[b].end,
            });
        }
        i = b + 1;
    }
    out
}

/// Adjacent organisation names are one (`中国共产党` + `中央委员会`,
/// `致公党` + `中央`).
fn merge_orgs(s: &str, mut spans: Vec<Span>) -> Vec<Span> {
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

/// Token start and end offsets, for boundary checks.
struct TokenBoundaries {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl TokenBoundaries {
    fn new(tokens: &[Tagged<'_>]) -> Self {
        TokenBoundaries {
            starts: tokens.iter().map(|t| t.start).collect(),
            ends: tokens.iter().map(|t| t.end).collect(),
        }
    }
    fn starts(&self, p: usize) -> bool {
        self.starts.binary_search(&p).is_ok()
    }
    fn ends(&self, p: usize) -> bool {
        self.ends.binary_search(&p).is_ok()
    }
}

/// A Latin name must not be part of a longer Latin word (`ADS` in `ADSL`).
fn latin_boundary_ok(s: &str, a: usize, b: usize) -> bool {
    let bytes = s.as_bytes();
    let first = bytes[a];
    let last = bytes[b - 1];
    if first.is_ascii_alphanumeric() && a > 0 && bytes[a - 1].is_ascii_alphanumeric() {
        return false;
    }
    if last.is_ascii_alphanumeric() && b < bytes.len() && bytes[b].is_ascii_alphanumeric() {
        return false;
    }
    true
}

/// Whether an administrative suffix follows a place name (`广东` + `省`).
fn place_suffix_after(s: &str, b: usize) -> bool {
    matches!(
        char_at(s, b),
        Some('省' | '市' | '县' | '区' | '州' | '镇' | '乡' | '村' | '岛' | '湾')
    )
}

/// Whether a name ends like a place (`嫩江`, `黄山`, `浦东`).
fn place_ending(text: &str) -> bool {
    text.chars().last().is_some_and(|c| {
        matches!(
            c,
            '省' | '市'
                | '县'
                | '区'
                | '州'
                | '镇'
                | '乡'
                | '村'
                | '岛'
                | '湾'
                | '江'
                | '河'
                | '湖'
                | '山'
                | '海'
                | '港'
                | '城'
                | '东'
                | '西'
                | '南'
                | '北'
                | '洲'
                | '川'
                | '庄'
                | '岭'
                | '峡'
        )
    }) && !matches!(
        text,
        "东西" | "大山" | "上山" | "下山" | "海洋" | "江山" | "河山" | "南北"
    )
}

fn extend_place(s: &str, b: usize) -> usize {
    if place_suffix_after(s, b) {
        // `广州市场` is a market, not the city of 广州市
        let c = char_at(s, b).map_or(0, char::len_utf8);
        if !matches!(
            char_at(s, b + c),
            Some('场' | '民' | '值' | '长' | '委' | '级' | '域' | '内' | '外' | '政')
        ) {
            return b + c;
        }
    }
    b
}

/// Characters used to transliterate foreign names (`塞迪略`, `布莱尔`).
const TRANSLIT: &str = "阿埃艾爱安昂敖奥澳巴拜班邦鲍保贝本比彼毕庇波伯博布查达戴丹德登迪蒂丁杜顿多厄恩尔法凡范菲费芬丰弗福盖甘冈戈格葛古贡哈海亥汉豪赫黑亨洪侯胡华怀惠霍基吉加嘉贾杰捷金京喀卡凯坎康考柯科克肯库昆拉莱赖兰朗劳勒雷蕾里理丽利莉连列林琳铃留卢鲁路伦罗洛略马玛迈麦曼芒梅美门蒙孟米密缅明莫默姆穆纳娜奈南内尼妮涅宁纽努诺欧帕潘庞佩蓬皮珀普齐奇恰乔切钦琼丘屈萨塞赛桑瑟森沙莎山尚舍申施什史舒斯丝松苏索塔泰坦汤唐陶特滕提廷通图托瓦万旺威韦维温文翁沃乌伍武西希锡谢欣辛休胥雅亚延扬耶伊依易因英尤于约扎泽詹兹佐黛娅芙薇雯隆夫廉汗茨乌克伦杰姆斯泰隆朱尤蒂珊瑟琪娃莱茵";

fn translit(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| TRANSLIT.contains(c))
}

/// Whether `text` starts with one of the 100 most common surnames.
pub(crate) fn common_surname(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| COMMON_SURNAMES.contains(c))
}

const COMMON_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

fn starts_with_surname(text: &str) -> bool {
    let (single, compound) = &*SURNAMES;
    text.chars().next().is_some_and(|c| single.contains(&c))
        || compound.iter().any(|c| text.starts_with(c))
}

/// Tokens that can be part of an organisation name left of its suffix.
fn name_like(pos: &str) -> bool {
    matches!(
        pos,
        "ns" | "nt" | "nz" | "nr" | "nrt" | "nrfg" | "j" | "eng" | "n" | "x" | "vn" | "an" | "nw"
    )
}

/// Proper-noun tokens: an organisation name needs one of these (or a
/// lexicon name) left of its suffix, so `新能源汽车` is no company.
fn anchor(pos: &str) -> bool {
    matches!(pos, "ns" | "nt" | "nz" | "j" | "eng" | "nw")
}

/// Organisation suffix tokens extended leftwards over name-like tokens,
/// then trimmed back so that the name starts with a proper noun
/// (`江苏` `文化` `音像` `出版社`; not `新能源` `汽车`).
fn org_rule(s: &str, tokens: &[Tagged<'_>], lex: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    // lexicon spans are sorted and disjoint: the one that could hold
    // `a..b` is the last starting at or before `a`
    let in_lex = |a: usize, b: usize| {
        let i = lex.partition_point(|sp| sp.start <= a);
        i > 0 && {
            let sp = &lex[i - 1];
            b <= sp.end && sp.kind != EntityKind::Person
        }
    };
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let is_suffix = ORG_SUFFIXES.contains(text)
            // `外办`, `发改委`: a short token ending in a one-character suffix
            || (char_len(text) <= 3
                && text
                    .chars()
                    .last()
                    .is_some_and(|c| matches!(c, '办' | '委' | '部' | '局' | '厅' | '署' | '社'))
                && i > 0
                && matches!(tokens[i - 1].pos, "nt" | "ns"));
        if !is_suffix || i == 0 {
            continue;
        }
        // the furthest left an organisation name could start
        let mut j = i;
        while j > 0 && i - j < 6 {
            let p = &tokens[j - 1];
            let ptext = &s[p.start..p.end];
            // names hold no numbers: a quantity or time token ends the search
            if !ptext
                .chars()
                .all(|c| is_cjk(c) || c.is_ascii_alphabetic() || c == '&')
                || matches!(p.pos, "m" | "t")
            {
                break;
            }
            let lexical = in_lex(p.start, p.end);
            let inner = matches!(p.pos, "v" | "vn" | "b" | "a" | "an") && j < i;
            if !(name_like(p.pos) || lexical || inner) {
                break;
            }
            // generic heads: `该公司`, `上市公司`
            if matches!(
                ptext,
                "公司" | "上市" | "本" | "该" | "其" | "这" | "新" | "旗下" | "子" | "全国" | "各"
            ) {
                break;
            }
            j -= 1;
        }
        // trim back to a proper noun
        while j < i && !(anchor(tokens[j].pos) || in_lex(tokens[j].start, tokens[j].end)) {
            j += 1;
        }
        if j < i {
            out.push(Span {
                kind: EntityKind::Org,
                start: tokens[j].start,
                end: t.end,
            });
        }
    }
    out
}

/// `埃隆·马斯克`, `蒂姆·库克`: CJK runs joined by `·` (or `•`, `・`).
fn transliterated(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (dot_pos, dot) in s.match_indices(['·', '•', '・']) {
        let before = s[..dot_pos]
            .chars()
            .rev()
            .take_while(|&c| TRANSLIT.contains(c))
            .take(6)
            .count();
        if before == 0 {
            continue;
        }
        let start = s[..dot_pos]
            .char_indices()
            .rev()
            .nth(before - 1)
            .map_or(dot_pos, |(i, _)| i);
        // a previous dot already covered this name
        if out.last().is_some_and(|sp: &Span| sp.end > start) {
            continue;
        }
        let mut end = dot_pos + dot.len();
        let mut parts = 1;
        loop {
            let run: usize = s[end..]
                .chars()
                .take_while(|&c| TRANSLIT.contains(c))
                .take(8)
                .map(char::len_utf8)
                .sum();
            if run == 0 {
                break;
            }
            end += run;
            parts += 1;
            match s[end..].chars().next() {
                Some(c @ ('·' | '•' | '・')) => end += c.len_utf8(),
                _ => break,
            }
        }
        if parts >= 2 && before <= 6 {
            // trim a trailing speech verb glued on (`马斯克表示`)
            let text = &s[start..end];
            let trimmed = PERSON_AFTER
                .iter()
                .filter(|w| w.chars().count() >= 2)
                .find_map(|w| text.strip_suffix(w))
                .unwrap_or(text);
            out.push(Span {
                kind: EntityKind::Person,
                start,
                end: start + trimmed.len(),
            });
        }
    }
    out
}

/// Titles in `《》` and `「」`: products, except laws, reports and papers.
fn quoted(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (open, close) in [('《', '》'), ('「', '」')] {
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
            const NOT_PRODUCTS: &[&str] = &[
                "法",
                "条例",
                "规定",
                "办法",
                "意见",
                "通知",
                "报告",
                "决定",
                "纲要",
                "规划",
                "公告",
                "白皮书",
                "决议",
                "方案",
                "指引",
                "细则",
                "准则",
                "标准",
                "协议",
                "合同",
                "说明书",
                "议案",
                "函",
                "书",
                "章程",
                "指南",
                "计划",
                "声明",
            ];
            const PAPERS: &[&str] = &["日报", "时报", "晚报", "商报", "周刊", "杂志", "报", "新闻"];
            if NOT_PRODUCTS.iter().any(|w| title.ends_with(w)) {
                continue;
            }
            let kind = if PAPERS.iter().any(|w| title.ends_with(w)) {
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

/// Latin names of several capitalised words ending in an organisation word
/// (`Counterpoint Research`, `Morgan Stanley`).
fn latin_names(s: &str) -> Vec<Span> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !(b[i].is_ascii_uppercase() && (i == 0 || !b[i - 1].is_ascii_alphanumeric())) {
            i += 1;
            continue;
        }
        // words: [A-Z][A-Za-z&.]* separated by single spaces
        let start = i;
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut j = i;
        loop {
            let ws = j;
            if j >= b.len() || !b[j].is_ascii_uppercase() {
                break;
            }
            while j < b.len()
                && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'&' | b'.' | b'-'))
            {
                j += 1;
            }
            words.push((ws, j));
            if j + 1 < b.len() && b[j] == b' ' && b[j + 1].is_ascii_uppercase() {
                j += 1;
            } else {
                break;
            }
        }
        if words.len() >= 2 {
            // end at the last organisation word
            if let Some(k) = words
                .iter()
                .rposition(|&(a, e)| LATIN_ORG_END.contains(&&s[a..e]))
            {
                if k >= 1 {
                    let end = words[k].1;
                    let end = if s[..end].ends_with('.')
                        && !s[start..end].ends_with("Inc.")
                        && !s[start..end].ends_with("Co.")
                        && !s[start..end].ends_with("Corp.")
                        && !s[start..end].ends_with("Ltd.")
                    {
                        end - 1
                    } else {
                        end
                    };
                    out.push(Span {
                        kind: EntityKind::Org,
                        start,
                        end,
                    });
                }
            }
        }
        i = words.last().map_or(i + 1, |w| w.1.max(i + 1));
    }
    out
}

/// Person names from a surname in context: after a title (`董事长王兴`) or
/// before a speech verb (`李明表示`).
fn persons_in_context(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let after_title = BEFORE_SET.contains(text);
        if !after_title {
            continue;
        }
        // the name: the next 1-2 tokens, 2-4 CJK chars starting with a surname
        let Some(next) = tokens.get(i + 1) else {
            continue;
        };
        let mut end = next.end;
        let mut name = &s[next.start..end];
        if name.chars().count() == 1 {
            if let Some(n2) = tokens.get(i + 2) {
                end = n2.end;
                name = &s[next.start..end];
            }
        }
        let n = name.chars().count();
        if (2..=4).contains(&n)
            && name.chars().all(is_cjk)
            && starts_with_surname(name)
            // a name, not a common word (`董事会`, `公司`, `高水平`)
            && (matches!(next.pos, "nr" | "nrfg" | "nrt" | "x" | "ng")
                || (next.end - next.start == 3 && tokens.get(i + 2).is_some_and(|t| {
                    matches!(t.pos, "nr" | "nrfg" | "x" | "ng" | "nz" | "n" | "a" | "v")
                        && t.end == end
                })))
        {
            out.push(Span {
                kind: EntityKind::Person,
                start: next.start,
                end,
            });
        }
    }
    // before a speech verb: `王兴表示`
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        if !AFTER_SET.contains(text)
            || i == 0
            || matches!(text, "曾" | "则" | "说" | "分析" | "预计" | "预测")
        {
            continue;
        }
        for take in [1usize, 2] {
            if i < take {
                break;
            }
            let first = &tokens[i - take];
            let name = &s[first.start..t.start];
            let n = name.chars().count();
            // one token must be tagged a name (`公司表示`, `董事会主席` are
            // no names); two tokens are a surname and a given name
            let tagged = if take == 1 {
                matches!(first.pos, "nr" | "nrfg" | "nrt" | "x" | "ng")
            } else {
                tokens[i - take..i]
                    .iter()
                    .all(|x| matches!(x.pos, "nr" | "nrfg" | "x" | "n" | "ng" | "nz" | "a" | "j"))
            };
            if (2..=3).contains(&n)
                && name.chars().all(is_cjk)
                && starts_with_surname(name)
                && tagged
            {
                out.push(Span {
                    kind: EntityKind::Person,
                    start: first.start,
                    end: t.start,
                });
                break;
            }
        }
    }
    out
}

/// Stock names in market reports: a name right before a quote in brackets
/// (`同兴达（6.28%）`, `卓翼科技(8.540,0.40,4.91%)`), or in a list before a
/// verb of price (`罗牛山、海德股份涨超5%`, `民和股份涨逾8%`).
fn quoted_stocks(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
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

/// `小米的小爱同学`: a product named right after a company and `的`.
fn product_after_org(s: &str, tokens: &[Tagged<'_>], lex: &[Span]) -> Vec<Span> {
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

/// Picks non-overlapping spans: by trust class, then longer first.
fn resolve(mut cands: Vec<(u8, Span)>) -> Vec<Span> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_finds_names_leftmost_longest() {
        let r = EntityRecognizer::new();
        let found: Vec<(usize, usize, EntityKind)> = r.lexicon.find_all("据中信证券研报，小米集团");
        assert_eq!(found, [(3, 15, EntityKind::Org), (24, 36, EntityKind::Org)]);
        assert_eq!(r.lookup("中信证券"), Some(EntityKind::Org));
        assert_eq!(r.lookup("中信证"), None);
        assert_eq!(r.lookup(""), None);
    }

    #[test]
    fn the_last_added_kind_wins_however_the_name_is_padded() {
        let mut r = EntityRecognizer::new();
        r.add("灵犀助手", EntityKind::Org);
        r.add(" 灵犀助手 ", EntityKind::Product);
        assert_eq!(r.lookup("灵犀助手"), Some(EntityKind::Product));
        // an added name wins over the embedded one
        r.add("小米集团", EntityKind::Product);
        assert_eq!(r.lookup("小米集团"), Some(EntityKind::Product));
    }
}
