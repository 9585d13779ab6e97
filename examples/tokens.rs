//! Print the tokens of a text with their kinds and POS tags.
//!
//! `cargo run --example tokens -- "小米集团二季度营收 889 亿元"`

fn main() {
    let text = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "小米集团二季度营收 889 亿元。".to_string());
    let segmenter = zhnews::Segmenter::new();
    for t in segmenter.segment(&text) {
        println!("{}\t{:?}\t{}", t.text, t.kind, t.pos);
    }
}
