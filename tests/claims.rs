//! Claim rules, one literal case each, through `Analyzer::analyze`.

use std::sync::LazyLock;

use zhnews::{Analyzer, RefDate};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

/// `subject|metric|period|value|basis direction change` per claim.
fn claims(text: &str) -> Vec<String> {
    let doc = ANALYZER.analyze_at(text, RefDate::parse("2024-08-21").ok());
    doc.claims
        .iter()
        .map(|c| {
            let value = c
                .value
                .as_ref()
                .and_then(|q| q.value.or(q.low))
                .map_or("-".to_string(), |v| v.to_string());
            let change = c.change.as_ref().map_or("-".to_string(), |ch| {
                format!(
                    "{} {} {}",
                    ch.basis.map_or("-".to_string(), |b| {
                        serde_json::to_value(b)
                            .unwrap_or_default()
                            .as_str()
                            .unwrap_or("?")
                            .to_string()
                    }),
                    serde_json::to_value(ch.direction)
                        .unwrap_or_default()
                        .as_str()
                        .unwrap_or("?"),
                    ch.value
                        .as_ref()
                        .and_then(|q| q.value)
                        .map_or("-".to_string(), |v| v.to_string())
                )
            });
            format!(
                "{}|{}|{}|{}|{}",
                c.subject.as_deref().unwrap_or("-"),
                c.metric.as_deref().unwrap_or("-"),
                c.period.as_deref().unwrap_or("-"),
                value,
                change
            )
        })
        .collect()
}

#[test]
fn value_then_change_in_the_next_clause() {
    assert_eq!(
        claims("小米集团二季度营收 889 亿元，同比增长 32%。"),
        ["小米集团|营收|2024-Q2|88900000000|yoy up 0.32"]
    );
}

#[test]
fn respectively_pairs_in_order() {
    assert_eq!(
        claims(
            "二季度，微信和 QQ 的月活跃用户分别为 13.71 亿和 5.71 亿，分别同比增长 3.2% 和 1.1%。"
        ),
        [
            "微信|月活跃用户|2024-Q2|1371000000|yoy up 0.032",
            "QQ|月活跃用户|2024-Q2|571000000|yoy up 0.011"
        ]
    );
}

#[test]
fn subject_carries_over_to_the_next_sentence() {
    assert_eq!(
        claims("宁德时代发布半年报。上半年公司净利润为 228.6 亿元，环比增长 10%。"),
        ["宁德时代|净利润|2024-H1|22860000000|qoq up 0.1"]
    );
}

#[test]
fn change_before_its_value_in_one_clause() {
    assert_eq!(
        claims("摩根士丹利将腾讯控股的目标价上调 10% 至 460 港元。"),
        ["腾讯控股|目标价|-|460|- up 0.1"]
    );
}

/// The level a move starts from is a previous value: a claim (SPEC, "What
/// counts as a claim").
#[test]
fn from_one_value_to_another() {
    assert_eq!(
        claims("花旗集团将周黑鸭目标价由4.5港元上调至10港元。"),
        ["周黑鸭|目标价|-|4.5|-", "周黑鸭|目标价|-|10|- up -"]
    );
}

#[test]
fn an_exchange_rate_is_the_second_amount() {
    assert_eq!(
        claims("2014年10月21日人民币汇率中间价为：1美元对人民币6.1410元。"),
        ["-|汇率中间价|2014-10-21|6.141|-"]
    );
}

#[test]
fn a_publishing_office_is_no_subject() {
    assert_eq!(
        claims("海关总署13日公布，前10个月外贸进出口总值增长5%。"),
        ["-|外贸进出口总值|2024-01/2024-10|-|- up 0.05"]
    );
}

#[test]
fn a_company_publishing_its_own_report_is_its_subject() {
    // `公布的` cites a source, but not when what is published is the
    // company's own report
    assert_eq!(
        claims("众泰汽车公布的2019年财报显示，其报告期内实现营业收入29.86亿元。"),
        ["众泰汽车|营业收入|2019|2986000000|-"]
    );
}

#[test]
fn nominal_and_real_growth_is_a_change_of_the_level_before() {
    // `名义`, `实际` say how the change is measured: no metric of their own
    assert_eq!(
        claims("1-10月份，全国固定资产投资（不含农户）181318亿元，同比名义增长20.1%。"),
        ["-|固定资产投资|2024-01/2024-10|18131800000000|yoy up 0.201"]
    );
    assert_eq!(
        claims("一季度国内生产总值同比实际增长6.4%。"),
        ["-|国内生产总值|2024-Q1|-|yoy up 0.064"]
    );
}

#[test]
fn a_prefix_is_part_of_the_metric() {
    assert_eq!(
        claims("6月份，非制造业商务活动指数为55.0%，比上月上升0.1个百分点。"),
        ["-|非制造业商务活动指数|2024-06|0.55|mom up 0.1"]
    );
}

#[test]
fn a_level_reached_after_the_verbs_object_is_a_value() {
    // `上调…至X`: X is the level reached, not the size of the move
    assert_eq!(
        claims("央行将存款利率上调至3%。"),
        ["央行|存款利率|-|0.03|-"]
    );
    assert_eq!(
        claims("2012年，监管部门再次上调额度至800亿美元。"),
        ["-|额度|2012|80000000000|-"]
    );
}

