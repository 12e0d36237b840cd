#include "cli/policies_command.hpp"

#include <sstream>

#include "model/money.hpp"
#include "model/score.hpp"
#include "model/text.hpp"
#include "packs/revocation.hpp"

namespace award {

namespace {

std::string period_text(const PublicitySpec& p) {
    if (p.length <= 0) return "未规定";
    return std::to_string(p.length) + (p.unit == PeriodUnit::WorkingDays ? "个工作日" : "天") + "（" + p.article + "）";
}

// 有效期：至2028年11月29日（第二十九条）, or 未规定.
std::string validity_text(const std::optional<PolicyValidity>& v) {
    if (!v || (!v->from && !v->until)) return "未规定";
    std::string t;
    if (v->from && v->until) t = v->from->chinese() + "至" + v->until->chinese();
    else if (v->until) t = "至" + v->until->chinese();
    else t = "自" + v->from->chinese() + "起施行";
    t += "（" + v->article + "）";
    if (!v->predecessor.empty()) t += "，此前适用" + v->predecessor;
    return t;
}

std::string aggregation_text(const AggregationSpec& a) {
    switch (a.method) {
    case AggregationSpec::Method::Mean: return "算术平均";
    case AggregationSpec::Method::Median: return "中位数";
    case AggregationSpec::Method::TrimmedMean:
        return std::to_string(a.trim_min_reviewers) + " 名评委及以上去掉一个最高分和一个最低分后平均";
    case AggregationSpec::Method::Consensus: return "组长录入的共识分";
    }
    return "";
}

std::string award_line(const Policy& p, const AwardSpec& a) {
    std::string line = a.name + "：";
    line += a.quota > 0 ? "名额 " + std::to_string(a.quota) + " 家" : "不设名额";
    line += "，" + (a.prize_yuan > 0 ? "奖金 " + yuan_wan(a.prize_yuan) : std::string("不设奖金"));
    for (const auto& hp : a.holder_prizes)
        line += "，已获" + hp.holds + "者奖金 " + yuan_wan(hp.prize_yuan) + "（差额，" + hp.article + "）";
    line += a.open_to_application ? "，可申报" : "，不单独申报";
    line += "（" + a.article + (a.prize_article.empty() || a.prize_article == a.article ? "" : "、" + a.prize_article) + "）";
    if (p.review.stages.empty()) return line;
    const AwardConferral& c = a.conferral;
    const int decimals = p.review.rounding_decimals;
    if (c.by == AwardConferral::By::Threshold) {
        const StageSpec* reached = p.review.find_stage(c.reached_stage);
        line += "；" + (reached ? "进入" + reached->name + "且" : std::string()) + "综合得分达到 " +
                Score::units_text(c.min_total_units, decimals) + " 分的组织均授予" +
                (c.min_total_article.empty() ? "" : "（" + c.min_total_article + "）");
    } else {
        line += "；从申报" + join(c.candidates_from) + "的组织中按综合得分排名授予";
        if (c.min_total_units > 0)
            line += "，最低 " + Score::units_text(c.min_total_units, decimals) + " 分" +
                    (c.min_total_article.empty() ? "" : "（" + c.min_total_article + "）");
        if (!c.repeat_article.empty()) line += "；再次获奖不占名额、不发奖金（" + c.repeat_article + "）";
        if (!c.excluded_holders.empty())
            line += "；已获" + join(c.excluded_holders) + "的不再授予（" + c.excluded_holders_article + "）";
    }
    return line;
}

// 撤销情形 (award revoke): each ground with its article, what follows, and the ban the
// pack's ban_after_revocation checks hold for its reason (packs/revocation.hpp).
void print_revocation(std::ostream& out, const Policy& p) {
    if (!p.revocation) return;
    const RevocationSpec& r = *p.revocation;
    out << "  撤销情形（award revoke --reason）";
    if (!r.proposed_by.empty() || !r.decided_by.empty())
        out << "：" << (r.proposed_by.empty() ? "" : r.proposed_by + "提请，") << (r.decided_by.empty() ? "" : r.decided_by + "决定");
    out << "\n";
    for (const auto& g : r.grounds) {
        const auto ban = revocation_ban(p, g);
        out << "    " << g.reason << "（" << g.article << "）：" << g.text << "；" << g.consequence << "；"
            << (ban ? "禁止申报：“" + ban->requirement + "”（" + ban->article + "，自撤销之日起 " + std::to_string(ban->years) + " 年）"
                    : std::string("未规定禁止申报期")) << "\n";
    }
}

}  // namespace

std::string describe_policies(const PolicyCatalog& catalog) {
    std::ostringstream out;
    for (const auto& [id, p] : catalog) {
        out << id << "  " << p.jurisdiction << "  《" << p.regulation << "》\n";
        out << "  奖项：\n";
        for (const auto& a : p.awards) out << "    " << award_line(p, a) << "\n";
        out << "  有效期：" << validity_text(p.validity) << "\n";
        out << "  评选周期："
            << (p.cycle.years > 1 ? "每 " + std::to_string(p.cycle.years) + " 年一届（" + p.cycle.article + "）" : std::string("每年一届"));
        if (p.award_validity.years > 0)
            out << "；奖项有效期 " << p.award_validity.years << " 年（" << p.award_validity.article << "）";
        out << "\n";
        out << "  受理名单公示："
            << (p.acceptance_publicity ? period_text(*p.acceptance_publicity) : "未规定（受理名单以通知公布，不设公示期）")
            << "\n";
        if (p.review.stages.empty()) {
            out << "  评审阶段：未规定（只处理受理阶段）\n\n";
            continue;
        }
        out << "  评审阶段：\n";
        for (const auto& s : p.review.stages) {
            out << "    " << s.name << "（" << s.article << "）：";
            if (s.advancement_ratio_tenths > 0)
                out << "按拟获奖数不超过1:" << Score::units_text(s.advancement_ratio_tenths, 1) << "进入（"
                    << s.advancement_article << "），";
            out << (s.sheet == StageSpec::Sheet::Presentation ? "总分 " + std::to_string(s.max_points) + " 分，"
                                                              : std::string("GB/T 19580 逐条款评分，"))
                << "每组" << (s.max_reviewers > 0 ? " " + std::to_string(s.min_reviewers) + "-" + std::to_string(s.max_reviewers) + " 名"
                                                  : "不少于 " + std::to_string(s.min_reviewers) + " 名")
                << "评委" << (s.min_reviewers_article.empty() ? "" : "（" + s.min_reviewers_article + "）") << "，"
                << aggregation_text(s.aggregation) << "\n";
        }
        std::vector<std::string> weights;
        for (const auto& [stage, w] : p.review.weights)
            if (const StageSpec* s = p.review.find_stage(stage)) weights.push_back(s->name + " " + std::to_string(w) + "%");
        out << "  综合得分：" << join(weights, " + ") << "（" << p.review.total_article << "），保留 "
            << p.review.rounding_decimals << " 位小数，最后一次四舍五入\n";
        out << "  " << p.review.proposed_list << "公示：" << period_text(p.review.publicity) << "；异议成立后"
            << (p.review.refill_after_objection ? "可以递补" : "不进行递补（" + p.review.refill_article + "）") << "\n";
        if (!p.obligations.empty()) {
            out << "  获奖后义务：\n";
            for (const auto& o : p.obligations) {
                out << "    " << o.text << (o.years > 0 ? "（获奖后 " + std::to_string(o.years) + " 年）" : std::string())
                    << "（" << o.article << "）\n";
                if (!o.report_form) continue;  // award reports: the yearly form (award reports forms)
                const ReportForm& f = *o.report_form;
                out << "      报送表《" << f.title << "》：每年" << std::stoi(f.due.substr(0, 2)) << "月"
                    << std::stoi(f.due.substr(3, 2)) << "日前报送此前 " << f.years_shown << " 年的数据（义务编号 " << o.id
                    << "）；指标：";
                for (std::size_t i = 0; i < f.indicators.size(); ++i) {
                    const ReportIndicator& ind = f.indicators[i];
                    out << (i ? "、" : "") << ind.name << "（" << ind.unit << (ind.negative_allowed ? "，可为负数" : "") << "）";
                }
                out << "\n";
            }
        }
        print_revocation(out, p);  // award revoke
        out << "\n";
    }
    return out.str();
}

}  // namespace award
