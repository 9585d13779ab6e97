//! [`EntityRecognizer`]: the lexicon, the names users add, and the
//! recognition of one text from its tagged tokens.

use std::collections::HashSet;

use super::latin::{latin_boundary_ok, latin_names};
use super::lexicon::{DEFAULT_ENTRIES, DEFAULT_LEXICON, Lexicon, TokenBoundaries};
use super::merge::{merge_orgs, resolve};
use super::org::{org_rule, party_congresses};
use super::person::{persons_in_context, split_given_names, surname_with_title};
use super::places::{abbreviated_places, extend_place, place_ending, place_suffix_after};
use super::stocks::quoted_stocks;
use super::titles::{product_after_org, quoted};
use super::translit::{split_foreign_names, translit, transliterated};
use super::words::{common_surname, starts_with_surname};
use super::{EntityKind, Span, Tagged};
use crate::text::char_len;

/// Finds named entities. Built once (it holds the compiled lexicons);
/// `Send + Sync`.
#[derive(Debug, Clone)]
pub struct EntityRecognizer {
    pub(super) lexicon: Lexicon,
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
        cands.extend(split_given_names(s, tokens).into_iter().map(|sp| (1, sp)));
        cands.extend(split_foreign_names(s, tokens).into_iter().map(|sp| (1, sp)));
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
