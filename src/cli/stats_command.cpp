#include "cli/stats_command.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/output_folder.hpp"
#include "cli/reports_command.hpp"  // today_local
#include "ingest/json_fields.hpp"
#include "ingest/text_rules.hpp"
#include "model/errors.hpp"
#include "model/text.hpp"
#include "packs/policy_pack.hpp"
#include "registry/registry.hpp"
#include "render/statistics_report.hpp"
#include "rules/statistics.hpp"

namespace award {

namespace fs = std::filesystem;

namespace {

Problem option_problem(const std::string& option, const std::string& value, const std::string& expected) {
    return {"命令行", "", option, value, expected};
}

std::string years_text(const std::vector<int>& years) {
    if (years.empty()) return "（没有）";
    std::string out;
    for (int y : years) out += (out.empty() ? "" : "、") + std::to_string(y);
    return out;
}

// The first year compared: --since, or the earliest cycle at most four years before.
int first_year(const StatsOptions& o, const std::vector<int>& cycles) {
    if (o.since) return o.since;
    int since = o.year;
    for (int y : cycles)
        if (y < since && y >= o.year - 4) since = y;
    return since;
}

}  // namespace

int run_stats_command(const StatsOptions& o) {
    std::vector<Problem> problems;
    if (o.year < 1990 || o.year > 2100)
        problems.push_back(option_problem("--year", std::to_string(o.year), "统计年度，1990 至 2100 之间的四位数年份（如 2026）"));
    if (o.since && (o.since < 1990 || o.since > o.year))
        problems.push_back(option_problem("--since", std::to_string(o.since),
                                          "比较的起始年度：不晚于 --year（" + std::to_string(o.year) + "）的四位数年份，如 " +
                                              std::to_string(o.year - 2)));
    std::optional<Date> as_of = o.as_of.empty() ? std::optional<Date>(today_local()) : Date::parse(o.as_of);
    if (!as_of) problems.push_back(option_problem("--as-of", o.as_of, "真实存在的日期，格式 YYYY-MM-DD（如 2026-12-31）"));
    else if (as_of->year() < o.year)
        problems.push_back(option_problem("--as-of", as_of->iso(),
                                          "统计截至日期，不早于统计年度的 1 月 1 日（" + std::to_string(o.year) + "-01-01），如 " +
                                              std::to_string(o.year) + "-12-31"));
    if (!o.issuer.empty())
        if (auto why = ingest::text_expectation_problem(o.issuer, ingest::kShortTextMaxChars); !why.empty())
            problems.push_back(option_problem("--issuer", o.issuer, why));
    std::error_code ec;
    if (fs::exists(o.out_dir, ec) && !fs::is_directory(o.out_dir, ec))
        problems.push_back(option_problem("--out", o.out_dir.string(), "输出文件夹（不存在时自动创建）：这是一个已有的文件"));
    const PolicyCatalog catalog = load_policy_catalog(o.data_dir / "templates" / "policies");
    if (!o.pack.empty() && !catalog.count(o.pack)) {
        std::vector<std::string> ids;
        for (const auto& [id, p] : catalog) ids.push_back(id);
        problems.push_back(option_problem("--pack", o.pack, "政策包编号之一：" + join(ids)));
    }
    if (!problems.empty()) throw InputError(problems);
    Registry r(o.registry, Registry::Open::MustExist);

    struct Report {
        const Policy* policy;
        YearlyStatistics stats;
    };
    std::vector<Report> reports;
    std::vector<std::string> available;  // pack: years, for the message when no pack has the year
    for (const auto& [id, policy] : catalog) {
        if (!o.pack.empty() && id != o.pack) continue;
        const StatisticsInput input = r.statistics_input(id);
        const bool has_year = std::count(input.cycle_years.begin(), input.cycle_years.end(), o.year) > 0;
        if (!has_year) {
            if (!o.pack.empty())
                throw InputError({option_problem("--year", std::to_string(o.year),
                                                 "登记库 " + o.registry.string() + " 中 " + policy.jurisdiction + "（" + id +
                                                     "）有评选记录的年度之一：" + years_text(input.cycle_years))});
            if (!input.cycle_years.empty()) available.push_back(id + "：" + years_text(input.cycle_years));
            if (!input.cycle_years.empty())
                std::cout << policy.jurisdiction << "（" << id << "）：登记库中没有 " << o.year << " 年的评选记录（有 "
                          << years_text(input.cycle_years) << "），不生成。\n";
            continue;
        }
        reports.push_back({&policy, compute_statistics(policy, input, o.year, first_year(o, input.cycle_years), *as_of)});
    }
    if (reports.empty())
        throw InputError({option_problem("--year", std::to_string(o.year),
                                         "登记库 " + o.registry.string() + " 中有评选记录的年度（" +
                                             (available.empty() ? std::string("登记库中还没有任何评选记录") : join(available, "；")) +
                                             "）")});

    const RenderEnv env{o.data_dir};
    std::vector<std::unique_ptr<StagedOutput>> staged;
    for (const auto& rep : reports) {
        const std::string folder = rep.policy->id + "-" + std::to_string(o.year) + "年度统计报告";
        auto out = std::make_unique<StagedOutput>(o.out_dir, folder);
        write_statistics_report_pdf(env, *rep.policy, rep.stats, o.issuer, out->reserve("年度统计报告.pdf"));
        write_statistics_report_xlsx(*rep.policy, rep.stats, out->reserve("年度统计报告.xlsx"));
        const YearlyStatistics& s = rep.stats;
        const CycleFigures* c = s.current();
        std::cout << rep.policy->jurisdiction << "（" << rep.policy->id << "）" << o.year << "年度统计报告，比较 ";
        for (std::size_t i = 0; i < s.cycles.size(); ++i) std::cout << (i ? "、" : "") << s.cycles[i].year;
        std::cout << " 年，统计截至 " << as_of->iso() << "：申报 " << c->applications << " 家，受理 " << c->accepted
                  << " 家，进入现场评审 " << c->reached_onsite << " 家，获奖 " << c->awarded << " 家；获奖组织报送 应报送 "
                  << s.reports.due << " 份，逾期 " << s.reports.overdue << " 份。\n";
        staged.push_back(std::move(out));
    }
    for (std::size_t i = 0; i < staged.size(); ++i)
        print_committed(staged[i]->commit(reports[i].policy->id + "-" + std::to_string(o.year) + "年度统计报告",
                                          reports[i].policy->id),
                        "年度统计报告");
    return 0;
}

}  // namespace award
