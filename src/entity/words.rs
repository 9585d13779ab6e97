//! The word tables several rules share, parsed once from `data/entity/`:
//! the words around a person name (`董事长王兴`, `李明表示`) and the
//! surnames; the set types word lists are looked up in, and the readers of
//! the two file formats (one word a line, `role  word` lines).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lexicon::data_lines;

/// surnames.txt: single and compound surnames.
const SURNAME_DATA: &str = include_str!("../../data/entity/surnames.txt");

/// person_before.txt: words before a name that mark it as a person
/// (`董事长王兴`).
const PERSON_BEFORE_DATA: &str = include_str!("../../data/entity/person_before.txt");
/// person_after.txt: words after a name that mark it as a person
/// (`李明表示`).
const PERSON_AFTER_DATA: &str = include_str!("../../data/entity/person_after.txt");

/// commodities.txt: goods traded on futures and spot markets.
const COMMODITY_DATA: &str = include_str!("../../data/entity/commodities.txt");

/// The commodities, as a set.
static COMMODITIES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&words_of(COMMODITY_DATA)));

/// Whether `text` is a commodity (`铁矿石`, `豆粕`): no name, but what a
/// market move is about.
pub(crate) fn is_commodity(text: &str) -> bool {
    COMMODITIES.contains(text)
}

/// no_names.txt: words that hold no name (`奥密克戎`).
const NO_NAME_DATA: &str = include_str!("../../data/entity/no_names.txt");

/// The words of no_names.txt.
static NO_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_of(NO_NAME_DATA));

/// The byte ranges of `s` where a word of no_names.txt stands, in text
/// order (a name overlapping one is dropped).
pub(super) fn no_name_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = NO_NAMES
        .iter()
        .flat_map(|w| s.match_indices(w).map(|(a, w)| (a, a + w.len())))
        .collect();
    out.sort_unstable();
    out
}

/// The commodity words, as a list (to find the ones a name starts).
static COMMODITY_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_of(COMMODITY_DATA));

/// Whether the name `s[a..b]` is the start of a commodity written at `a`
/// (`布伦特` of `布伦特原油`).
pub(super) fn starts_a_commodity(s: &str, a: usize, b: usize) -> bool {
    let rest = &s[a..];
    COMMODITY_LIST
        .iter()
        .any(|c| c.len() > b - a && rest.starts_with(c))
}

/// The data lines of an embedded word list, one word a line.
pub(super) fn words_of(data: &'static str) -> Vec<&'static str> {
    data_lines(data).map(|(_, w)| w).collect()
}

/// The words of `role` in an embedded table of `role  word` lines.
pub(super) fn role_words(data: &'static str, role: &str) -> Vec<&'static str> {
    data_lines(data)
        .filter_map(|(_, l)| l.split_once(char::is_whitespace))
        .filter(|(r, _)| *r == role)
        .map(|(_, w)| w.trim())
        .collect()
}

/// A static word list as a set, looked up by byte length and first
/// character first (most tokens have a length or a first character no word
/// has).
pub(super) struct WordSet {
    /// The words.
    words: FxHashSet<&'static str>,
    /// One bit per BMP character: does some word start with it?
    first_bits: Vec<u64>,
    /// Bit `n` for a word of `n` bytes (bit 63: 63 bytes or more).
    lengths: u64,
}

impl WordSet {
    /// The set of `words`.
    pub(super) fn new(words: &[&'static str]) -> WordSet {
        let mut first_bits = vec![0u64; 0x10000 / 64];
        let mut lengths = 0u64;
        for w in words {
            lengths |= 1 << w.len().min(63);
            let Some(c) = w.chars().next() else { continue };
            if let Some(b) = first_bits.get_mut((c as usize) >> 6) {
                *b |= 1 << ((c as usize) & 63);
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            first_bits,
            lengths,
        }
    }

    /// Whether `w` is one of the words.
    #[inline]
    pub(super) fn contains(&self, w: &str) -> bool {
        if self.lengths & (1 << w.len().min(63)) == 0 {
            return false;
        }
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

/// A set of characters: one bit per BMP character, a list for the rest.
pub(super) struct CharSet {
    /// One bit per BMP character.
    bits: Vec<u64>,
    /// Characters beyond the BMP.
    others: Vec<char>,
}

impl CharSet {
    /// The set of `chars`.
    pub(super) fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut set = CharSet {
            bits: vec![0u64; 0x10000 / 64],
            others: Vec::new(),
        };
        for c in chars {
            let code = c as usize;
            match set.bits.get_mut(code >> 6) {
                Some(b) => *b |= 1 << (code & 63),
                None => set.others.push(c),
            }
        }
        set
    }

    /// Whether `c` is in the set.
    #[inline]
    pub(super) fn contains(&self, c: char) -> bool {
        let code = c as usize;
        match self.bits.get(code >> 6) {
            Some(b) => b & (1 << (code & 63)) != 0,
            None => self.others.contains(&c),
        }
    }
}

/// Words before a name that mark it as a person (`董事长王兴`).
pub(super) static BEFORE_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&words_of(PERSON_BEFORE_DATA)));
/// Words after a name that mark it as a person (`李明表示`), in the order of
/// person_after.txt.
pub(super) static PERSON_AFTER: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words_of(PERSON_AFTER_DATA));
/// [`PERSON_AFTER`] as a set.
pub(super) static AFTER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&PERSON_AFTER));

