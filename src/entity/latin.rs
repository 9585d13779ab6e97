//! Latin names: organisations of several capitalised words
//! (`Counterpoint Research`), persons of several capitalised words before a
//! form of address (`Daniel Joseph TAYLOR先生`), and the word boundary a
//! Latin lexicon name needs.

use std::sync::LazyLock;

use super::words::{WordSet, words_of};
use super::{EntityKind, Span};

/// latin_org_end.txt: Latin words that end an organisation name.
const LATIN_ORG_END_DATA: &str = include_str!("../../data/entity/latin_org_end.txt");

/// Latin words that end an organisation name (`Counterpoint Research`).
static LATIN_ORG_END: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&words_of(LATIN_ORG_END_DATA)));

/// A Latin name must not be part of a longer Latin word (`ADS` in `ADSL`).
pub(super) fn latin_boundary_ok(s: &str, a: usize, b: usize) -> bool {
    let bytes = s.as_bytes();
    let first = bytes[a];
    let last = bytes[b - 1];
    if first.is_ascii_alphanumeric() && a > 0 && bytes[a - 1].is_ascii_alphanumeric() {
        return false;
    }
    if last.is_ascii_alphanumeric() && b < bytes.len() && bytes[b].is_ascii_alphanumeric() {
        return false;
    }
    true
}

/// The first offset at or after `i` in `b` that holds an ASCII byte (or
/// `b.len()`): the Latin rules step over the Chinese text between Latin
/// words eight bytes at a time.
fn next_ascii(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let high = u64::from_le_bytes(word) & 0x8080_8080_8080_8080;
        if high != 0x8080_8080_8080_8080 {
            // the lowest byte with its high bit clear
            return i + ((!high & 0x8080_8080_8080_8080).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !b[i].is_ascii() {
        i += 1;
    }
    i
}

/// Latin names of several capitalised words ending in an organisation word
/// (`Counterpoint Research`, `Morgan Stanley`).
pub(super) fn latin_names(s: &str) -> Vec<Span> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii() {
            i = next_ascii(b, i);
            continue;
        }
        if !(b[i].is_ascii_uppercase() && (i == 0 || !b[i - 1].is_ascii_alphanumeric())) {
            i += 1;
            continue;
        }
        // words: [A-Z][A-Za-z&.]* separated by single spaces
        let start = i;
        words.clear();
        let mut j = i;
        loop {
            let ws = j;
            if j >= b.len() || !b[j].is_ascii_uppercase() {
                break;
            }
            while j < b.len()
                && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'&' | b'.' | b'-'))
            {
                j += 1;
            }
            words.push((ws, j));
            if j + 1 < b.len() && b[j] == b' ' && b[j + 1].is_ascii_uppercase() {
                j += 1;
            } else {
                break;
            }
        }
        if words.len() >= 2 {
            // end at the last organisation word
            if let Some(k) = words
                .iter()
                .rposition(|&(a, e)| LATIN_ORG_END.contains(&s[a..e]))
            {
                if k >= 1 {
                    let end = words[k].1;
                    let end = if s[..end].ends_with('.')
                        && !s[start..end].ends_with("Inc.")
                        && !s[start..end].ends_with("Co.")
                        && !s[start..end].ends_with("Corp.")
                        && !s[start..end].ends_with("Ltd.")
                    {
                        end - 1
                    } else {
                        end
                    };
                    out.push(Span {
                        kind: EntityKind::Org,
                        start,
                        end,
                    });
                }
            }
        }
        i = words.last().map_or(i + 1, |w| w.1.max(i + 1));
    }
    out
}

/// The forms of address after a Latin person name in Chinese text.
const LATIN_ADDRESS: [&str; 4] = ["先生", "女士", "小姐", "博士"];

/// Latin person names of two capitalised words or more right before a
/// form of address (`William Joseph HORNBUCKLE先生`, `Ling Ho女士`), as
/// filings from Hong Kong write them. The tagger, trained on Chinese
/// script, misses them; one word alone (`CEO先生`) is not taken.
pub(super) fn latin_persons(s: &str) -> Vec<Span> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // one pass over the bytes: a form of address follows a Latin letter
    // right away, so only the ends of Latin words are tried
    for at in 1..b.len() {
        if b[at] < 0x80 || !b[at - 1].is_ascii_alphabetic() {
            continue;
        }
        if !LATIN_ADDRESS.iter().any(|form| s[at..].starts_with(form)) {
            continue;
        }
        if let Some(start) = capitalised_words_before(b, at, 2) {
            out.push(Span {
                kind: EntityKind::Person,
                start,
                end: at,
            });
        }
    }
    out
}

