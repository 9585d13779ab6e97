//! Unit tests of the segmenter.

use std::sync::LazyLock;

use super::dictionary::DOMAIN_LEXICON;
use super::latin::latin_run_end;
use super::mixed::anchor_of;
use super::user_dict::parse_entry;
use super::*;
use crate::error::Error;

use TokenKind::{Latin, Number, Other, Punct, Quantity, Space, Time, Word};

static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

fn cut<'a>(seg: &'a Segmenter, text: &'a str) -> Vec<(&'a str, TokenKind)> {
    seg.segment(text).iter().map(|t| (t.text, t.kind)).collect()
}

fn words<'a>(seg: &'a Segmenter, text: &'a str) -> Vec<&'a str> {
    seg.segment(text).iter().map(|t| t.text).collect()
}

#[test]
fn segmenter_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Segmenter>();
}

#[test]
fn revenue_sentence() {
    assert_eq!(
        cut(&SEG, "营收同比增长 32%，达到 2.4 亿美元"),
        [
            ("营收", Word),
            ("同比", Word),
            ("增长", Word),
            (" ", Space),
            ("32%", Quantity),
            ("，", Punct),
            ("达到", Word),
            (" ", Space),
            ("2.4", Quantity),
            (" ", Space),
            ("亿美元", Quantity),
        ]
    );
}

#[test]
fn tokens_carry_offsets_and_tags() {
    let text = "小米集团二季度营收889亿元，同比增长32%。";
    let got: Vec<(&str, usize, usize, TokenKind, &str)> = SEG
        .segment(text)
        .iter()
        .map(|t| (t.text, t.start, t.end, t.kind, t.pos))
        .collect();
    assert_eq!(
        got,
        [
            ("小米集团", 0, 12, Word, "nt"),
            ("二季度", 12, 21, Time, "t"),
            ("营收", 21, 27, Word, "n"),
            ("889亿元", 27, 36, Quantity, "m"),
            ("，", 36, 39, Punct, "x"),
            ("同比", 39, 45, Word, "v"),
            ("增长", 45, 51, Word, "v"),
            ("32%", 51, 54, Quantity, "m"),
            ("。", 54, 57, Punct, "x"),
        ]
    );
}

#[test]
fn full_width_text_maps_back_to_the_original() {
    let text = "２０２４年营收１２．５亿元";
    let toks = SEG.segment(text);
    let got: Vec<(&str, usize, usize, TokenKind)> = toks
        .iter()
        .map(|t| (t.text, t.start, t.end, t.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("２０２４年", 0, 15, Time),
            ("营收", 15, 21, Word),
            ("１２．５亿元", 21, 39, Quantity),
        ]
    );
    for t in &toks {
        assert_eq!(&text[t.start..t.end], t.text);
    }
}

#[test]
fn latin_names_stay_whole() {
    assert_eq!(
        cut(
            &SEG,
            "苹果发布iPhone 15 Pro，OpenAI推出GPT-4o，英伟达A100芯片"
        ),
        [
            ("苹果", Word),
            ("发布", Word),
            ("iPhone", Latin),
            (" ", Space),
            ("15", Number),
            (" ", Space),
            ("Pro", Latin),
            ("，", Punct),
            ("OpenAI", Latin),
            ("推出", Word),
            ("GPT-4o", Latin),
            ("，", Punct),
            ("英伟达", Word),
            ("A100", Latin),
            ("芯片", Word),
        ]
    );
    assert_eq!(
        cut(&SEG, "ｉＰｈｏｎｅ１５，贵州茅台(600519.SH)，C++"),
        [
            ("ｉＰｈｏｎｅ１５", Latin),
            ("，", Punct),
            ("贵州茅台", Word),
            ("(", Punct),
            ("600519.SH", Latin),
            (")", Punct),
            ("，", Punct),
            ("C++", Latin),
        ]
    );
}

#[test]
fn latin_tags_come_from_the_lexicon() {
    let toks = SEG.segment("OpenAI和Foo");
    assert_eq!((toks[0].text, toks[0].pos), ("OpenAI", "nt"));
    assert_eq!((toks[2].text, toks[2].pos), ("Foo", "eng"));
}

