//! The entity rules, one literal case each, through `Analyzer::analyze`.

use std::sync::LazyLock;

use zhnews::Analyzer;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

/// `kind:text` of every entity, in order.
fn entities(text: &str) -> Vec<String> {
    ANALYZER
        .analyze(text)
        .entities
        .iter()
        .map(|e| {
            let kind = serde_json::to_value(e.kind).unwrap_or_default();
            format!("{}:{}", kind.as_str().unwrap_or("?"), e.text)
        })
        .collect()
}

#[test]
fn stock_names_before_quotes_and_price_verbs() {
    assert_eq!(
        entities("华兴源创（8.24%）等个股涨幅均逾5%。罗牛山、海德股份涨超5%，民和股份涨逾8%。"),
        ["org:华兴源创", "org:罗牛山", "org:海德股份", "org:民和股份"]
    );
}

#[test]
fn transliterated_names_and_titles() {
    assert_eq!(
        entities("特斯拉首席执行官埃隆·马斯克表示，明年将推出新车型。"),
        ["org:特斯拉", "person:埃隆·马斯克"]
    );
}

#[test]
fn organisation_suffix_extends_over_a_place() {
    assert_eq!(
        entities("深圳市腾讯计算机系统有限公司发布公告。"),
        ["org:深圳市腾讯计算机系统有限公司"]
    );
}

#[test]
fn country_abbreviations() {
    assert_eq!(
        entities("中美贸易额增长。总理访华期间，双方签署协议。"),
        ["place:中", "place:美", "place:华"]
    );
}

#[test]
fn no_name_swallows_a_number() {
    // `股份` is an organisation suffix, but a quantity ends the name
    assert_eq!(entities("公司拟以2至5亿元回购股份。"), Vec::<String>::new());
}

/// A stock short name holding the model's shorter name is the name
/// (`山河` alone would be a place).
#[test]
fn listed_stock_names_are_whole() {
    assert_eq!(
        entities("山河智能公告称，公司拟以5000万元回购股份。"),
        ["org:山河智能"]
    );
}

/// The model's names: persons in context, a run of one character is none,
/// a damaged model file is refused.
#[test]
fn model_names_and_traps() {
    assert_eq!(
        entities("董事长王兴表示，美团将在北京加大投入。"),
        ["person:王兴", "org:美团", "place:北京"]
    );
    assert!(entities(&"第".repeat(200)).is_empty());
    assert!(zhnews::NerModel::from_bytes(b"ZHNERv1\n").is_err());
}

/// A name before its stock code in brackets is a stock name, whole (the
/// model alone reads `美` and `中国` as places).
#[test]
fn names_before_stock_codes() {
    assert_eq!(
        entities("据格隆汇消息丨美高梅中国(02282.HK)宣布委任新董事。"),
        ["org:格隆汇", "org:美高梅中国"]
    );
    assert_eq!(entities("贵州茅台（600519.SH）收涨。"), ["org:贵州茅台"]);
}

/// Bare codes of five (Hong Kong) or six (mainland) digits, and US tickers
/// with their exchange, mark a stock name too; a year in brackets does not.
#[test]
fn names_before_bare_codes_and_tickers() {
    assert_eq!(
        entities("原标题：迪生创建(00113)8月20日回购3.8万股"),
        ["org:迪生创建"]
    );
    assert_eq!(entities("消息称，趣头条(QTT.US)周三收涨。"), ["org:趣头条"]);
    assert_eq!(entities("报告称，大湾区(2019)规划发布。"), ["place:大湾区"]);
}

/// SPEC's spans never join two names nor run over a verb: the model's
/// names are cut at words that relate two names and before a verb glued on.
#[test]
fn names_cut_at_relations_and_verbs() {
    assert_eq!(
        entities("华为关联公司哈勃科技创业投资有限公司入股。"),
        ["org:华为", "org:哈勃科技创业投资有限公司"]
    );
    assert_eq!(
        entities("持股5%以上股东及其一致行动人清源国际有限公司减持。"),
        ["org:清源国际有限公司"]
    );
    assert_eq!(
        entities("公司控股子公司寿光美伦拟发行债券。"),
        ["org:寿光美伦"]
    );
    assert_eq!(entities("董事长王鑫拟认购4000万元。"), ["person:王鑫"]);
}

