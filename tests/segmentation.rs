//! The segmenter on the SIGHAN 2005 bakeoff (PKU and MSR test sets), and its
//! invariants on arbitrary input.
//!
//! The bakeoff data lives in the shared folder (`$ZHNEWS_SHARED`, else
//! `../shared`, under `data/sighan2005`); without it the bakeoff test prints
//! SKIPPED and passes. Scoring follows the official `score` script as the
//! data's README describes it: per line, precision and recall of word spans,
//! OOV recall against the training word list. The gold files are only read
//! for scoring.

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::time::Instant;

use proptest::prelude::*;
use zhnews::Granularity;
use zhnews::{Segmenter, TokenKind};

/// F1 the default segmenter must reach on both test sets.
const MIN_F1: f64 = 0.845;

/// Counts of one scoring run.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    gold: usize,
    test: usize,
    correct: usize,
    oov: usize,
    oov_correct: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.correct as f64 / self.test as f64
    }
    fn recall(&self) -> f64 {
        self.correct as f64 / self.gold as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r)
    }
    fn oov_recall(&self) -> f64 {
        self.oov_correct as f64 / self.oov as f64
    }
}

/// Character spans of consecutive words.
fn spans<'w>(words: impl IntoIterator<Item = &'w str>) -> Vec<(usize, usize, &'w str)> {
    let mut at = 0;
    words
        .into_iter()
        .map(|w| {
            let n = w.chars().count();
            at += n;
            (at - n, at, w)
        })
        .collect()
}

/// Scores `cut` (raw line → words) against the gold segmentation.
fn score(
    test: &str,
    gold: &str,
    training_words: &HashSet<&str>,
    cut: impl Fn(&str) -> Vec<String>,
) -> Score {
    let mut s = Score::default();
    for (raw, gold_line) in test.lines().zip(gold.lines()) {
        // the official script maps U+3000 to a space and splits on whitespace
        let gold_line = gold_line.replace('\u{3000}', " ");
        let gold_words: Vec<&str> = gold_line.split_whitespace().collect();
        if gold_words.is_empty() {
            continue;
        }
        let words = cut(raw.trim_end_matches('\r'));
        let test_spans: HashSet<(usize, usize)> = spans(words.iter().map(String::as_str))
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        s.test += test_spans.len();
        for (a, b, w) in spans(gold_words) {
            let hit = test_spans.contains(&(a, b));
            s.gold += 1;
            s.correct += usize::from(hit);
            if !training_words.contains(w) {
                s.oov += 1;
                s.oov_correct += usize::from(hit);
            }
        }
    }
    s
}

/// Our words of `line`: whitespace tokens dropped.
fn ours(seg: &Segmenter, line: &str) -> Vec<String> {
    seg.segment(line)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Space)
        .map(|t| t.text.to_string())
        .collect()
}