#[test]
fn a_target_price_is_the_rated_companys() {
    // the broker and its analyst are the source
    assert_eq!(
        claims("摩根士丹利分析师Adam Jonas维持对特斯拉(TSLA.O)的超配评级，目标价1200美元。"),
        ["特斯拉|目标价|-|1200|-"]
    );
    assert_eq!(
        claims("高盛将贵州茅台目标价上调至2000元。"),
        ["贵州茅台|目标价|-|2000|-"]
    );
}

#[test]
fn a_holder_named_after_its_stake_and_role_is_its_subject() {
    // `持股X%的股东` names the person after it, who then reduces
    assert_eq!(
        claims("先达股份：持股5.2815%的股东陈绪潇拟减持不超过0.6378%。"),
        ["陈绪潇|持股|-|0.052815|-", "陈绪潇|减持|-|0.006378|-"]
    );
}

#[test]
fn a_count_counts_its_noun_after_an_adjective() {
    // `无症状` is tagged an idiom: it modifies the counted noun
    assert_eq!(
        claims("禹州市新增3例无症状感染者。"),
        ["禹州市|无症状感染者|-|3|-"]
    );
}

#[test]
fn a_base_year_and_now_scope_no_period() {
    // `恢复至2019年同期水平`: the year of the base, not of the figure
    assert_eq!(
        claims("预计2022年国内旅游收入3.81万亿元，恢复至2019年同期水平近七成。"),
        ["-|旅游收入|2022|3810000000000|-", "-|水平|2022|0.7|-"]
    );
    // a sentence about now takes no period from the one before
    assert_eq!(
        claims("今年1-6月振幅为73.17%。目前，市盈率为12.39倍。"),
        ["-|振幅|2024-01/2024-06|0.7317|-", "-|市盈率|-|12.39|-"]
    );
}

#[test]
fn a_currency_moves_against_another() {
    assert_eq!(
        claims("今年以来，人民币对美元汇率中间价已贬值0.6%。"),
        ["-|人民币对美元汇率中间价|2024|-|ytd down 0.006"]
    );
}

#[test]
fn a_bare_figure_is_no_claim() {
    assert_eq!(claims("创业板105家。"), Vec::<String>::new());
}

#[test]
fn a_rate_after_its_move_in_basis_points() {
    assert_eq!(
        claims("德国10年期国债收益率涨4.5个基点，报-0.046%，本周累跌0.2个基点。"),
        [
            "德国|10年期国债收益率|-|-0.00046|- up 0.045",
            "德国|10年期国债收益率|2024-W34|-|- down 0.002"
        ]
    );
}

#[test]
fn a_policy_rate_move_is_a_change() {
    assert_eq!(
        claims("美联储3月加息25个基点。"),
        ["美联储|-|2024-03|-|- up 0.25"]
    );
}

#[test]
fn hong_kong_cents_per_share() {
    assert_eq!(claims("公司每股亏损0.32港仙。"), ["-|每股亏损|-|0.0032|-"]);
}

#[test]
fn a_count_after_a_verb_of_existence_counts_the_noun_after_it() {
    assert_eq!(
        claims("截至6月末，该集团旗下共有12个物流中心、350个配送网点。"),
        ["-|物流中心|2024-06|12|-", "-|配送网点|2024-06|350|-"]
    );
}

#[test]
fn a_share_is_measured_from_zhan() {
    assert_eq!(
        claims("锂业集团持股2亿股，占公司总股本的12.5%。"),
        [
            "锂业集团|持股|-|200000000|-",
            "锂业集团|占公司总股本|-|0.125|-"
        ]
    );
}

#[test]
fn a_glued_comparison_word_ends_the_metric() {
    assert_eq!(
        claims("今年上半年铜期货参与机构数较去年同期增加六成。"),
        ["-|铜期货参与机构数|2024-H1|-|yoy up 0.6"]
    );
}

#[test]
fn an_enumerated_count_is_no_claim() {
    assert_eq!(
        claims("报告指出了行业发展的三个驱动因素，一是需求，二是政策。"),
        Vec::<String>::new()
    );
}

/// The enumeration may follow the count in the clause after it
/// (`第一个机会`) or in the next sentence (`原因有三个。第一，`).
#[test]
fn an_enumeration_after_the_count_clause_is_no_claim() {
    assert_eq!(
        claims("苹果供应链分为三类：一是代工厂，二是零部件厂商。"),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("他认为今年有两个机会，第一个机会是消费电子。"),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("上涨的原因主要有三个。第一，需求回升。"),
        Vec::<String>::new()
    );
}

/// `一是` opens a list item; it is no part of the metric.
#[test]
fn an_enumeration_word_is_no_metric() {
    assert_eq!(
        claims("一是工业增加值同比增长7.2%，二是外汇资产增加270亿美元。"),
        [
            "-|工业增加值|-|-|yoy up 0.072",
            "-|外汇资产|-|-|- up 27000000000"
        ]
    );
}

/// A bounded change after a count of stocks or companies is the bar they
/// passed: no change of the count, no claim of its own, and the changes
/// after it are not shifted onto the count.
#[test]
fn a_threshold_after_a_count_of_stocks_is_no_change() {
    let got = claims("其中3支股票涨幅超过6%，搜狐涨6.86%报19.01美元。");
    assert!(got.iter().all(|c| !c.ends_with(" 0.06")), "{got:?}");
    assert!(
        got.contains(&"搜狐|股价|-|19.01|- up 0.0686".to_string()),
        "{got:?}"
    );
    assert_eq!(
        claims("门店数量达500家，同比增长20%。"),
        ["-|门店数量|-|500|yoy up 0.2"]
    );
}