/// A verb of price the segmenter glued on a stock name's last character
/// (`人人` `网涨` `超`) still ends the name; a verb of its own (`上涨`) holds
/// no name; a name with a numeral word (`第九城市`) is whole.
#[test]
fn stock_names_before_glued_price_verbs() {
    assert_eq!(
        entities("怪兽充电涨超24.6%，人人网涨超12.6%，蘑菇街涨超9.2%，欢聚时代、第九城市涨超1%。"),
        [
            "org:怪兽充电",
            "org:人人网",
            "org:蘑菇街",
            "org:欢聚时代",
            "org:第九城市"
        ]
    );
    assert_eq!(
        entities("今年以来，螺纹钢上涨11.91%。"),
        Vec::<String>::new()
    );
}

/// A name found once is the same name where its text stands again as a
/// word (the model alone reads the second `美高梅` as the place `美`).
#[test]
fn names_repeated_through_a_document() {
    assert_eq!(
        entities("据悉，美高梅将于本周四发布财报。霍恩巴克表示，美高梅45%的员工已被召回。"),
        ["org:美高梅", "person:霍恩巴克", "org:美高梅"]
    );
}

/// A stock code written with a hyphen (`01752-HK`) marks a stock name; a
/// role before a name (`股东杰华公司`) is no part of it.
#[test]
fn hyphenated_codes_and_roles_before_names() {
    assert_eq!(
        entities("据悉，澳洲成峰高教(01752-HK)公布回购68万股。"),
        ["org:澳洲成峰高教"]
    );
    assert_eq!(entities("公司股东杰华公司拟减持股份。"), ["org:杰华公司"]);
}

/// A listed stock name holding a hand-lexicon name whole is the name
/// (`中金辐照`, not the lexicon's `中金`).
#[test]
fn listed_names_over_shorter_lexicon_names() {
    assert_eq!(
        entities("【中金辐照：年度净利润预增】中金辐照公告称净利润增长。"),
        ["org:中金辐照", "org:中金辐照"]
    );
}

/// `「」` quote as `“”` do: an event quoted is no product (`双 11`), a name
/// inside is found as anywhere.
#[test]
fn corner_brackets_quote_and_name_no_title() {
    assert_eq!(
        entities("十年双 11，天猫最大的成就之一，就是让「双 11」成为节日。"),
        ["org:天猫"]
    );
}

/// Commodities are no names, whoever proposes them.
#[test]
fn commodities_are_no_names() {
    assert!(entities("今年以来，铁矿石大涨超20%，玻璃大涨30%，豆粕涨逾5%。").is_empty());
    // nor the start of one
    assert!(entities("布伦特原油期货上涨17%").is_empty());
}

/// A Latin person's name is the whole run of capitalised words (the model
/// alone tags `Elon` and `Musk` apart), without a title before it; a word
/// in lower case first is no person.
#[test]
fn latin_persons_whole() {
    assert_eq!(
        entities("特斯拉CEO Elon Musk表示将扩产。"),
        ["org:特斯拉", "person:Elon Musk"]
    );
    assert_eq!(
        entities("据悉，Mark Nash表示加息25个基点。"),
        ["person:Mark Nash"]
    );
    assert_eq!(
        entities("苹果发布iPhone新品。"),
        ["org:苹果", "product:iPhone"]
    );
}

/// A time zone (`北京时间`) names no place.
#[test]
fn time_zones_name_no_place() {
    assert!(entities("截至北京时间2022年1月16日，全球累计确诊病例超3亿例。").is_empty());
}

/// Places right before a word of government the segmenter split off are
/// one government body with it.
#[test]
fn government_bodies_of_places() {
    assert_eq!(
        entities("深圳市福田区政府发布环卫一体化项目。"),
        ["org:深圳市福田区政府"]
    );
}

/// A listed stock name of four characters stands alone where the model
/// finds nothing (`盈峰环境`), but only on token bounds (no `国新能源` in
/// `中国新能源`).
#[test]
fn listed_names_of_four_characters_alone() {
    assert_eq!(
        entities(
            "10月29日，盈峰环境（证券代码：000967）全资子公司长沙中联重科环境产业有限公司收到中标通知书。"
        ),
        ["org:盈峰环境", "org:长沙中联重科环境产业有限公司"]
    );
    assert_eq!(entities("中国新能源汽车销量增长。"), ["place:中国"]);
}

