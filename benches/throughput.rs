//! Throughput benches on real articles (`../shared/corpus/news-zh`, falling
//! back to `corpus/`), with plain jieba-rs `cut` in the same run as the
//! reference. All groups use `Throughput::Bytes`.
//!
//! - `normalize`: one expression at a time through [`zhnews::normalize`];
//! - `text`: on the same articles, `jieba_cut` (plain `jieba_rs::Jieba::cut`,
//!   HMM on: the reference), `scan` (quantities and times only,
//!   [`zhnews::scan::find`]) and `analyze` (everything,
//!   [`zhnews::Analyzer::analyze`]);
//! - `startup`: `Analyzer::new()`.
//!
//! `cargo bench --bench throughput`

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use support::articles;
use zhnews::Analyzer;

/// Expressions of the kinds news text is full of, for the normalizer.
const EXPRESSIONS: &[&str] = &[
    "2.4 亿美元",
    "889 亿元",
    "32%",
    "超过 5 万家",
    "3-6 亿美元",
    "一万五千亿",
    "三十几万元",
    "2 个百分点",
    "１２３．４亿元",
    "百分之十四",
];

fn bench_normalize(c: &mut Criterion) {
    let bytes: usize = EXPRESSIONS.iter().map(|e| e.len()).sum();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("expressions", |b| {
        b.iter(|| {
            for e in EXPRESSIONS {
                let _ = black_box(zhnews::normalize(black_box(e)));
            }
        })
    });
    g.finish();
}

fn bench_text(c: &mut Criterion) {
    let texts = articles();
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("throughput bench: {} articles, {bytes} bytes", texts.len());
    let jieba = jieba_rs::Jieba::new();
    let analyzer = Analyzer::new();
    // warm the lazily built tables
    let _ = zhnews::scan::find("营收 1 亿元", None);
    let _ = analyzer.analyze("小米集团营收 1 亿元");

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("jieba_cut", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(jieba.cut(black_box(t), true));
            }
        })
    });
    g.bench_function("scan", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(zhnews::scan::find(black_box(t), None));
            }
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(analyzer.analyze(black_box(t)));
            }
        })
    });
    g.finish();
}

fn bench_startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("analyzer_new", |b| b.iter(|| black_box(Analyzer::new())));
    g.finish();
}

criterion_group!(benches, bench_normalize, bench_text, bench_startup);
criterion_main!(benches);
