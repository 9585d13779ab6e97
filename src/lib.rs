//! zhnews: exact facts from Chinese tech-finance news.

pub mod analyzer;
pub mod claim;
pub mod document;
pub mod entity;
pub mod error;
mod exact;
pub mod lexicon;
pub mod number;
pub mod quantity;
pub mod record;
pub mod scan;
pub mod segment;
pub mod text;
pub mod time;

pub use analyzer::Analyzer;
pub use document::Document;
pub use error::{Error, Result};
pub use quantity::{Quantity, normalize};
pub use segment::{Segmenter, Token, TokenKind};
pub use time::{RefDate, Time};