/// Latin words in lower case first with a capital inside are products,
/// with the model words after them; a company so written is in the
/// organisation lexicon; names in a link are none.
#[test]
fn latin_products_in_camel_case() {
    assert_eq!(
        entities("苹果将推出iPhoneSE和iPhone 15 Pro Max，eBay股价上涨。"),
        [
            "org:苹果",
            "product:iPhoneSE",
            "product:iPhone 15 Pro Max",
            "org:eBay"
        ]
    );
    assert!(entities("链接：detail?orgId=gssz0000967&stockCode=000967").is_empty());
}

/// Stocks under risk warning are named with their `ST`/`*ST` prefix and
/// share class; `ST股` names none; the `K` of a candlestick chart is no name.
#[test]
fn risk_warned_stocks_and_chart_words() {
    assert_eq!(
        entities("其中，*ST海润、*ST众和、*ST华泽8家公司被强制退市。"),
        ["org:*ST海润", "org:*ST众和", "org:*ST华泽"]
    );
    assert_eq!(
        entities("ST康美收盘价为2.5元，ST股普遍下跌，*ST中冠A预计亏损。"),
        ["org:ST康美", "org:*ST中冠A"]
    );
    assert!(entities("沪综指日K线2440.91点以来，周K线收阳。").is_empty());
}

/// The model's persons: a lexicon organisation over the same span is that
/// organisation; a futures contract whose price moves is no person.
#[test]
fn model_persons_that_are_none() {
    assert_eq!(
        entities("亚马逊和高盛的股价上涨。"),
        ["org:亚马逊", "org:高盛"]
    );
    assert!(entities("郑醇、郑油等涨超1%，玉米下跌。").is_empty());
}

/// Names end at a headline bracket, a time of the trading day before a
/// move, and a verb of reporting between two names.
#[test]
fn names_end_at_brackets_sessions_and_reporting_verbs() {
    assert_eq!(entities("【金地集团：1月销售额200亿元】"), ["org:金地集团"]);
    assert_eq!(entities("优步盘前涨1.28%。"), ["org:优步"]);
    assert_eq!(
        entities("高盛认为美联储将在今年3月开始加息。"),
        ["org:高盛", "org:美联储"]
    );
}

/// `本公司`, `公司薪酬委员会`, `占本公司` name the company of the text: no
/// names; `日本公司` stays a place and a word.
#[test]
fn the_company_of_the_text_is_no_name() {
    assert!(entities("本公司董事会及全体董事保证。").is_empty());
    assert!(entities("公司薪酬委员会审议通过，日内将公布。").is_empty());
}

/// Platforms people post on are products, as every annotated set reads
/// them (`微博`, `推特`, `Twitter`); their companies stay organisations.
#[test]
fn platforms_are_products() {
    assert_eq!(
        entities("王思聪的微博粉丝数达到1610万，Twitter上也有讨论。"),
        ["person:王思聪", "product:微博", "product:Twitter"]
    );
    assert_eq!(entities("推特宣布新政策。"), ["product:推特"]);
}

/// A Chinese person starts with a surname, the first character of a listed
/// name, a familiar prefix or a character of transliteration: `众泰` is no
/// person (it is the car maker, as every annotated set reads it), `鄂志寰`
/// (a surname surnames.txt lacks) and `小平` are.
#[test]
fn persons_start_like_names() {
    assert_eq!(entities("众泰转战网约车平台。"), ["org:众泰"]);
    assert_eq!(entities("鄂志寰表示，经济将复苏。"), ["person:鄂志寰"]);
    assert_eq!(entities("小平同志指出。"), ["person:小平"]);
    // initials in capitals are no person
    assert_eq!(
        entities("公司与PMI签署了《合作协议》，约定由PMI向公司提供锂辉石。"),
        Vec::<String>::new()
    );
}

/// A name run on from a list word is none (`二是外汇资产`); a lexicon name
/// after it is found whole.
#[test]
fn no_name_starts_with_an_enumeration_word() {
    assert_eq!(entities("二是部分外汇资产增加。"), Vec::<String>::new());
    assert_eq!(entities("一是中信证券营收增长。"), ["org:中信证券"]);
}

/// A list of stock names ended by `等` before a move and a figure names
/// every member, the ones the model misses too (`沱牌舍得`); a place alone
/// before a common verb of a move is a place (house prices), before a verb
/// of price (`涨逾`) or a quote in brackets a stock.
#[test]
fn stocks_listed_before_etc_and_a_move() {
    assert_eq!(
        entities("老白干酒、沱牌舍得、伊力特等下跌逾5%。"),
        ["org:老白干酒", "org:沱牌舍得", "org:伊力特"]
    );
    assert_eq!(
        entities("太平洋涨逾5%，红塔证券涨逾2%。"),
        ["org:太平洋", "org:红塔证券"]
    );
    assert_eq!(
        entities("广州、深圳等下跌逾5%。"),
        ["place:广州", "place:深圳"]
    );
    assert_eq!(
        entities("浙江广厦(5.230,-0.02,-0.38%)累计回购超135万股"),
        ["org:浙江广厦"]
    );
}

