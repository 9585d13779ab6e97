//! The `zhnews` command line: argument parsing, IO and parallelism only; all
//! logic is in the library.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
#[cfg(feature = "parquet")]
use zhnews::parquet::{ParquetWriter, RecordOutput};
use zhnews::record::{document_line, error_line, is_blank, process_line_status};
use zhnews::{Analyzer, RefDate};

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
    /// that cannot be processed gives `{"id"?, "line": N, "error": "..."}`.
    /// Blank lines are not records. With `--format parquet` the same
    /// records are Parquet rows (one per record, in order) in `--output`.
    Extract {
        /// Input files (JSONL, or plain text with --text); stdin when none.
        files: Vec<PathBuf>,
        /// Each FILE is one plain-text document (its id is the path).
        #[arg(long)]
        text: bool,
        /// Reference date (YYYY-MM-DD) for relative times in records without
        /// their own `date`.
        #[arg(long, value_parser = parse_date)]
        ref_date: Option<RefDate>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Report progress on stderr when it is not a terminal (a status line
        /// every two seconds); on a terminal a progress bar is always shown.
        #[arg(long)]
        progress: bool,
        /// Do not print the summary line on stderr at the end.
        #[arg(long, short)]
        quiet: bool,
        /// Output format: JSON lines, or Parquet (needs the `parquet` cargo
        /// feature and --output).
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Write to FILE instead of stdout (required for Parquet).
        #[arg(long, short, value_name = "FILE", required_if_eq("format", "parquet"))]
        output: Option<PathBuf>,
    },
    /// Segment text into words: one output line per input line, tokens
    /// separated by single spaces, whitespace dropped (the SIGHAN bakeoff
    /// format).
    Segment {
        /// Input files; stdin when none.
        files: Vec<PathBuf>,
        /// Extra dictionary (`word [freq] [pos]` per line).
        #[arg(long)]
        dict: Option<PathBuf>,
    },
    /// Normalize quantity or time expressions to exact JSON values.
    ///
    /// With EXPR arguments, prints one JSON line per argument; without, reads
    /// one expression per line from stdin and prints one JSON line per input
    /// line, in order: the quantity or time, or {"error": "..."}.
    Normalize {
        /// Expressions such as "2.4 亿美元", "超过 5 万家" or "2024 年二季度".
        exprs: Vec<String>,
        /// Reference date (YYYY-MM-DD) for relative times.
        #[arg(long, value_parser = parse_date)]
        ref_date: Option<RefDate>,
    },
}

/// Output format of `extract`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON line per record (SPEC.md).
    Jsonl,
    /// One Parquet row per record, nested lists (feature `parquet`).
    Parquet,
}

/// Where `extract` writes its records.
enum Sink {
    Jsonl(BufWriter<Box<dyn Write>>),
    #[cfg(feature = "parquet")]
    Parquet(Box<ParquetWriter<File>>),
}

impl Sink {
    fn open(format: Format, output: Option<&PathBuf>) -> io::Result<Sink> {
        let create = |path: &PathBuf| {
            File::create(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        };
        match format {
            Format::Jsonl => {
                let w: Box<dyn Write> = match output {
                    Some(path) => Box::new(create(path)?),
                    None => Box::new(io::stdout().lock()),
                };
                Ok(Sink::Jsonl(BufWriter::with_capacity(1 << 20, w)))
            }
            #[cfg(feature = "parquet")]
            Format::Parquet => {
                let path = output.ok_or_else(|| {
                    io::Error::new(
                        io::ErrorKind::InvalidInput,
                        "--format parquet needs --output FILE",
                    )
                })?;
                let writer = ParquetWriter::new(create(path)?).map_err(lib_to_io)?;
                Ok(Sink::Parquet(Box::new(writer)))
            }
            #[cfg(not(feature = "parquet"))]
            Format::Parquet => Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "--format parquet: this zhnews was built without the `parquet` feature \
                 (build it with `cargo install --path cli --features parquet`)",
            )),
        }
    }

    /// Flushes JSON lines, or writes the Parquet footer.
    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Jsonl(mut w) => w.flush(),
            #[cfg(feature = "parquet")]
            Sink::Parquet(w) => w.finish().map(drop).map_err(lib_to_io),
        }
    }
}

#[cfg(feature = "parquet")]
fn lib_to_io(e: zhnews::Error) -> io::Error {
    match e {
        zhnews::Error::Io(e) => e,
        other => io::Error::other(other),
    }
}

fn parse_date(s: &str) -> Result<RefDate, String> {
    RefDate::parse(s).map_err(|e| e.to_string())
}

fn normalize_line(expr: &str, ref_date: Option<RefDate>) -> String {
    let json = match zhnews::normalize(expr) {
        Ok(q) => serde_json::to_string(&q),
        Err(qe) => match zhnews::time::normalize_time(expr, ref_date) {
            Ok(t) => serde_json::to_string(&t),
            Err(_) => serde_json::to_string(&serde_json::json!({ "error": qe.to_string() })),
        },
    };
    json.unwrap_or_else(|e| format!("{{\"error\":\"cannot serialize: {e}\"}}"))
}

