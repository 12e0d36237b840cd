// A policy pack: one jurisdiction's regulation as data (templates/policies/*.json).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/date.hpp"

namespace award {

// One eligibility check: a parameterised check kind, the article it rests on,
// and the sentences for the letter (editable in the pack).
struct CheckSpec {
    std::string id;       // unique in the pack, e.g. "wd-9-years"
    std::string kind;     // e.g. "min_years_operating"
    std::string article;  // e.g. "第九条"
    std::string requirement;  // what the article asks, in Chinese, quoted in reasons
    nlohmann::json params;    // kind-specific parameters
    std::string fail_text;    // sentence template with {placeholders}, see rules/checks.hpp
};

// How the review results confer an award (评委会审议, 综合评价).
struct AwardConferral {
    enum class By {
        Rank,       // the best-ranked candidates up to the quota (名额), first-time winners only counting
        Threshold,  // every candidate reaching min_total at reached_stage (魏都区 质量管理创新奖, no quota)
    };
    By by = By::Rank;
    // Rank: candidates are the applicants who applied for one of these awards (by name),
    // in the final ranking, not already given an earlier award of the pack's list.
    std::vector<std::string> candidates_from;
    long long min_total_units = 0;  // the lowest final total that can win, in units of the pack's rounding (0: none)
    std::string min_total_article;  // where that minimum is set (may be the pack's 实施细则)
    std::string reached_stage;      // Threshold: only applicants that reached this stage id
    bool exclusive = true;          // Threshold: not given to those holding an earlier award of this cycle
    std::string repeat_article;     // 再次获奖: outside the quota, no money, e.g. "第十二条"
    // Holders of these awards (not revoked) are never candidates for this one
    // (本溪市第十二条: 获得提名奖的组织……不再重复授予提名奖).
    std::vector<std::string> excluded_holders;
    std::string excluded_holders_article;

