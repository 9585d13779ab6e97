//! Unit tests of the lexicon and the names users add.

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
