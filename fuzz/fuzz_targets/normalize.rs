//! Any bytes, read as (lossy) UTF-8, through the expression normalizers: no
//! panic, and a result's offsets are char boundaries with `expr[start..end] == text`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhnews::RefDate;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    if let Ok(q) = zhnews::normalize(s) {
        assert!(q.start <= q.end && q.end <= s.len(), "{q:?}");
        assert_eq!(s.get(q.start..q.end), Some(q.text.as_str()), "{q:?}");
        let _ = serde_json::to_string(&q).expect("quantity serializes");
    }
    let r = RefDate::from_ymd(2024, 8, 21);
    for date in [None, r] {
        if let Ok(t) = zhnews::normalize_time(s, date) {
            assert!(t.start <= t.end && t.end <= s.len(), "{t:?}");
            assert_eq!(s.get(t.start..t.end), Some(t.text.as_str()), "{t:?}");
        }
    }
    let _ = zhnews::parse_number(s);
});