#[test]
fn mixed_script_words() {
    assert_eq!(
        words(&SEG, "A股和H股，小米SU7上市，AI芯片，埃隆·马斯克说"),
        [
            "A股",
            "和",
            "H股",
            "，",
            "小米SU7",
            "上市",
            "，",
            "AI芯片",
            "，",
            "埃隆·马斯克",
            "说"
        ]
    );
    // a Latin end must end the Latin run: `SPA股` has no `A股`
    assert_eq!(words(&SEG, "SPA股"), ["SPA", "股"]);
}

#[test]
fn times_are_cut_into_calendar_components() {
    assert_eq!(
        cut(
            &SEG,
            "（二○○○年十二月三十一日）2024年二季度，去年9月，1-9月"
        ),
        [
            ("（", Punct),
            ("二○○○年", Time),
            ("十二月", Time),
            ("三十一日", Time),
            ("）", Punct),
            ("2024年", Time),
            ("二季度", Time),
            ("，", Punct),
            ("去年", Time),
            ("9月", Time),
            ("，", Punct),
            ("1-9月", Time),
        ]
    );
}

#[test]
fn qualifiers_are_words_of_their_own() {
    assert_eq!(
        cut(&SEG, "超过5万家企业，约3000人左右"),
        [
            ("超过", Word),
            ("5万家", Quantity),
            ("企业", Word),
            ("，", Punct),
            ("约", Word),
            ("3000人", Quantity),
            ("左右", Word),
        ]
    );
}

#[test]
fn granularities() {
    let text = "2000年12月31日，超过5万家，2.4亿美元，10多个人，国有企业";
    let coarse = Segmenter::new().with_granularity(Granularity::Coarse);
    assert_eq!(coarse.granularity(), Granularity::Coarse);
    assert_eq!(
        words(&coarse, text),
        [
            "2000年12月31日",
            "，",
            "超过5万家",
            "，",
            "2.4亿美元",
            "，",
            "10多个",
            "人",
            "，",
            "国有企业"
        ]
    );
    assert_eq!(
        words(&SEG, text),
        [
            "2000年",
            "12月",
            "31日",
            "，",
            "超过",
            "5万家",
            "，",
            "2.4亿美元",
            "，",
            "10多个",
            "人",
            "，",
            "国有",
            "企业"
        ]
    );
    let fine = Segmenter::new().with_granularity(Granularity::Fine);
    assert_eq!(
        words(&fine, text),
        [
            "2000年", "12月", "31日", "，", "超过", "5万", "家", "，", "2.4亿", "美元", "，", "10",
            "多", "个", "人", "，", "国有", "企业"
        ]
    );
}

#[test]
fn compounds_split_only_when_rare() {
    assert_eq!(
        words(
            &SEG,
            "国有企业改革，社会主义，有限公司，研发投入，归母净利润"
        ),
        [
            "国有",
            "企业",
            "改革",
            "，",
            "社会主义",
            "，",
            "有限公司",
            "，",
            "研发投入",
            "，",
            "归母净利润"
        ]
    );
}

#[test]
fn compound_answers_are_forgotten_when_the_dictionary_changes() {
    let mut seg = Segmenter::new();
    // the first answer is remembered ...
    assert_eq!(words(&seg, "国有企业"), ["国有", "企业"]);
    assert_eq!(words(&seg, "国有企业"), ["国有", "企业"]);
    // ... until a user word makes the compound a lexicon word
    seg.add_word("国有企业", Some(50), Some("n"));
    assert_eq!(words(&seg, "国有企业"), ["国有企业"]);
    // a clone answers as its original
    let copy = seg.clone();
    assert_eq!(words(&copy, "国有企业"), ["国有企业"]);
}

#[test]
fn punctuation_numbers_and_symbols() {
    assert_eq!(
        cut(&SEG, "他说——好……嗯---"),
        [
            ("他", Word),
            ("说", Word),
            ("——", Punct),
            ("好", Word),
            ("……", Punct),
            ("嗯", Word),
            ("-", Punct),
            ("-", Punct),
            ("-", Punct),
        ]
    );
    assert_eq!(
        cut(&SEG, "沈阳－25℃／－1℃，3／4的人😀"),
        [
            ("沈阳", Word),
            ("－25", Number),
            ("℃", Other),
            ("／", Punct),
            ("－1", Number),
            ("℃", Other),
            ("，", Punct),
            ("3／4", Number),
            ("的", Word),
            ("人", Word),
            ("😀", Other),
        ]
    );
}