    // Whether a winner already holding this award is a re-winner (再次获奖: outside the
    // quota, no money): where the pack cites a repeat article, and always for a threshold
    // award, which has no quota to take. Otherwise (鹿城区) they compete like anyone.
    bool has_repeat_rule() const { return !repeat_article.empty() || by == By::Threshold; }
};

// A winner who already holds another award of the pack gets a different prize
// (本溪市第二十五条: a nominee winning the main award gets the 10万元 difference).
struct HolderPrize {
    std::string holds;  // the award held (an award name of the pack)
    long long prize_yuan = 0;
    std::string article;
};

// 追加激励资金: a holder of this award who later wins a higher award outside the pack gets
// more money (本溪市第二十五条第三款: 中国质量奖 +20万元, 中国质量奖提名奖 +10万元, 省长质量奖
// +10万元). Paid once, on the 奖金发放表 of the first cycle run after the higher award.
struct HigherAwardTopUp {
    std::vector<std::string> higher_awards;  // the names the registry may record it under, e.g. "辽宁省省长质量奖", "省长质量奖"
    long long prize_yuan = 0;
    std::string article;  // e.g. "第二十五条第三款"
};

struct AwardSpec {
    std::string id;    // e.g. "main", "nomination", "innovation"
    std::string name;  // e.g. "区长质量奖"
    int quota = 0;     // 名额 per cycle; 0 = no fixed quota
    long long prize_yuan = 0;  // 奖金 (元) for first-time winners
    bool open_to_application = true;  // false: conferred by score, not applied for (质量管理创新奖)
    std::vector<std::string> checks;  // CheckSpec ids applied to applicants for this award, in order
    std::string article;              // where the award and its quota are set, e.g. "第四条"
    std::string prize_article;        // where its money is set, e.g. "第二十三条" (may be empty)
    std::string certificate_code;     // in certificate numbers ({award_code}), ASCII letters/digits, unique, e.g. "Z"
    AwardConferral conferral;         // how the review results confer it
    std::vector<HolderPrize> holder_prizes;  // first match wins, in pack order
    std::string full_name;  // as on certificates; default jurisdiction + name ("鹿城区政府质量奖", not "鹿城区区政府质量奖")
    std::vector<HigherAwardTopUp> higher_award_top_ups = {};  // 追加激励资金 for holders of this award
};

// 证书 (审定与表彰): how the certificates the government issues are numbered and printed.
struct CertificateSpec {
    // e.g. "WD{year}{award_code}{seq:3}": {year} the case's year, {award_code} the award's
    // certificate_code, {seq:N} the 1-based sequence per award, zero-padded to N digits
    // (1–6). Each placeholder exactly once (validated on load, see rules/commendation.hpp).
    std::string number_pattern;
    std::string article;        // where the certificates are set, e.g. "第二十三条"
    std::string template_file;  // a file name under templates/certificates/, e.g. "魏都区区长质量奖证书.json"
};

// GB/T 19580 评分条款: one scored item of the 1000-point sheet.
struct ScoreItem {
    std::string id;    // e.g. "4.1.2"
    std::string name;  // e.g. "高层领导的作用"
    int points = 0;    // 分值
};

// 评分类目: a category (4.1 领导 … 4.7 结果) and its items; points are the items' sum.
struct ScoreCategory {
    std::string id;    // e.g. "4.1"
    std::string name;  // e.g. "领导"
    int points = 0;
    bool results = false;  // 结果类 (4.7: 水平-趋势-对比-整合) rather than 过程类 (方法-展开-学习-整合)
    std::vector<ScoreItem> items;
};

// The score sheet reviewers fill (资料评审, 现场评审): the standard's items as data,
// since the points are the pack's to confirm against the printed standard.
struct ScoreSheetSpec {
    std::string standard;  // e.g. "GB/T 19580-2012"
    int total = 0;         // e.g. 1000: the categories' sum
    int percent_step = 5;  // a reviewer's percentage per item moves in steps of this
    std::vector<ScoreCategory> categories;
};

enum class PeriodUnit { WorkingDays, CalendarDays };

struct PublicitySpec {
    int length = 0;
    PeriodUnit unit = PeriodUnit::WorkingDays;
    std::string article;  // e.g. "第十四条"
};

// How several reviewers' totals for one applicant become the stage score (REFERENCE.md).
struct AggregationSpec {
    enum class Method {
        Mean,         // 算术平均
        Median,       // 中位数
        TrimmedMean,  // 去掉一个最高分和一个最低分后平均, when at least trim_min_reviewers count
        Consensus,    // 共识分: the group leader's consensus sheet
    };
    Method method = Method::Mean;
    int trim_min_reviewers = 0;  // TrimmedMean: fewer counted scores than this → plain mean
    std::string article;         // where the method is set (the pack's 评审细则 when the regulation is silent)
};

// 评审阶段: 资料评审, 现场评审, 演讲陈述 (the acceptance check comes before).
struct StageSpec {
    enum class Sheet {
        Items,         // the GB/T 19580 sheet: a percentage per item
        Presentation,  // one score out of max_points (通州区 演讲陈述)
    };
    std::string id;       // ASCII, e.g. "material", "onsite", "presentation"
    std::string name;     // e.g. "资料评审"
    std::string article;  // e.g. "第十八条"
    Sheet sheet = Sheet::Items;
    int max_points = 0;   // Presentation: the full score, e.g. 100 (Items: the sheet's total)
    int min_reviewers = 3;            // per group (通州区 第八条: 3 名以上)
    int max_reviewers = 0;            // per group, 0 = no limit (中牟县 第十一条: 3-5名)
    std::string min_reviewers_article;  // the article setting the size (both bounds)
    AggregationSpec aggregation;
    // Advancement into this stage from the previous one (资料评审 → 现场评审): at most
    // ratio_tenths/10 candidates per planned award (通州区 第十六条 1:1.5 → 15); 0 = no
    // ratio, the case sets a count or a minimum score.
    int advancement_ratio_tenths = 0;
    std::string advancement_article;
    // Who decides entry, with the verb, as the notices say it: "专家评审组提出" (魏都区第十八条),
    // "区质委办确定" (通州区第十六条); empty: the sentence names no one ("确定 6 家进入…").
    std::string advancement_by;
};

// The review stages and how their results become the proposed winners.
struct ReviewSpec {
    std::vector<StageSpec> stages;  // in procedure order
    int rounding_decimals = 1;      // the one rounding, half up, of stage and final scores
    std::string rounding_article;
    // Final total: stage id → weight in percent, adding up to 100 (通州区 第十九条 20/70/10);
    // one stage at 100 when the pack ranks by it (魏都区: 现场评审).
    std::vector<std::pair<std::string, int>> weights;
    std::string total_article;
    std::string recusal_article;      // 回避
    std::string ranking_article;      // 评委会审议 / 综合评价: proposes the winners
    PublicitySpec publicity;          // 拟奖名单公示
    bool refill_after_objection = true;  // false: 不进行递补 (通州区 第二十条)
    std::string refill_article;
    std::string feedback_article;     // 反馈 to applicants not past 资料评审 (鹿城区 第十四条; offered by every pack)
    // The regulation's own names for its bodies and lists, as the documents print them. The
    // defaults are 魏都区's; every pack file states its own.
    std::string committee = "评委会";          // decides what the rules leave open (ties): 区质委会, 市领导小组
    std::string experts = "专家评审组";        // scores the applicants: 评审组
    std::string deliberation = "评委会审议";   // forms the proposed list: 区评委会审查并无记名投票表决
    std::string proposed_list = "拟奖名单";    // the published list: 候选名单, 初步入选名单, 拟获奖组织名单

