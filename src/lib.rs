//! # zhnews: exact facts from Chinese tech-finance news
//!
//! zhnews reads Chinese 财经 / 科技 / 股票 news and gives structured facts:
//! every numeric expression with its exact value (`889 亿元` →
//! `88900000000` CNY, `3-6 亿美元` → a range, `超过 5 万家` → `50000` with
//! qualifier `over`), every time expression resolved against a reference
//! date (`去年二季度` → `2023-Q2`), named entities (organisations, people,
//! places, products) and numeric claims tying them together (who, what
//! metric, what value, what change, when). Values are exact
//! [`rust_decimal::Decimal`]s, serialized as strings; offsets are byte
//! offsets into the caller's original text. The JSON output is described in
//! [`format`](mod@format) (the repository's `FORMAT.md`, following the project's SPEC.md).
//!
//! ```
//! use zhnews::{Analyzer, RefDate};
//!
//! let analyzer = Analyzer::new().with_ref_date(RefDate::parse("2024-08-21")?);
//! let text = "小米集团二季度营收 889 亿元，同比增长 32%。";
//! let doc = analyzer.analyze(text);
//!
//! let revenue = &doc.quantities[0];
//! assert_eq!(revenue.value.unwrap().to_string(), "88900000000");
//! assert_eq!(revenue.unit.as_deref(), Some("CNY"));
//! assert_eq!(&text[revenue.start..revenue.end], "889 亿元");
//!
//! let claim = &doc.claims[0];
//! assert_eq!(claim.subject.as_deref(), Some("小米集团"));
//! assert_eq!(claim.metric.as_deref(), Some("营收"));
//! assert_eq!(claim.period.as_deref(), Some("2024-Q2"));
//! let change = claim.change.as_ref().unwrap();
//! assert_eq!(change.value.as_ref().unwrap().value.unwrap().to_string(), "0.32");
//!
//! // one expression at a time, without loading any dictionary
//! let q = zhnews::normalize("2010 万美元")?;
//! assert_eq!(q.value.unwrap().to_string(), "20100000"); // not the year 2010
//! # Ok::<(), zhnews::Error>(())
//! ```
//!
//! ## Traditional characters, relative times
//! Text is folded once, before the scanner, the segmenter and the entity
//! stage read it: full-width forms to ASCII, and traditional characters to
//! simplified ones, one for one, from a table generated out of the Unicode
//! Han Database (`萬 億 港幣 後 號` read as `万 亿 港币 后 号`; characters
//! mainland text also writes, such as 於 and 乾, stay). Those stages work in
//! the folded text's offsets; their results are moved to the original once,
//! and the claim rules read the original text as written. Offsets and
//! `text` in every result always refer to the original.
//!
//! Days without a year follow a news convention: `29日` and `周三` alone are
//! the most recent such day on or before the reference date; `3月5日` is in
//! the reference year unless that is more than half a year ahead, then in
//! the year before (the repository's `FORMAT.md` has the details).
//!
//! A relative time without a reference date keeps what it says: `value` is
//! `null`, `offset` how far the reference lies (`"-1y"`) and `part` the
//! calendar part within that year, as the value would write it after the
//! year: `去年三季度` → offset `-1y`, part `Q3`; `去年9月` → `09`; `去年1-9月`
//! → `01/09`.
//!
//! ```
//! let t = zhnews::normalize_time("去年三季度", None)?;
//! assert_eq!((t.offset.as_deref(), t.part.as_deref()), (Some("-1y"), Some("Q3")));
//! # Ok::<(), zhnews::Error>(())
//! ```
//!
//! ## Entry points
//! - [`Analyzer`]: build once, share by `&` across threads (`Send + Sync`),
//!   call [`Analyzer::analyze`] per document → [`Document`].
//! - [`normalize`]: one quantity expression → [`Quantity`];
//!   [`normalize_time`]: one time expression → [`Time`];
//!   [`normalize_expression`]: either, or a change phrase (`同比增长 14%`),
//!   as the CLI's `normalize` reads them.
//! - [`scan::find`]: quantities and times only, no segmenter loaded.
//! - [`Segmenter`]: words with POS tags, quantities and times kept whole.
//! - [`record`]: the JSONL record reader and writer behind `zhnews extract`.
//!
//! ## Performance
//! Measured with `cargo bench` (criterion, `Throughput::Bytes`, about 1 MB
//! of real articles, plain jieba-rs `cut` in the same run as the
//! reference); see the README's table for the figures and the machine.
//! [`scan::find`] reads quantities and times about twice as fast as jieba-rs
//! cuts the same text; [`Analyzer::analyze`] (segmentation with POS tags,
//! entities, claims) runs at about a fifth of jieba-rs `cut`, a third of it
//! segmentation (mostly jieba-rs itself) and a third entity rules.
//! [`Analyzer::new`] takes under 0.1 s (it loads jieba-rs's dictionary and
//! compiles the entity lexicons): build it once.
//! Per-call work is linear in the input: no stage rescans the text for
//! every match, the claim reader searches its spans from where it last
//! stood rather than over the whole document, and lists of names are
//! joined through sorted indexes. One document of 1,000 copies of a real
//! article costs 1.00 × 1,000 × the instructions of one copy, and about the
//! same with its sentences run together or its punctuation gone (counted
//! by callgrind in the repository's `tests/linear.rs`, bound 1.1); a 30 MB
//! one-line record takes about 8 s of CPU and 0.9 GB of memory.
//!
//! ## Untrusted input
//! Any `&str` is accepted. Library code never panics on input and never
//! prints. A number beyond the range of the exact decimal type (28
//! significant digits) is an [`Error::Overflow`] in [`normalize`] and no
//! quantity in [`Analyzer::analyze`], never a wrapped or rounded value.
//! [`record::process_line`] turns any bytes (invalid UTF-8, invalid JSON, a
//! record that is not an object, a missing or non-string `text`) into
//! exactly one output line, an error line when it must. The property tests
//! and fuzz targets (`fuzz/`) exercise these guarantees.
//!
//! ## Crate features
//! - `parquet` (off by default): the `zhnews::parquet` module writes
//!   records as Parquet rows (one per record, nested quantities, times,
//!   entities and claims with SPEC.md's field names, exact values as
//!   decimal strings, error records as rows with `line` and `error`), and
//!   `zhnews extract --format parquet --output FILE` uses it. It pulls in
//!   the `arrow-*` and `parquet` crates, hence off by default.
//!
//! Without features the crate builds on stable Rust with its default
//! dependencies. Data tables (currencies, measure words, qualifiers, time
//! words, metrics, the domain lexicon and the entity lexicons) are embedded text
//! files under `data/`; users add their own words through
//! [`Segmenter::add_word`], [`Segmenter::load_user_dict`] and
//! [`EntityRecognizer::add_all`].

#![deny(missing_docs)]

mod analyzer;
mod claim;
mod document;
mod entity;
mod error;
mod exact;
mod expression;
#[doc = include_str!("../FORMAT.md")]
pub mod format {}
mod lexicon;
mod number;
#[cfg(feature = "parquet")]
pub mod parquet;
mod quantity;
pub mod record;
pub mod scan;
mod segment;
mod text;
mod time;

pub use analyzer::Analyzer;
#[doc(hidden)]
pub use analyzer::stages;
pub use claim::{Basis, Change, Claim, Direction, Span};
pub use document::Document;
pub use entity::{
    Entity, EntityKind, EntityRecognizer, EpochReport, KindScore, NerExample, NerModel, NerTrainer,
    TrainOptions,
};
pub use error::{DictionaryProblem, Error, JsonType, ModelProblem, RecordProblem, Result};
pub use expression::{Expression, normalize_expression};
pub use number::{Numeral, parse as parse_number};
pub use quantity::{Amount, Qualifier, Quantity, QuantityKind, normalize};
pub use rust_decimal::Decimal;
pub use segment::{Granularity, Segmenter, Token, TokenKind};
pub use time::{RefDate, Time, normalize_time};