/// `涨X%报Y`: the price quoted right after a move is the level it moved
/// to, one claim, and each move of a list keeps its own price.
#[test]
fn a_price_quoted_after_a_move_takes_the_move() {
    assert_eq!(
        claims("中概股涨跌不一，兰亭集势涨8.88%报0.87美元，搜狐涨6.86%报19.01美元。"),
        [
            "兰亭集势|股价|-|0.87|- up 0.0888",
            "搜狐|股价|-|19.01|- up 0.0686"
        ]
    );
}

#[test]
fn a_common_word_tagged_as_a_place_is_no_subject() {
    assert_eq!(claims("城市里有20万家门店。"), ["-|门店|-|200000|-"]);
}

#[test]
fn a_person_in_topic_position_is_the_subject() {
    assert_eq!(
        claims("张伟昨日增持公司股份100万股。"),
        ["张伟|增持公司股份|2024-08-20|1000000|-"]
    );
}

#[test]
fn a_bureau_before_a_headline_colon_is_a_source() {
    assert_eq!(
        claims("国家邮政局：陕西省5452个快递网点暂停营业。"),
        ["陕西省|快递网点|-|5452|-"]
    );
}

/// A count right after `等` counts the list: no member is its subject.
#[test]
fn a_count_after_a_list_has_no_subject() {
    assert_eq!(
        claims("今日午后，贵州茅台、五粮液、泸州老窖等12股涨停。"),
        ["-|涨停|2024-08-21|12|-"]
    );
}

/// Stock names listed with commas before `等股涨超` are each a subject,
/// found by the A-share list where the model misses them.
#[test]
fn stock_names_listed_with_commas_share_a_move() {
    assert_eq!(
        claims("四方精创，飞天诚信，高伟达等股涨超3%。"),
        [
            "四方精创|股价|-|-|- up 0.03",
            "飞天诚信|股价|-|-|- up 0.03",
            "高伟达|股价|-|-|- up 0.03"
        ]
    );
}

/// `由 A 增加至 B`: A is a previous value, a claim of its own (SPEC), and B
/// the level the move ends at; both measure the noun phrase before `由`.
#[test]
fn a_move_from_one_level_to_another() {
    assert_eq!(
        claims("同时公司注册资本由1333.33万元增加至1568.62万元。"),
        ["-|注册资本|-|13333300|-", "-|注册资本|-|15686200|- up -"]
    );
}

/// A headline in `【】` is a sentence of its own, and `公司` opening a
/// clause is the company its sentence is about, not the last one named.
#[test]
fn the_company_a_sentence_is_about() {
    assert_eq!(
        claims(
            "【甲公司获投资】8月20日，深圳市大河科技有限公司发生工商变更，新增北京小山投资有限公司为股东，同时公司注册资本增加至500万元。"
        ),
        ["深圳市大河科技有限公司|注册资本|2024-08-20|5000000|-"]
    );
}

/// A count of as many names as a list before it, or as the list its
/// clause opens with, is a list enumeration: no claim (SPEC).
#[test]
fn counts_of_listed_names_are_enumerations() {
    assert!(claims("数据显示，美国、法国、印度是新增病例最多的三个国家。").is_empty());
    assert!(claims("小米、华为两家公司将出席。").is_empty());
}

/// `减持`, `增持`, `增资` are words of their own: their figure is a value
/// (shares bought or sold), not a change; `个股` names no metric.
#[test]
fn holdings_sold_are_values() {
    assert_eq!(
        claims("杰华公司拟减持不超过142万股。"),
        ["杰华公司|减持|-|1420000|-"]
    );
    assert_eq!(
        claims("截止发稿，三安光电等个股涨超2%。"),
        ["三安光电|股价|-|-|- up 0.02"]
    );
}

/// A list of stock names that holds one read as a place (`鄂尔多斯`) still
/// moves in price.
#[test]
fn a_list_of_mostly_stocks_moves_in_price() {
    assert_eq!(
        claims("南钢股份，柳钢股份，鄂尔多斯，杭钢股份等个股涨超2%。"),
        [
            "南钢股份|股价|-|-|- up 0.02",
            "柳钢股份|股价|-|-|- up 0.02",
            "鄂尔多斯|股价|-|-|- up 0.02",
            "杭钢股份|股价|-|-|- up 0.02"
        ]
    );
}

/// `新增` counts new items (a value), and `我委` (the speaker's body) is no
/// part of a metric.
#[test]
fn new_items_are_values_and_we_is_no_metric() {
    assert_eq!(
        claims("全球单日新增确诊病例2802276例。"),
        ["-|新增确诊病例|-|2802276|-"]
    );
    assert_eq!(
        claims("据介绍，我委共审批核准固定资产投资项目6个。"),
        ["-|审批核准固定资产投资项目|-|6|-"]
    );
}

