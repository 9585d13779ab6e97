//! The articles the text benches read (`throughput`, `stages`).

#[path = "../../tests/common/mod.rs"]
mod common;

/// About 1 MB of real articles: sample-100 (number-rich) plus the first
/// articles of three part files (finance, flashes, tech), or `corpus/`.
pub fn articles() -> Vec<String> {
    let mut texts = Vec::new();
    if let Some(news) = common::shared_dir().map(|d| d.join("corpus/news-zh")) {
        for (file, take) in [
            ("sample-100.jsonl", 100),
            ("part-000.jsonl", 100),
            ("part-005.jsonl", 300),
            ("part-007.jsonl", 50),
        ] {
            let Ok(data) = std::fs::read_to_string(news.join(file)) else {
                continue;
            };
            texts.extend(common::texts_of(&data).take(take));
        }
    }
    if texts.is_empty() {
        let data = include_str!("../../corpus/sample.jsonl");
        texts.extend(common::texts_of(data));
        eprintln!("bench: ../shared not found, using corpus/sample.jsonl");
    }
    texts
}
