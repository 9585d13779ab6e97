//! Batch use of the library: analyze a JSONL file of articles on all cores
//! with one shared `Analyzer`, and print a summary of what was found.
//!
//! `cargo run --release --example batch -- corpus/sample.jsonl`
//!
//! With `--scan-only` only quantities and times are read (no segmenter).

use std::collections::BTreeMap;

use rayon::prelude::*;
use zhnews::{Analyzer, RefDate};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let scan_only = args.iter().any(|a| a == "--scan-only");
    args.retain(|a| a != "--scan-only");
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| "corpus/sample.jsonl".into());
    let repeat: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let records: Vec<(String, Option<RefDate>)> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let text = v.get("text")?.as_str()?.to_string();
            let date = v
                .get("date")
                .and_then(|d| d.as_str())
                .and_then(|d| RefDate::parse(d).ok());
            Some((text, date))
        })
        .collect();
    let analyzer = (!scan_only).then(Analyzer::new);
    let start = std::time::Instant::now();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for _ in 0..repeat {
        let per_doc: Vec<[usize; 4]> = records
            .par_iter()
            .map(|(text, date)| {
                if scan_only {
                    let (q, t) = zhnews::scan::find(text, *date);
                    [q.len(), t.len(), 0, 0]
                } else {
                    let Some(analyzer) = &analyzer else {
                        return [0; 4];
                    };
                    let d = analyzer.analyze_at(text, *date);
                    [
                        d.quantities.len(),
                        d.times.len(),
                        d.entities.len(),
                        d.claims.len(),
                    ]
                }
            })
            .collect();
        for c in per_doc {
            for (k, n) in ["quantities", "times", "entities", "claims"]
                .into_iter()
                .zip(c)
            {
                *counts.entry(k).or_default() += n;
            }
        }
    }
    let bytes: usize = records.iter().map(|r| r.0.len()).sum::<usize>() * repeat;
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {:.1} MB in {secs:.2} s ({:.1} MB/s): {counts:?}",
        records.len() * repeat,
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