/// The metric after a figure ends before an action the dictionary tags as
/// a noun (`的价格回购`); a share runs over adverbs inside the whole
/// (`占发行前已发行股份`); `年度` before a metric is no part of it.
#[test]
fn metric_edges() {
    assert_eq!(
        claims("公司以每股4.29港元的价格回购3.8万股股份。"),
        ["-|价格|-|4.29|-", "-|回购|-|38000|-"]
    );
    assert_eq!(
        claims("公司回购68万股，占发行前已发行股份约0.028%。"),
        ["-|回购|-|680000|-", "-|占发行前已发行股份|-|0.00028|-"]
    );
    assert_eq!(
        claims("预计2021年年度归属于上市公司股东的净利润约8246.13万元。"),
        ["-|归属于上市公司股东的净利润|2021|82461300|-"]
    );
}

/// Commodities are no names but what market moves are about: subjects
/// without `股价`, one claim per metal listed.
#[test]
fn commodities_move_without_a_stock_price() {
    assert_eq!(
        claims("今年以来，铁矿石大涨超20%，铝、锌等有色金属上涨5%。"),
        [
            "铁矿石|-|2024|-|ytd up 0.2",
            "铝|-|2024|-|ytd up 0.05",
            "锌|-|2024|-|ytd up 0.05"
        ]
    );
}

/// A good after a modifier (`转基因大豆`) is no market good: no subject.
#[test]
fn a_modified_crop_is_no_commodity() {
    assert_eq!(
        claims("试点结果显示，转基因大豆可增产12%。"),
        ["-|-|-|-|- up 0.12"]
    );
}

/// A clause that names no subject goes on about the subject of the claim
/// before it in the sentence, unless a name stands between them.
#[test]
fn a_subjectless_clause_continues_the_topic() {
    assert_eq!(
        claims(
            "上海市政府发布会上，官员指出，十四五期间，上海计划新增租赁住房47万套，供应量达到60万套。"
        ),
        ["上海|新增租赁住房|-|470000|-", "上海|供应量|-|600000|-"]
    );
    assert_eq!(
        claims("个股方面，朴新教育(NEW.N)收涨74.37%；普普文化(CPOP.O)连续两日大升，收涨40.69%。"),
        [
            "朴新教育|股价|-|-|- up 0.7437",
            "普普文化|股价|-|-|- up 0.4069"
        ]
    );
}

/// A figure listed right after a claim's value measures the same.
#[test]
fn listed_values_share_their_metric() {
    assert_eq!(
        claims("公司分别减持股份142万股和284万股。"),
        ["-|减持股份|-|1420000|-", "-|减持股份|-|2840000|-"]
    );
}

/// A clause that names a relative time the document's date cannot resolve
/// (no date) has no period, not the one named before it.
#[test]
fn an_unresolved_time_gives_no_period() {
    let doc = ANALYZER.analyze("2016年，参加双11的品牌突破10万。去年，双11品牌数量超过14万。");
    let periods: Vec<Option<&str>> = doc.claims.iter().map(|c| c.period.as_deref()).collect();
    assert_eq!(periods, [Some("2016"), None]);
}

/// A newspaper quoted in `《》` before `记者`, a data column after `·`, a
/// dated byline with blanks, and a speaker who tells a reporter are sources,
/// never subjects.
#[test]
fn sources_in_quotes_columns_and_interviews() {
    assert_eq!(
        claims("据《证券日报》记者统计，机构预测9月份CPI同比增长最小值为1.57%。"),
        ["-|最小值|2024-09|-|yoy up 0.0157"]
    );
    assert_eq!(
        claims("证券时报·数据宝统计显示，A股市值超过500亿元。"),
        ["-|市值|-|50000000000|-"]
    );
    assert_eq!(
        claims("东北证券相关负责人在接受《证券日报》记者采访时表示，每场观看量在3000人次。"),
        ["-|每场观看量|-|3000|-"]
    );
    assert_eq!(
        claims("格隆汇 7 月 3日丨贝瑞基因(000710.SZ)公布，公司累计耗资1.6亿元。")[0],
        "贝瑞基因|耗资|2024-07-03|160000000|-"
    );
}

/// A holder in topic position who holds or pledges shares is the subject
/// of the figures on them, in their clause and the clauses after.
#[test]
fn a_holder_of_shares_is_their_subject() {
    assert_eq!(
        claims(
            "公司近日接到实际控制人赵文权的通知：赵文权将其所持有的部分公司股票办理了解除质押，解除质押3701万股，占其所持股份25.51%。"
        ),
        [
            "赵文权|解除质押|-|37010000|-",
            "赵文权|占其所持股份|-|0.2551|-"
        ]
    );
    assert_eq!(
        claims("截至公告日，薛飞共持有宣城市华菱精工科技股份有限公司股份约962万股。"),
        ["薛飞|股份|-|9620000|-"]
    );
}

/// A share runs from `占` over pronouns, times, verbs before the figure and
/// a colon; `分别` lists share it.
#[test]
fn shares_over_pronouns_times_and_lists() {
    assert_eq!(
        claims("公司回购股份390.74万股，约占公司目前总股本的比例为1.1018%。")[1],
        "-|占公司目前总股本的比例|-|0.011018|-"
    );
    assert_eq!(
        claims("华菱精工主营业务为电梯配件、智能车库，占营收比例分别为：93.7%、5.01%。"),
        [
            "华菱精工|占营收比例|-|0.937|-",
            "华菱精工|占营收比例|-|0.0501|-"
        ]
    );
    assert_eq!(
        claims("特斯拉占国内电动车销量比例超过了25%。"),
        ["特斯拉|占国内电动车销量比例|-|0.25|-"]
    );
    assert_eq!(
        claims("东软集团医疗系统业务占公司业务收入的19.65％。"),
        ["东软集团|占公司业务收入|-|0.1965|-"]
    );
}

