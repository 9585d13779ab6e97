//! Latin names: organisations of several capitalised words
//! (`Counterpoint Research`), and the word boundary a Latin lexicon name
//! needs.

use std::sync::LazyLock;

use super::words::{WordSet, words_of};
use super::{EntityKind, Span};

/// latin_org_end.txt: Latin words that end an organisation name.
const LATIN_ORG_END_DATA: &str = include_str!("../../data/entity/latin_org_end.txt");

/// Latin words that end an organisation name (`Counterpoint Research`).
static LATIN_ORG_END: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&words_of(LATIN_ORG_END_DATA)));

/// A Latin name must not be part of a longer Latin word (`ADS` in `ADSL`).
pub(super) fn latin_boundary_ok(s: &str, a: usize, b: usize) -> bool {
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

/// Latin names of several capitalised words ending in an organisation word
/// (`Counterpoint Research`, `Morgan Stanley`).
pub(super) fn latin_names(s: &str) -> Vec<Span> {
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
                .rposition(|&(a, e)| LATIN_ORG_END.contains(&s[a..e]))
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
