//! zhnews: exact facts from Chinese tech-finance news.

pub mod error;
mod exact;
pub mod lexicon;
pub mod number;
pub mod quantity;
pub mod text;

pub use error::{Error, Result};
pub use quantity::{Quantity, normalize};