/// The metric starts after a manner (`以集中竞价交易方式`) and stops before
/// `突破`/`超过`/`跌破` before the figure.
#[test]
fn metrics_after_a_manner_and_before_thresholds() {
    assert_eq!(
        claims("公司以集中竞价交易方式累计回购公司股份数量为390.74万股。"),
        ["-|累计回购公司股份数量|-|3907400|-"]
    );
    assert_eq!(
        claims("微博月活跃用户突破了4亿。"),
        ["微博|月活跃用户|-|400000000|-"]
    );
}

/// Data a body publishes on its website are its figures' source.
#[test]
fn a_website_that_publishes_data_is_a_source() {
    assert_eq!(
        claims("世卫组织网站最新数据显示，全球确诊病例达到328532929例。"),
        ["-|确诊病例|-|328532929|-"]
    );
}

/// A bank that authorises a centre to publish, and a centre that publishes,
/// are sources of the rate, not its subject.
#[test]
fn an_authorised_publisher_is_a_source() {
    assert_eq!(
        claims(
            "中国人民银行授权中国外汇交易中心公布，银行间外汇市场人民币汇率中间价为：1美元对人民币6.1452元。"
        ),
        ["-|汇率中间价|-|6.1452|-"]
    );
}

/// The buyer of a tender the company wins is no subject of its figures.
#[test]
fn the_buyer_of_a_tender_is_no_subject() {
    assert_eq!(
        claims(
            "通光线缆公告，公司中标南方电网公司2020年主网线路材料框架招标项目，中标金额合计1.64亿元。"
        ),
        ["通光线缆|中标金额|2020|164000000|-"]
    );
}

/// A clause that names a source of what follows stops the subject of the
/// clauses before it from carrying over; a company that reports its own
/// figures does not.
#[test]
fn a_named_source_stops_the_running_subject() {
    assert_eq!(
        claims(
            "中国银行股价上涨5%。中国人民银行授权中国外汇交易中心公布，人民币汇率中间价为：1美元对人民币6.1452元。"
        )[1],
        "-|汇率中间价|-|6.1452|-"
    );
    assert_eq!(
        claims(
            "作为龙头企业的贝因美，业绩亏损。根据贝因美财报数据显示，公司实现营业收入18.30亿元。"
        )
        .last()
        .map(String::as_str),
        Some("贝因美|营业收入|-|1830000000|-")
    );
}

/// A holder named after roles (`控股股东、董事长王明`) is in topic position;
/// an exchange after `通过` heads nothing, and the trading system is a
/// manner, not part of the metric.
#[test]
fn a_holder_after_roles_trades_through_an_exchange() {
    assert_eq!(
        claims(
            "华达科技公告，控股股东、董事长王明计划通过深交所交易系统减持公司股份不超过200万股。"
        ),
        ["王明|减持公司股份|-|2000000|-"]
    );
}

/// A trading verb before a percent and its object after it make one
/// metric (`回购0.85%股份` → `回购股份`), with no span.
#[test]
fn a_traded_share_names_verb_and_object() {
    assert_eq!(
        claims("宏达电子截至6月底共耗资2.3亿元回购0.85%股份。"),
        [
            "宏达电子|耗资|2024-06|230000000|-",
            "宏达电子|回购股份|2024-06|0.0085|-"
        ]
    );
    let doc = ANALYZER.analyze("宏达电子回购0.85%股份。");
    assert_eq!(doc.claims[0].metric.as_deref(), Some("回购股份"));
    assert_eq!(doc.claims[0].metric_span, None);
}

/// A company cited for its own report (`根据…财报显示`) is the subject of
/// the figures, through `其`; a metric word the tagger calls a verb
/// (`收入`) ends a noun phrase.
#[test]
fn a_company_citing_its_own_report() {
    assert_eq!(
        claims("根据宏达电子第二季度财报显示，其营收达12.5亿元，其中电池业务收入同比增长35%。"),
        [
            "宏达电子|营收|2024-Q2|1250000000|-",
            "宏达电子|电池业务收入|2024-Q2|-|yoy up 0.35"
        ]
    );
}

/// `本次公司…` refers to the company the sentence is about, not to the
/// organisation named last.
#[test]
fn this_time_the_company_is_the_topic() {
    assert_eq!(
        claims(
            "宏达电子晚间公告称，国网物资有限公司于22日公示了中标结果，本次公司中标总金额约3.2亿元。"
        ),
        ["宏达电子|中标总金额|2024-07-22|320000000|-"]
    );
}

/// A clause that opens with a word for the whole country (`我国`) states a
/// national figure: no earlier subject carries over to it (SPEC). `X将`
/// is a rating source only before a target, a rating or a forecast.
#[test]
fn a_national_figure_borrows_no_subject() {
    assert_eq!(
        claims("宏达电子发布了新产品。目前我国对进口汽车征收15%的关税。"),
        ["-|关税|-|0.15|-"]
    );
    assert_eq!(
        claims("中金将宏达电子目标价上调至20元。"),
        ["宏达电子|目标价|-|20|-"]
    );
}

