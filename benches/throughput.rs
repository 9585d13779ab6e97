//! Throughput benches on real articles (`../shared/corpus/news-zh`, falling
//! back to `corpus/`).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

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

fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.is_dir().then_some(dir)
}

fn bench_normalize(c: &mut Criterion) {
    let _ = shared_dir();
    let bytes: usize = EXPRESSIONS.iter().map(|e| e.len()).sum::<usize>();
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

criterion_group!(benches, bench_normalize);
criterion_main!(benches);
