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

/// Per-kind counts (PER, LOC, ORG) of `analyze` on a BIO file (`char` and
/// tag separated by a tab or a space, a blank line between sentences), and
/// the number of sentences.
fn bio_counts(analyzer: &Analyzer, data: &str) -> ([Counts; 3], usize) {
    let mut counts = [Counts::default(); 3];
    let mut sentences = 0;
    for sent in data.split("\n\n") {
        let (text, gold) = bio_sentence(sent);
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
    (counts, sentences)
}

/// The text of one BIO sentence and its names `(kind, start, end)`.
fn bio_sentence(sent: &str) -> (String, Vec<(usize, usize, usize)>) {
    let mut text = String::new();
    let mut gold: Vec<(usize, usize, usize)> = Vec::new();
    let mut cur: Option<(usize, usize, usize)> = None;
    for line in sent.lines() {
        let mut it = line.split(['\t', ' ']).filter(|x| !x.is_empty());
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
    (text, gold)
}

/// An analyzer without the trained model (the rules, lexicons and POS tags
/// of before), for comparison.
fn rules_only() -> Analyzer {
    let entities = zhnews::EntityRecognizer::new().without_model();
    Analyzer::new().with_entities(entities)
}

/// Prints the figures of `counts` under `name`; returns the overall F1 and
/// the per-kind F1s.
fn report(name: &str, counts: &[Counts; 3], sentences: usize) -> (f64, [f64; 3]) {
    let mut all = Counts::default();
    let mut per = [0.0; 3];
    for (i, kind) in ["PER", "LOC", "ORG"].iter().enumerate() {
        let (p, r, f) = counts[i].prf();
        per[i] = f;
        println!(
            "{name} {kind}: gold {} predicted {} P {p:.3} R {r:.3} F1 {f:.3}",
            counts[i].gold, counts[i].predicted
        );
        all.gold += counts[i].gold;
        all.predicted += counts[i].predicted;
        all.hit += counts[i].hit;
    }
    let (p, r, f) = all.prf();
    println!("{name} overall ({sentences} sentences): P {p:.3} R {r:.3} F1 {f:.3}");
    (f, per)
}

/// MSRA test: the floors are the figures measured with the model shipped
/// and the rule passes after it (F1 0.891; PER 0.908, LOC 0.907, ORG
/// 0.833), less 0.01.
#[test]
fn msra_entity_f1() {
    let Some(path) = common::shared_file("data/ner/msra/msra_test_bio.txt") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("read MSRA");
    let (counts, sentences) = bio_counts(&rules_only(), &data);
    report("MSRA, rules only", &counts, sentences);
    let (counts, sentences) = bio_counts(&Analyzer::new(), &data);
    let (f, per) = report("MSRA", &counts, sentences);
    assert!(f >= 0.881, "MSRA overall F1 {f:.3} < 0.881");
    for (kind, (f, floor)) in ["PER", "LOC", "ORG"]
        .iter()
        .zip(per.iter().zip([0.898, 0.897, 0.823]))
    {
        assert!(*f >= floor, "MSRA {kind} F1 {f:.3} < {floor}");
    }
}

/// People's Daily 1998 NER test split (another annotation of 1998 news).
/// Most of it overlaps the MSRA training split the model learnt from (2,955
/// of its 4,630 sentences of more than 12 characters are in it whole, most
/// others share a run of 16 characters with it): only the sentences that
/// share no such run are scored.
#[test]
fn peoples_daily_entity_f1() {
    let (Some(path), Some(train)) = (
        common::shared_file("data/ner/peoples_daily/example.test"),
        common::shared_file("data/ner-train/msra/msra_train_bio.txt.gz"),
    ) else {
        return;
    };
    let seen = training_runs(&train);
    let data = std::fs::read_to_string(path).expect("read People's Daily");
    let unseen: Vec<&str> = data
        .split("\n\n")
        .filter(|s| {
            let chars: Vec<char> = bio_sentence(s).0.chars().collect();
            !chars
                .windows(RUN)
                .any(|w| seen.contains(&w.iter().collect::<String>()))
        })
        .collect();
    let unseen = unseen.join("\n\n");
    let (counts, sentences) = bio_counts(&rules_only(), &unseen);
    report("People's Daily, rules only", &counts, sentences);
    let (counts, sentences) = bio_counts(&Analyzer::new(), &unseen);
    let (f, _) = report("People's Daily", &counts, sentences);
    assert!(f >= PD_FLOOR, "People's Daily F1 {f:.3} < {PD_FLOOR}");
}

/// See [`peoples_daily_entity_f1`].
const PD_FLOOR: f64 = 0.97;

/// The length of the runs of characters that mark a sentence as seen in
/// training.
const RUN: usize = 16;

/// Every run of [`RUN`] characters in the sentences of a gzipped BIO
/// training file.
fn training_runs(path: &std::path::Path) -> std::collections::HashSet<String> {
    use std::io::Read;
    let mut data = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).expect("open MSRA train"))
        .read_to_string(&mut data)
        .expect("read MSRA train");
    let mut runs = std::collections::HashSet::new();
    for sent in data.split("\n\n") {
        let chars: Vec<char> = bio_sentence(sent).0.chars().collect();
        runs.extend(chars.windows(RUN).map(|w| w.iter().collect::<String>()));
    }
    runs
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