/// A model organisation of one common word (`文化部`) is a name, unless it
/// repeats the end of a longer one named before (`电子信息司`).
#[test]
fn one_word_organisations_stand_unless_they_refer_back() {
    assert_eq!(
        entities("文化部今天发布通知，要求各地加强演出市场管理。"),
        ["org:文化部"]
    );
    assert_eq!(entities("筹委会昨天举行第三次会议。"), ["org:筹委会"]);
    assert_eq!(
        entities(
            "工业和信息化部电子信息司召开座谈会，电子信息司有关负责同志指出，企业要加强创新。"
        ),
        ["org:工业和信息化部电子信息司"]
    );
}

/// A lexicon organisation wins over the model's names inside it only when
/// they are organisations too (`中国网` does not swallow `中国` in `中国网民`).
#[test]
fn a_lexicon_organisation_does_not_swallow_a_place_of_the_model() {
    assert_eq!(
        entities("截至去年底，中国网民规模达10.67亿。"),
        ["place:中国"]
    );
    assert_eq!(
        entities("山河智能发布公告称，公司中标一项工程。"),
        ["org:山河智能"]
    );
}

/// `所` tagged a function word (`被iPhone所蚕食`, `近百所`) is no suffix of an
/// organisation.
#[test]
fn suo_as_a_function_word_ends_no_organisation() {
    assert_eq!(
        entities("这款手机的市场份额正被iPhone所蚕食。"),
        ["product:iPhone"]
    );
    assert!(entities("全省共有近百所高校参加了这次活动。").is_empty());
    assert_eq!(
        entities("北京大学光华管理学院与中科院物理所签约。"),
        ["org:北京大学光华管理学院", "org:中科院物理所"]
    );
}

/// A title and a common phrase are no organisations, though a company's
/// short name (`航空工业`) is spelt so.
#[test]
fn titles_and_common_phrases_are_no_organisations() {
    assert_eq!(
        entities("这些年我国航空工业发展很快，国家主席出席了庆祝大会。"),
        Vec::<String>::new()
    );
}

/// A title in `《》` that holds a name is a work or a document about it,
/// no product: the name inside stands; a title that holds none is a
/// product.
#[test]
fn titles_holding_a_name_are_no_products() {
    assert_eq!(
        entities("两国外长重申遵守《联合国宪章》的宗旨。"),
        ["org:联合国"]
    );
    assert_eq!(
        entities("他读完了《长江三角洲经济地理》这本书。"),
        ["place:长江三角洲"]
    );
    assert_eq!(
        entities("腾讯推出了新游戏《星海远征》。"),
        ["org:腾讯", "product:星海远征"]
    );
}

/// A three-character organisation of the lexicon that cuts a common word
/// (`教育部` in `教育部门`, `好未来` in `美好未来`) is no name where the
/// model found none; standing as words, they are names.
#[test]
fn lexicon_names_that_cut_a_word_are_none() {
    assert_eq!(
        entities("各地教育部门正在核查学校的收费。"),
        Vec::<String>::new()
    );
    assert_eq!(entities("让我们携手共创美好未来。"), Vec::<String>::new());
    assert_eq!(
        entities("教育部发布通知，好未来股价上涨。"),
        ["org:教育部", "org:好未来"]
    );
}

/// An organisation suffix extended leftwards stops at a word the segmenter
/// guessed that starts with a preposition or an adverb (`下架`, `以本`);
/// a place that starts so (`将乐县`) stays.
#[test]
fn organisations_start_with_no_function_word() {
    assert_eq!(entities("公司将被强制下架游戏。"), Vec::<String>::new());
    assert_eq!(
        entities("一是要以本地区企业的发展为宗旨。"),
        Vec::<String>::new()
    );
    assert_eq!(entities("将乐县人民政府发布通告。"), ["org:将乐县人民政府"]);
}

