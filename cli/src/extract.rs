//! `zhnews extract`: records read in bounded batches by a reader thread,
//! analyzed on a rayon pool, written in input order through a
//! [`RecordSink`], with progress on stderr.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender};
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
#[cfg(feature = "parquet")]
use zhnews::parquet::ParquetWriter;
use zhnews::record::{JsonlSink, RecordOutput, RecordSink, is_blank};
use zhnews::{Analyzer, Error, NerModel, RefDate};

use crate::input::{self, Lines};
use crate::parse_date;

/// The options of `zhnews extract`, as parsed.
#[derive(Args)]
pub struct ExtractArgs {
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
    /// Output format: JSON lines, or Parquet (needs a zhnews built with the
    /// `parquet` feature, and --output).
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Entity model to use instead of the embedded one (a file written by
    /// `zhnews train-ner`).
    #[arg(long, value_name = "FILE", conflicts_with = "no_ner_model")]
    ner_model: Option<PathBuf>,
    /// Recognize entities with the rules, lexicons and POS tags alone,
    /// without the trained model: about twice as fast, less accurate
    /// (README, "Entity model").
    #[arg(long)]
    no_ner_model: bool,
    /// Write to FILE instead of stdout (required for Parquet).
    #[arg(long, short, value_name = "FILE", required_if_eq("format", "parquet"))]
    output: Option<PathBuf>,
}

/// Output format of `extract`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON line per record (SPEC.md).
    Jsonl,
    /// One Parquet row per record, nested lists (feature `parquet`).
    Parquet,
}

/// How progress is shown on stderr.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Progress {
    /// A bar (stderr is a terminal).
    Bar,
    /// A status line every two seconds (`--progress`, stderr not a terminal).
    Lines,
    /// Nothing until the summary.
    Off,
}

/// Where the records go.
enum Output {
    /// JSON lines to stdout or a file.
    Jsonl(Option<PathBuf>),
    /// Parquet rows to a file.
    #[cfg(feature = "parquet")]
    Parquet(PathBuf),
}

/// `zhnews extract`, validated.
pub struct ExtractConfig {
    files: Vec<PathBuf>,
    text_mode: bool,
    ref_date: Option<RefDate>,
    threads: usize,
    progress: Progress,
    quiet: bool,
    output: Output,
    /// The entity model of `--ner-model`.
    ner_model: Option<NerModel>,
    /// `--no-ner-model`: rules alone.
    no_ner_model: bool,
}

/// Reads an entity model file.
fn read_model(path: &std::path::Path) -> Result<NerModel, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io_at(path, e))?;
    NerModel::from_bytes(&bytes)
}

/// Records per parallel batch, and the byte budget of a batch: memory stays
/// bounded whatever the input size.
const BATCH_RECORDS: usize = 2048;
const BATCH_BYTES: usize = 16 << 20;

impl ExtractConfig {
    /// Checks the options against each other and against this build.
    pub fn from_args(a: ExtractArgs) -> Result<ExtractConfig, Error> {
        let output = match a.format {
            Format::Jsonl => Output::Jsonl(a.output),
            Format::Parquet => parquet_output(a.output)?,
        };
        let progress = match (io::stderr().is_terminal(), a.progress) {
            (true, _) => Progress::Bar,
            (false, true) => Progress::Lines,
            (false, false) => Progress::Off,
        };
        Ok(ExtractConfig {
            files: a.files,
            text_mode: a.text,
            ref_date: a.ref_date,
            threads: a.threads.unwrap_or(0),
            progress,
            quiet: a.quiet,
            output,
            ner_model: a.ner_model.as_deref().map(read_model).transpose()?,
            no_ner_model: a.no_ner_model,
        })
    }