    const StageSpec* find_stage(const std::string& stage_id) const {
        for (const auto& s : stages) if (s.id == stage_id) return &s;
        return nullptr;
    }
};

// ---- 获奖组织年度报送表 (award reports: the yearly form a winner fills) ----------------
// One indicator (row) of the form: what is asked, in which unit, how a figure is checked.
struct ReportIndicator {
    // money_wan: 万元, at most 2 decimals, ≥ 0 unless negative_allowed; percent: 0–100, at
    // most 2 decimals; number: ≥ 0, at most 2 decimals; integer: a whole number ≥ 0.
    enum class Kind { MoneyWan, Percent, Number, Integer };
    std::string id;    // stable ASCII id, e.g. "revenue": the registry keeps figures by it
    std::string name;  // e.g. "营业收入"
    std::string unit;  // e.g. "万元", "%", "万元/人", "人"
    Kind kind = Kind::Number;
    bool negative_allowed = false;  // money_wan only (利润总额: a loss)
    std::string note;               // how it is counted, printed on the form; "" when none
};

// The form of an obligation (魏都区 第二十八条（二）: 《魏都区长质量奖质量绩效报告》): the
// figures of the last years_shown years, due each year by `due`.
struct ReportForm {
    std::string title;  // the form's name, e.g. "魏都区长质量奖质量绩效报告"
    std::string due;    // "MM-DD" each year (the 秘书处's choice where the regulation is silent)
    int years_shown = 3;
    std::vector<ReportIndicator> indicators;
};

// 获奖后的义务 (after the award): what a winner must do, for how long, and where it is set
// (魏都区第二十八条: a yearly 质量绩效报告 for 3 years). Printed for winners.
struct Obligation {
    std::string id;       // e.g. "yearly-report"
    std::string article;  // e.g. "第二十八条"
    std::string text;     // the duty in Chinese, quoted to winners
    int years = 0;        // how many years after the award it runs (0: while the title is used / not limited)
    std::optional<ReportForm> report_form;  // the yearly form to fill, when the pack gives one
    // Each year's due date "MM-DD" (the form's), "" when the obligation has no form.
    std::string due() const { return report_form ? report_form->due : std::string(); }
};

// A number of years a regulation sets, with the article.
struct YearsRule {
    int years = 0;
    std::string article;
};

// 有效期: when the regulation is in force (通州区 第二十九条: 有效期至2028年11月29日).
// A case whose dates fall outside is refused unless the operator confirms (--allow-expired-policy).
struct PolicyValidity {
    std::optional<Date> from;   // first day in force (施行), inclusive; none: not stated
    std::optional<Date> until;  // last day in force (有效期至), inclusive; none: not stated
    std::string article;        // where the validity is set, e.g. "第二十九条"
    // The regulation in force before `from`, as cited (鹿城区第二十一条: 《…》（2022年修订）
    // （温鹿政发〔2022〕98号）); empty: not named.
    std::string predecessor;
};

// ---- 撤销 (award revoke, issue 6: revocation and the 撤销通报) ----------------------------

// 撤销原因 every pack accepts (ingest/known_values.hpp known_revocation_reasons returns this
// list); a pack's ban_after_revocation checks may add their own ("质量问题", 本溪市).
inline const std::vector<std::string>& common_revocation_reasons() {
    static const std::vector<std::string> reasons = {"弄虚作假", "行贿", "事故", "其他"};
    return reasons;
}

// One ground on which the regulation revokes an award (魏都区第三十条: 采取不正当手段获得).
struct RevocationGround {
    std::string reason;       // the word recorded (registry, prior_awards[].revocation_reason), e.g. "弄虚作假"
    std::string article;      // e.g. "第三十条", "第三十二条（一）"
    std::string text;         // the ground in the regulation's words, quoted in the 撤销通报
    std::string consequence;  // what follows, in the regulation's words (撤销其…称号，收回…), without the ban
};

// What is taken back (收回证书、奖杯和奖励资金): the regulation's words, in its order.
struct RevocationRecovery {
    enum class Role { Certificate, Prize, Other };
    std::string item;            // e.g. "证书", "奖杯", "奖励资金"
    Role role = Role::Other;     // Certificate: its number is printed; Prize: its amount (left out when none was paid)
    std::string verb = "收回";   // e.g. "追缴" (中牟县第二十五条: 追缴奖金)
};

// 撤销 (templates/policies/*.json "revocation"). The ban that follows a revocation is not
// here: it is the pack's ban_after_revocation checks (packs/revocation.hpp revocation_ban).
struct RevocationSpec {
    std::string proposed_by;  // who proposes it, e.g. "秘书处"; "" when the regulation does not say
    std::string decided_by;   // who decides, e.g. "魏都区政府"; "" when the regulation does not say
    std::vector<RevocationRecovery> recovers;
    std::vector<RevocationGround> grounds;  // in the regulation's order; (reason, article) unique

