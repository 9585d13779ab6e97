//! Which optional parts of the numeral grammar are on: lenient for one
//! expression, strict for running text.

/// Which optional parts of the grammar are on.
///
/// [`Grammar::EXPRESSION`] reads a single expression as leniently as the
/// Recognizers-Text specs do; [`Grammar::TEXT`] is stricter, for finding
/// numerals inside running text where `2e5`, `3/4` and `40k` are more often
/// codes, dates or model names than numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grammar {
    /// Spaces may sit between any two parts (`一百 五 十 二`); otherwise only
    /// before a magnitude (`3.07 亿`).
    pub loose_spaces: bool,
    /// `2e5`, `1.2E+15`, `2^5`.
    pub scientific: bool,
    /// `40k`, `2.5M`.
    pub si_suffix: bool,
    /// `3/4`, `1 3/5`.
    pub slash_fraction: bool,
    /// A trailing `打` (dozen): `十打` = 120.
    pub dozen: bool,
    /// Spaces between Chinese numeral characters (`一 百 五 十`, `四点 五`),
    /// as scraped text sometimes has them.
    pub cn_spaces: bool,
    /// `M` for millions (`2.5M`); `k` is under [`Grammar::si_suffix`].
    pub si_mega: bool,
    /// A currency name before any number (`港币3.14`); otherwise only before
    /// a number with a magnitude (`新台币934亿`).
    pub currency_name_first: bool,
    /// 毛/角/分 after a numeral with no 元 before them (`八毛`, `五分`); in
    /// running text only before 钱, or 毛 (and 角 after Arabic digits)
    /// before no CJK character (`三分` is a score or minutes, `冰山一角` no
    /// money).
    pub bare_cents: bool,
}

impl Grammar {
    /// Everything on: for reading one expression.
    pub const EXPRESSION: Grammar = Grammar {
        loose_spaces: true,
        scientific: true,
        si_suffix: true,
        slash_fraction: true,
        dozen: true,
        cn_spaces: true,
        si_mega: true,
        currency_name_first: true,
        bare_cents: true,
    };
    /// For running text.
    pub const TEXT: Grammar = Grammar {
        loose_spaces: false,
        scientific: false,
        si_suffix: true,
        slash_fraction: false,
        dozen: false,
        cn_spaces: true,
        si_mega: false,
        currency_name_first: false,
        bare_cents: false,
    };
}