/// The start of the run of at least `min` capitalised words of letters,
/// joined by single spaces, that ends at `end`; `None` when the run is
/// shorter or part of a longer Latin word.
fn capitalised_words_before(b: &[u8], end: usize, min: usize) -> Option<usize> {
    let mut start = end;
    let mut words = 0;
    loop {
        let mut w = start;
        while w > 0 && b[w - 1].is_ascii_alphabetic() {
            w -= 1;
        }
        if w == start || !b[w].is_ascii_uppercase() {
            break;
        }
        words += 1;
        start = w;
        if start >= 2 && b[start - 1] == b' ' && b[start - 2].is_ascii_alphabetic() {
            start -= 1;
        } else {
            break;
        }
    }
    if b.get(start) == Some(&b' ') {
        start += 1;
    }
    let glued = start > 0 && b[start - 1].is_ascii_alphanumeric();
    (words >= min && !glued).then_some(start)
}

/// product_models.txt: words after a product name that name its model.
const MODEL_DATA: &str = include_str!("../../data/entity/product_models.txt");

/// The model words (`Pro`, `Max`, `SE`).
static MODEL_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&words_of(MODEL_DATA)));

/// Whether `w` names a model after a product: a model word or a number
/// with at most two letters (`15`, `16e`, `X3`).
fn model_word(w: &str) -> bool {
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    // one capital names a series too (`Galaxy S`, `Core M`)
    let series = w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase();
    MODEL_WORDS.contains(w) || series || (digits > 0 && w.len() - digits <= 2 && w.len() <= 5)
}

/// The end of the model words after a Latin name that ends at `end`
/// (`Galaxy` ` Note`, `iPhone` ` 15 Pro`), at most three, none reaching
/// past `limit`; `end` when none follows.
fn models_after(s: &str, mut end: usize, limit: usize) -> usize {
    let b = s.as_bytes();
    for _ in 0..3 {
        let next = end + 1;
        if b.get(end) != Some(&b' ') || !b.get(next).is_some_and(u8::is_ascii_alphanumeric) {
            break;
        }
        let after = word_end(b, next);
        if after > limit || !model_word(&s[next..after]) {
            break;
        }
        end = after;
    }
    end
}

/// The length of a model code at the start of `rest` (`16X`, `6T`, `L4`,
/// `P30`, `SU7`, `10`): letters, digits and letters again, with a digit,
/// at most eight bytes, ending the word; no quantity (`10亿`, `2019年`, `5G`),
/// year or stock code.
fn model_code(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let len = word_end(b, 0);
    let code = &b[..len];
    let digits = code.iter().filter(|c| c.is_ascii_digit()).count();
    let letters = len - digits;
    // digits alone are a model only before a model word or `手机`, `系列`
    // (`小米8 Pro`; `民生证券7`, `中芯国际688981` are no models)
    let after = &rest[len..];
    let named_model = after.starts_with("手机")
        || after.starts_with("系列")
        || after
            .strip_prefix(' ')
            .is_some_and(|r| model_word(&r[..word_end(r.as_bytes(), 0)]));
    let shaped =
        digits > 0 && len <= 8 && letters <= 3 && (letters > 0 || digits <= 3 && named_model);
    // terms and codes, no models
    let term = matches!(
        code,
        b"3D" | b"2B" | b"2C" | b"P2P" | b"C2M" | b"B2B" | b"B2C" | b"O2O"
    ) || code.ends_with(b"HK")
        || ["QE", "TOP", "MTN", "SCP", "CP", "PPN", "EPC"]
            .iter()
            .any(|p| code.starts_with(p.as_bytes()));
    // a number and its unit (`65W`, `10GW`, `75kWh`, `20CM`, `5D`)
    let first_letter = code.iter().position(u8::is_ascii_alphabetic).unwrap_or(len);
    let unit = code[..first_letter].iter().all(u8::is_ascii_digit)
        && first_letter > 0
        && [
            "w", "gw", "mw", "kw", "kwh", "v", "cm", "mm", "d", "m", "mah", "hz", "ghz", "gb",
            "tb", "mb", "s",
        ]
        .iter()
        .any(|u| code[first_letter..].eq_ignore_ascii_case(u.as_bytes()));
    // `5G`, `4K`, `7nm`: a generation or a process, no model
    let generation = matches!(code, [.., d, b'G' | b'K'] if d.is_ascii_digit()) && letters == 1
        || code.ends_with(b"nm");
    // `10亿`, `27国`, `500指数`, `2.5%`: a number of something, or of an index
    let unit_after = after.chars().next().is_some_and(|c| {
        "亿万千百年月日号%％元个只台部辆股倍人家次天期代度国省市条项名位届批轮季周时分秒指门.．,，:：-"
            .contains(c)
    });
    (shaped && !generation && !unit_after && !term && !unit).then_some(len)
}

