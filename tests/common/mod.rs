//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository root (the library package's folder), from the library's
/// tests or the CLI's.
pub fn repo_root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .find(|p| p.join("corpus/sample.jsonl").is_file())
        .map(PathBuf::from)
        .unwrap_or(here)
}

/// The shared data folder: `$ZHNEWS_SHARED`, else `../shared` beside the
/// repository, if it exists.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("ZHNEWS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    dir.is_dir().then_some(dir)
}

/// Says on stderr that a test is skipped for want of shared data; under CI
/// (`CI` set), where the data is always there, a skip is a failure.
pub fn skip(what: &str) {
    let note =
        format!("SKIPPED: shared data {what} not found (set ZHNEWS_SHARED or put it at ../shared)");
    assert!(std::env::var_os("CI").is_none(), "{note}, and CI is set");
    eprintln!("{note}");
}

/// The `text` fields of the records of a JSONL document file, skipping
/// lines that are not such records.
pub fn texts_of(jsonl: &str) -> impl Iterator<Item = String> + '_ {
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(String::from))
}

/// A file under the shared folder, or `None` (with a note on stderr) when
/// the shared data is not there.
pub fn shared_file(rel: &str) -> Option<PathBuf> {
    match shared_dir() {
        Some(d) if d.join(rel).exists() => Some(d.join(rel)),
        _ => {
            skip(rel);
            None
        }
    }
}

/// SPEC.md "Exact values": plain notation, no exponent, no trailing zeros
/// after the point, no leading `+`, `-0` written `0`.
pub fn plain_decimal(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !frac.ends_with('0')
        && (frac.is_empty() != body.contains('.'))
        && s != "-0"
}

/// The invariants every document over `s` keeps, whatever `s` is: spans of
/// quantities, times, entities and claim values in bounds, on char
/// boundaries, `text == s[start..end]`; claim clauses in bounds on char
/// boundaries; quantity values plain exact decimals, a value or a whole
/// range; quantities in text order. `Err` names the first violation.
pub fn check_document(s: &str, doc: &zhnews::Document) -> Result<(), String> {
    let span = |start: usize, end: usize, text: &str, what: &dyn std::fmt::Debug| {
        let ok = start <= end
            && end <= s.len()
            && s.is_char_boundary(start)
            && s.is_char_boundary(end)
            && &s[start..end] == text;
        if ok {
            Ok(())
        } else {
            Err(format!("bad span {start}..{end} of {}: {what:?}", s.len()))
        }
    };
    let quantity = |q: &zhnews::Quantity| -> Result<(), String> {
        span(q.start, q.end, &q.text, q)?;
        let json = serde_json::to_value(q).map_err(|e| e.to_string())?;
        for field in ["value", "low", "high"] {
            match &json[field] {
                serde_json::Value::Null => {}
                serde_json::Value::String(v) if plain_decimal(v) => {}
                other => return Err(format!("{field} is {other} in {json}")),
            }
        }
        if q.value.is_some() == (q.low.is_some() || q.high.is_some()) {
            return Err(format!("value and low/high both or neither: {json}"));
        }
        if q.low.is_some() != q.high.is_some() {
            return Err(format!("half a range: {json}"));
        }
        Ok(())
    };
    for q in &doc.quantities {
        quantity(q)?;
    }
    for w in doc.quantities.windows(2) {
        if w[0].start > w[1].start {
            return Err(format!("quantities out of order: {w:?}"));
        }
    }
    for t in &doc.times {
        span(t.start, t.end, &t.text, t)?;
    }
    for e in &doc.entities {
        span(e.start, e.end, &e.text, e)?;
    }
    for c in &doc.claims {
        if !(c.start <= c.end
            && c.end <= s.len()
            && s.is_char_boundary(c.start)
            && s.is_char_boundary(c.end))
        {
            return Err(format!("bad clause of {c:?}"));
        }
        if let Some(q) = &c.value {
            quantity(q)?;
        }
    }
    Ok(())
}