#[test]
fn what_plain_jieba_splits_stays_whole() {
    assert_eq!(cut(&SEG, "２０１"), [("２０１", Number)]);
    assert_eq!(cut(&SEG, "2.4亿美元"), [("2.4亿美元", Quantity)]);
    assert_eq!(cut(&SEG, "25％"), [("25％", Quantity)]);
    assert_eq!(
        cut(&SEG, "2025年1月15日"),
        [("2025年", Time), ("1月", Time), ("15日", Time)]
    );
    assert_eq!(words(&SEG, "英伟达营收"), ["英伟达", "营收"]);
}

#[test]
fn whitespace_runs_are_one_token() {
    assert_eq!(
        cut(&SEG, "a \t\u{3000}b\r\n营收"),
        [
            ("a", Latin),
            (" \t\u{3000}", Space),
            ("b", Latin),
            ("\r\n", Space),
            ("营收", Word)
        ]
    );
}

#[test]
fn segment_line_drops_whitespace() {
    assert_eq!(SEG.segment_line("营收 同比增长 32%"), "营收 同比 增长 32%");
    assert_eq!(SEG.segment_line(""), "");
    assert_eq!(SEG.segment_line("  "), "");
}

#[test]
fn user_words_join() {
    let mut seg = Segmenter::new();
    assert_eq!(words(&seg, "极越汽车"), ["极越", "汽车"]);
    seg.add_word("极越汽车", None, Some("nt"));
    assert!(seg.has_word("极越汽车"));
    let toks = seg.segment("极越汽车");
    assert_eq!((toks[0].text, toks[0].pos), ("极越汽车", "nt"));
    // frequency 0 disables a word
    seg.add_word("极越汽车", Some(0), None);
    assert_eq!(words(&seg, "极越汽车"), ["极越", "汽车"]);
    // mixed-script and Latin words
    seg.add_word("智己LS6", None, Some("nz"));
    assert_eq!(words(&seg, "智己LS6上市"), ["智己LS6", "上市"]);
    seg.add_word("Ｆｏｏ", None, Some("nz"));
    let toks = seg.segment("Foo");
    assert_eq!((toks[0].text, toks[0].pos), ("Foo", "nz"));
    // words holding whitespace are ignored
    seg.add_word("Apple Watch", None, None);
    assert!(!seg.has_word("Apple Watch"));
}

#[test]
fn user_dictionary_word_lists_never_get_frequency_zero() {
    let mut seg = Segmenter::new();
    let dict = "\u{feff}# 自定义词典\n\n极越汽车\n阿维塔科技 nt\n岚图汽车 5000 nt\n";
    seg.load_user_dict(dict.as_bytes()).unwrap();
    assert_eq!(
        words(&seg, "极越汽车和阿维塔科技"),
        ["极越汽车", "和", "阿维塔科技"]
    );
    let toks = seg.segment("阿维塔科技");
    assert_eq!(toks[0].pos, "nt");
    assert!(seg.has_word("岚图汽车"));
}

#[test]
fn bad_dictionary_lines_are_errors() {
    let cases = [
        ("极越汽车\n坏词 -5\n", 2),
        ("坏词 12 n extra\n", 1),
        ("\n# c\n坏词 12 n-x\n", 3),
        ("坏词 1e5\n", 1),
        ("坏词 99999999999999999999999\n", 1),
    ];
    for (dict, line) in cases {
        let mut seg = Segmenter::new();
        match seg.load_user_dict(dict.as_bytes()) {
            Err(Error::Dictionary { line: l, .. }) => assert_eq!(l, line, "{dict:?}"),
            other => panic!("{dict:?}: {other:?}"),
        }
        // nothing was added
        assert!(!seg.has_word("极越汽车"));
    }
    let mut seg = Segmenter::new();
    let bytes: &[u8] = b"ok\n\xff\xfe\n";
    assert!(matches!(
        seg.load_user_dict(bytes),
        Err(Error::Dictionary { line: 2, .. })
    ));
    assert!(matches!(
        seg.load_user_dict_file("/nonexistent/zhnews/dict.txt"),
        Err(Error::Io { path: Some(_), .. })
    ));
}

