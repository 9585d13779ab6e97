//! Input files (or stdin) read line by line: line ends and a leading UTF-8
//! byte-order mark dropped, every IO error naming its file.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use zhnews::Error;

/// The UTF-8 byte-order mark some editors put at the start of a file.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// One line of an input, without its line end.
pub struct Line<'a> {
    /// 1-based line number in its input.
    pub number: usize,
    /// The bytes of the line.
    pub bytes: &'a [u8],
    /// Bytes read for it, line end included.
    pub read: usize,
}

/// The lines of one input, with a reused buffer.
pub struct Lines {
    reader: Box<dyn BufRead + Send>,
    path: Option<PathBuf>,
    buf: Vec<u8>,
    number: usize,
}

impl Lines {
    /// Standard input.
    pub fn stdin() -> Lines {
        Lines::new(Box::new(BufReader::new(io::stdin())), None)
    }

    fn new(reader: Box<dyn BufRead + Send>, path: Option<PathBuf>) -> Lines {
        Lines {
            reader,
            path,
            buf: Vec::new(),
            number: 0,
        }
    }

    /// What the input is called in messages: its path, or `stdin`.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "stdin".to_string(), |p| p.display().to_string())
    }

    /// The next line, or `None` at the end.
    pub fn next_line(&mut self) -> Result<Option<Line<'_>>, Error> {
        self.buf.clear();
        let read = self
            .reader
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| self.error(e))?;
        if read == 0 {
            return Ok(None);
        }
        self.number += 1;
        while matches!(self.buf.last(), Some(b'\n' | b'\r')) {
            self.buf.pop();
        }
        let skip = if self.number == 1 && self.buf.starts_with(BOM) {
            BOM.len()
        } else {
            0
        };
        Ok(Some(Line {
            number: self.number,
            bytes: &self.buf[skip..],
            read,
        }))
    }

    fn error(&self, e: io::Error) -> Error {
        match &self.path {
            Some(p) => Error::io_at(p, e),
            None => Error::from(e),
        }
    }
}

/// Opens `path` for reading, naming it in the error; a folder is an error.
pub fn open(path: &Path) -> Result<File, Error> {
    let file = File::open(path).map_err(|e| Error::io_at(path, e))?;
    let meta = file.metadata().map_err(|e| Error::io_at(path, e))?;
    if meta.is_dir() {
        let e = io::Error::new(io::ErrorKind::IsADirectory, "is a directory, not a file");
        return Err(Error::io_at(path, e));
    }
    Ok(file)
}

/// The inputs: the files (all opened first, so a missing one stops the run
/// before any output), or stdin when there are none.
pub fn open_all(files: &[PathBuf]) -> Result<Vec<Lines>, Error> {
    if files.is_empty() {
        return Ok(vec![Lines::stdin()]);
    }
    files
        .iter()
        .map(|p| {
            let reader = BufReader::with_capacity(1 << 20, open(p)?);
            Ok(Lines::new(Box::new(reader), Some(p.clone())))
        })
        .collect()
}

/// A whole file's bytes (`extract --text`), the BOM dropped.
pub fn read_whole(path: &Path) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    io::Read::read_to_end(&mut open(path)?, &mut bytes).map_err(|e| Error::io_at(path, e))?;
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    Ok(bytes)
}
