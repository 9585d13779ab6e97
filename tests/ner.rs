//! Entity recognition on public benchmarks, through `Analyzer::analyze`:
//! MSRA NER test split (PER/LOC/ORG, exact span and type) with an F1 bar,
//! and recall on CLUENER 2020 dev (company, organization, name).
//!
//! Nothing from these sets is in the lexicons.

mod common;

use serde_json::Value;
use zhnews::Analyzer;
use zhnews::EntityKind;

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    predicted: usize,
    hit: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.hit as f64 / self.predicted.max(1) as f64;
        let r = self.hit as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn type_index(kind: EntityKind) -> Option<usize> {
    match kind {
        EntityKind::Person => Some(0),
        EntityKind::Place => Some(1),
        EntityKind::Org => Some(2),
        _ => None,
    }
}

#[test]
fn msra_entity_f1() {
    let Some(path) = common::shared_file("data/ner/msra/msra_test_bio.txt") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("read MSRA");
    let analyzer = Analyzer::new();
    let mut counts = [Counts::default(); 3];
    let mut sentences = 0;
    for sent in data.split("\n\n") {
        let mut text = String::new();
        let mut gold: Vec<(usize, usize, usize)> = Vec::new();
        let mut cur: Option<(usize, usize, usize)> = None;
        for line in sent.lines() {
            let mut it = line.split('\t');
            let (Some(ch), Some(tag)) = (it.next(), it.next()) else {
                continue;
            };
            let pos = text.len();
            text.push_str(ch);
            let kind = |t: &str| match t {
                "PER" => 0,
                "LOC" => 1,
                _ => 2,
            };
            if let Some(t) = tag.strip_prefix("B-") {
                gold.extend(cur.take());
                cur = Some((kind(t), pos, text.len()));
            } else if tag.starts_with("I-") {
                if let Some(c) = cur.as_mut() {
                    c.2 = text.len();
                }
            } else {
                gold.extend(cur.take());
            }
        }
        gold.extend(cur.take());
        if text.is_empty() {
            continue;
        }
        sentences += 1;
        let doc = analyzer.analyze(&text);
        let predicted: Vec<(usize, usize, usize)> = doc
            .entities
            .iter()
            .filter_map(|e| Some((type_index(e.kind)?, e.start, e.end)))
            .collect();
        for g in &gold {
            counts[g.0].gold += 1;
            if predicted.contains(g) {
                counts[g.0].hit += 1;
            }
        }
        for p in &predicted {
            counts[p.0].predicted += 1;
        }
    }
    let mut all = Counts::default();
    for (i, name) in ["PER", "LOC", "ORG"].iter().enumerate() {
        let (p, r, f) = counts[i].prf();
        println!(
            "MSRA {name}: gold {} predicted {} P {p:.3} R {r:.3} F1 {f:.3}",
            counts[i].gold, counts[i].predicted
        );
        all.gold += counts[i].gold;
        all.predicted += counts[i].predicted;
        all.hit += counts[i].hit;
    }
    let (p, r, f) = all.prf();
    println!("MSRA overall ({sentences} sentences): P {p:.3} R {r:.3} F1 {f:.3}");
    assert!(f >= 0.70, "MSRA overall F1 {f:.3} < 0.70");
}

#[test]
fn cluener_recall() {
    let Some(path) = common::shared_file("data/ner/cluener2020/dev.json") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("read CLUENER");
    let analyzer = Analyzer::new();
    // (label, gold, found with exact span, found with exact span and kind)
    let mut stats: Vec<(&str, EntityKind, usize, usize, usize)> = vec![
        ("company", EntityKind::Org, 0, 0, 0),
        ("organization", EntityKind::Org, 0, 0, 0),
        ("name", EntityKind::Person, 0, 0, 0),
        ("address", EntityKind::Place, 0, 0, 0),
    ];
    for line in data.lines() {
        let rec: Value = serde_json::from_str(line).expect("CLUENER line is JSON");
        let text = rec["text"].as_str().expect("text");
        let doc = analyzer.analyze(text);
        let char_to_byte: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for st in stats.iter_mut() {
            let Some(spans) = rec["label"][st.0].as_object() else {
                continue;
            };
            for positions in spans.values() {
                for p in positions.as_array().into_iter().flatten() {
                    let a = p[0].as_u64().unwrap_or(0) as usize;
                    let b = p[1].as_u64().unwrap_or(0) as usize + 1;
                    let (Some(&sa), Some(&sb)) = (char_to_byte.get(a), char_to_byte.get(b)) else {
                        continue;
                    };
                    st.2 += 1;
                    if let Some(e) = doc.entities.iter().find(|e| e.start == sa && e.end == sb) {
                        st.3 += 1;
                        if e.kind == st.1 {
                            st.4 += 1;
                        }
                    }
                }
            }
        }
    }
    for (label, kind, gold, span, typed) in &stats {
        println!(
            "CLUENER {label}: {gold} gold; recall {:.3} exact span, {:.3} exact span and kind {kind:?}",
            *span as f64 / (*gold).max(1) as f64,
            *typed as f64 / (*gold).max(1) as f64
        );
    }
}
