//! The word tables several rules share: the words around a person name
//! (`董事长王兴`, `李明表示`) and the surnames, with the set type they are
//! looked up in.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lexicon::data_lines;

/// surnames.txt: single and compound surnames.
const SURNAME_DATA: &str = include_str!("../../data/entity/surnames.txt");

/// Words before a name that mark it as a person (`董事长 王兴`).
const PERSON_BEFORE: &[&str] = &[
    "董事长",
    "总裁",
    "总经理",
    "副总裁",
    "首席执行官",
    "首席财务官",
    "首席技术官",
    "CEO",
    "CFO",
    "CTO",
    "创始人",
    "联合创始人",
    "主席",
    "副主席",
    "总理",
    "副总理",
    "部长",
    "行长",
    "副行长",
    "局长",
    "主任",
    "书记",
    "市长",
    "省长",
    "总统",
    "记者",
    "分析师",
    "经济学家",
    "首席经济学家",
    "研究员",
    "教授",
    "院士",
    "董秘",
    "负责人",
    "合伙人",
    "总监",
    "经理",
    "发言人",
    "委员",
    "代表",
    "理事长",
    "会长",
    "秘书长",
    "校长",
    "掌门人",
    "实控人",
    "实际控制人",
    "董事",
    "监事",
    "独立董事",
    "法定代表人",
    "通讯员",
];

/// Words after a name that mark it as a person (`李明表示`).
pub(super) const PERSON_AFTER: &[&str] = &[
    "表示",
    "称",
    "说",
    "指出",
    "认为",
    "透露",
    "介绍",
    "强调",
    "坦言",
    "直言",
    "告诉",
    "回应",
    "解释",
    "提到",
    "提出",
    "坦承",
    "预计",
    "预测",
    "分析",
    "补充",
    "先生",
    "女士",
    "同志",
    "教授",
    "博士",
    "董事长",
    "总裁",
    "总经理",
    "主席",
    "总理",
    "部长",
    "行长",
    "曾",
    "则",
];

/// A static word list as a set, looked up by first character first (most
/// tokens start with a character no word does).
pub(super) struct WordSet {
    words: FxHashSet<&'static str>,
    /// One bit per BMP character: does some word start with it?
    first_bits: Vec<u64>,
}

impl WordSet {
    pub(super) fn new(words: &[&'static str]) -> WordSet {
        let mut first_bits = vec![0u64; 0x10000 / 64];
        for w in words {
            let Some(c) = w.chars().next() else { continue };
            if let Some(b) = first_bits.get_mut((c as usize) >> 6) {
                *b |= 1 << ((c as usize) & 63);
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            first_bits,
        }
    }

    pub(super) fn contains(&self, w: &str) -> bool {
        let Some(c) = w.chars().next() else {
            return false;
        };
        let code = c as usize;
        if code < 0x10000 && self.first_bits[code >> 6] & (1 << (code & 63)) == 0 {
            return false;
        }
        self.words.contains(w)
    }
}

pub(super) static BEFORE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PERSON_BEFORE));
pub(super) static AFTER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PERSON_AFTER));

pub(super) static SURNAMES: LazyLock<(FxHashSet<char>, Vec<&'static str>)> = LazyLock::new(|| {
    let mut single = FxHashSet::default();
    let mut compound = Vec::new();
    for (_, s) in data_lines(SURNAME_DATA) {
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => {
                single.insert(c);
            }
            (Some(_), Some(_)) => compound.push(s),
            _ => {}
        }
    }
    (single, compound)
});

/// Whether `text` starts with one of the 100 most common surnames.
pub(crate) fn common_surname(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| COMMON_SURNAMES.contains(c))
}

const COMMON_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

pub(super) fn starts_with_surname(text: &str) -> bool {
    let (single, compound) = &*SURNAMES;
    text.chars().next().is_some_and(|c| single.contains(&c))
        || compound.iter().any(|c| text.starts_with(c))
}