    std::vector<const RevocationGround*> grounds_for(const std::string& reason) const {
        std::vector<const RevocationGround*> out;
        for (const auto& g : grounds)
            if (g.reason == reason) out.push_back(&g);
        return out;
    }
};

struct Policy {
    std::string id;            // e.g. "weidu"
    std::string jurisdiction;  // e.g. "魏都区"
    std::string regulation;    // e.g. "魏都区区长质量奖管理办法"
    std::string award_title;   // e.g. "魏都区区长质量奖"
    std::vector<AwardSpec> awards;
    std::vector<CheckSpec> checks;
    std::optional<PolicyValidity> validity;  // 有效期; none: the regulation states none
    // 受理名单公示; none when the regulation has none (通州区): the 受理名单 is then
    // notified without a publicity period (templates/documents/受理名单.md).
    std::optional<PublicitySpec> acceptance_publicity;
    std::string rejection_article;       // the article the letters cite for not accepting, e.g. "第十四条"
                                         // (魏都区: written reasons required; 通州区 第十五条: 资格审查)
    std::string acceptance_review = "初审";  // the regulation's name for the acceptance check: 资格审查, 受理审查
    std::string acceptance_consultation;    // what it includes besides the papers, e.g. 征求相关部门意见 (魏都区第十四条)
    bool rejection_reasons_required = false;  // rejection_article also requires the reasons in writing (魏都区 第十四条):
                                              // the letter cites it for that; otherwise only for the decision
    std::string review_article;          // the review procedure, 资格审核 first, e.g. "第十六条": only accepted
                                         // applicants can be awarded
    CertificateSpec certificates;
    YearsRule cycle{1, ""};              // 评选周期: every N years (本溪市第四条: 2); 1 = yearly
    YearsRule award_validity;            // 有效期 of an award in years (本溪市第四条: 5; 中牟县第二十八条: 3); 0 = not stated
    std::vector<Obligation> obligations; // 获奖后的义务, in pack order
    ScoreSheetSpec score_sheet;          // GB/T 19580 items and points
    ReviewSpec review;                   // 评审阶段 and results
    std::vector<std::string> incident_kinds;  // recognised Incident::kind values (empty: not listed by the pack)
    std::vector<std::string> severities;      // recognised Incident::severity values, mildest first
    std::vector<std::string> designations;    // recognised Applicant::designations, e.g. "专精特新小巨人"
    std::optional<RevocationSpec> revocation;  // 撤销 (award revoke); none: the pack does not set it out
    std::filesystem::path source;        // the pack file

    // Whether any award carries prize money (鹿城区: none, certificates and plaques only).
    bool pays_prizes() const {
        for (const auto& a : awards)
            if (a.prize_yuan > 0 || !a.holder_prizes.empty()) return true;
        return false;
    }
    const AwardSpec* find_award_by_name(const std::string& name) const {
        for (const auto& a : awards) if (a.name == name) return &a;
        return nullptr;
    }
    const CheckSpec* find_check(const std::string& check_id) const {
        for (const auto& c : checks) if (c.id == check_id) return &c;
        return nullptr;
    }
};

}  // namespace award
