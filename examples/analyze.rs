//! Analyze text given on the command line (or a built-in example) and print
//! the document as JSON.
//!
//! `cargo run --example analyze -- "小米集团二季度营收 889 亿元，同比增长 32%。"`

fn main() {
    let text = std::env::args().nth(1).unwrap_or_else(|| {
        "小米集团二季度营收 889 亿元，同比增长 32%；毛利率提升 1.5 个百分点。".to_string()
    });
    let analyzer = zhnews::Analyzer::new();
    let doc = analyzer.analyze(&text);
    println!(
        "{}",
        serde_json::to_string_pretty(&doc).expect("serializable")
    );
}
