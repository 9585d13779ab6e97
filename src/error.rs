//! The one public error type of the crate.

/// Everything that can go wrong in zhnews.
///
/// Library code never panics on input: a text it cannot read gives one of
/// these values instead.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The expression holds no quantity or time the grammar knows.
    #[error("not a quantity or time: {0:?}")]
    NotRecognized(String),
    /// A quantity was read, but text is left over after it.
    #[error("unexpected text {rest:?} after {read:?}")]
    TrailingText {
        /// The part that was read.
        read: String,
        /// The part left over.
        rest: String,
    },
    /// The number does not fit the exact decimal type (about 7.9 × 10^28,
    /// 28 significant digits). Never wrapped, never rounded.
    #[error("number out of range: {0:?}")]
    Overflow(String),
    /// A fraction with a zero denominator (`0分之1`, `3/0`).
    #[error("division by zero in {0:?}")]
    DivisionByZero(String),
    /// A reference date that is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    InvalidDate(String),
    /// A line of a user dictionary or lexicon that cannot be read.
    #[error("dictionary line {line}: {reason}")]
    Dictionary {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// An input record that cannot be processed (invalid JSON, missing or
    /// non-string `text`, invalid UTF-8, ...).
    #[error("{0}")]
    Record(String),
    /// Writing Parquet output failed (feature `parquet`).
    #[error("Parquet: {0}")]
    Parquet(String),
    /// An I/O error.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

/// Result alias with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