fn run_normalize(exprs: &[String], ref_date: Option<RefDate>) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if exprs.is_empty() {
        let stdin = io::stdin();
        let mut reader = stdin.lock();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            let line = String::from_utf8_lossy(&buf);
            let line = line.trim_end_matches(['\n', '\r']);
            writeln!(out, "{}", normalize_line(line, ref_date))?;
        }
    } else {
        for e in exprs {
            writeln!(out, "{}", normalize_line(e, ref_date))?;
        }
    }
    out.flush()
}

/// Records per parallel batch, and the byte budget of a batch: memory stays
/// bounded whatever the input size.
const BATCH_RECORDS: usize = 2048;
const BATCH_BYTES: usize = 16 << 20;

/// Counts for the progress bar and the summary line.
struct Tally {
    records: u64,
    errors: u64,
    bytes: u64,
    start: Instant,
    /// `--progress` with stderr not a terminal: a plain status line every
    /// few seconds instead of a bar.
    plain_progress: bool,
    last_report: Instant,
}

impl Tally {
    fn summary(&self) -> String {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        format!(
            "zhnews extract: {} records, {} errors, {:.1} MB in {:.2} s ({:.1} MB/s, {:.0} records/s)",
            self.records,
            self.errors,
            self.bytes as f64 / 1e6,
            secs,
            self.bytes as f64 / 1e6 / secs,
            self.records as f64 / secs
        )
    }
}

fn progress_bar(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{elapsed_precise} {bytes} {bytes_per_sec} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}

#[allow(clippy::too_many_arguments)]
fn run_extract(
    files: &[PathBuf],
    text_mode: bool,
    ref_date: Option<RefDate>,
    threads: Option<usize>,
    progress: bool,
    quiet: bool,
    format: Format,
    output: Option<&PathBuf>,
) -> io::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(io::Error::other)?;
    let mut out = Sink::open(format, output)?;
    let analyzer = Analyzer::new();
    let tty = io::stderr().is_terminal();
    let mut tally = Tally {
        records: 0,
        errors: 0,
        bytes: 0,
        start: Instant::now(),
        plain_progress: progress && !tty,
        last_report: Instant::now(),
    };
    let total: Option<u64> = if files.is_empty() {
        None
    } else {
        files
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| m.len()).ok())
            .sum()
    };
    // a bar on a terminal; `--progress` elsewhere prints status lines
    let bar = tty.then(|| progress_bar(total));

    let result = if text_mode {
        match &mut out {
            Sink::Jsonl(w) => extract_text_files(files, ref_date, &analyzer, w, &mut tally),
            #[cfg(feature = "parquet")]
            Sink::Parquet(w) => parquet_text_files(files, ref_date, &analyzer, w, &mut tally),
        }
    } else {
        extract_jsonl(
            files,
            ref_date,
            &analyzer,
            &pool,
            &mut out,
            &mut tally,
            bar.as_ref(),
        )
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result.and_then(|()| out.finish()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    if !quiet {
        eprintln!("{}", tally.summary());
    }
    Ok(())
}

/// Opens `path`, naming it in the error.
fn open(path: &PathBuf) -> io::Result<File> {
    File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

/// The inputs: the files, or stdin when there are none.
fn inputs(files: &[PathBuf]) -> io::Result<Vec<Box<dyn BufRead + Send>>> {
    if files.is_empty() {
        return Ok(vec![Box::new(BufReader::new(io::stdin()))]);
    }
    files
        .iter()
        .map(|p| {
            Ok(Box::new(BufReader::with_capacity(1 << 20, open(p)?)) as Box<dyn BufRead + Send>)
        })
        .collect()
}

fn extract_text_files(
    files: &[PathBuf],
    ref_date: Option<RefDate>,
    analyzer: &Analyzer,
    out: &mut impl Write,
    tally: &mut Tally,
) -> io::Result<()> {
    for path in files {
        let mut bytes = Vec::new();
        open(path)?.read_to_end(&mut bytes)?;
        let id = serde_json::Value::String(path.display().to_string());
        let line = match std::str::from_utf8(&bytes) {
            Ok(text) => document_line(&id, &analyzer.analyze_at(text, ref_date)),
            Err(e) => {
                tally.errors += 1;
                error_line(
                    Some(&id),
                    1,
                    &format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                )
            }
        };
        tally.records += 1;
        tally.bytes += bytes.len() as u64;
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `--text --format parquet`: one row per file, written in batches.
#[cfg(feature = "parquet")]
fn parquet_text_files(
    files: &[PathBuf],
    ref_date: Option<RefDate>,
    analyzer: &Analyzer,
    out: &mut ParquetWriter<File>,
    tally: &mut Tally,
) -> io::Result<()> {
    let mut pending = Vec::new();
    for path in files {
        let mut bytes = Vec::new();
        open(path)?.read_to_end(&mut bytes)?;
        let id = serde_json::Value::String(path.display().to_string());
        let record = match std::str::from_utf8(&bytes) {
            Ok(text) => RecordOutput::Document {
                id,
                document: analyzer.analyze_at(text, ref_date),
            },
            Err(e) => RecordOutput::Error {
                id: Some(id),
                line: 1,
                message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            },
        };
        tally.records += 1;
        tally.errors += u64::from(record.is_error());
        tally.bytes += bytes.len() as u64;
        pending.push(record);
        if pending.len() >= BATCH_RECORDS {
            out.write_batch(&pending).map_err(lib_to_io)?;
            pending.clear();
        }
    }
    out.write_batch(&pending).map_err(lib_to_io)
}

fn extract_jsonl(
    files: &[PathBuf],
    ref_date: Option<RefDate>,
    analyzer: &Analyzer,
    pool: &rayon::ThreadPool,
    out: &mut Sink,
    tally: &mut Tally,
    bar: Option<&ProgressBar>,
) -> io::Result<()> {
    let inputs = inputs(files)?;
    // A reader thread reads the next batches while the pool analyzes this
    // one; the channel holds two batches, so memory stays bounded.
    let (tx, rx) = std::sync::mpsc::sync_channel::<io::Result<Batch>>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || read_batches(inputs, &tx));
        for batch in rx {
            let batch = batch?;
            tally.bytes += batch.bytes_read;
            // analyze in parallel, write in input order
            match out {
                Sink::Jsonl(out) => {
                    let lines: Vec<(String, bool)> = pool.install(|| {
                        batch
                            .records
                            .par_iter()
                            .map(|(n, buf)| process_line_status(analyzer, buf, *n, ref_date))
                            .collect()
                    });
                    for (l, failed) in &lines {
                        out.write_all(l.as_bytes())?;
                        out.write_all(b"\n")?;
                        tally.records += 1;
                        tally.errors += u64::from(*failed);
                    }
                }
                #[cfg(feature = "parquet")]
                Sink::Parquet(out) => {
                    let records: Vec<RecordOutput> = pool.install(|| {
                        batch
                            .records
                            .par_iter()
                            .map(|(n, buf)| RecordOutput::from_line(analyzer, buf, *n, ref_date))
                            .collect()
                    });
                    out.write_batch(&records).map_err(lib_to_io)?;
                    tally.records += records.len() as u64;
                    tally.errors += records.iter().filter(|r| r.is_error()).count() as u64;
                }
            }
            if tally.plain_progress && tally.last_report.elapsed().as_secs() >= 2 {
                tally.last_report = Instant::now();
                eprintln!("{}", tally.summary());
            }
            if let Some(bar) = bar {
                bar.set_position(tally.bytes);
                let secs = tally.start.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!(
                    "{} records ({:.0}/s), {} errors",
                    tally.records,
                    tally.records as f64 / secs,
                    tally.errors
                ));
            }
        }
        Ok(())
    })
}

