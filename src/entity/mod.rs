//! Named entities: organisations, people, places and products (SPEC.md
//! "Entity").
//!
//! Three sources are combined, in this order of trust:
//! 1. rules that build whole names: organisation suffixes extended leftwards
//!    over name-like tokens (`中信` + `证券`, `国务院` + `外办`,
//!    `深圳市腾讯计算机系统有限公司`), transliterated names joined by `·`
//!    (`埃隆·马斯克`), titles in `《》`, a product right after a company
//!    (`小米的小爱同学`), Latin names of several words (`Counterpoint
//!    Research`), person names from a surname in context (`董事长王兴`,
//!    `李明表示`);
//! 2. lexicons compiled by hand (`data/entity/*.txt`: companies, brokers,
//!    banks, regulators, places, products, people; indexes, matched so that
//!    no name is read inside them, are no entities of the document),
//!    matched leftmost-longest with Aho-Corasick; users add their own with
//!    [`EntityRecognizer::add`];
//! 3. the segmenter's POS tags (`nr`, `ns`, `nt`).
//!
//! Overlaps are resolved by trust, then by length.
//!
//! The rules' word lists are data too, under `data/entity/`: the words
//! before and after a person name (`person_before.txt`, `person_after.txt`),
//! the surnames with the 100 common ones marked (`surnames.txt`), the
//! transliteration characters (`translit.txt`), organisation suffixes
//! (`org_suffix.txt`, `latin_org_end.txt`), state titles
//! (`state_titles.txt`), title endings (`titles.txt`), the words of market
//! reports (`stocks.txt`), place abbreviations (`place_abbrev.txt`), the
//! words that relate two names (`relations.txt`), commodities
//! (`commodities.txt`), words that hold no name (`no_names.txt`), words
//! of government after places
//! (`government.txt`), the model words of products
//! (`product_models.txt`) and the forms of address after a surname alone
//! (`forms_of_address.txt`).
//!
//! The files: [`recognizer`] ([`EntityRecognizer`] and the recognition of
//! one text in named steps), [`lexicon`] (the embedded lexicons and their
//! matcher), [`words`] (the word tables several rules share: surnames, the
//! words around a person name), the rules [`org`] (organisation suffixes,
//! party congresses), [`person`] (person names from surnames and context),
//! [`translit`] (transliterated names), [`titles`] (titles in `《》`, products
//! after a company), [`latin`] (Latin names), [`places`] (abbreviated places,
//! place suffixes), [`stocks`] (stock names in market reports), [`tags`]
//! (names from POS tags alone), [`bounds`] (the model's names fitted to
//! the words they stand in), [`relations`] (the model's names cut at
//! words that relate two names), [`repeats`] (a name found once, found
//! again wherever its text stands as a word), [`indexes`] (no names inside
//! index names built of words), and [`merge`] (the choice among candidates
//! by [`merge::Trust`]).

mod bounds;
mod combine;
mod indexes;
mod latin;
mod lexicon;
mod merge;
mod model;
mod named;
mod org;
mod person;
mod places;
mod recognizer;
mod relations;
mod repeats;
mod stocks;
mod tags;
#[cfg(test)]
mod tests;
mod titles;
mod translit;
mod words;

use serde::{Deserialize, Serialize};

pub(crate) use lexicon::without_indexes;
pub use model::{EpochReport, KindScore, NerExample, NerModel, NerTrainer, TrainOptions};
pub(crate) use named::Named;
pub use recognizer::EntityRecognizer;
pub(crate) use words::{common_surname, is_commodity};

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
    /// Byte offset of the start in the folded text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the folded text.
    pub end: usize,
    /// The segmenter's POS tag (`nr`, `ns`, `nt`, `v`, ...).
    pub pos: &'a str,
}

/// An entity found in folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// What it is.
    pub kind: EntityKind,
    /// Byte offset of the start in the folded text.
    pub start: usize,
    /// Byte offset of the end (exclusive) in the folded text.
    pub end: usize,
}
