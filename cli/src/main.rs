//! The `zhnews` command line: argument parsing, IO and parallelism only; all
//! logic is in the library.

mod extract;
mod input;
mod train;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use zhnews::{Error, RefDate};

use crate::extract::{ExtractArgs, ExtractConfig};
use crate::input::Lines;

#[derive(Parser)]
#[command(
    name = "zhnews",
    version,
    about = "Exact facts from Chinese tech-finance news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract quantities, times, entities and claims from documents.
    ///
    /// Reads JSONL (`{"id", "text", "date"?}` per line) from FILEs or stdin
    /// and writes one JSON line per input record, in input order. A record
    /// that cannot be processed gives `{"id", "line": N, "error": "..."}`.
    /// Blank lines are not records. With `--format parquet` the same
    /// records are Parquet rows (one per record, in order) in `--output`.
    Extract(ExtractArgs),
    /// Segment text into words: one output line per input line, tokens
    /// separated by single spaces, whitespace dropped (the SIGHAN bakeoff
    /// format). A line that is not UTF-8 gives an empty output line, a
    /// message on stderr naming its file and line, and exit status 1.
    Segment {
        /// Input files; stdin when none.
        files: Vec<PathBuf>,
        /// Extra dictionary (`word [freq] [pos]` per line).
        #[arg(long)]
        dict: Option<PathBuf>,
    },
    /// Train an entity model on labelled corpora and write the model file
    /// (use it with `extract --ner-model FILE`).
    TrainNer(train::TrainArgs),
    /// Normalize quantity or time expressions to exact JSON values.
    ///
    /// With EXPR arguments, prints one JSON line per argument and exits
    /// non-zero if one fails; without, reads one expression per line from
    /// stdin and prints one JSON line per input line, in order: the quantity
    /// or time, or {"error": "..."}.
    Normalize {
        /// Expressions such as "2.4 亿美元", "超过 5 万家", "-3.5%" or
        /// "2024 年二季度".
        #[arg(allow_hyphen_values = true)]
        exprs: Vec<String>,
        /// Reference date (YYYY-MM-DD) for relative times.
        #[arg(long, value_parser = parse_date)]
        ref_date: Option<RefDate>,
    },
}

fn parse_date(s: &str) -> Result<RefDate, String> {
    RefDate::parse(s).map_err(|e| e.to_string())
}

/// One expression as a JSON line, and whether it was read.
fn normalize_line(expr: &str, ref_date: Option<RefDate>) -> (String, bool) {
    let (json, ok) = match zhnews::normalize_expression(expr, ref_date) {
        Ok(x) => (serde_json::to_string(&x), true),
        Err(e) => (
            serde_json::to_string(&serde_json::json!({ "error": e.to_string() })),
            false,
        ),
    };
    let line = json.unwrap_or_else(|e| format!("{{\"error\":\"cannot serialize: {e}\"}}"));
    (line, ok)
}

/// `zhnews normalize`: `Ok(false)` when an argument was not read.
fn run_normalize(exprs: &[String], ref_date: Option<RefDate>) -> Result<bool, Error> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_read = true;
    if exprs.is_empty() {
        let mut lines = Lines::stdin();
        while let Some(line) = lines.next_line()? {
            let text = String::from_utf8_lossy(line.bytes);
            writeln!(out, "{}", normalize_line(&text, ref_date).0)?;
        }
    } else {
        for e in exprs {
            let (line, ok) = normalize_line(e, ref_date);
            all_read &= ok;
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(all_read)
}

/// `zhnews segment`: `Ok(false)` when a line was not UTF-8.
fn run_segment(files: &[PathBuf], dict: Option<&PathBuf>) -> Result<bool, Error> {
    let mut segmenter = zhnews::Segmenter::new();
    if let Some(d) = dict {
        segmenter.load_user_dict_file(d)?;
    }
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let mut all_read = true;
    for mut lines in input::open_all(files)? {
        let name = lines.name();
        while let Some(line) = lines.next_line()? {
            match std::str::from_utf8(line.bytes) {
                Ok(text) => writeln!(out, "{}", segmenter.segment_line(text))?,
                Err(e) => {
                    all_read = false;
                    eprintln!(
                        "zhnews segment: {} line {}: invalid UTF-8 at byte {}",
                        name,
                        line.number,
                        e.valid_up_to()
                    );
                    writeln!(out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(all_read)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize { exprs, ref_date } => run_normalize(&exprs, ref_date),
        Command::Segment { files, dict } => run_segment(&files, dict.as_ref()),
        Command::TrainNer(args) => args.run().map(|()| true),
        Command::Extract(args) => {
            ExtractConfig::from_args(args).and_then(|c| c.run().map(|()| true))
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("zhnews: {e}");
            ExitCode::FAILURE
        }
    }
}
