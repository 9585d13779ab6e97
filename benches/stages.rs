//! One bench per stage of [`zhnews::Analyzer::analyze`], on the articles of
//! `benches/throughput.rs` (about 1 MB), with plain jieba-rs `cut` (HMM on)
//! in the same run as the reference. One group, `stage`, with
//! `Throughput::Bytes` (the bytes of the articles, whatever the stage reads):
//!
//! - `jieba_cut`: plain `jieba_rs::Jieba::cut(text, true)`, the reference;
//! - `fold`: width and traditional-to-simplified folding;
//! - `scan`: quantities and times of the folded text;
//! - `segment`: the cuts around them, with POS tags;
//! - `entities`: the names (which decide the quantities inside them);
//! - `claims`: everything moved to the original text, the claims, the
//!   document;
//! - `serialize`: the document's JSON line.
//!
//! Each stage is given the outputs of the stages before it, computed once
//! outside the measurement (`zhnews::stages`, the calls `analyze` chains);
//! a stage that consumes its input gets a fresh copy per iteration, made
//! outside the timing. Wall times on shared cores are noisy: compare ratios
//! from the same run, or the instruction counts of `scripts/callgrind.sh`.
//!
//! `cargo bench --bench stages`

mod support;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use support::articles;
use zhnews::{Analyzer, stages};

fn bench_stages(c: &mut Criterion) {
    let texts = articles();
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("stages bench: {} articles, {bytes} bytes", texts.len());
    let jieba = jieba_rs::Jieba::new();
    let analyzer = Analyzer::new();
    for t in &texts {
        black_box(analyzer.analyze(t));
    }
    let folded: Vec<_> = texts.iter().map(|t| stages::fold(t)).collect();
    let scanned: Vec<_> = folded.iter().map(|f| stages::scan(f, None)).collect();
    let cuts: Vec<_> = folded
        .iter()
        .zip(&scanned)
        .map(|(f, s)| stages::segment(&analyzer, f, s))
        .collect();
    let found: Vec<_> = folded
        .iter()
        .zip(&cuts)
        .zip(scanned.clone())
        .map(|((f, c), s)| stages::entities(&analyzer, f, c, s))
        .collect();
    let docs: Vec<_> = texts.iter().map(|t| analyzer.analyze(t)).collect();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("jieba_cut", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(jieba.cut(black_box(t), true));
            }
        })
    });
    g.bench_function("fold", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(stages::fold(black_box(t)));
            }
        })
    });
    g.bench_function("scan", |b| {
        b.iter(|| {
            for f in &folded {
                black_box(stages::scan(black_box(f), None));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for (f, s) in folded.iter().zip(&scanned) {
                black_box(stages::segment(&analyzer, black_box(f), s));
            }
        })
    });
    g.bench_function("entities", |b| {
        b.iter_batched(
            || scanned.clone(),
            |scanned| {
                let named: Vec<_> = (folded.iter().zip(&cuts).zip(scanned))
                    .map(|((f, c), s)| stages::entities(&analyzer, f, c, s))
                    .collect();
                named
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("claims", |b| {
        b.iter_batched(
            || found.clone(),
            |found| {
                let docs: Vec<_> = (folded.iter().zip(&cuts).zip(found))
                    .map(|((f, c), n)| stages::claims(f, c, n))
                    .collect();
                docs
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("serialize", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(stages::serialize(black_box(d)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_stages);
criterion_main!(benches);
