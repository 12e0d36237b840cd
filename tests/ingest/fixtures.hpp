// Shared by the ingest tests: a hand-built policy (so these tests do not depend on
// the pack loader), temporary case folders, and a small valid case to break.
#pragma once
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "common/temp_dir.hpp"
#include "ingest/case_reader.hpp"
#include "model/policy.hpp"
#include "packs/policy_pack.hpp"

namespace award::test {

using nlohmann::json;

// The awards of 魏都区 as the ingest checks see them: two open to application,
// one conferred by score (第四条).
inline Policy weidu_like_policy() {
    Policy p;
    p.id = "weidu";
    p.jurisdiction = "魏都区";
    p.regulation = "魏都区区长质量奖管理办法";
    p.award_title = "魏都区区长质量奖";
    // The check that lets a 特批 stand in for the 提名奖 (第十条): the only one whose
    // params ingest reads, to know which applicants a special_approval can concern.
    CheckSpec nomination_first;
    nomination_first.id = "wd-10-nomination";
    nomination_first.kind = "requires_prior_award";
    nomination_first.article = "第十条";
    nomination_first.params = {{"award", "区长质量提名奖"}, {"min_years_held", 1},
                               {"alternative_decision", "special_approval"}};
    p.checks = {nomination_first};
    AwardSpec main;
    main.id = "main";
    main.name = "区长质量奖";
    main.quota = 2;
    main.checks = {"wd-10-nomination"};
    AwardSpec nomination;
    nomination.id = "nomination";
    nomination.name = "区长质量提名奖";
    nomination.quota = 4;
    AwardSpec innovation;
    innovation.id = "innovation";
    innovation.name = "质量管理创新奖";
    innovation.open_to_application = false;
    p.awards = {main, nomination, innovation};
    p.designations = {"专精特新小巨人", "高新技术企业"};
    p.acceptance_publicity = PublicitySpec{5, PeriodUnit::WorkingDays, "第十四条"};  // 受理名单公示
    // The review as shipped (stages, score sheet items): the sample's reviewers.json and
    // score sheets are read against them, item by item.
    const Policy shipped = load_policy_pack(std::filesystem::path(AWARD_SOURCE_DIR) / "templates" / "policies" / "weidu.json");
    p.score_sheet = shipped.score_sheet;
    p.review = shipped.review;
    for (auto& award : p.awards) award.conferral = shipped.find_award_by_name(award.name)->conferral;
    return p;
}

inline PolicyCatalog weidu_like_catalog() { return {{"weidu", weidu_like_policy()}}; }



inline void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

inline void write_json(const std::filesystem::path& file, const json& j) { write_text(file, j.dump(2)); }

inline json read_json(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return json::parse(in);
}

// Two valid codes (check characters verified in credit_code_test.cpp).
inline const std::string kCodeA = "91411002175206385X";
inline const std::string kCodeB = "91411002MA47T3QD9A";

inline json minimal_case_json() {
    return json::parse(R"({
      "policy": "weidu",
      "year": 2026,
      "application_deadline": "2026-09-18",
      "issuer": "魏都区区长质量奖评审委员会秘书处",
      "contact": {"department": "魏都区区长质量奖评审委员会秘书处", "person": "王敏", "phone": "0374-2961234",
                  "address": "许昌市魏都区七一路西段88号"},
      "acceptance": {"notice_date": "2026-09-30", "publicity_start": "2026-10-08", "document_number": "魏质奖秘〔2026〕3号"}
    })");
}

inline json minimal_applicant_json() {
    return json::parse(R"({
      "name": "许昌甲公司",
      "credit_code": "91411002175206385X",
      "award": "区长质量奖",
      "region": "魏都区",
      "address": "许昌市魏都区魏武大道1168号",
      "founded": "2010-05-20",
      "industry": "电气机械和器材制造业",
      "licences_valid": true,
      "policy_compliant": true,
      "self_evaluations": [{"year": 2024, "result": "良好"}, {"year": 2025, "result": "优秀"}],
      "incidents": [{"date": "2025-04-22", "kind": "安全事故", "severity": "一般", "description": "叉车轻微碰撞"}],
      "prior_awards": [{"award": "区长质量提名奖", "awarded_on": "2021-01-15"}],
      "contact": {"name": "张伟", "phone": "13903741026"}
    })");
}

inline json minimal_applicants_json() { return json{{"applicants", json::array({minimal_applicant_json()})}}; }

inline json minimal_decisions_json() {
    return json::parse(R"({"decisions": [{"kind": "special_approval", "credit_code": "91411002175206385X",
                                          "date": "2026-09-22", "basis": "评委会2026年第2次会议同意特批"}]})");
}

// A case folder to write: the minimal valid files, to be broken one place at a time.
struct Folder {
    json case_json = minimal_case_json();
    json applicants = minimal_applicants_json();
    std::optional<json> decisions = minimal_decisions_json();
};

inline void write_folder(const std::filesystem::path& dir, const Folder& f) {
    write_json(dir / "case.json", f.case_json);
    write_json(dir / "applicants.json", f.applicants);
    if (f.decisions) write_json(dir / "decisions.json", *f.decisions);
}

// The problems read_case reports for the folder (empty when it reads cleanly).
inline std::vector<Problem> problems_in(const std::filesystem::path& dir, const PolicyCatalog& catalog = weidu_like_catalog()) {
    try {
        read_case(dir, catalog);
    } catch (const InputError& e) {
        return e.problems();
    }
    return {};
}

inline std::string all_messages(const std::vector<Problem>& problems) {
    std::string s;
    for (const auto& p : problems) s += p.message() + "\n";
    return s;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace award::test
