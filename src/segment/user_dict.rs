//! The dictionary line format, `word [freq] [pos]`, of the domain lexicon
//! and of user dictionaries, and loading user dictionaries.

use std::io::BufRead;
use std::path::Path;

use super::Segmenter;
use super::dictionary::MAX_FREQ;
use crate::error::{DictionaryProblem, Error};

/// One parsed dictionary line.
pub(super) struct Entry<'l> {
    /// The word.
    pub(super) word: &'l str,
    /// Its frequency, when the line gives one (clamped to `MAX_FREQ`).
    pub(super) freq: Option<usize>,
    /// Its POS tag, when the line gives one.
    pub(super) pos: Option<&'l str>,
}

/// Whether `t` is a plausible POS tag.
fn valid_tag(t: &str) -> bool {
    t.len() <= 16
        && t.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Parses one dictionary line, `word [freq] [pos]` (already trimmed, not
/// blank, not a comment).
pub(super) fn parse_entry(line: &str) -> Result<Entry<'_>, DictionaryProblem> {
    let mut fields = line.split_whitespace();
    let word = fields.next().unwrap_or_default();
    let second = fields.next();
    let third = fields.next();
    if fields.next().is_some() {
        return Err(DictionaryProblem::TooManyFields);
    }
    let parse_freq = |f: &str| -> Result<usize, DictionaryProblem> {
        f.parse::<u64>()
            .map_err(|_| DictionaryProblem::BadFrequency(f.to_string()))
            .map(|v| usize::try_from(v).unwrap_or(usize::MAX).min(MAX_FREQ))
    };
    let (freq, pos) = match (second, third) {
        (None, _) => (None, None),
        (Some(f), None) if f.bytes().all(|b| b.is_ascii_digit()) => (Some(parse_freq(f)?), None),
        (Some(t), None) if valid_tag(t) => (None, Some(t)),
        (Some(x), None) => return Err(DictionaryProblem::NeitherFrequencyNorTag(x.to_string())),
        (Some(f), Some(t)) => {
            if !valid_tag(t) {
                return Err(DictionaryProblem::BadTag(t.to_string()));
            }
            (Some(parse_freq(f)?), Some(t))
        }
    };
    Ok(Entry { word, freq, pos })
}

impl Segmenter {
    /// Adds the words of a user dictionary: one `word [freq] [pos]` per
    /// line, blank lines and `#` comments skipped. A line with only a word
    /// (or a word and a tag) gets a frequency as in
    /// [`add_word`](Segmenter::add_word) with `None`, never 0.
    ///
    /// # Errors
    /// [`Error::Dictionary`] with the 1-based line number for a line that
    /// cannot be read (bad frequency or tag, too many fields, invalid
    /// UTF-8), [`Error::Io`] when reading fails. Nothing is added then.
    pub fn load_user_dict<R: BufRead>(&mut self, mut r: R) -> Result<(), Error> {
        let mut lines = Vec::new();
        let mut buf = Vec::new();
        let mut line_no = 0usize;
        loop {
            buf.clear();
            if r.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            line_no += 1;
            let line = std::str::from_utf8(&buf).map_err(|_| Error::Dictionary {
                line: line_no,
                problem: DictionaryProblem::InvalidUtf8,
            })?;
            let line = line.trim_start_matches('\u{feff}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            parse_entry(line).map_err(|problem| Error::Dictionary {
                line: line_no,
                problem,
            })?;
            lines.push(line.to_owned());
        }
        for line in &lines {
            if let Ok(e) = parse_entry(line) {
                self.insert(e.word, e.freq, e.pos);
            }
        }
        Ok(())
    }

    /// [`load_user_dict`](Segmenter::load_user_dict) from a file.
    ///
    /// # Errors
    /// As `load_user_dict`; [`Error::Io`] when the file cannot be opened.
    pub fn load_user_dict_file(&mut self, path: impl AsRef<Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| Error::io_at(path, e))?;
        self.load_user_dict(std::io::BufReader::new(file))
            .map_err(|e| match e {
                Error::Io { path: None, source } => Error::io_at(path, source),
                other => other,
            })
    }
}