/// Degree adjectives (`最高`, `最低`, `平均`) stand inside the measured
/// noun phrase.
#[test]
fn degree_words_stay_in_the_metric() {
    assert_eq!(
        claims("宏达电子回购股份，成交最高价格为2.62元，最低价格为2.5元。"),
        [
            "宏达电子|成交最高价格|-|2.62|-",
            "宏达电子|最低价格|-|2.5|-"
        ]
    );
}

/// A shareholder named after `股东` in topic position trades or pledges
/// their own shares: the holder, not the company, is the subject.
#[test]
fn a_shareholder_is_the_subject_of_their_sale() {
    assert_eq!(
        claims("宏达电子公告，股东王建国拟减持不超过0.9%的股份。"),
        ["王建国|减持|-|0.009|-"]
    );
}

/// A holder named after the company and a role (`X(ticker)实控人Y解除质押`)
/// is the subject of the shares they trade or pledge; `持有期` (a holding
/// period) says nothing of holding.
#[test]
fn a_holder_after_the_company_and_a_role() {
    assert_eq!(
        claims("宏达电子(300058.SZ)实控人王建国解除质押3701万股"),
        ["王建国|解除质押|-|37010000|-"]
    );
    assert_eq!(
        claims("宏达电子控股股东王建国质押1000万股，占公司总股本的2%。"),
        ["王建国|质押|-|10000000|-", "王建国|占公司总股本|-|0.02|-"]
    );
}

/// A figure after `比` or `较` is the value compared with: the change after
/// it belongs to the figure before the comparison, or stands alone; a
/// figure the comparison reaches after `至` keeps its change.
#[test]
fn a_compared_value_takes_no_change() {
    assert_eq!(
        claims("宏达电子净利润为14.1亿元，比去年同期的10.7亿元增长32%。"),
        [
            "宏达电子|净利润|-|1410000000|yoy up 0.32",
            "宏达电子|净利润|-|1070000000|-"
        ]
    );
    assert_eq!(
        claims("本周两市成交额比前一周的3670亿元减少了1480亿元。"),
        [
            "-|成交额|2024-W34|367000000000|-",
            "-|成交额|2024-W34|-|- down 148000000000"
        ]
    );
    assert_eq!(
        claims("贷款余额较上年末增长5%至100亿元。"),
        ["-|贷款余额|-|10000000000|ytd up 0.05"]
    );
}

/// `16家公司的`: a metric is never a bare `的` left when the generic noun
/// before it is trimmed.
#[test]
fn a_bare_possessive_is_no_metric() {
    assert_eq!(
        claims("前一周16家公司的136.78亿股解禁。"),
        ["-|解禁|-|13678000000|-"]
    );
}

/// `第三季` with a figure of the quarter after it is the third quarter (a
/// season of a show after its title is not).
#[test]
fn a_quarter_written_without_du() {
    assert_eq!(
        claims("中芯国际公布第三季营收8.51亿美元。"),
        ["中芯国际|营收|2024-Q3|851000000|-"]
    );
    let periods: Vec<String> = claims("《奔跑吧》第三季收视率1.2%。")
        .iter()
        .map(|c| c.split('|').nth(2).unwrap_or("").to_string())
        .collect();
    assert_eq!(periods, ["-"]);
}

/// Changes after `分别` with no value each pair, in order, with the
/// members listed before it (metrics or subjects): one claim per member,
/// not every change for every member; `/` separates them too.
#[test]
fn respective_changes_pair_in_order() {
    assert_eq!(
        claims("北京、广州和深圳分别上涨0.6%、0.8%和0.4%。"),
        [
            "北京|-|-|-|- up 0.006",
            "广州|-|-|-|- up 0.008",
            "深圳|-|-|-|- up 0.004"
        ]
    );
    assert_eq!(
        claims("公司营收和净利分别同比增长19%/25%。"),
        ["-|营收|-|-|yoy up 0.19", "-|净利|-|-|yoy up 0.25"]
    );
}

/// What a count counts is the noun after its measure word, even a generic
/// one (`28家上市公司`, `38只个股`), and it ends there (`430家机构`); a verb
/// after that noun is the clause's verb (`获`), one inside a compound stays
/// (`确诊病例`, `监控站点`).
#[test]
fn a_count_measures_its_counted_noun() {
    assert_eq!(
        claims("12月29日有38只个股获机构买入型评级。"),
        ["-|个股|2024-12-29|38|-"]
    );
    assert_eq!(
        claims("本月共有28家上市公司获得超百家机构调研。"),
        ["-|上市公司|2024-08|28|-"]
    );
    assert_eq!(
        claims("美国新增378692例新冠肺炎确诊病例。"),
        ["美国|新冠肺炎确诊病例|-|378692|-"]
    );
    assert_eq!(
        claims("全美400个废水监控站点每天监测。"),
        ["-|废水监控站点|-|400|-"]
    );
    assert_eq!(
        claims("迈瑞医疗以获430家机构调研总数居于其次。"),
        ["迈瑞医疗|机构|-|430|-"]
    );
}