    /// Runs the extraction to its end (a closed pipe ends it quietly).
    pub fn run(&self) -> Result<(), Error> {
        let result = match &self.output {
            Output::Jsonl(None) => {
                let out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
                self.run_with(JsonlSink::new(out))
            }
            Output::Jsonl(Some(path)) => {
                let file = File::create(path).map_err(|e| Error::io_at(path, e))?;
                self.run_with(JsonlSink::new(BufWriter::with_capacity(1 << 20, file)))
            }
            #[cfg(feature = "parquet")]
            Output::Parquet(path) => {
                let file = File::create(path).map_err(|e| Error::io_at(path, e))?;
                self.run_with(ParquetWriter::new(file)?)
            }
        };
        match result {
            Err(Error::Io { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }

    fn run_with<S: RecordSink>(&self, mut sink: S) -> Result<(), Error> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads)
            .build()
            .map_err(|e| Error::from(io::Error::other(e)))?;
        let mut analyzer = Analyzer::new();
        if let Some(model) = &self.ner_model {
            let entities = analyzer.entities().clone().with_model(model.clone());
            analyzer = analyzer.with_entities(entities);
        } else if self.no_ner_model {
            let entities = analyzer.entities().clone().without_model();
            analyzer = analyzer.with_entities(entities);
        }
        let mut tally = Tally::new(self.progress, self.input_size());
        let job = Job {
            config: self,
            analyzer: &analyzer,
            pool: &pool,
        };
        let result = if self.text_mode {
            job.text_files(&mut sink, &mut tally)
        } else {
            job.jsonl(&mut sink, &mut tally)
        };
        tally.done();
        result.and_then(|()| sink.finish())?;
        if !self.quiet {
            eprintln!("{}", tally.summary());
        }
        Ok(())
    }

    /// Total bytes of the input files, when they are all files.
    fn input_size(&self) -> Option<u64> {
        if self.files.is_empty() {
            return None;
        }
        self.files
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| m.len()).ok())
            .sum()
    }
}

#[cfg(feature = "parquet")]
fn parquet_output(output: Option<PathBuf>) -> Result<Output, Error> {
    let e = io::Error::new(
        io::ErrorKind::InvalidInput,
        "--format parquet needs --output FILE",
    );
    output.map(Output::Parquet).ok_or(Error::from(e))
}

#[cfg(not(feature = "parquet"))]
fn parquet_output(_: Option<PathBuf>) -> Result<Output, Error> {
    Err(Error::from(io::Error::new(
        io::ErrorKind::Unsupported,
        "--format parquet: this zhnews was built without the `parquet` feature \
         (build it with `cargo install --path cli --features parquet`)",
    )))
}

/// One run: the configuration, the analyzer and the pool.
struct Job<'a> {
    config: &'a ExtractConfig,
    analyzer: &'a Analyzer,
    pool: &'a rayon::ThreadPool,
}

impl Job<'_> {
    /// `--text`: each file one document, written in batches.
    fn text_files<S: RecordSink>(&self, sink: &mut S, tally: &mut Tally) -> Result<(), Error> {
        let mut pending = Vec::new();
        for path in &self.config.files {
            let bytes = input::read_whole(path)?;
            let id = serde_json::Value::String(path.display().to_string());
            let record = RecordOutput::from_text(self.analyzer, id, &bytes, self.config.ref_date);
            tally.count(&record, bytes.len() as u64);
            pending.push(S::row(record));
            if pending.len() >= BATCH_RECORDS {
                sink.write_rows(std::mem::take(&mut pending))?;
            }
        }
        sink.write_rows(pending)
    }

    /// JSONL: a reader thread reads the next batches while the pool
    /// analyzes this one; the channel holds two batches, so memory stays
    /// bounded.
    fn jsonl<S: RecordSink>(&self, sink: &mut S, tally: &mut Tally) -> Result<(), Error> {
        let inputs = input::open_all(&self.config.files)?;
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Batch, Error>>(2);
        std::thread::scope(|scope| {
            scope.spawn(move || read_batches(inputs, &tx));
            self.write_batches(rx, sink, tally)
        })
    }

    fn write_batches<S: RecordSink>(
        &self,
        rx: Receiver<Result<Batch, Error>>,
        sink: &mut S,
        tally: &mut Tally,
    ) -> Result<(), Error> {
        for batch in rx {
            let batch = batch?;
            tally.bytes += batch.bytes_read;
            let ref_date = self.config.ref_date;
            let rows: Vec<(bool, S::Row)> = self.pool.install(|| {
                batch
                    .records
                    .par_iter()
                    .map(|(n, buf)| {
                        let r = RecordOutput::from_line(self.analyzer, buf, *n, ref_date);
                        (r.is_error(), S::row(r))
                    })
                    .collect()
            });
            tally.records += rows.len() as u64;
            tally.errors += rows.iter().filter(|r| r.0).count() as u64;
            sink.write_rows(rows.into_iter().map(|r| r.1).collect())?;
            tally.report();
        }
        Ok(())
    }
}

