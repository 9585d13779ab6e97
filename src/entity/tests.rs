//! Unit tests: the lexicon, the names users add, and the form of the data
//! tables (roles, the common surnames).

use super::*;

#[test]
fn the_lexicon_finds_names_leftmost_longest() {
    let r = EntityRecognizer::new();
    let found: Vec<(usize, usize, EntityKind)> = r.lexicon.find_all("据中信证券研报，小米集团");
    assert_eq!(found, [(3, 15, EntityKind::Org), (24, 36, EntityKind::Org)]);
    assert_eq!(r.lookup("中信证券"), Some(EntityKind::Org));
    assert_eq!(r.lookup("中信证"), None);
    assert_eq!(r.lookup(""), None);
}

#[test]
fn the_last_added_kind_wins_however_the_name_is_padded() {
    let mut r = EntityRecognizer::new();
    r.add("灵犀助手", EntityKind::Org);
    r.add(" 灵犀助手 ", EntityKind::Product);
    assert_eq!(r.lookup("灵犀助手"), Some(EntityKind::Product));
    // an added name wins over the embedded one
    r.add("小米集团", EntityKind::Product);
    assert_eq!(r.lookup("小米集团"), Some(EntityKind::Product));
}

/// The tables in `role  word` lines, with their roles.
const ROLE_TABLES: &[(&str, &str, &[&str])] = &[
    (
        "titles.txt",
        include_str!("../../data/entity/titles.txt"),
        &["document", "paper"],
    ),
    (
        "stocks.txt",
        include_str!("../../data/entity/stocks.txt"),
        &["generic", "price_verb", "not_warned", "session", "move"],
    ),
    (
        "place_abbrev.txt",
        include_str!("../../data/entity/place_abbrev.txt"),
        &["country", "province", "travel", "visited", "tail", "word"],
    ),
];

#[test]
fn every_line_of_a_role_table_has_a_known_role_and_one_word() {
    for (file, data, roles) in ROLE_TABLES {
        for (line_no, line) in crate::lexicon::data_lines(data) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            assert!(
                fields.len() == 2 && roles.contains(&fields[0]),
                "{file}:{line_no}: {line:?}"
            );
            if *file == "place_abbrev.txt" && fields[0] != "tail" {
                assert_eq!(fields[1].chars().count(), 1, "{file}:{line_no}");
            }
        }
    }
}

#[test]
fn the_common_surnames_are_100_single_surnames() {
    let data = include_str!("../../data/entity/surnames.txt");
    let mut common = 0;
    for (line_no, line) in crate::lexicon::data_lines(data) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields[..] {
            [_] => {}
            [s, "common"] if s.chars().count() == 1 => common += 1,
            _ => panic!("surnames.txt:{line_no}: {line:?}"),
        }
    }
    assert_eq!(common, 100);
    assert!(crate::entity::common_surname("王兴") && !crate::entity::common_surname("欧阳"));
}
