//! Segmentation throughput on real articles, next to plain jieba-rs.
//!
//! Articles come from `../shared/corpus/news-zh/sample-100.jsonl` (or
//! `$ZHNEWS_SHARED/corpus/news-zh/`, or its part files), falling back to
//! `corpus/sample.jsonl`. One group, `segment`, with `Throughput::Bytes`:
//! - `zhnews_segment`: [`Segmenter::segment`], which scans the text for
//!   quantities and times itself (the end-to-end cost);
//! - `zhnews_segment_with`: [`Segmenter::segment_with`] given the scanner's
//!   results, as the `Analyzer` calls it (the segmenter's own cost);
//! - `jieba_cut`: plain `jieba_rs::Jieba::cut(text, true)`, the reference;
//! - `jieba_tag`: plain `jieba_rs::Jieba::tag(text, true)`, what POS tags
//!   cost jieba-rs itself.
//!
//! Run with `cargo bench --bench segment`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhnews::{Analyzer, Segmenter};

/// The texts of the articles to segment.
fn articles() -> Vec<String> {
    let news = common::shared_dir().map(|d| d.join("corpus/news-zh"));
    let candidates = [
        news.as_ref().map(|d| d.join("sample-100.jsonl")),
        news.as_ref().map(|d| d.join("part-007.jsonl")),
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/sample.jsonl")),
    ];
    for path in candidates.into_iter().flatten() {
        let Ok(data) = std::fs::read_to_string(&path) else {
            continue;
        };
        let texts: Vec<String> = common::texts_of(&data).take(100).collect();
        if !texts.is_empty() {
            eprintln!(
                "segment bench: {} articles from {}",
                texts.len(),
                path.display()
            );
            return texts;
        }
    }
    eprintln!("segment bench: no corpus found, using a built-in paragraph");
    vec![
        "小米集团二季度营收 889 亿元，同比增长 32%，净利润 62 亿元；英伟达 A100 供不应求。"
            .repeat(50),
    ]
}

fn bench_segment(c: &mut Criterion) {
    let texts = articles();
    let bytes: usize = texts.iter().map(String::len).sum();
    let segmenter = Segmenter::new();
    let jieba = jieba_rs::Jieba::new();
    let analyzer = Analyzer::new();
    let scanned: Vec<_> = texts.iter().map(|t| analyzer.analyze(t)).collect();

    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(30);
    g.bench_function("zhnews_segment", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(segmenter.segment(black_box(t)));
            }
        })
    });
    g.bench_function("zhnews_segment_with", |b| {
        b.iter(|| {
            for (t, doc) in texts.iter().zip(&scanned) {
                black_box(segmenter.segment_with(black_box(t), &doc.quantities, &doc.times));
            }
        })
    });
    g.bench_function("jieba_cut", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(jieba.cut(black_box(t), true));
            }
        })
    });
    g.bench_function("jieba_tag", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(jieba.tag(black_box(t), true));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