/// `两家公司` in topic position or after `这` is the companies named before,
/// no count; as an object it is one.
#[test]
fn a_count_of_the_companies_named_before_is_no_claim() {
    assert_eq!(
        claims("苹果与高通的纠纷中，两家公司并未展开谈判。"),
        Vec::<String>::new()
    );
    assert_eq!(claims("苹果与这两家公司签署了协议。"), Vec::<String>::new());
    assert_eq!(
        claims("该人士称：“目前两家公司没有展开谈判。”"),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("将对市场的三个时间点产生影响。"),
        Vec::<String>::new()
    );
    assert_eq!(claims("72家公司业绩增幅超过100%。"), ["-|公司|-|72|-"]);
    assert_eq!(
        claims("名单包括两家公司和10名个人。"),
        ["-|公司|-|2|-", "-|个人|-|10|-"]
    );
}

/// Metrics as written: `占比` whole, `净`/`平均` inside the phrase, a noun
/// after the figure (`定存`), no verb of cause (`导致`).
#[test]
fn metrics_keep_their_modifiers() {
    assert_eq!(claims("央企占比约21%。"), ["-|央企占比|-|0.21|-"]);
    assert_eq!(
        claims("导致筹资活动净现金流较上年同期减少7861亿元。"),
        ["-|筹资活动净现金流|-|-|yoy down 786100000000"]
    );
    assert_eq!(
        claims("平均营业总收入依次为126.61亿元、49.67亿元。"),
        [
            "-|平均营业总收入|-|12661000000|-",
            "-|平均营业总收入|-|4967000000|-"
        ]
    );
    assert_eq!(
        claims("央行开展了1000亿元国库现金定存操作。"),
        ["央行|国库现金定存|-|100000000000|-"]
    );
}

/// `较2013年同期的3698亿元，降幅高达49%`: a year's same period is `yoy`,
/// named between the figure and its change.
#[test]
fn a_years_same_period_is_year_on_year() {
    assert_eq!(
        claims("房企拿地金额1873亿元，较2013年同期的3698亿元，降幅高达49%。"),
        [
            "-|房企拿地金额|-|187300000000|yoy down 0.49",
            "-|房企拿地金额|-|369800000000|-"
        ]
    );
}

/// A count of as many words as the list right before it sums the list up
/// (`保险、房地产两个板块`): no claim; after `等` the list gives examples and
/// the count is one.
#[test]
fn a_count_of_the_words_listed_before_is_no_claim() {
    assert_eq!(
        claims("保险、房地产两个板块出现资金净流入。"),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("沪市将有飞科电器、隆鑫通用共2家公司成为全流通公司。"),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("华森制药、宣亚国际、科蓝软件等7股跌停。"),
        ["-|跌停|-|7|-"]
    );
}

/// `由A变更为B` is a move like `由A增加至B`: B takes A's metric and the
/// direction; a newspaper in `《》` is a source, no subject.
#[test]
fn a_move_to_a_new_level_and_a_titled_source() {
    assert_eq!(
        claims("公司股本总额由557,885,000股变更为557,699,240股。"),
        [
            "-|股本总额|-|557885000|-",
            "-|股本总额|-|557699240|- down -"
        ]
    );
    assert_eq!(
        claims("《证券日报》市场研究中心统计发现，10月份有41只个股实现上涨。"),
        ["-|个股|2024-10|41|-"]
    );
}

/// A name right before a multi-byte character other than `》` is read
/// without slicing inside it (a panic on real text once).
#[test]
fn a_name_before_a_date_is_read_whole() {
    assert_eq!(
        claims("商务部新闻发言人沈丹阳17日表示，3月出口增长5%。"),
        ["-|出口|2024-03|-|- up 0.05"]
    );
}

/// Dividends: `派发现金红利` is read as written (jieba alone cut it into
/// `派`, `发现`, `金红利`), a distributive after the noun phrase is passed
/// over (`回购价格每股为`), and the count after `每` is the base of a rate,
/// no claim.
#[test]
fn dividends_and_per_share_prices() {
    assert_eq!(
        claims("向全体股东每10股派发现金红利5元。"),
        ["-|派发现金红利|-|5|-"]
    );
    assert_eq!(claims("回购价格每股为5.27港元。"), ["-|回购价格|-|5.27|-"]);
}

/// `去年同期` as the time of a figure is the governing period a year
/// earlier; as the basis of a change it is no time.
#[test]
fn the_same_period_a_year_ago() {
    assert_eq!(
        claims("祁连山预告今年上半年盈利1.8亿元左右，去年同期公司亏损1864万元。"),
        [
            "祁连山|盈利|2024-H1|180000000|-",
            "祁连山|亏损|2023-H1|18640000|-"
        ]
    );
    assert_eq!(
        claims("今年上半年营收5亿元，与上年同期相比增长10%。"),
        ["-|营收|2024-H1|500000000|yoy up 0.1"]
    );
}

/// `公司持股8.26%股东杰华公司`: the shareholder named after the stake holds
/// it.
#[test]
fn a_stake_is_its_holders() {
    assert_eq!(
        claims("江化微公告，公司持股8.26%股东杰华公司计划减持不超过142万股。"),
        ["杰华公司|持股|-|0.0826|-", "杰华公司|减持|-|1420000|-"]
    );
}

/// A count in Chinese numerals after a demonstrative counts what was named
/// (`上述三家企业`), and what an enumeration counts is no business count
/// (`三个议题`): no claims.
#[test]
fn counts_of_what_was_named_or_enumerated_are_no_claims() {
    assert_eq!(
        claims("看好上述三家企业在未来两年受益。"),
        Vec::<String>::new()
    );
    assert_eq!(
        claims("专家委员围绕三个议题展开研讨。"),
        Vec::<String>::new()
    );
}

