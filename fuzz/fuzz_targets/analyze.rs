//! Any bytes, read as (lossy) UTF-8, through `Analyzer::analyze_at` with a
//! fixed reference date; panics when an offset invariant is violated.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zhnews::{Analyzer, RefDate};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    let date = RefDate::from_ymd(2024, 8, 21);
    let doc = ANALYZER.analyze_at(s, date);
    // the invariants the integration tests check, from the same code
    if let Err(e) = common::check_document(s, &doc) {
        panic!("{e}");
    }
    for t in &doc.times {
        // with a reference date every time resolves
        assert!(t.value.is_some() || !t.relative, "{t:?}");
    }
});