/// A two-character lexicon name with a locative the segmenter glued on
/// (`推特上`) is found; products of the lexicon: phone and display
/// features, apps, shared bikes.
#[test]
fn lexicon_products_and_a_glued_locative() {
    assert_eq!(
        entities("马斯克周末在推特上宣布了这一消息。"),
        ["person:马斯克", "product:推特"]
    );
    assert_eq!(
        entities("新款平板支持Face ID，配有Retina屏幕。"),
        ["product:Face ID", "product:Retina"]
    );
    assert_eq!(entities("这条消息登上了新浪头条。"), ["product:新浪头条"]);
    assert_eq!(
        entities("街头停满了摩拜单车和ofo小黄车。"),
        ["product:摩拜单车", "product:ofo小黄车"]
    );
}

/// A company named before its quote is the same organisation wherever
/// its name stands again in the text, where the tagger read a place or a
/// person.
#[test]
fn an_organisation_found_once_is_one_wherever_it_stands() {
    assert_eq!(
        entities("浙江广厦(5.230,-0.02,-0.38%)回购股份。浙江广厦表示，回购将继续。"),
        ["org:浙江广厦", "org:浙江广厦"]
    );
}

#[test]
fn one_character_places_starting_a_common_word_are_none() {
    // a market, a trading session, a word, a preposition: no place
    assert_eq!(entities("港股汽车股多数走低。"), Vec::<String>::new());
    assert_eq!(
        entities("沪股通和港股通当日额度使用率"),
        Vec::<String>::new()
    );
    assert_eq!(entities("欧市尾盘，德国国债收益率上涨。"), ["place:德国"]);
    assert_eq!(entities("发展中医药的政策出台。"), Vec::<String>::new());
    assert_eq!(entities("以欧美市场为中心"), ["place:欧", "place:美"]);
    // abbreviations inside other words and tokens of their own stand
    assert_eq!(entities("中美贸易总值上升。"), ["place:中", "place:美"]);
    assert_eq!(entities("市民群众在京过年。"), ["place:京"]);
    assert_eq!(entities("嫌疑人由菲方作进一步调查。"), ["place:菲"]);
    // a company going to list (`赴港上市`); the model retrained on
    // 2026-12-06 reads the bare short name of six characters, `奇智赴港上市`,
    // as one place `奇智赴港` (a known miss: no rule cuts a name at `赴`)
    assert_eq!(entities("创新奇智赴港上市"), ["org:创新奇智", "place:港"]);
    assert_eq!(entities("数百名华人、华侨"), ["place:华", "place:华"]);
}

#[test]
fn latin_persons_before_a_form_of_address() {
    assert_eq!(
        entities("William Joseph HORNBUCKLE先生已不再担任该职，Ling Ho女士获委任。"),
        ["person:William Joseph HORNBUCKLE", "person:Ling Ho"]
    );
}

#[test]
fn bodies_named_by_what_they_do_are_no_names() {
    assert_eq!(
        entities("市场监管部门表示将加强检查。"),
        Vec::<String>::new()
    );
    // one token of common words (`监管部门`) is no name either
    assert_eq!(entities("监管部门表示将加强检查。"), Vec::<String>::new());
    assert_eq!(entities("亚马逊宣布第二总部选址"), ["org:亚马逊"]);
    // companies and banks named by their trade are none either; a legal
    // form follows a registered name
    assert_eq!(
        entities("多家基金公司和互联网公司参与，商业银行也在其列。"),
        Vec::<String>::new()
    );
    assert_eq!(
        entities("股东清源国际有限公司减持。"),
        ["org:清源国际有限公司"]
    );
    // a committee is named by its words: `委员会` is no body word
    assert_eq!(
        entities("联邦公开市场委员会例会后"),
        ["org:联邦公开市场委员会"]
    );
}

#[test]
fn organisations_end_before_a_word_their_suffix_starts() {
    // `银行理财` is one word: no bank
    assert_eq!(
        entities("2019“银华基金杯”新浪银行理财师大赛重磅来袭"),
        ["org:银华基金", "org:新浪"]
    );
    // `金控涨`: a price verb glued on
    assert_eq!(
        entities("国盛金控涨5.68%，浙商证券涨3%"),
        ["org:国盛金控", "org:浙商证券"]
    );
}

#[test]
fn a_company_is_named_again_without_its_form() {
    assert_eq!(
        entities("酷派集团发布公告。此后酷派销售额突破百亿。"),
        ["org:酷派集团", "org:酷派"]
    );
    // a core of common words is no name: `资产管理`
    assert_eq!(
        entities("资产管理有限公司成立。资产管理规模扩大。"),
        ["org:资产管理有限公司"]
    );
}

