//! Small word tables with longest-match lookup at a position.
//!
//! The quantity grammar asks "which currency name, measure word or qualifier
//! starts here?" at every candidate position. The tables are small (tens to
//! hundreds of words), so a map from first character to the words that start
//! with it, longest first, answers in a few comparisons without allocating.

use std::sync::LazyLock;

/// The words of a table that start with one character, longest first.
type Bucket<T> = Vec<(Box<str>, T)>;

/// Words with a value each, looked up by longest match at a byte position.
#[derive(Debug, Clone)]
pub struct WordTable<T> {
    /// Sorted by first character; each list longest word first. A binary
    /// search over a few hundred characters beats hashing on the hot path.
    by_first: Vec<(char, Bucket<T>)>,
    /// One bit per BMP character: does some word start with it? Most
    /// lookups end here.
    first_bits: Vec<u64>,
}

impl<T> Default for WordTable<T> {
    fn default() -> Self {
        WordTable {
            by_first: Vec::new(),
            first_bits: vec![0; 0x10000 / 64],
        }
    }
}

impl<T> WordTable<T> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `word` with `value`. A word added twice keeps the later value.
    pub fn insert(&mut self, word: &str, value: T) {
        let Some(first) = word.chars().next() else {
            return;
        };
        let code = first as usize;
        if code < 0x10000 {
            self.first_bits[code >> 6] |= 1 << (code & 63);
        }
        let idx = match self.by_first.binary_search_by_key(&first, |e| e.0) {
            Ok(i) => i,
            Err(i) => {
                self.by_first.insert(i, (first, Vec::new()));
                i
            }
        };
        let list = &mut self.by_first[idx].1;
        if let Some(slot) = list.iter_mut().find(|(w, _)| &**w == word) {
            slot.1 = value;
            return;
        }
        list.push((word.into(), value));
        list.sort_by_key(|w| std::cmp::Reverse(w.0.len()));
    }

    /// The longest word starting at byte `pos` of `s`, with its value and
    /// byte length.
    pub fn longest_at(&self, s: &str, pos: usize) -> Option<(&T, usize)> {
        let rest = s.get(pos..)?;
        let first = rest.chars().next()?;
        if !self.may_start(first) {
            return None;
        }
        let i = self.by_first.binary_search_by_key(&first, |e| e.0).ok()?;
        self.by_first[i]
            .1
            .iter()
            .find(|(w, _)| rest.starts_with(&**w))
            .map(|(w, v)| (v, w.len()))
    }

    /// A quick check: `false` means no word starts with `c`.
    #[inline]
    fn may_start(&self, c: char) -> bool {
        let code = c as usize;
        code >= 0x10000 || self.first_bits[code >> 6] & (1 << (code & 63)) != 0
    }

    /// Whether `c` starts some word of the table.
    pub fn starts_with_char(&self, c: char) -> bool {
        if !self.may_start(c) {
            return false;
        }
        self.by_first.binary_search_by_key(&c, |e| e.0).is_ok()
    }
}

/// The data lines of an embedded table: trimmed, without blank lines and
/// `#` comments, with their 1-based line numbers.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

const CHANGE_VERBS: &str = include_str!("../data/claim/change_verbs.txt");

/// The verbs of change (`data/claim/change_verbs.txt`), longest first, with
/// whether each goes up.
static CHANGE_VERB_TABLE: LazyLock<Vec<(&'static str, bool)>> = LazyLock::new(|| {
    let mut verbs: Vec<(&str, bool)> = data_lines(CHANGE_VERBS)
        .filter_map(|(_, l)| {
            let (dir, verb) = l.split_once(' ')?;
            Some((verb.trim(), dir == "up"))
        })
        .collect();
    verbs.sort_by_key(|v| std::cmp::Reverse(v.0.len()));
    verbs
});

/// The longest verb of change `s` ends with, and whether it goes up: the
/// quantity grammar (`增长 3-5%` is a range after it) and the claim reader
/// (the figure after it is a change) read the same table.
pub(crate) fn change_verb_ending(s: &str) -> Option<(&'static str, bool)> {
    let last = s.chars().next_back()?;
    let by_last = &*CHANGE_VERBS_BY_LAST;
    let k = by_last.binary_search_by_key(&last, |(c, _)| *c).ok()?;
    by_last[k].1.iter().find(|(v, _)| s.ends_with(v)).copied()
}

/// A verb of change and whether it goes up.
type ChangeVerb = (&'static str, bool);

/// The verbs of change by their last character, sorted by it, each list
/// longest first as in [`CHANGE_VERB_TABLE`]: most words end with none of
/// these characters, and a word that does is tried only against the verbs
/// ending as it does.
static CHANGE_VERBS_BY_LAST: LazyLock<Vec<(char, Vec<ChangeVerb>)>> = LazyLock::new(|| {
    let mut by_last: Vec<(char, Vec<ChangeVerb>)> = Vec::new();
    for &(verb, up) in CHANGE_VERB_TABLE.iter() {
        let Some(last) = verb.chars().next_back() else {
            continue;
        };
        match by_last.binary_search_by_key(&last, |(c, _)| *c) {
            Ok(k) => by_last[k].1.push((verb, up)),
            Err(k) => by_last.insert(k, (last, vec![(verb, up)])),
        }
    }
    by_last
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_verb_ending_finds_what_the_table_in_order_finds() {
        let linear = |s: &str| {
            CHANGE_VERB_TABLE
                .iter()
                .find(|(v, _)| s.ends_with(v))
                .copied()
        };
        let mut words: Vec<String> = vec![String::new(), "营收".into(), "同比".into()];
        for (v, _) in CHANGE_VERB_TABLE.iter() {
            words.push((*v).to_string());
            words.push(format!("营收{v}"));
            words.push(format!("{v}了"));
        }
        for w in &words {
            assert_eq!(change_verb_ending(w), linear(w), "{w}");
        }
    }

    #[test]
    fn longest_match_wins() {
        let mut t = WordTable::new();
        t.insert("台币", 1);
        t.insert("新台币", 2);
        t.insert("元", 3);
        t.insert("元人民币", 4);
        assert_eq!(t.longest_at("5元人民币", 1), Some((&4, 12)));
        assert_eq!(t.longest_at("5元", 1), Some((&3, 3)));
        assert_eq!(t.longest_at("新台币", 0), Some((&2, 9)));
        assert_eq!(t.longest_at("新加坡", 0), None);
        assert_eq!(t.longest_at("abc", 7), None);
        assert!(t.starts_with_char('新') && !t.starts_with_char('加'));
    }
}
