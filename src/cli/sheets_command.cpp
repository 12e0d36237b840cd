#include "cli/sheets_command.hpp"

#include <iostream>

#include "cli/output_folder.hpp"
#include "ingest/case_reader.hpp"
#include "packs/holiday_calendar_file.hpp"
#include "packs/policy_pack.hpp"
#include "rules/eligibility.hpp"
#include "rules/review.hpp"

namespace award {

namespace fs = std::filesystem;

SheetPlan plan_score_sheets(const Case& c, const Policy& policy, const AcceptanceOutcome& acceptance,
                            const ReviewOutcome& review) {
    SheetPlan plan;
    const auto& stages = policy.review.stages;
    if (stages.empty()) {
        plan.notes.push_back("政策包 " + policy.id + " 未设评审阶段");
        return plan;
    }
    std::vector<std::size_t> candidates;
    for (const auto& r : acceptance.results) if (r.accepted) candidates.push_back(r.applicant_index);
    for (std::size_t pos = 0; pos < stages.size(); ++pos) {
        const StageSpec& stage = stages[pos];
        if (pos > 0) {
            const Advancement* adv = nullptr;
            for (const auto& a : review.advancements) if (a.stage == stage.id) adv = &a;
            if (!adv) {
                plan.notes.push_back(stage.name + "的评分表尚不能生成：进入" + stage.name + "的名单未定" +
                                     (review.waiting_for.empty() ? "" : "（还需要" + review.waiting_for + "）"));
                break;
            }
            candidates = adv->advanced;
        }
        if (candidates.empty()) {
            plan.notes.push_back(stage.name + "没有评审对象");
            break;
        }
        const bool consensus = stage.aggregation.method == AggregationSpec::Method::Consensus;
        bool any_group = false;
        for (const auto& group : c.panel.groups) {
            if (group.stage != stage.id) continue;
            any_group = true;
            std::vector<std::size_t> covered;
            for (auto i : candidates)
                if (group.covers(c.applicants[i].credit_code)) covered.push_back(i);
            auto request_for = [&](const Reviewer& reviewer, bool as_consensus) {
                ScoreSheetRequest r;
                r.c = &c;
                r.policy = &policy;
                r.reviewer = &reviewer;
                r.group = &group;
                r.stage = &stage;
                r.consensus = as_consensus;
                for (auto i : covered)
                    if (!reviewer.conflicted_with(c.applicants[i].credit_code)) r.applicants.push_back(i);
                if (r.applicants.empty())
                    plan.notes.push_back(reviewer.id + " " + reviewer.name + "（" + group.name + "）：" + stage.name +
                                         "的评审对象均需回避或不在本组，不生成评分表");
                else
                    plan.requests.push_back(std::move(r));
            };
            for (const auto& member : group.members)
                if (const Reviewer* reviewer = c.panel.find(member)) request_for(*reviewer, false);
            if (consensus)
                if (const Reviewer* leader = c.panel.find(group.leader)) request_for(*leader, true);
        }
        if (!any_group) {
            plan.notes.push_back(stage.name + "没有评审组（reviewers.json groups 中 stage 为 \"" + stage.id + "\"）");
            break;
        }
    }
    return plan;
}

int run_sheets_command(const fs::path& case_dir, const fs::path& data_dir, const fs::path& out_dir,
                       const PolicyOverride& override) {
    PolicyCatalog catalog = load_policy_catalog(data_dir / "templates" / "policies");
    Case c = read_case(case_dir, catalog);
    const Policy& policy = catalog.at(c.policy);
    const std::vector<std::string> warnings = policy_validity_warnings(policy, c, override);
    print_warnings(warnings);
    HolidayCalendar calendar = load_holiday_calendar(data_dir / "templates" / "holidays.json");
    AcceptanceOutcome acceptance = decide_acceptance(policy, c, calendar);
    // Sheets still out (评分表未收齐) do not stop blank sheets from being written again.
    ReviewDecision review = decide_review(policy, c, acceptance, calendar);
    SheetPlan plan = plan_score_sheets(c, policy, acceptance, review.outcome);
    for (const auto& note : plan.notes) std::cout << "说明：" << note << "\n";
    if (plan.requests.empty()) {
        std::cout << "没有可生成的评分表，未写入任何文件。\n";
        return 0;
    }
    StagedOutput out(out_dir, c.id + "-评分表");
    for (const auto& r : plan.requests) {
        const fs::path path =
            out.reserve(fs::path(sanitize_file_name(r.stage->name)) / sanitize_file_name(score_sheet_file_name(r)));
        write_score_sheet_xlsx(r, path);
        std::cout << "  " << r.stage->name << "  " << r.reviewer->id << " " << r.reviewer->name
                  << (r.consensus ? "（共识分）" : "") << "：" << r.applicants.size() << " 家\n";
    }
    auto done = out.commit(c.id, policy.id, warnings);
    std::cout << (done.result == StagedOutput::Result::Unchanged ? "评分表已是最新，未改动：" : "已写入评分表：")
              << done.folder.string() << "（" << done.files.size() << " 个文件）";
    if (done.result == StagedOutput::Result::Replaced) std::cout << "；上次的评分表保留在 " << done.previous.string();
    std::cout << "。\n";
    return 0;
}

}  // namespace award