#[test]
fn names_inside_index_names_are_none() {
    assert_eq!(entities("文华商品指数上涨6.55%"), Vec::<String>::new());
    assert_eq!(
        entities("中证香港证券投资主题指数以港股为标的"),
        Vec::<String>::new()
    );
    // a place of its own is the country the index measures; a name right
    // before `指数` names it
    assert_eq!(entities("中国制造业采购经理指数为50.2"), ["place:中国"]);
    assert_eq!(entities("纳入MSCI指数的比例提高"), ["org:MSCI"]);
}

#[test]
fn boards_quoted_in_a_list_of_boards_are_no_stocks() {
    assert_eq!(
        entities("板块涨幅靠前：乡村振兴（4.46%）、农林牧渔（4.10%）、柔性电子（0.92%）。"),
        Vec::<String>::new()
    );
    // a board holds the place of the names inside it
    assert_eq!(
        entities("板块涨幅靠前：自由贸易港（3.04%）、数字中国（6.04%）。"),
        Vec::<String>::new()
    );
    // stocks quoted so stay stocks, in a sentence about a board too
    assert_eq!(
        entities("个股涨幅靠前：贵州茅台（4.46%）、五粮液（4.10%）。"),
        ["org:贵州茅台", "org:五粮液"]
    );
    assert_eq!(
        entities("地产板块走强，荣安地产（9.48%）、南国置业（6.00%）等个股涨幅均超过5%。"),
        ["org:荣安地产", "org:南国置业"]
    );
    assert_eq!(
        entities("传媒板块拉升：华谊兄弟(300027)、引力传媒(603598)等均有拉升。"),
        ["org:华谊兄弟", "org:引力传媒"]
    );
}

#[test]
fn virus_variants_hold_no_names() {
    assert_eq!(entities("奥密克戎毒株在南非被发现"), ["place:南非"]);
    assert_eq!(entities("德尔塔变异株导致感染"), Vec::<String>::new());
}

#[test]
fn a_company_is_named_again_without_its_place_and_form() {
    // `宁波福尔达投资控股有限公司` is also `福尔达投资`, found before it
    assert_eq!(
        entities("股东福尔达投资将其质押。宁波福尔达投资控股有限公司重新质押510万股。"),
        ["org:福尔达投资", "org:宁波福尔达投资控股有限公司"]
    );
    // a rest of one token is a word of its own: no `交易所`
    assert_eq!(
        entities("德意志交易所集团成立。交易所规模扩大。"),
        ["org:德意志交易所集团"]
    );
    // a rest of common words is none: no `银行投资`
    assert_eq!(
        entities("宁波银行投资有限公司成立。银行投资规模扩大。"),
        ["org:宁波银行投资有限公司"]
    );
}

#[test]
fn no_company_runs_over_a_verb_of_holding() {
    // the domain lexicon tags `持有` a noun; no `其所持有公司`, no
    // `福尔达投资持有公司`
    assert_eq!(
        entities("其所持有公司股份累计被质押的数量为11,288万股"),
        Vec::<String>::new()
    );
    // (the model trained on the opened test3 knows `福尔达投资` from there)
    assert_eq!(
        entities("截至8月7日，股东福尔达投资持有公司股份共计13,378万股"),
        ["org:福尔达投资"]
    );
}

/// A product's model words follow it, a lexicon product too, one capital
/// naming a series (`Galaxy S`).
#[test]
fn products_keep_their_model_words() {
    assert_eq!(
        entities("三星发布Galaxy Note和Galaxy S系列，特斯拉Model S降价。"),
        [
            "org:三星",
            "product:Galaxy Note",
            "product:Galaxy S",
            "org:特斯拉",
            "product:Model S"
        ]
    );
}

/// A brand with a model code glued on is one product (`小米SU7`, SPEC);
/// no number of something, unit, year, stock code or body's figure.
#[test]
fn brands_with_a_model_code_are_products() {
    assert_eq!(
        entities("魅族16X和小米SU7发布，华为P30 Pro降价。"),
        ["product:魅族16X", "product:小米SU7", "product:华为P30 Pro"]
    );
    assert_eq!(
        entities("腾讯2019年营收增长，华为5G领先，小米10亿元投资，证监会1号文。"),
        ["org:腾讯", "org:华为", "org:小米", "org:证监会"]
    );
    assert_eq!(
        entities("华为65W充电器上市，民生证券7日公告。"),
        ["org:华为", "org:民生证券"]
    );
}