/// The surnames of surnames.txt.
pub(super) struct Surnames {
    /// Single-character surnames: `王`, `欧`.
    pub(super) single: FxHashSet<char>,
    /// Compound surnames: `欧阳`, `司马`.
    pub(super) compound: Vec<&'static str>,
    /// The 100 most common single surnames (marked `common`).
    pub(super) common: CharSet,
}

/// The surnames, parsed once.
pub(super) static SURNAMES: LazyLock<Surnames> = LazyLock::new(|| {
    let mut single = FxHashSet::default();
    let mut compound = Vec::new();
    let mut common = Vec::new();
    for (_, line) in data_lines(SURNAME_DATA) {
        let mut fields = line.split_whitespace();
        let Some(s) = fields.next() else { continue };
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => {
                single.insert(c);
                if fields.next() == Some("common") {
                    common.push(c);
                }
            }
            (Some(_), Some(_)) => compound.push(s),
            _ => {}
        }
    }
    Surnames {
        single,
        compound,
        common: CharSet::new(common),
    }
});

/// Whether `text` starts with one of the 100 most common surnames.
pub(crate) fn common_surname(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| SURNAMES.common.contains(c))
}

/// derived/person.txt: the first characters of its names count as surnames
/// too (`鄂志寰`, `萧泓`: surnames surnames.txt lacks).
const PERSON_NAMES: &str = include_str!("../../data/entity/derived/person.txt");

/// The first characters of the derived person names.
static NAME_FIRSTS: LazyLock<FxHashSet<char>> = LazyLock::new(|| {
    data_lines(PERSON_NAMES)
        .filter_map(|(_, name)| name.chars().next())
        .collect()
});

/// Whether `text` starts with a surname of surnames.txt, a first
/// character of a listed person name, or a familiar prefix.
pub(super) fn starts_like_a_name(text: &str) -> bool {
    // `小平`, `阿强`: a given name with its familiar prefix
    starts_with_surname(text)
        || text
            .chars()
            .next()
            .is_some_and(|c| NAME_FIRSTS.contains(&c) || matches!(c, '小' | '阿'))
}

/// Whether `text` starts with a surname, single or compound.
pub(super) fn starts_with_surname(text: &str) -> bool {
    let Surnames {
        single, compound, ..
    } = &*SURNAMES;
    text.chars().next().is_some_and(|c| single.contains(&c))
        || compound.iter().any(|c| text.starts_with(c))
}

/// `text` after the enumeration word it starts with (`一是`…`十是`,
/// `首先`, `其次`), if it does.
pub(super) fn strip_enumeration(text: &str) -> Option<&str> {
    let mut cs = text.chars();
    let ordinal = cs
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c));
    let rest = cs.as_str();
    match rest.strip_prefix('是') {
        Some(rest) if ordinal => Some(rest),
        _ => text
            .strip_prefix("首先")
            .or_else(|| text.strip_prefix("其次")),
    }
}