/// Records read from the input: `(line number, bytes)` without line ends,
/// blank lines left out, and how many bytes were read for them.
struct Batch {
    records: Vec<(usize, Vec<u8>)>,
    bytes_read: u64,
}

/// Reads the inputs in batches of at most `BATCH_RECORDS` records or
/// `BATCH_BYTES` bytes and sends them on; stops when the receiver is gone.
fn read_batches(
    inputs: Vec<Box<dyn BufRead + Send>>,
    tx: &std::sync::mpsc::SyncSender<io::Result<Batch>>,
) {
    for mut input in inputs {
        let mut line_no = 0usize;
        let mut done = false;
        while !done {
            let mut batch = Batch {
                records: Vec::new(),
                bytes_read: 0,
            };
            let mut bytes = 0;
            while batch.records.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
                let mut buf = Vec::new();
                let n = match input.read_until(b'\n', &mut buf) {
                    Ok(n) => n,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                };
                if n == 0 {
                    done = true;
                    break;
                }
                line_no += 1;
                batch.bytes_read += n as u64;
                while matches!(buf.last(), Some(b'\n' | b'\r')) {
                    buf.pop();
                }
                if is_blank(&buf) {
                    continue;
                }
                bytes += buf.len();
                batch.records.push((line_no, buf));
            }
            if tx.send(Ok(batch)).is_err() {
                return;
            }
        }
    }
}

fn run_segment(files: &[PathBuf], dict: Option<&PathBuf>) -> io::Result<()> {
    let mut segmenter = zhnews::Segmenter::new();
    if let Some(d) = dict {
        segmenter
            .load_user_dict_file(d)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut buf = Vec::new();
    for mut input in inputs(files)? {
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            let line = String::from_utf8_lossy(&buf);
            writeln!(out, "{}", segmenter.segment_line(&line))?;
        }
    }
    out.flush()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize { exprs, ref_date } => run_normalize(&exprs, ref_date),
        Command::Segment { files, dict } => run_segment(&files, dict.as_ref()),
        Command::Extract {
            files,
            text,
            ref_date,
            threads,
            progress,
            quiet,
            format,
            output,
        } => run_extract(
            &files,
            text,
            ref_date,
            threads,
            progress,
            quiet,
            format,
            output.as_ref(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhnews: {e}");
            ExitCode::FAILURE
        }
    }
}