/// An index named before its move (`沪指涨0.19%`) is the subject of the
/// move, with metric null (SPEC), though it is no entity.
#[test]
fn an_index_move_is_the_indexs() {
    assert_eq!(
        claims("三大股指高开，沪指涨0.19%，深成指涨0.31%。"),
        ["沪指|-|-|-|- up 0.0019", "深成指|-|-|-|- up 0.0031"]
    );
}

/// `涨跌幅` is a signed move: up for a positive figure; a negative figure
/// after a verb of change is a fall (`涨幅为-1.5%`).
#[test]
fn a_signed_move_takes_the_sign_of_its_figure() {
    assert_eq!(
        claims("8月份钢材价格平均涨跌幅为2%。"),
        ["钢材|价格平均涨跌幅|2024-08|-|- up 0.02"]
    );
    assert_eq!(
        claims("本周该股涨幅为-1.5%。"),
        ["-|涨幅|2024-W34|-|- down -0.015"]
    );
}

/// A verb that holds a level (`维持`) is the clause's verb, not part of the
/// metric.
#[test]
fn a_verb_holding_a_level_is_no_part_of_the_metric() {
    assert_eq!(
        claims("央行决定维持利率在2.5%不变。"),
        ["央行|利率|-|0.025|-"]
    );
}

/// `每ADS收益`: a Latin unit after `每` is part of a per-unit metric, never
/// a subject (ADS is also a product name).
#[test]
fn a_latin_unit_after_mei_is_part_of_the_metric() {
    assert_eq!(
        claims("去年每ADS收益0.05美元。"),
        ["-|每ADS收益|2023|0.05|-"]
    );
}

/// Modals before the verb (`可能会达到`) stand between a noun phrase and
/// its figure like other bridge words.
#[test]
fn modals_stand_between_a_metric_and_its_figure() {
    assert_eq!(
        claims("明年全球智能终端出货量可能会达到20亿台。"),
        ["-|智能终端出货量|2025|2000000000|-"]
    );
}

/// A bounded figure between its metric and `的` picks out what it bounds
/// (`营收超过10亿元的公司`): a condition, no claim; and a count of those
/// companies takes no metric word from the condition.
#[test]
fn a_bounded_figure_before_de_is_a_condition() {
    assert_eq!(
        claims("今年营收超过10亿元的公司共有36家。"),
        Vec::<String>::new()
    );
    // after a verb the bounded figure is its object's
    assert_eq!(
        claims("公司拟出售不超过20亿元的子公司股权。"),
        ["-|出售|-|2000000000|-"]
    );
}

/// A body that issues a document in `《》` is the source of the targets the
/// document sets, not their subject; a company's own report is its own.
#[test]
fn the_issuer_of_a_document_is_a_source() {
    assert_eq!(
        claims(
            "国务院办公厅印发《数字经济发展规划》指出，到2025年数字经济核心产业增加值达到10万亿元。"
        ),
        ["-|数字经济核心产业增加值|2025|10000000000000|-"]
    );
    assert_eq!(
        claims("小米集团发布《2023年年度报告》显示，全年营收2710亿元。"),
        ["小米集团|营收|2023|271000000000|-"]
    );
}

/// After `上述`/`前述`, a count in digits counts what was named before,
/// with a generic word between or not: no claim.
#[test]
fn a_count_after_shangshu_in_digits_refers_back() {
    assert_eq!(
        claims("前述深市65家公司中，多数已完成回购。"),
        Vec::<String>::new()
    );
}

/// `分两个阶段`: a count of steps between a noun phrase and its figure
/// neither bounds the phrase nor is part of it.
#[test]
fn a_count_of_steps_stands_between_a_metric_and_its_figure() {
    assert_eq!(
        claims("指数公司将A股的纳入因子分两个阶段从5%增至20%。"),
        ["-|纳入因子|-|0.05|-", "-|纳入因子|-|0.2|- up -"]
    );
}

/// A count opening its clause is a business count of its own (SPEC), and
/// the later figure's noun phrase runs back over the counted noun
/// (`29家基金公司持股数量合计达4.4亿股`); a count after a preposition is
/// a claim too.
#[test]
fn a_count_in_topic_position_is_a_claim_of_its_own() {
    assert_eq!(
        claims("29家基金公司持股数量合计达4.4亿股。"),
        ["-|基金公司|-|29|-", "-|基金公司持股数量|-|440000000|-"]
    );
    assert_eq!(claims("72家公司业绩增幅超过100%。"), ["-|公司|-|72|-"]);
    assert_eq!(
        claims("公司向353名激励对象授予股票期权1200万份。"),
        ["-|激励对象|-|353|-", "-|股票期权|-|12000000|-"]
    );
}

#[test]
fn a_comparison_is_no_metric() {
    // `比上季` opens the comparison: the change is the level's
    assert_eq!(
        claims("二季度银行业景气指数为63.9%，比上季提高5.6个百分点。"),
        ["-|银行业景气指数|2024-Q2|0.639|- up 5.6"]
    );
    assert_eq!(
        claims("对比营业税政策少缴了76.96万元税款。"),
        ["-|税款|-|769600|-"]
    );
}
