//! `zhnews train-ner`: reads labelled corpora in their own formats, trains
//! an entity model with the library's trainer, prints the dev figures of
//! each epoch and writes the model file.
//!
//! Formats (`FORMAT:PATH`; a `.gz` file is read through gzip):
//! - `bio`: `char<TAB or space>tag` per line, BIO tags (`B-PER`, `I-LOC`,
//!   `O`), a blank line between sentences (MSRA);
//! - `bmes`: the same with `B-`/`M-`/`E-`/`S-` tags (Resume NER: `NAME`,
//!   `ORG`, `LOC`);
//! - `pd98`: People's Daily 1998 segmented and tagged (`江/nr 泽民/nr`,
//!   `[中国/ns 银行/n]nt`): `nr` runs are persons, `ns` places, `nt` and
//!   bracketed `nt` organisations;
//! - `cluener`: CLUENER 2020 JSON lines (`company`, `organization`,
//!   `government` are organisations, `name` persons; places are not
//!   labelled there, so the trainer leaves them open);
//! - `jsonl`: `{"text", "entities": [{"kind", "start", "end"}]}` per line,
//!   byte offsets, kinds as in SPEC.md (`org`, `person`, `place`): the
//!   format for a user's own labelled text.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::PathBuf;

use clap::Args;
use serde_json::Value;
use zhnews::{
    Analyzer, Entity, EntityKind, Error, KindScore, NerExample, NerTrainer, TrainOptions,
};

/// The options of `zhnews train-ner`.
#[derive(Args)]
pub struct TrainArgs {
    /// Training corpora as FORMAT:PATH (bio, bmes, pd98, cluener, jsonl).
    #[arg(long = "train", value_name = "FORMAT:PATH", required = true)]
    train: Vec<String>,
    /// Dev corpora as FORMAT:PATH, scored after each epoch.
    #[arg(long = "dev", value_name = "FORMAT:PATH")]
    dev: Vec<String>,
    /// Also hold out every N-th training sentence as dev (0: none).
    #[arg(long, default_value_t = 0)]
    holdout: usize,
    /// Read at most N sentences of each corpus (0: all).
    #[arg(long, default_value_t = 0)]
    limit: usize,
    /// Passes over the training sentences.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Bits of the feature hash.
    #[arg(long, default_value_t = TrainOptions::default().bits)]
    bits: u32,
    /// The most weight rows of the hashed model before it is written.
    #[arg(long, default_value_t = TrainOptions::default().max_rows)]
    max_rows: usize,
    /// Seed of the visiting order.
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// Keep the weights of character bigrams, words and hashed features
    /// seen at least N times in the training text.
    #[arg(long, default_value_t = TrainOptions::default().min_count)]
    min_count: u32,
    /// Where to write the model.
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
}

impl TrainArgs {
    /// Reads the corpora, trains, writes the model.
    pub fn run(&self) -> Result<(), Error> {
        let mut train = Vec::new();
        let mut dev = Vec::new();
        for spec in &self.train {
            let mut v = read_corpus(spec, self.limit)?;
            eprintln!("train {spec}: {} sentences", v.len());
            if self.holdout > 1 {
                let (kept, held): (Vec<_>, Vec<_>) = v
                    .into_iter()
                    .enumerate()
                    .partition(|(i, _)| (i + 1) % self.holdout != 0);
                dev.extend(held.into_iter().map(|(_, e)| e));
                v = kept.into_iter().map(|(_, e)| e).collect();
            }
            train.extend(v);
        }
        for spec in &self.dev {
            let v = read_corpus(spec, self.limit)?;
            eprintln!("dev {spec}: {} sentences", v.len());
            dev.extend(v);
        }
        let options = TrainOptions {
            epochs: self.epochs,
            bits: self.bits,
            max_rows: self.max_rows,
            seed: self.seed,
            min_count: self.min_count,
        };
        let analyzer = Analyzer::new();
        let started = std::time::Instant::now();
        let trainer = NerTrainer::new(&analyzer, options);
        let model = trainer.train(&train, &dev, |e| {
            eprintln!(
                "epoch {} ({:.0} s): train errors {}/{} chars; dev {}; {} rows",
                e.epoch,
                started.elapsed().as_secs_f64(),
                e.wrong.0,
                e.wrong.1,
                figures(&e.dev),
                e.rows
            );
        });
        if !dev.is_empty() {
            let scores = trainer.evaluate(&model, &dev);
            eprintln!(
                "model written: dev {}; {} rows",
                figures(&scores),
                model.rows()
            );
        }
        std::fs::write(&self.output, model.to_bytes()).map_err(|e| Error::io_at(&self.output, e))
    }
}

/// Precision, recall and F1 per kind.
fn figures(scores: &[KindScore]) -> String {
    let figures: Vec<String> = scores
        .iter()
        .map(|k| {
            let (p, r, f) = k.prf();
            format!("{:?} P {p:.3} R {r:.3} F1 {f:.3}", k.kind)
        })
        .collect();
    figures.join(", ")
}

