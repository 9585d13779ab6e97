//! Print the entities and claims of a text, one claim a line (subject |
//! metric | period | value | change).
//!
//! `cargo run --release --example claims -- "小米集团二季度营收 889 亿元，同比增长 32%。" 2024-08-21`

fn main() {
    let mut args = std::env::args().skip(1);
    let text = args
        .next()
        .unwrap_or_else(|| "小米集团二季度营收 889 亿元，同比增长 32%。".to_string());
    let date = args.next().and_then(|d| zhnews::RefDate::parse(&d).ok());
    let doc = zhnews::Analyzer::new().analyze_at(&text, date);
    for e in &doc.entities {
        print!("[{:?} {}] ", e.kind, e.text);
    }
    println!();
    for c in &doc.claims {
        let change = c.change.as_ref().map(|x| {
            let v = x.value.as_ref().map_or("-", |q| q.text.as_str());
            format!("{:?} {:?} {v}", x.basis, x.direction)
        });
        println!(
            "{} | {} | {} | {} | {}",
            c.subject.as_deref().unwrap_or("-"),
            c.metric.as_deref().unwrap_or("-"),
            c.period.as_deref().unwrap_or("-"),
            c.value.as_ref().map_or("-", |q| q.text.as_str()),
            change.as_deref().unwrap_or("-")
        );
    }
}