#[test]
fn domain_lexicon_parses() {
    for (line_no, line) in crate::lexicon::data_lines(DOMAIN_LEXICON) {
        let e = parse_entry(line).unwrap_or_else(|r| panic!("line {line_no}: {r}"));
        assert!(e.freq.is_some_and(|f| f > 0), "line {line_no}: {line}");
        assert!(e.pos.is_some(), "line {line_no}: {line}");
    }
    for w in [
        "营收",
        "净利润",
        "归母净利润",
        "毛利率",
        "英伟达",
        "A股",
        "IPO",
        "科创板",
    ] {
        assert!(SEG.has_word(w), "{w}");
    }
}

#[test]
fn scanner_spans_are_validated() {
    let text = "营收２．４亿元，同比增长";
    let folded = Folded::new(text);
    // the pipeline's cut, in folded offsets, moved to the original
    let (fq, ft) = scan(folded.as_str(), None);
    assert_eq!((fq[0].start, fq[0].end), (6, 15));
    let cuts = SEG.cut(&folded, &fq, &ft);
    assert_eq!(super::tokens(&folded, &cuts), SEG.segment(text));
    let (q, t) = crate::scan::find(text, None);
    assert_eq!((q[0].start, q[0].end), (6, 21));
    assert_eq!(SEG.segment_with(text, &q, &t), SEG.segment(text));
    // spans from another text: out of range, inside a character
    let mut bad = q.clone();
    bad[0].start = 1;
    bad[0].end = 400;
    let toks = SEG.segment_with(text, &bad, &t);
    assert_eq!(toks.iter().map(|t| t.text).collect::<String>(), text);
    let mut bad = q;
    bad[0].start = 7; // inside `２`
    let toks = SEG.segment_with(text, &bad, &t);
    assert_eq!(toks.iter().map(|t| t.text).collect::<String>(), text);
}

#[test]
fn anchors_and_runs() {
    assert_eq!(latin_run_end("GPT-4o发布", 0, 12), 6);
    assert_eq!(latin_run_end("1,234,567元", 0, 12), 9);
    assert_eq!(latin_run_end("1,23元", 0, 7), 1);
    assert_eq!(latin_run_end("C++语言", 0, 9), 3);
    assert_eq!(latin_run_end("1+1", 0, 3), 1);
    assert_eq!(latin_run_end("abc-", 0, 4), 3);
    assert_eq!(anchor_of("小米SU7"), Some((6, 9)));
    assert_eq!(anchor_of("埃隆·马斯克"), Some((6, 8)));
    assert_eq!(anchor_of("营收"), None);
}

#[test]
fn traditional_text_is_cut_as_its_simplified_form() {
    let text = "騰訊控股營收增長，創新企業在場內買賣";
    let simplified = "腾讯控股营收增长，创新企业在场内买卖";
    let trad: Vec<(&str, &str)> = SEG.segment(text).iter().map(|t| (t.text, t.pos)).collect();
    let simp: Vec<(&str, &str)> = SEG
        .segment(simplified)
        .iter()
        .map(|t| (t.text, t.pos))
        .collect();
    assert_eq!(
        trad,
        [
            ("騰訊控股", "nt"),
            ("營收", "n"),
            ("增長", "v"),
            ("，", "x"),
            ("創新", "v"),
            ("企業", "n"),
            ("在", "p"),
            ("場內", "s"),
            ("買賣", "v"),
        ]
    );
    // the same cut and tags as the simplified text, at the same offsets
    assert_eq!(trad.len(), simp.len());
    for (t, s) in trad.iter().zip(&simp) {
        assert_eq!(t.1, s.1);
        assert_eq!(t.0.len(), s.0.len());
    }
}

#[test]
fn traditional_user_words_are_folded() {
    let mut seg = Segmenter::new();
    seg.add_word("澤連科技", Some(1000), Some("nt"));
    assert!(seg.has_word("泽连科技"));
    let tokens = seg.segment("澤連科技發佈");
    assert_eq!((tokens[0].text, tokens[0].pos), ("澤連科技", "nt"));
}