/// The sentences of `FORMAT:PATH`, at most `limit` (0: all).
fn read_corpus(spec: &str, limit: usize) -> Result<Vec<NerExample>, Error> {
    let (format, path) = spec.split_once(':').ok_or_else(|| bad_spec(spec))?;
    let text = read_text(path)?;
    let mut v = match format {
        "bio" | "bmes" => char_tags(&text),
        "pd98" => text.lines().filter_map(pd98_line).collect(),
        "cluener" => text.lines().filter_map(cluener_line).collect(),
        "jsonl" => text.lines().filter_map(jsonl_line).collect(),
        _ => return Err(bad_spec(spec)),
    };
    if limit > 0 {
        v.truncate(limit);
    }
    Ok(v)
}

/// The error for a corpus argument that is not `FORMAT:PATH`.
fn bad_spec(spec: &str) -> Error {
    Error::io_at(
        spec,
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "expected FORMAT:PATH with FORMAT one of bio, bmes, pd98, cluener, jsonl",
        ),
    )
}

/// The whole text of `path`, through gzip when it ends in `.gz`.
fn read_text(path: &str) -> Result<String, Error> {
    let file = File::open(path).map_err(|e| Error::io_at(path, e))?;
    let mut reader: Box<dyn Read> = if path.ends_with(".gz") {
        Box::new(flate2::read::GzDecoder::new(BufReader::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut text = String::new();
    reader
        .read_to_string(&mut text)
        .map_err(|e| Error::io_at(path, e))?;
    Ok(text)
}

/// The entity kind of a corpus tag (`PER`, `NAME`, `LOC`, `ORG`), `None`
/// for the kinds we do not tag (titles, degrees, ...).
fn tag_kind(tag: &str) -> Option<EntityKind> {
    match tag {
        "PER" | "NAME" | "PERSON" => Some(EntityKind::Person),
        "LOC" | "GPE" => Some(EntityKind::Place),
        "ORG" => Some(EntityKind::Org),
        _ => None,
    }
}

/// A name being read: kind, start byte.
type Open = Option<(EntityKind, usize)>;

/// Sentences of one character per line with BIO or BMES tags.
fn char_tags(text: &str) -> Vec<NerExample> {
    let mut out = Vec::new();
    let mut sent = String::new();
    let mut names = Vec::new();
    let mut open: Open = None;
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim_end_matches('\r');
        let mut parts = line.split(['\t', ' ']).filter(|p| !p.is_empty());
        let (Some(ch), Some(tag)) = (parts.next(), parts.next()) else {
            close(&mut open, sent.len(), &mut names);
            if !sent.is_empty() {
                out.push(NerExample::new(
                    std::mem::take(&mut sent),
                    std::mem::take(&mut names),
                ));
            }
            continue;
        };
        let at = sent.len();
        sent.push_str(ch);
        let (prefix, kind) = tag
            .split_once('-')
            .map_or((tag, None), |(p, k)| (p, tag_kind(k)));
        match (prefix, kind) {
            ("B" | "S", Some(k)) => {
                close(&mut open, at, &mut names);
                open = Some((k, at));
            }
            ("I" | "M" | "E", Some(k)) if open.is_some_and(|(ok, _)| ok == k) => {}
            ("I" | "M" | "E", Some(k)) => {
                close(&mut open, at, &mut names);
                open = Some((k, at));
            }
            _ => close(&mut open, at, &mut names),
        }
        if matches!(prefix, "E" | "S") {
            close(&mut open, sent.len(), &mut names);
        }
    }
    out
}

/// Ends the open name at byte `end`.
fn close(open: &mut Open, end: usize, names: &mut Vec<Entity>) {
    if let Some((kind, start)) = open.take() {
        names.push(entity(kind, start, end));
    }
}

/// An entity of `kind` over `start..end` (its text is not needed).
fn entity(kind: EntityKind, start: usize, end: usize) -> Entity {
    Entity {
        kind,
        text: String::new(),
        start,
        end,
    }
}

/// One paragraph of People's Daily 1998.
fn pd98_line(line: &str) -> Option<NerExample> {
    let mut text = String::new();
    let mut names = Vec::new();
    let mut bracket: Option<usize> = None;
    let mut person: Option<usize> = None;
    for (i, item) in line.split_whitespace().enumerate() {
        if i == 0 && item.starts_with("1998") {
            continue;
        }
        let item = match item.strip_prefix('[') {
            Some(rest) => {
                bracket = Some(text.len());
                rest
            }
            None => item,
        };
        let (word, tag) = item.rsplit_once('/')?;
        let (tag, outer) = tag
            .split_once(']')
            .map_or((tag, None), |(t, o)| (t, Some(o)));
        if tag != "nr" {
            if let Some(s) = person.take() {
                names.push(entity(EntityKind::Person, s, text.len()));
            }
        }
        let start = text.len();
        text.push_str(word);
        match tag {
            "nr" => person = person.or(Some(start)),
            "ns" if bracket.is_none() => names.push(entity(EntityKind::Place, start, text.len())),
            "nt" if bracket.is_none() => names.push(entity(EntityKind::Org, start, text.len())),
            _ => {}
        }
        if let Some(outer) = outer {
            let open = bracket.take().unwrap_or(start);
            match outer {
                "nt" => names.push(entity(EntityKind::Org, open, text.len())),
                "ns" => names.push(entity(EntityKind::Place, open, text.len())),
                _ => {}
            }
        }
    }
    if let Some(s) = person {
        names.push(entity(EntityKind::Person, s, text.len()));
    }
    names.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
    names.dedup_by(|b, a| b.start < a.end);
    (!text.is_empty()).then(|| NerExample::new(text, names))
}

/// One CLUENER 2020 line: char offsets (end inclusive) to bytes.
fn cluener_line(line: &str) -> Option<NerExample> {
    let v: Value = serde_json::from_str(line).ok()?;
    let text = v["text"].as_str()?.to_string();
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut names = Vec::new();
    for (label, surfaces) in v["label"].as_object()? {
        let kind = match label.as_str() {
            "company" | "organization" | "government" => EntityKind::Org,
            "name" => EntityKind::Person,
            _ => continue,
        };
        for spans in surfaces.as_object()?.values() {
            for span in spans.as_array()? {
                let a = span[0].as_u64()? as usize;
                let b = span[1].as_u64()? as usize + 1;
                names.push(entity(kind, *bytes.get(a)?, *bytes.get(b)?));
            }
        }
    }
    Some(NerExample {
        text,
        names,
        labelled: vec![EntityKind::Org, EntityKind::Person],
    })
}

/// One line of the user format (`{"text", "entities": [...]}`).
fn jsonl_line(line: &str) -> Option<NerExample> {
    let v: Value = serde_json::from_str(line).ok()?;
    let text = v["text"].as_str()?.to_string();
    let names = v["entities"]
        .as_array()?
        .iter()
        .filter_map(|e| {
            let kind = serde_json::from_value(e["kind"].clone()).ok()?;
            Some(entity(
                kind,
                e["start"].as_u64()? as usize,
                e["end"].as_u64()? as usize,
            ))
        })
        .collect();
    Some(NerExample::new(text, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `kind start end` of each name.
    fn names(e: &NerExample) -> Vec<(EntityKind, &str)> {
        e.names
            .iter()
            .map(|n| (n.kind, &e.text[n.start..n.end]))
            .collect()
    }

    #[test]
    fn bio_and_bmes_sentences() {
        let bio = "王\tB-PER\n兴\tI-PER\n在\tO\n北\tB-LOC\n京\tI-LOC\n\n美\tB-ORG\n团\tI-ORG\n";
        let v = char_tags(bio);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].text, "王兴在北京");
        assert_eq!(
            names(&v[0]),
            [(EntityKind::Person, "王兴"), (EntityKind::Place, "北京")]
        );
        assert_eq!(names(&v[1]), [(EntityKind::Org, "美团")]);
        let bmes = "高 B-NAME\n勇 E-NAME\n任 O\n总 B-TITLE\n裁 E-TITLE\n京 S-LOC\n";
        let v = char_tags(bmes);
        assert_eq!(
            names(&v[0]),
            [(EntityKind::Person, "高勇"), (EntityKind::Place, "京")]
        );
    }

    #[test]
    fn pd98_paragraphs() {
        let line = "19980101-01-001-002/m  [中国/ns 人民/n 银行/n]nt  行长/n  戴/nr  相龙/nr  在/p  上海/ns  ";
        let e = pd98_line(line).expect("a paragraph");
        assert_eq!(e.text, "中国人民银行行长戴相龙在上海");
        assert_eq!(
            names(&e),
            [
                (EntityKind::Org, "中国人民银行"),
                (EntityKind::Person, "戴相龙"),
                (EntityKind::Place, "上海")
            ]
        );
    }

    #[test]
    fn cluener_lines_label_orgs_and_persons_only() {
        let line = r#"{"text": "浙商银行叶老桂在杭州", "label": {"name": {"叶老桂": [[4, 6]]}, "company": {"浙商银行": [[0, 3]]}, "address": {"杭州": [[8, 9]]}}}"#;
        let mut e = cluener_line(line).expect("a line");
        e.names.sort_by_key(|n| n.start);
        assert_eq!(
            names(&e),
            [
                (EntityKind::Org, "浙商银行"),
                (EntityKind::Person, "叶老桂")
            ]
        );
        assert_eq!(e.labelled, [EntityKind::Org, EntityKind::Person]);
    }

    #[test]
    fn user_jsonl_lines() {
        let line =
            r#"{"text": "小米发布新机", "entities": [{"kind": "org", "start": 0, "end": 6}]}"#;
        let e = jsonl_line(line).expect("a line");
        assert_eq!(names(&e), [(EntityKind::Org, "小米")]);
        assert!(jsonl_line("not json").is_none());
    }
}
