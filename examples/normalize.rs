//! Normalize a few expressions and print them as SPEC.md JSON.
//!
//! `cargo run --example normalize -- "2.4 亿美元" "超过 5 万家"`

fn main() {
    let mut exprs: Vec<String> = std::env::args().skip(1).collect();
    if exprs.is_empty() {
        exprs = [
            "2.4 亿美元",
            "2010 万美元",
            "三十几万元",
            "6.0%",
            "2 个百分点",
        ]
        .map(String::from)
        .to_vec();
    }
    for e in &exprs {
        match zhnews::normalize(e) {
            Ok(q) => println!("{}", serde_json::to_string(&q).expect("serializable")),
            Err(err) => println!("{e}: {err}"),
        }
    }
}