/// Records read from the input: `(line number, bytes)` without line ends,
/// blank lines left out, and how many bytes were read for them.
struct Batch {
    records: Vec<(usize, Vec<u8>)>,
    bytes_read: u64,
}

/// Reads the inputs in batches of at most `BATCH_RECORDS` records or
/// `BATCH_BYTES` bytes and sends them on; stops when the receiver is gone.
fn read_batches(inputs: Vec<Lines>, tx: &SyncSender<Result<Batch, Error>>) {
    for mut lines in inputs {
        let mut ended = false;
        while !ended {
            let batch = next_batch(&mut lines).map(|(b, end)| {
                ended = end;
                b
            });
            let failed = batch.is_err();
            if tx.send(batch).is_err() || failed {
                return;
            }
        }
    }
}

/// The next batch of one input, and whether the input ended.
fn next_batch(lines: &mut Lines) -> Result<(Batch, bool), Error> {
    let mut batch = Batch {
        records: Vec::new(),
        bytes_read: 0,
    };
    let mut bytes = 0;
    while batch.records.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
        let Some(line) = lines.next_line()? else {
            return Ok((batch, true));
        };
        batch.bytes_read += line.read as u64;
        if is_blank(line.bytes) {
            continue;
        }
        bytes += line.bytes.len();
        batch.records.push((line.number, line.bytes.to_vec()));
    }
    Ok((batch, false))
}

/// Counts for the progress display and the summary line.
struct Tally {
    records: u64,
    errors: u64,
    bytes: u64,
    start: Instant,
    progress: Progress,
    bar: Option<ProgressBar>,
    last_report: Instant,
}

impl Tally {
    fn new(progress: Progress, total: Option<u64>) -> Tally {
        Tally {
            records: 0,
            errors: 0,
            bytes: 0,
            start: Instant::now(),
            progress,
            bar: (progress == Progress::Bar).then(|| progress_bar(total)),
            last_report: Instant::now(),
        }
    }

    fn count(&mut self, record: &RecordOutput, bytes: u64) {
        self.records += 1;
        self.errors += u64::from(record.is_error());
        self.bytes += bytes;
    }

    fn rates(&self) -> (f64, f64, f64) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        (
            secs,
            self.bytes as f64 / 1e6 / secs,
            self.records as f64 / secs,
        )
    }

    fn summary(&self) -> String {
        let (secs, mb_s, rec_s) = self.rates();
        format!(
            "zhnews extract: {} records, {} errors, {:.1} MB in {:.2} s ({mb_s:.1} MB/s, {rec_s:.0} records/s)",
            self.records,
            self.errors,
            self.bytes as f64 / 1e6,
            secs,
        )
    }

    /// After a batch: the bar moved, or a status line every two seconds.
    fn report(&mut self) {
        if let Some(bar) = &self.bar {
            let (_, _, rec_s) = self.rates();
            bar.set_position(self.bytes);
            bar.set_message(format!(
                "{} records ({rec_s:.0}/s), {} errors",
                self.records, self.errors
            ));
        } else if self.progress == Progress::Lines && self.last_report.elapsed().as_secs() >= 2 {
            self.last_report = Instant::now();
            let (secs, mb_s, _) = self.rates();
            eprintln!(
                "zhnews extract: progress: {} records, {} errors, {:.1} MB after {secs:.0} s ({mb_s:.1} MB/s)",
                self.records,
                self.errors,
                self.bytes as f64 / 1e6,
            );
        }
    }

    fn done(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        let _ = io::stderr().flush();
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
