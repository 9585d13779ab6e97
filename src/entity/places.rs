//! Places from their form: one-character abbreviations of countries and
//! provinces (`中美`, `访华`, `皖`), administrative suffixes after a place
//! name (`广东` + `省`), and the endings that make a tagged word a place.

use super::{EntityKind, Span, Tagged};
use crate::text::char_at;

/// One-character abbreviations of countries and regions (`中美` = China and
/// the US).
fn country_abbrev(c: char) -> bool {
    matches!(
        c,
        '中' | '美'
            | '日'
            | '俄'
            | '英'
            | '法'
            | '德'
            | '韩'
            | '朝'
            | '印'
            | '欧'
            | '澳'
            | '加'
            | '意'
            | '越'
            | '泰'
            | '菲'
            | '港'
            | '台'
            | '非'
            | '拉'
            | '蒙'
            | '巴'
            | '伊'
            | '以'
            | '墨'
            | '葡'
            | '荷'
            | '亚'
            | '华'
    )
}

/// One-character abbreviations of provinces and cities, used alone
/// (`皖`, `京`).
fn province_abbrev(c: char) -> bool {
    matches!(
        c,
        '京' | '沪'
            | '津'
            | '渝'
            | '冀'
            | '晋'
            | '辽'
            | '吉'
            | '黑'
            | '苏'
            | '浙'
            | '皖'
            | '闽'
            | '赣'
            | '鲁'
            | '豫'
            | '鄂'
            | '湘'
            | '粤'
            | '桂'
            | '琼'
            | '蜀'
            | '黔'
            | '滇'
            | '藏'
            | '陕'
            | '陇'
            | '甘'
            | '宁'
            | '青'
            | '港'
            | '澳'
            | '台'
    )
}

/// A verb of travel before a country (`访华`, `驻美`, `赴港`).
fn travel_verb(c: char) -> bool {
    matches!(
        c,
        '访' | '来'
            | '在'
            | '对'
            | '驻'
            | '赴'
            | '抵'
            | '离'
            | '旅'
            | '侨'
            | '援'
            | '返'
            | '使'
            | '留'
    )
}

/// Country and region abbreviations inside tokens: `中美`, `中日关系`,
/// `港澳台` give one place per character; `中方`, `美方` the country; `访华`,
/// `驻美` the country after a verb of travel; a lone abbreviation tagged as a
/// place or abbreviation (`俄`, `皖`) is one.
pub(super) fn abbreviated_places(s: &str, tokens: &[Tagged<'_>]) -> Vec<Span> {
    const TAILS: &[&str] = &[
        "", "关系", "两国", "三国", "双方", "友好", "贸易", "合作", "会谈", "建交", "边境", "两党",
        "同胞", "地区",
    ];
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = &s[t.start..t.end];
        let Some(first) = text.chars().next() else {
            continue;
        };
        let travel = travel_verb(first);
        if !(country_abbrev(first) || province_abbrev(first) || travel) || text.len() > 18 {
            continue;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let one = |k: usize| {
            let (off, c) = chars[k];
            Span {
                kind: EntityKind::Place,
                start: t.start + off,
                end: t.start + off + c.len_utf8(),
            }
        };
        let lead = chars
            .iter()
            .take_while(|&&(_, c)| country_abbrev(c))
            .count();
        if lead >= 2 && TAILS.contains(&&text[chars.get(lead).map_or(text.len(), |x| x.0)..]) {
            // distinct characters: `中中` is no pair
            if chars[0].1 != chars[1].1 {
                out.extend((0..lead).map(one));
            }
            continue;
        }
        match chars.len() {
            1 => {
                let c = chars[0].1;
                let tagged =
                    matches!(t.pos, "ns" | "j") && (country_abbrev(c) || province_abbrev(c));
                // `中` alone next to another abbreviation: `中` `美`
                let neighbour = |j: Option<&Tagged<'_>>| {
                    j.is_some_and(|n| {
                        let nt = &s[n.start..n.end];
                        nt.chars().count() == 1 && nt.chars().all(country_abbrev)
                    })
                };
                let paired = country_abbrev(c)
                    && (neighbour(tokens.get(i + 1))
                        || neighbour(i.checked_sub(1).and_then(|j| tokens.get(j))));
                if tagged || paired {
                    out.push(one(0));
                }
            }
            2 if country_abbrev(chars[0].1) && chars[1].1 == '方' => out.push(one(0)),
            2.. if travel_verb(chars[0].1)
                && matches!(
                    chars[1].1,
                    '华' | '美'
                        | '日'
                        | '俄'
                        | '英'
                        | '法'
                        | '德'
                        | '韩'
                        | '朝'
                        | '港'
                        | '台'
                        | '澳'
                        | '欧'
                        | '京'
                        | '沪'
                )
                && (chars.len() == 2 || text.ends_with("大使") || text.ends_with("使馆")) =>
            {
                out.push(one(1));
            }
            _ => {}
        }
    }
    out
}

/// Whether an administrative suffix follows a place name (`广东` + `省`).
pub(super) fn place_suffix_after(s: &str, b: usize) -> bool {
    matches!(
        char_at(s, b),
        Some('省' | '市' | '县' | '区' | '州' | '镇' | '乡' | '村' | '岛' | '湾')
    )
}

/// Whether a name ends like a place (`嫩江`, `黄山`, `浦东`).
pub(super) fn place_ending(text: &str) -> bool {
    text.chars().last().is_some_and(|c| {
        matches!(
            c,
            '省' | '市'
                | '县'
                | '区'
                | '州'
                | '镇'
                | '乡'
                | '村'
                | '岛'
                | '湾'
                | '江'
                | '河'
                | '湖'
                | '山'
                | '海'
                | '港'
                | '城'
                | '东'
                | '西'
                | '南'
                | '北'
                | '洲'
                | '川'
                | '庄'
                | '岭'
                | '峡'
        )
    }) && !matches!(
        text,
        "东西" | "大山" | "上山" | "下山" | "海洋" | "江山" | "河山" | "南北"
    )
}

pub(super) fn extend_place(s: &str, b: usize) -> usize {
    if place_suffix_after(s, b) {
        // `广州市场` is a market, not the city of 广州市
        let c = char_at(s, b).map_or(0, char::len_utf8);
        if !matches!(
            char_at(s, b + c),
            Some('场' | '民' | '值' | '长' | '委' | '级' | '域' | '内' | '外' | '政')
        ) {
            return b + c;
        }
    }
    b
}
