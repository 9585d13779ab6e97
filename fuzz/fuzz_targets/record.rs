//! Any bytes as one JSONL input line through `record::process_line`: the
//! output is one line of JSON with either `error` or `quantities`.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use zhnews::Analyzer;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

fuzz_target!(|data: &[u8]| {
    let out = zhnews::record::process_line(&ANALYZER, data, 7, None);
    assert!(!out.contains('\n'), "output spans lines: {out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("output is JSON");
    let obj = v.as_object().expect("output is an object");
    match (obj.get("error"), obj.get("quantities")) {
        (Some(serde_json::Value::String(_)), None) => {
            assert_eq!(obj.get("line"), Some(&serde_json::json!(7)), "{out}");
        }
        (None, Some(serde_json::Value::Array(_))) => {
            for key in ["times", "entities", "claims"] {
                assert!(obj.get(key).is_some_and(|x| x.is_array()), "{out}");
            }
        }
        _ => panic!("neither an error nor a document: {out}"),
    }
});
