//! The `zhnews` command line: argument parsing and IO only; all logic is in
//! the library.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    /// Normalize quantity expressions to exact JSON values.
    ///
    /// With EXPR arguments, prints one JSON line per argument; without, reads
    /// one expression per line from stdin and prints one JSON line per input
    /// line, in order: the quantity, or {"error": "..."}.
    Normalize {
        /// Expressions such as "2.4 亿美元" or "超过 5 万家".
        exprs: Vec<String>,
    },
}

fn normalize_line(expr: &str) -> String {
    match zhnews::normalize(expr) {
        Ok(q) => serde_json::to_string(&q),
        Err(e) => serde_json::to_string(&serde_json::json!({ "error": e.to_string() })),
    }
    .unwrap_or_else(|e| format!("{{\"error\":\"cannot serialize: {e}\"}}"))
}

fn run_normalize(exprs: &[String]) -> io::Result<()> {
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
            writeln!(out, "{}", normalize_line(line))?;
        }
    } else {
        for e in exprs {
            writeln!(out, "{}", normalize_line(e))?;
        }
    }
    out.flush()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Normalize { exprs } => run_normalize(exprs),
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
