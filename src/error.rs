//! The one public error type of the crate.
//!
//! Every variant holds data, not prose: match on the variant and read its
//! fields; `Display` writes the message the CLI prints.
//!
//! ```
//! use zhnews::Error;
//!
//! match zhnews::normalize("9999999999999999999999999999亿") {
//!     Err(Error::Overflow { input }) => assert_eq!(input, "9999999999999999999999999999亿"),
//!     other => panic!("{other:?}"),
//! }
//! let e = zhnews::normalize("营收").unwrap_err();
//! assert!(matches!(e, Error::NotRecognized { .. }));
//! assert_eq!(e.to_string(), "not a quantity or time: \"营收\"");
//! ```

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong in zhnews.
///
/// Library code never panics on input: a text it cannot read gives one of
/// these values instead.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The expression holds no quantity or time the grammar knows.
    #[error("not a quantity or time: {input:?}")]
    NotRecognized {
        /// The expression, trimmed.
        input: String,
    },
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
    #[error("number out of range: {input:?}")]
    Overflow {
        /// The expression, trimmed.
        input: String,
    },
    /// A fraction with a zero denominator (`0分之1`, `3/0`).
    #[error("division by zero in {input:?}")]
    DivisionByZero {
        /// The expression, trimmed.
        input: String,
    },
    /// A reference date that is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid date {input:?}: expected YYYY-MM-DD")]
    InvalidDate {
        /// The text given as a date.
        input: String,
    },
    /// A line of a user dictionary or lexicon that cannot be read.
    #[error("dictionary line {line}: {problem}")]
    Dictionary {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: DictionaryProblem,
    },
    /// An input record that cannot be processed (invalid JSON, missing or
    /// non-string `text`, invalid UTF-8, ...).
    #[error("{0}")]
    Record(RecordProblem),
    /// An entity model file that cannot be read.
    #[error("entity model: {0}")]
    Model(ModelProblem),
    /// Writing Parquet output failed (feature `parquet`).
    #[cfg(feature = "parquet")]
    #[error("Parquet: {0}")]
    Parquet(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// An I/O error, with the path it concerns when there is one.
    #[error("{}", io_message(path.as_ref(), source))]
    Io {
        /// The file or folder, when the error concerns one.
        path: Option<PathBuf>,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

fn io_message(path: Option<&PathBuf>, e: &std::io::Error) -> String {
    match path {
        Some(p) => format!("{}: {e}", p.display()),
        None => format!("I/O error: {e}"),
    }
}

impl From<std::io::Error> for Error {
    fn from(source: std::io::Error) -> Error {
        Error::Io { path: None, source }
    }
}

impl Error {
    /// An I/O error about `path`.
    pub fn io_at(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: Some(path.into()),
            source,
        }
    }
}

/// Result alias with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an entity model file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelProblem {
    /// The file does not start as a zhnews model does.
    NotAModel,
    /// The file ends early.
    Truncated,
    /// The model was trained with another feature scheme.
    FeatureVersion {
        /// The scheme of the file.
        found: u32,
        /// The scheme of this build.
        expected: u32,
    },
    /// The sizes in the file do not fit together (labels, bucket bits,
    /// rows).
    Shape,
}

impl fmt::Display for ModelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelProblem::NotAModel => f.write_str("not a zhnews model file"),
            ModelProblem::Truncated => f.write_str("the file ends early"),
            ModelProblem::FeatureVersion { found, expected } => write!(
                f,
                "trained with feature scheme {found}, this build reads scheme {expected}: retrain it"
            ),
            ModelProblem::Shape => f.write_str("inconsistent sizes (labels, bits or rows)"),
        }
    }
}

/// Why a line of a user dictionary cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DictionaryProblem {
    /// The line is not UTF-8.
    InvalidUtf8,
    /// More than `word [freq] [pos]`.
    TooManyFields,
    /// A frequency that is not a non-negative integer.
    BadFrequency(String),
    /// A second field that is neither a frequency nor a POS tag.
    NeitherFrequencyNorTag(String),
    /// A third field that is not a POS tag.
    BadTag(String),
}

impl fmt::Display for DictionaryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DictionaryProblem::InvalidUtf8 => f.write_str("invalid UTF-8"),
            DictionaryProblem::TooManyFields => f.write_str(
                "too many fields: expected `word [freq] [pos]` (words cannot hold spaces)",
            ),
            DictionaryProblem::BadFrequency(x) => {
                write!(f, "frequency `{x}` is not a non-negative integer")
            }
            DictionaryProblem::NeitherFrequencyNorTag(x) => {
                write!(f, "`{x}` is neither a frequency nor a POS tag")
            }
            DictionaryProblem::BadTag(x) => write!(f, "`{x}` is not a POS tag"),
        }
    }
}

/// The JSON type of a value that is not what a record field needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonType {
    /// `null`
    Null,
    /// `true` or `false`
    Boolean,
    /// a number
    Number,
    /// a string
    String,
    /// an array
    Array,
    /// an object
    Object,
}

impl JsonType {
    /// The type of `v`.
    pub fn of(v: &serde_json::Value) -> JsonType {
        use serde_json::Value;
        match v {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonType::Null => "null",
            JsonType::Boolean => "a boolean",
            JsonType::Number => "a number",
            JsonType::String => "a string",
            JsonType::Array => "an array",
            JsonType::Object => "an object",
        })
    }
}

/// Why an input record cannot be processed (SPEC.md "Document": the record
/// still gives one output line, an error line with this message).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordProblem {
    /// The line is not UTF-8; the first `valid_up_to` bytes are.
    InvalidUtf8 {
        /// Length of the valid prefix.
        valid_up_to: usize,
    },
    /// The line is not JSON; serde_json's description of where and why.
    InvalidJson {
        /// serde_json's message.
        message: String,
    },
    /// The line is JSON but not an object.
    NotAnObject(JsonType),
    /// The object has no `text`.
    MissingText,
    /// `text` is not a string.
    TextNotString(JsonType),
    /// `date` is a string but not a `YYYY-MM-DD` date.
    InvalidDate {
        /// The `date` given.
        input: String,
    },
    /// `date` is neither a string nor null.
    DateNotString(JsonType),
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordProblem::InvalidUtf8 { valid_up_to } => {
                write!(f, "invalid UTF-8 at byte {valid_up_to}")
            }
            RecordProblem::InvalidJson { message } => write!(f, "invalid JSON: {message}"),
            RecordProblem::NotAnObject(t) => write!(f, "record is not a JSON object but {t}"),
            RecordProblem::MissingText => f.write_str("missing field `text`"),
            RecordProblem::TextNotString(t) => write!(f, "field `text` is {t}, not a string"),
            RecordProblem::InvalidDate { input } => write!(
                f,
                "field `date`: {}",
                Error::InvalidDate {
                    input: input.clone()
                }
            ),
            RecordProblem::DateNotString(t) => write!(f, "field `date` is {t}, not a string"),
        }
    }
}
