//! [`EntityRecognizer`]: the lexicon, the names users add, and the
//! recognition of one text from its tagged tokens.

use std::collections::HashSet;

use super::combine::{Whole, combine};
use super::indexes::names_outside_indexes;
use super::latin::{
    brand_models, latin_names, latin_persons, latin_products, products_with_models,
};
use super::lexicon::{DEFAULT_ENTRIES, DEFAULT_LEXICON, Lexicon};
use super::merge::{Candidates, Trust, merge_orgs};
use super::org::{
    bodies_of_places, generic_bodies, org_rule, orgs_ending_in_words, party_congresses,
};
use super::person::{persons_in_context, split_given_names, surname_with_title};
use super::places::{abbreviated_places, single_character_places};
use super::relations::related_companies;
use super::repeats::repeat_names;
use super::stocks::{quoted_boards, quoted_stocks};
use super::tags::tagged;
use super::titles::{product_after_org, quoted, titles_holding_no_name};
use super::translit::{split_foreign_names, transliterated};
use super::{EntityKind, NerModel, Span, Tagged};

/// Finds named entities. Built once (it holds the compiled lexicons);
/// `Send + Sync`.
#[derive(Debug, Clone)]
pub struct EntityRecognizer {
    /// The matcher of the embedded and added names.
    pub(super) lexicon: Lexicon,
    /// Entries added by the user, kept to rebuild the matcher.
    added: Vec<(String, EntityKind)>,
    /// The trained tagger; `None` for the rules alone.
    model: Option<NerModel>,
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
            model: NerModel::embedded().cloned(),
        }
    }

    /// Uses `model` (one trained with `zhnews train-ner`) instead of the
    /// embedded model.
    pub fn with_model(mut self, model: NerModel) -> EntityRecognizer {
        self.model = Some(model);
        self
    }

    /// Recognizes with the rules, lexicons and POS tags alone, without the
    /// trained model (what zhnews did before it had one: faster, less
    /// accurate; see README, "Entity model").
    pub fn without_model(mut self) -> EntityRecognizer {
        self.model = None;
        self
    }

    /// The trained model in use, if any.
    pub fn model(&self) -> Option<&NerModel> {
        self.model.as_ref()
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
        let lexical = self.lexicon.spans(s, tokens);
        match &self.model {
            Some(model) => {
                let tagging = model.spans(s, tokens, &lexical);
                let boards = quoted_boards(s, tokens);
                let mut stocks = quoted_stocks(s, tokens);
                stocks.extend(boards.iter().copied());
                stocks.sort_by_key(|sp| (sp.start, sp.end));
                let addressed = latin_persons(s);
                let base = beside_model(s, tokens, &lexical, &stocks, &addressed, &tagging.names);
                // a Latin name before a form of address (`Ling Ho女士`) is
                // a person, whatever the model reads in it
                let mut decisive = stocks.clone();
                decisive.extend(addressed.iter().copied());
                decisive.sort_by_key(|sp| (sp.start, sp.end));
                let whole = Whole {
                    lexical: &lexical,
                    decisive: &decisive,
                    listed: &tagging.stocks,
                    org_named: &|name| self.lookup(name) == Some(EntityKind::Org),
                };
                let mut names = merge_orgs(s, combine(s, tokens, tagging.names, base, &whole));
                // boards hold the place of their names, then give way
                names.retain(|n| !boards.contains(n));
                refined(s, tokens, &lexical, names)
            }
            None => by_rules(s, tokens, &lexical),
        }
    }
}

/// The names of lexicons and of the rules that build whole names, resolved
/// by trust: what the model's names are joined with ([`combine`]). The
/// model takes the place of the person rules, the POS tags and the
/// abbreviated places; a title that holds one of the model's names
/// (`modelled`) is no product.
fn beside_model(
    s: &str,
    tokens: &[Tagged<'_>],
    lexical: &[Span],
    stocks: &[Span],
    addressed: &[Span],
    modelled: &[Span],
) -> Vec<Span> {
    let mut cands = Candidates::default();
    cands.add(Trust::Lexicon, lexical.iter().copied());
    cands.add(Trust::Rule, org_rule(s, tokens, lexical));
    cands.add(Trust::Rule, transliterated(s));
    cands.add(Trust::Rule, titles_holding_no_name(quoted(s), modelled));
    cands.add(Trust::Rule, latin_names(s));
    cands.add(Trust::Rule, addressed.iter().copied());
    cands.add(Trust::Rule, stocks.iter().copied());
    cands.add(Trust::Rule, product_after_org(s, tokens, lexical));
    cands.add(Trust::Rule, latin_products(s, &lexical_org(lexical)));
    cands.resolve()
}

/// The combined names (in text order) through the passes that read the
/// whole document: bodies of common words dropped, organisations cut
/// before a word their suffix starts, bodies of places, names repeated,
/// one-character places in words and names inside index names dropped.
fn refined(s: &str, tokens: &[Tagged<'_>], lexical: &[Span], names: Vec<Span>) -> Vec<Span> {
    let names = generic_bodies(s, tokens, lexical, related_companies(s, tokens, names));
    let names = orgs_ending_in_words(s, tokens, lexical, names);
    let names = repeat_names(s, tokens, bodies_of_places(s, tokens, names));
    let names = names_outside_indexes(s, tokens, single_character_places(s, tokens, names));
    products_with_models(s, brand_models(s, names))
}

/// Whether an organisation of the lexicon spans exactly `a..b` (`eBay`).
fn lexical_org(lexical: &[Span]) -> impl Fn(usize, usize) -> bool + '_ {
    move |a, b| {
        lexical
            .binary_search_by_key(&a, |sp| sp.start)
            .is_ok_and(|k| lexical[k].end == b && lexical[k].kind == EntityKind::Org)
    }
}

/// The names of the rules, lexicons and POS tags alone.
///
/// The candidates are proposed in a fixed order (ties in trust, length and
/// start keep it): lexicon names, the rules, the POS tags, then party
/// congresses after tags that hold a lexicon name are promoted.
fn by_rules(s: &str, tokens: &[Tagged<'_>], lexical: &[Span]) -> Vec<Span> {
    let mut cands = Candidates::default();
    cands.add(Trust::Lexicon, lexical.iter().copied());
    rule_candidates(s, tokens, lexical, &mut cands);
    cands.add(Trust::Tag, tagged(s, tokens));
    cands.promote_fuller_tags();
    cands.add(Trust::Rule, party_congresses(s));
    merge_orgs(s, cands.resolve())
}

/// The candidates of the rules that build whole names, in their order;
/// `lexical` are the lexicon names, which the organisation and product
/// rules build on.
fn rule_candidates(s: &str, tokens: &[Tagged<'_>], lexical: &[Span], cands: &mut Candidates) {
    cands.add(Trust::Rule, org_rule(s, tokens, lexical));
    cands.add(Trust::Rule, transliterated(s));
    cands.add(Trust::Rule, quoted(s));
    cands.add(Trust::Rule, latin_names(s));
    cands.add(Trust::Rule, persons_in_context(s, tokens));
    cands.add(Trust::Rule, quoted_stocks(s, tokens));
    cands.add(Trust::Rule, product_after_org(s, tokens, lexical));
    cands.add(Trust::Rule, abbreviated_places(s, tokens));
    cands.add(Trust::Rule, split_given_names(s, tokens));
    cands.add(Trust::Rule, split_foreign_names(s, tokens));
    cands.add(Trust::Rule, surname_with_title(s, tokens));
}