fn print_row(name: &str, s: &Score) {
    println!(
        "  {name:<52} P {:.4}  R {:.4}  F1 {:.4}  OOV-R {:.4}",
        s.precision(),
        s.recall(),
        s.f1(),
        s.oov_recall()
    );
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn sighan2005_bakeoff() {
    let Some(dir) = common::shared_file("data/sighan2005") else {
        return;
    };
    let started = Instant::now();
    let standard = Segmenter::new();
    let fine = Segmenter::new().with_granularity(Granularity::Fine);
    let coarse = Segmenter::new().with_granularity(Granularity::Coarse);
    let jieba = jieba_rs::Jieba::new();
    let mut failures = Vec::new();
    for set in ["pku", "msr"] {
        let files =
            ["test", "test_gold", "training_words"].map(|f| dir.join(format!("{set}_{f}.utf8")));
        if let Some(missing) = files.iter().find(|f| !f.exists()) {
            common::skip(&missing.display().to_string());
            return;
        }
        let [test, gold, training] = files.map(|f| read(&f));
        let training_words: HashSet<&str> = training.lines().map(str::trim).collect();

        println!(
            "SIGHAN 2005 {} ({} lines)",
            set.to_uppercase(),
            test.lines().count()
        );
        let plain = score(&test, &gold, &training_words, |l| {
            jieba
                .cut(l, true)
                .into_iter()
                .map(|t| t.word)
                .filter(|w| !w.trim().is_empty())
                .map(String::from)
                .collect()
        });
        print_row("jieba-rs cut, HMM on (reference)", &plain);
        let ours_std = score(&test, &gold, &training_words, |l| ours(&standard, l));
        print_row("Segmenter::new() (Standard, default)", &ours_std);
        let ours_fine = score(&test, &gold, &training_words, |l| ours(&fine, l));
        print_row("Granularity::Fine", &ours_fine);
        let ours_coarse = score(&test, &gold, &training_words, |l| ours(&coarse, l));
        print_row("Granularity::Coarse", &ours_coarse);

        // Closed-track style figure: the default segmenter plus the training
        // word list as a user dictionary. Reported only; never the default.
        let mut closed = Segmenter::new();
        closed
            .load_user_dict(training.as_bytes())
            .unwrap_or_else(|e| panic!("{set} training words: {e}"));
        let closed_score = score(&test, &gold, &training_words, |l| ours(&closed, l));
        print_row(
            "CLOSED TRACK: + training word list (not asserted)",
            &closed_score,
        );

        if ours_std.f1() < MIN_F1 {
            failures.push(format!("{set}: F1 {:.4} < {MIN_F1}", ours_std.f1()));
        }
    }
    println!("bakeoff scored in {:.1} s", started.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "{failures:?}");
}

/// Characters of the kinds news text mixes, weighted towards the tricky
/// ones: CJK, digits and Chinese numerals, full-width forms, spaces,
/// punctuation, `·`, emoji, and other scripts.
fn news_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(
            "营收同比增长净利润亿万元美元年月日季度超过约左右第一二三四五六七八九十百千两〇○零年底去今上个家人多余倍成分之点国有企业社会主义小米集团英伟达股港"
                .chars()
                .collect::<Vec<_>>()
        ),
        3 => prop::sample::select("0123456789.,%-+/:#&_'$¥".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("０１２３４５６７８９．％－＋／ＡＢａｂｉＰｈｏｎｅ".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("aAbBGPTioSHCLxyz".chars().collect::<Vec<_>>()),
        2 => prop::sample::select(" \t\r\n\u{3000}\u{a0}".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("，。、：；！？（）【】《》“”‘’——……·・~～()[]".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("😀👍🇨🇳℃€£éßαЖ한グ\u{200b}\u{feff}\u{301}".chars().collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
}

fn check_tokens(text: &str, tokens: &[zhnews::Token<'_>]) -> Result<(), TestCaseError> {
    let mut at = 0;
    for t in tokens {
        prop_assert_eq!(t.start, at, "gap or overlap before {:?}", t);
        prop_assert!(t.end > t.start, "empty token {:?}", t);
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert_eq!(&text[t.start..t.end], t.text);
        prop_assert!(
            t.kind == TokenKind::Space || !t.text.chars().any(char::is_whitespace),
            "whitespace inside {:?}",
            t
        );
        at = t.end;
    }
    prop_assert_eq!(at, text.len());
    prop_assert_eq!(tokens.iter().map(|t| t.text).collect::<String>(), text);
    Ok(())
}

static SEGMENTERS: std::sync::LazyLock<[Segmenter; 3]> = std::sync::LazyLock::new(|| {
    [
        Segmenter::new(),
        Segmenter::new().with_granularity(Granularity::Fine),
        Segmenter::new().with_granularity(Granularity::Coarse),
    ]
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Tokens cover the input exactly: contiguous from 0 to its length, on
    /// character boundaries, concatenating to it.
    #[test]
    fn tokens_cover_the_input(chars in prop::collection::vec(news_char(), 0..80)) {
        let text: String = chars.into_iter().collect();
        for seg in SEGMENTERS.iter() {
            check_tokens(&text, &seg.segment(&text))?;
            let line = seg.segment_line(&text);
            prop_assert!(!line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  "));
        }
    }

    /// Arbitrary strings, too.
    #[test]
    fn tokens_cover_any_string(text in any::<String>()) {
        check_tokens(&text, &SEGMENTERS[0].segment(&text))?;
    }

    /// Spans handed to `segment_with` that do not fit the text are ignored,
    /// never a panic.
    #[test]
    fn foreign_spans_are_harmless(
        chars in prop::collection::vec(news_char(), 0..40),
        cuts in prop::collection::vec((0usize..200, 0usize..200), 0..6),
    ) {
        let text: String = chars.into_iter().collect();
        let Ok(base) = zhnews::normalize("2.4亿美元") else { return Ok(()) };
        let quantities: Vec<_> = cuts
            .iter()
            .map(|&(a, b)| {
                let mut q = base.clone();
                (q.start, q.end) = (a, b);
                q
            })
            .collect();
        check_tokens(&text, &SEGMENTERS[0].segment_with(&text, &quantities, &[]))?;
    }
}
