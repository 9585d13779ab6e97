//! Small word tables with longest-match lookup at a position.
//!
//! The quantity grammar asks "which currency name, measure word or qualifier
//! starts here?" at every candidate position. The tables are small (tens to
//! hundreds of words), so a map from first character to the words that start
//! with it, longest first, answers in a few comparisons without allocating.
//!
//! The name lexicons are larger (thousands of names) and are searched over
//! the whole text: [`NameMatcher`] is a character trie for leftmost-longest
//! matching.

use rustc_hash::FxHashMap;

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

    /// Number of words.
    pub fn len(&self) -> usize {
        self.by_first.iter().map(|e| e.1.len()).sum()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// A set of names found in running text, leftmost-longest and not
/// overlapping (as Aho-Corasick with leftmost-longest semantics finds them),
/// one character at a time through a trie. Each name has the index it was
/// given in; of names spelled alike, the first keeps its index.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    /// `(node, character)` → child node; the root is node 0.
    edges: FxHashMap<(u32, char), u32>,
    /// The index of the name ending at each node, [`NameMatcher::NONE`] if
    /// none.
    ends: Vec<u32>,
    /// One bit per BMP character: does some name start with it?
    first_bits: Vec<u64>,
}

impl NameMatcher {
    const NONE: u32 = u32::MAX;

    /// A matcher for `names`, indexed in order. Empty names are skipped.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> NameMatcher {
        let mut m = NameMatcher {
            edges: FxHashMap::default(),
            ends: vec![Self::NONE],
            first_bits: vec![0; 0x10000 / 64],
        };
        for (index, name) in names.into_iter().enumerate() {
            let Some(first) = name.chars().next() else {
                continue;
            };
            let code = first as usize;
            if code < 0x10000 {
                m.first_bits[code >> 6] |= 1 << (code & 63);
            }
            let mut node = 0u32;
            for c in name.chars() {
                let next = u32::try_from(m.ends.len()).unwrap_or(Self::NONE);
                node = *m.edges.entry((node, c)).or_insert(next);
                if node == next {
                    m.ends.push(Self::NONE);
                }
            }
            let end = &mut m.ends[node as usize];
            if *end == Self::NONE {
                *end = u32::try_from(index).unwrap_or(Self::NONE - 1);
            }
        }
        m
    }

    /// Whether some name starts with `c`.
    #[inline]
    fn may_start(&self, c: char) -> bool {
        let code = c as usize;
        code >= 0x10000 || self.first_bits[code >> 6] & (1 << (code & 63)) != 0
    }

    /// The longest name starting at byte `pos` of `s`: its index and end.
    pub fn longest_at(&self, s: &str, pos: usize) -> Option<(u32, usize)> {
        let rest = s.get(pos..)?;
        let mut node = 0u32;
        let mut best = None;
        for (off, c) in rest.char_indices() {
            let Some(&next) = self.edges.get(&(node, c)) else {
                break;
            };
            node = next;
            let end = self.ends[node as usize];
            if end != Self::NONE {
                best = Some((end, pos + off + c.len_utf8()));
            }
        }
        best
    }

    /// The index of `name` when it is one of the names.
    pub fn get(&self, name: &str) -> Option<u32> {
        self.longest_at(name, 0)
            .filter(|&(_, end)| end == name.len())
            .map(|(index, _)| index)
    }

    /// Every name in `s`, leftmost first, longest at each start, none
    /// overlapping: `(start, end, index)`.
    pub fn find_all(&self, s: &str) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = s.get(i..).and_then(|t| t.chars().next()) {
            if self.may_start(c) {
                if let Some((index, end)) = self.longest_at(s, i) {
                    out.push((i, end, index));
                    i = end;
                    continue;
                }
            }
            i += c.len_utf8();
        }
        out
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn names_match_leftmost_longest_without_overlap() {
        let m = NameMatcher::new([
            "中信",
            "中信证券",
            "证券日报",
            "小米",
            "小米集团",
            "中信",
            "",
        ]);
        // `中信证券` wins over `中信` at the same start, and `证券日报`
        // overlapping it is not found
        assert_eq!(
            m.find_all("中信证券日报说小米集团和小米"),
            [(0, 12, 1), (21, 33, 4), (36, 42, 3)]
        );
        // a name spelled twice keeps its first index
        assert_eq!(m.get("中信"), Some(0));
        assert_eq!(m.get("中信证"), None);
        assert_eq!(m.get(""), None);
        assert_eq!(m.longest_at("说小米集团", 3), Some((4, 15)));
        assert_eq!(m.longest_at("说小米集团", 1), None);
        assert_eq!(m.find_all(""), []);
    }
}