/// The organisations of `names` (in text order) with a model code glued on
/// (`魅族16X`, `红旗L4`, `小米SU7`): one product, the brand and its model.
pub(super) fn brand_models(s: &str, mut names: Vec<Span>) -> Vec<Span> {
    for k in 0..names.len() {
        let n = names[k];
        if n.kind != EntityKind::Org || names.get(k + 1).is_some_and(|next| next.start == n.end) {
            continue;
        }
        let Some(len) = model_code(&s[n.end..]) else {
            continue;
        };
        // a company's last character, not a body's or a bank's (`证监会1`,
        // `美联储QE3`, `工商银行2`)
        let last = s[..n.end].chars().next_back();
        let company =
            last.is_some_and(|c| crate::text::is_cjk(c) && !"会院委局部署储厅办所行".contains(c));
        if company {
            names[k] = Span {
                kind: EntityKind::Product,
                start: n.start,
                end: n.end + len,
            };
        }
    }
    names
}

/// The products of `names` (in text order) that end in a Latin letter or
/// digit, with the model words after them (`Galaxy Note`, a lexicon name
/// and its model), up to the next name.
pub(super) fn products_with_models(s: &str, mut names: Vec<Span>) -> Vec<Span> {
    for k in 0..names.len() {
        let n = names[k];
        let latin_end = s[..n.end]
            .bytes()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if n.kind == EntityKind::Product && latin_end {
            let limit = names.get(k + 1).map_or(s.len(), |next| next.start);
            names[k].end = models_after(s, n.end, limit);
        }
    }
    names
}

/// Latin product names: a word in lower case first with a capital inside
/// (`iPhone`, `iPhoneSE`, `iOS`), with the model words after it (`iPhone
/// 15 Pro`). A company so written is in the organisation lexicon (`eBay`)
/// and is left out by `org_at`.
pub(super) fn latin_products(s: &str, org_at: &dyn Fn(usize, usize) -> bool) -> Vec<Span> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii() {
            i = next_ascii(b, i);
            continue;
        }
        if !b[i].is_ascii_alphanumeric() || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = word_end(b, i);
        i = end;
        let word = &b[start..end];
        let camel = word[0].is_ascii_lowercase() && word[1..].iter().any(u8::is_ascii_uppercase);
        // `?orgId=…&stockCode=`: names in a link or in code are none
        let code = |c: Option<&u8>| c.is_some_and(|c| b"/?&=._-:#%@".contains(c));
        let in_code = code(start.checked_sub(1).and_then(|k| b.get(k))) || code(b.get(end));
        if !camel || in_code || org_at(start, end) {
            continue;
        }
        end = models_after(s, end, b.len());
        i = end;
        out.push(Span {
            kind: EntityKind::Product,
            start,
            end,
        });
    }
    out
}

/// The end of the run of ASCII letters and digits from `i`.
fn word_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::next_ascii;

    #[test]
    fn next_ascii_finds_the_first_ascii_byte_from_any_offset() {
        let s = "据Counterpoint Research数据，苹果iPhone 15 Pro的销量同比增长了百分之十。";
        let b = s.as_bytes();
        for i in 0..=b.len() {
            let want = (i..b.len()).find(|&k| b[k].is_ascii()).unwrap_or(b.len());
            assert_eq!(next_ascii(b, i), want, "{i}");
        }
    }
}
