//! The passes `scripts/callgrind.sh` counts: one warm pass of every stage of
//! `Analyzer::analyze` over the texts of a JSONL file, each stage in a
//! function of its own (`pass_*`), with plain jieba-rs `cut` (HMM on) and
//! the whole `analyze` on the same texts.
//!
//! `cargo run --release --example stage_cost -- FILE.jsonl` runs the
//! passes (it prints the records and bytes read); under callgrind,
//! `--toggle-collect='stage_cost::pass_*'` and one
//! `--dump-after=stage_cost::pass_NAME` per pass (a wildcard there dumps
//! nothing) give one count per pass, in the order of [`PASSES`], which
//! `stage_cost --passes` prints.

use std::hint::black_box;

use zhnews::{Analyzer, Document, stages};

/// The passes, in the order they run.
const PASSES: [&str; 9] = [
    "jieba_cut",
    "analyze",
    "fold",
    "scan",
    "segment",
    "entities",
    "claims",
    "serialize",
    "jieba_tag",
];

#[inline(never)]
fn pass_jieba_cut(jieba: &jieba_rs::Jieba, texts: &[String]) -> usize {
    texts.iter().map(|t| jieba.cut(t, true).len()).sum()
}

#[inline(never)]
fn pass_jieba_tag(jieba: &jieba_rs::Jieba, texts: &[String]) -> usize {
    texts.iter().map(|t| jieba.tag(t, true).len()).sum()
}

#[inline(never)]
fn pass_analyze(analyzer: &Analyzer, texts: &[String]) -> Vec<Document> {
    texts.iter().map(|t| analyzer.analyze(t)).collect()
}

#[inline(never)]
fn pass_fold(texts: &[String]) -> Vec<stages::Folded<'_>> {
    texts.iter().map(|t| stages::fold(t)).collect()
}

#[inline(never)]
fn pass_scan(folded: &[stages::Folded<'_>]) -> Vec<stages::Scanned> {
    folded.iter().map(|f| stages::scan(f, None)).collect()
}

#[inline(never)]
fn pass_segment<'a>(
    analyzer: &'a Analyzer,
    folded: &[stages::Folded<'a>],
    scanned: &[stages::Scanned],
) -> Vec<stages::Cuts<'a>> {
    (folded.iter().zip(scanned))
        .map(|(f, s)| stages::segment(analyzer, f, s))
        .collect()
}

#[inline(never)]
fn pass_entities(
    analyzer: &Analyzer,
    folded: &[stages::Folded<'_>],
    cuts: &[stages::Cuts<'_>],
    scanned: Vec<stages::Scanned>,
) -> Vec<stages::Found> {
    (folded.iter().zip(cuts).zip(scanned))
        .map(|((f, c), s)| stages::entities(analyzer, f, c, s))
        .collect()
}

#[inline(never)]
fn pass_claims(
    folded: &[stages::Folded<'_>],
    cuts: &[stages::Cuts<'_>],
    found: Vec<stages::Found>,
) -> Vec<Document> {
    (folded.iter().zip(cuts).zip(found))
        .map(|((f, c), n)| stages::claims(f, c, n))
        .collect()
}

#[inline(never)]
fn pass_serialize(docs: &[Document]) -> usize {
    docs.iter().map(|d| stages::serialize(d).len()).sum()
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_cost FILE.jsonl | --passes");
        std::process::exit(2);
    };
    if path == "--passes" {
        println!("{}", PASSES.join(" "));
        return;
    }
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("stage_cost: {path}: {e}");
        std::process::exit(1);
    });
    let texts: Vec<String> = (data.lines())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(String::from))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let jieba = jieba_rs::Jieba::new();
    let analyzer = Analyzer::new();
    // the warm-up: lazily built tables, the allocator's first pages
    for t in &texts {
        black_box(jieba.cut(t, true));
        black_box(jieba.tag(t, true));
        black_box(stages::serialize(&analyzer.analyze(t)));
    }

    black_box(pass_jieba_cut(&jieba, &texts));
    black_box(pass_analyze(&analyzer, &texts));
    let folded = pass_fold(&texts);
    let scanned = pass_scan(&folded);
    let cuts = pass_segment(&analyzer, &folded, &scanned);
    let found = pass_entities(&analyzer, &folded, &cuts, scanned);
    let docs = pass_claims(&folded, &cuts, found);
    black_box(pass_serialize(&docs));
    black_box(pass_jieba_tag(&jieba, &texts));
    println!("{} records, {bytes} bytes", texts.len());
}
