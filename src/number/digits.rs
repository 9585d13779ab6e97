//! The values of Chinese numeral characters: digits (`〇 零 两 幺`, the
//! financial and traditional forms), units (`十 百 千 万 亿 兆`) and the old
//! tens (`廿 卅 卌`).

/// The value of a Chinese digit character (`两` and `〇` included).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' | '俩' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The power of ten of a unit character: 十 1, 百 2, 千 3, 万 4, 亿 8, 兆 12.
pub fn unit_power(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        '兆' => 12,
        _ => return None,
    })
}

/// The tens a single old numeral character stands for: 廿 20, 卅 30, 卌 40
/// (`廿五` = 25).
pub fn old_tens(c: char) -> Option<u32> {
    Some(match c {
        '廿' => 2,
        '卅' => 3,
        '卌' => 4,
        _ => return None,
    })
}

/// Whether `c` can start or continue a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || unit_power(c).is_some() || old_tens(c).is_some()
}
