#include "ingest/case_reader.hpp"

#include <algorithm>
#include <map>

#include "ingest/applicants_xlsx.hpp"
#include "ingest/credit_code.hpp"
#include "ingest/json_fields.hpp"
#include "ingest/known_values.hpp"
#include "ingest/prior_awards.hpp"
#include "ingest/review_reader.hpp"
#include "model/money.hpp"
#include "rules/industry.hpp"

namespace award {

namespace fs = std::filesystem;
using namespace award::ingest;

namespace {

const std::string kCaseFile = "case.json";
const std::string kApplicantsFile = "applicants.json";
const std::string kDecisionsFile = "decisions.json";

// What the applicant and decision checks need to know from case.json. Anything
// case.json got wrong is empty here, and the checks that need it are skipped:
// the problem has been reported once already.
struct CaseFacts {
    const Policy* policy = nullptr;
    std::optional<int> year;
    std::optional<Date> deadline;  // 申报截止日期, the reference date
    std::optional<Date> notice;    // 受理名单公示成文日期: the letters speak as of this day
    const json* commendation = nullptr;  // case.json's "commendation", read after applicants.json
};

std::string deadline_text(const Date& deadline) { return "申报截止日期 " + deadline.iso(); }

// A letter states as fact what happened up to its date, so nothing in the case may
// be dated after the notice.
std::string not_after_notice_text(const Date& notice) {
    return "不晚于受理名单公示成文日期 notice_date（" + notice.iso() +
           "）的日期（通知书不能把成文日期之后的事当作已发生的事实）";
}

// The name an applicant goes by in record labels: as written, cut when absurdly long.
std::string record_suffix(const std::string& name) { return "（" + excerpt(trim(name), kNameMaxChars) + "）"; }

// The folder's own name, also for "samples/weidu-2026/" and "." (as the user names
// it: a symbolic link keeps its own name).
std::string folder_name(const fs::path& dir) {
    std::error_code ec;
    fs::path p = fs::absolute(dir, ec);
    p = (ec ? dir : p).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return p.filename().string();
}

// ---- case.json -------------------------------------------------------------

Contact read_contact(const json& j, ProblemList& out) {
    Fields f(out, kCaseFile, "/contact", j, {"department", "person", "phone", "address", "email"});
    Contact c;
    c.department = f.text("department", Need::optional).value_or("");
    c.person = f.text("person", Need::required).value_or("");
    c.phone = f.text("phone", Need::required).value_or("");
    c.address = f.text("address", Need::optional, kAddressMaxChars).value_or("");
    c.email = f.text("email", Need::optional).value_or("");
    f.report_unknown_fields();
    return c;
}

// The date a document bears, for messages about its 发文字号: "成文日期 notice_date".
AcceptanceStage read_acceptance(const json& j, CaseFacts& facts, ProblemList& out) {
    Fields f(out, kCaseFile, "/acceptance", j, {"notice_date", "publicity_start", "document_number"});
    AcceptanceStage a;
    auto notice = f.date("notice_date", Need::required);
    // Only a pack with a 受理名单公示 has a publicity start (通州区, 中牟县 and 鹿城区 publish
    // the list as a notice); given for one without, it would be a date that means nothing.
    const bool publicised = !facts.policy || facts.policy->acceptance_publicity.has_value();
    auto start = publicised ? f.date("publicity_start", Need::required) : std::nullopt;
    if (!publicised && f.find("publicity_start"))
        f.problem("publicity_start", as_given(*f.find("publicity_start")),
                  "不填写：政策包 " + facts.policy->id + "（《" + facts.policy->regulation +
                      "》）没有受理名单公示，受理名单以通知公布，不设公示期");
    auto number = f.text("document_number", Need::optional);
    if (number) check_document_number(f, *number, facts.year, notice, "成文日期 notice_date", "魏质奖秘〔2026〕3号");
    a.document_number = number.value_or("");
    // The notice decides who was accepted, which needs the applications all in.
    if (notice && facts.deadline && *notice < *facts.deadline)
        f.problem("notice_date", notice->iso(), "不早于" + deadline_text(*facts.deadline) + " 的日期");
    else
        facts.notice = notice;
    if (notice && start && *start < *notice)
        f.problem("publicity_start", start->iso(), "不早于公示成文日期 notice_date（" + notice->iso() + "）的日期");
    f.report_unknown_fields();
    a.notice_date = notice.value_or(Date{});
    a.publicity_start = start.value_or(Date{});
    return a;
}

std::string known_policy_ids(const PolicyCatalog& policies) {
    std::vector<std::string> ids;
    for (const auto& [id, policy] : policies) ids.push_back(id);
    if (ids.empty()) return "已知的政策包编号（templates/policies/ 中还没有任何政策包）";
    return "已知的政策包编号之一：" + join(ids) + "（见 templates/policies/）";
}

CaseFacts read_case_file(const json& j, const PolicyCatalog& policies, Case& c, ProblemList& out) {
    CaseFacts facts;
    if (!j.is_object()) {
        out.add(kCaseFile, "", "", as_given(j), "JSON 对象 { … }（格式见 samples/README.md）");
        return facts;
    }
    Fields f(out, kCaseFile, "", j,
             {"policy", "year", "application_deadline", "issuer", "contact", "acceptance", "review", "commendation"});
    if (auto id = f.text("policy", Need::required)) {
        c.policy = *id;
        auto it = policies.find(*id);
        if (it == policies.end())
            f.problem("policy", as_given(*f.find("policy")), known_policy_ids(policies));
        else
            facts.policy = &it->second;
    }
    facts.year = f.integer("year", Need::required, 2000, 2100);
    facts.deadline = f.date("application_deadline", Need::required);
    // The deadline closes the cycle's applications: in the cycle's year, or at the
    // end of the year before for a cycle that starts early.
    if (facts.year && facts.deadline &&
        (facts.deadline->year() < *facts.year - 1 || facts.deadline->year() > *facts.year)) {
        f.problem("application_deadline", facts.deadline->iso(),
                  "年度 year（" + std::to_string(*facts.year) + "）当年或上一年内的日期");
        facts.deadline.reset();
    }
    c.year = facts.year.value_or(0);
    c.application_deadline = facts.deadline.value_or(Date{});
    c.issuer = f.text("issuer", Need::required).value_or("");
    if (const json* contact = f.object("contact", Need::required)) c.contact = read_contact(*contact, out);
    if (const json* acceptance = f.object("acceptance", Need::required))
        c.acceptance = read_acceptance(*acceptance, facts, out);
    // What the review section compares with: a notice date already reported as wrong
    // is left at its default, which read_review_section takes as unknown.
    if (!facts.notice) c.acceptance.notice_date = Date{};
    if (const json* review = f.object("review", Need::optional))
        c.review = read_review_section(*review, facts.policy, c, out);
    facts.commendation = f.object("commendation", Need::optional);
    f.report_unknown_fields();
    return facts;
}

// ---- applicants.json -------------------------------------------------------

std::string award_names(const Policy& policy, bool open_only) {
    std::vector<std::string> names;
    for (const auto& a : policy.awards)
        if (!open_only || a.open_to_application) names.push_back(a.name);
    return join(names);
}

std::string open_awards_text(const Policy& policy) {
    std::string text = "政策包 " + policy.id + " 中可申报的奖项之一：" + award_names(policy, true);
    std::vector<std::string> closed;
    for (const auto& a : policy.awards)
        if (!a.open_to_application) closed.push_back(a.name);
    if (!closed.empty()) text += "（" + join(closed) + "不接受申报）";
    return text;
}

void read_self_evaluations(const json& list, const std::string& base, const std::string& suffix,
                           const CaseFacts& facts, Applicant& a, ProblemList& out) {
    std::map<int, std::string> seen;  // year -> record of its first entry
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string record = base + "/self_evaluations/" + std::to_string(k);
        if (!list[k].is_object()) {
            out.add(kApplicantsFile, record + suffix, "", as_given(list[k]),
                    "对象 {\"year\": 年份, \"result\": 自评结果}");
            continue;
        }
        Fields f(out, kApplicantsFile, record + suffix, list[k], {"year", "result"});
        auto year = f.integer("year", Need::required, 2000, facts.year.value_or(2100));
        auto result = f.one_of("result", Need::required, known_self_evaluation_results());
        if (year) {
            auto [it, fresh] = seen.emplace(*year, record);
            if (!fresh)
                f.problem("year", std::to_string(*year),
                          "与 " + it->second + " 不同的年份（每年只能有一条自评）");
        }
        f.report_unknown_fields();
        a.self_evaluations.push_back({year.value_or(0), result.value_or("")});
    }
}

// The pack's own vocabulary when it lists one, the contract's fixed lists otherwise.
const std::vector<std::string>& incident_kinds(const CaseFacts& facts) {
    return facts.policy && !facts.policy->incident_kinds.empty() ? facts.policy->incident_kinds : known_incident_kinds();
}
const std::vector<std::string>& severities(const CaseFacts& facts) {
    return facts.policy && !facts.policy->severities.empty() ? facts.policy->severities : known_severities();
}

void read_incidents(const json& list, const std::string& base, const std::string& suffix, const CaseFacts& facts,
                    Applicant& a, ProblemList& out) {
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string record = base + "/incidents/" + std::to_string(k) + suffix;
        if (!list[k].is_object()) {
            out.add(kApplicantsFile, record, "", as_given(list[k]),
                    "对象 {\"date\": …, \"kind\": …, \"severity\": …}");
            continue;
        }
        Fields f(out, kApplicantsFile, record, list[k], {"date", "kind", "severity", "description"});
        Incident incident;
        auto date = f.date("date", Need::required);
        // After the deadline is allowed (the rules count up to the deadline); after
        // the notice it has not happened yet as far as the letters are concerned.
        if (date && facts.notice && *date > *facts.notice)
            f.problem("date", date->iso(), not_after_notice_text(*facts.notice));
        incident.date = date.value_or(Date{});
        incident.kind = f.one_of("kind", Need::required, incident_kinds(facts)).value_or("");
        incident.severity = f.one_of("severity", Need::required, severities(facts)).value_or("");
        incident.description = f.text("description", Need::optional, kDescriptionMaxChars).value_or("");
        f.report_unknown_fields();
        a.incidents.push_back(std::move(incident));
    }
}

const std::string kExpectWan =
    "以万元为单位、最多两位小数的金额：数字（如 1234.56、-35.2）或文字（如 \"1,234.56\"；用逗号时须每三位一组）";

// One figure of 近年财务数据, in 万元, as whole yuan. A JSON number is read from its
// JSON text, so 12.34 is 123400 元 exactly, never a binary fraction of it.
std::optional<long long> read_wan(const Fields& f, const std::string& field, bool may_be_negative) {
    const json* v = f.find(field);
    if (!v) return std::nullopt;
    std::optional<long long> yuan;
    if (v->is_string()) yuan = wan_text_to_yuan(trim(v->get_ref<const std::string&>()));
    else if (v->is_number()) yuan = wan_text_to_yuan(v->dump());
    if (!yuan) {
        f.problem(field, as_given(*v), may_be_negative ? kExpectWan : kExpectWan + "，不为负数");
        return std::nullopt;
    }
    if (!may_be_negative && *yuan < 0) {
        f.problem(field, as_given(*v), "不为负数的金额（只有利润总额 profit 可以为负数），单位万元，最多两位小数");
        return std::nullopt;
    }
    return yuan;
}

void read_financials(const json& list, const std::string& base, const std::string& suffix, const CaseFacts& facts,
                     Applicant& a, ProblemList& out) {
    std::map<int, std::string> seen;  // year -> record of its first entry
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string record = base + "/financials/" + std::to_string(k);
        if (!list[k].is_object()) {
            out.add(kApplicantsFile, record + suffix, "", as_given(list[k]),
                    "对象 {\"year\": 年度, \"revenue\": 营业收入, \"profit\": 利润总额, \"tax\": 纳税总额}（金额单位：万元）");
            continue;
        }
        Fields f(out, kApplicantsFile, record + suffix, list[k], {"year", "revenue", "profit", "tax"});
        YearFinancials y;
        auto year = f.integer("year", Need::required, 2000, facts.year.value_or(2100));
        y.revenue_yuan = read_wan(f, "revenue", false);
        y.profit_yuan = read_wan(f, "profit", true);  // 亏损 is a negative 利润总额
        y.tax_yuan = read_wan(f, "tax", false);
        // A year with no figure at all says nothing (a misspelt key is reported as unknown instead).
        bool anything_else = false;
        for (const auto& [key, value] : list[k].items()) anything_else = anything_else || (key != "year" && !value.is_null());
        if (year && !anything_else)
            f.problem("year", std::to_string(*year),
                      "有数据的年度：至少填写营业收入 revenue、利润总额 profit、纳税总额 tax 之一（该年度没有数据时删去这一条）");
        if (year) {
            auto [it, fresh] = seen.emplace(*year, record);
            if (!fresh)
                f.problem("year", std::to_string(*year),
                          "与 " + it->second + " 不同的年份（每个年度只能有一条财务数据）");
        }
        f.report_unknown_fields();
        y.year = year.value_or(0);
        a.financials.push_back(y);
    }
}

// a.award must have been read: whether a revocation needs its reason depends on the award applied for.
void read_prior_awards(const json& list, const std::string& base, const std::string& suffix,
                       const CaseFacts& facts, Applicant& a, ProblemList& out) {
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string record = base + "/prior_awards/" + std::to_string(k) + suffix;
        if (!list[k].is_object()) {
            out.add(kApplicantsFile, record, "", as_given(list[k]),
                    "对象 {\"award\": 奖项名称, \"awarded_on\": 获奖日期}");
            continue;
        }
        Fields f(out, kApplicantsFile, record, list[k], {"award", "awarded_on", "revoked_on", "revocation_reason"});
        PriorAward prior;
        if (auto name = f.text("award", Need::required)) {
            prior.award = *name;
            if (facts.policy && !facts.policy->find_award_by_name(*name))
                f.problem("award", as_given(*f.find("award")),
                          "政策包 " + facts.policy->id + " 中的奖项名称之一：" + award_names(*facts.policy, false));
        }
        auto awarded = f.date("awarded_on", Need::required);
        if (awarded && facts.deadline && *awarded > *facts.deadline)
            f.problem("awarded_on", awarded->iso(), "不晚于" + deadline_text(*facts.deadline) + " 的日期");
        auto revoked = f.date("revoked_on", Need::optional);
        if (awarded && revoked && *revoked < *awarded)
            f.problem("revoked_on", revoked->iso(), "不早于获奖日期 awarded_on（" + awarded->iso() + "）的日期");
        else if (revoked && facts.notice && *revoked > *facts.notice)
            f.problem("revoked_on", revoked->iso(), not_after_notice_text(*facts.notice));
        // 撤销原因 belongs to a revocation: a reason on an award not revoked is a slip
        // (a date left out, or the reason put on the wrong line).
        if (auto reason = f.one_of("revocation_reason", Need::optional, revocation_reasons(facts.policy))) {
            if (!f.find("revoked_on"))
                f.problem("revocation_reason", *reason,
                          "只在奖项被撤销时填写：同时写出撤销日期 revoked_on；未被撤销的奖项不写撤销原因");
            else
                prior.revocation_reason = *reason;
        } else if (revoked && !f.find("revocation_reason") && facts.policy) {
            // A ban that counts only some reasons would silently pass over a revocation
            // without one: a wrong acceptance. So the reason is then required.
            const auto bans = reason_filtered_bans(*facts.policy, a.award, prior.award);
            if (!bans.empty())
                f.problem("revocation_reason", "", reason_required_text(*facts.policy, bans, revocation_reasons(facts.policy)));
        }
        f.report_unknown_fields();
        prior.awarded_on = awarded.value_or(Date{});
        prior.revoked_on = revoked;
        a.prior_awards.push_back(std::move(prior));
    }
}

// A designation the pack does not recognise is refused rather than ignored: a
// misspelt "专精特新小巨人" would otherwise silently lose the shorter years (第九条).
void read_designations(const json& list, const Fields& f, const CaseFacts& facts, Applicant& a) {
    const std::vector<std::string>* known = facts.policy && !facts.policy->designations.empty()
                                                ? &facts.policy->designations : nullptr;
    for (std::size_t k = 0; k < list.size(); ++k) {
        const std::string field = "designations/" + std::to_string(k);
        if (!list[k].is_string() || trim(list[k].get<std::string>()).empty()) {
            f.problem(field, as_given(list[k]), kExpectText + "（如 \"专精特新小巨人\"）");
            continue;
        }
        const std::string d = trim(list[k].get<std::string>());
        if (auto why = text_expectation_problem(d, kShortTextMaxChars); !why.empty()) {
            f.problem(field, char_count(d) > kShortTextMaxChars ? excerpt(d, 60) : d, why);
            continue;
        }
        if (known && std::find(known->begin(), known->end(), d) == known->end()) {
            std::string names;
            for (const auto& n : *known) names += (names.empty() ? "" : "、") + n;
            f.problem(field, d, "政策包 " + facts.policy->id + " 认可的称号之一：" + names + "（写法须完全一致）");
            continue;
        }
        a.designations.push_back(d);
    }
}

// 企业规模 as the statistics bureau divides enterprises (统计上大中小微型企业划分办法).
const std::vector<std::string> kEnterpriseSizes = {"大型", "中型", "小型", "微型"};

// The optional facts some regulations ask about (中牟县, 通州区, 鹿城区, 本溪市).
void read_applicant_facts(const Fields& f, const std::string& base, const std::string& suffix, const CaseFacts& facts,
                          Applicant& a, ProblemList& out) {
    a.legal_form = f.text("legal_form", Need::optional).value_or("");
    a.tax_region = f.text("tax_region", Need::optional).value_or("");
    if (const json* rec = f.object("recommendation", Need::optional)) {
        Fields rf(out, kApplicantsFile, base + "/recommendation" + suffix, *rec, {"by", "level"});
        const std::string both = kExpectText + "（写推荐单位时，名称 by 和类别 level 都要写）";
        std::optional<std::string> by, level;
        if (rf.find("by")) by = rf.text("by", Need::required);
        else rf.problem("by", "", both);
        if (rf.find("level")) level = rf.text("level", Need::required);
        else rf.problem("level", "", both);
        rf.report_unknown_fields();
        if (by && level) a.recommendation = Recommendation{*by, *level};
    }
    a.environmental_credit = f.text("environmental_credit", Need::optional).value_or("");
    a.township = f.text("township", Need::optional).value_or("");
    a.size = f.one_of("size", Need::optional, kEnterpriseSizes).value_or("");
    auto since = f.date("excellence_model_since", Need::optional);
    if (since && facts.deadline && *since > *facts.deadline)
        f.problem("excellence_model_since", since->iso(), "不晚于" + deadline_text(*facts.deadline) + " 的日期");
    else
        a.excellence_model_since = since;
    a.has_chief_quality_officer = f.boolean("has_chief_quality_officer", Need::optional).value_or(false);
    a.quality_system_certified = f.boolean("quality_system_certified", Need::optional).value_or(false);
    a.internal_publicity_done = f.boolean("internal_publicity_done", Need::optional).value_or(false);
    if (const json* list = f.array("financials", Need::optional)) read_financials(*list, base, suffix, facts, a, out);
}

// 所属行业 decides whether a check applies when the pack scopes it by GB/T 4754 门类 (通州区
// 第十一条（六）: 工业企业 = 门类 B、C、D). For an award with such a check an industry that
// cannot be placed is refused here, not taken for "not industrial" (which would skip the check).
// Other packs print the industry as written, so free text stays allowed there.
void check_industry_placeable(const Fields& f, const CaseFacts& facts, const Applicant& a) {
    if (!facts.policy || a.industry.empty()) return;
    const AwardSpec* award = facts.policy->find_award_by_name(a.award);
    if (!award) return;
    const std::vector<const CheckSpec*> scoped = industry_scoped_checks(*facts.policy, *award);
    if (scoped.empty()) return;
    const IndustryResolution place = gbt4754().resolve(a.industry);
    if (place) return;
    const Policy& policy = *facts.policy;
    const std::string pack = policy.source.empty() ? policy.id : policy.source.filename().string();
    std::vector<std::string> why;
    for (const CheckSpec* c : scoped) {
        std::vector<std::string> sections;
        for (const auto& s : c->params["sections"])
            if (s.is_string()) sections.push_back(s.get<std::string>());
        why.push_back("检查 " + c->id + "（" + c->article + "）只适用于所属行业属门类 " + join(sections, "、") + " 的申报组织");
    }
    f.problem("industry", a.industry,
              industry_text_expected() + "（" + place.problem + "。政策包 " + pack + " 中" + join(why, "，") +
                  "：无法归入门类就无法判断是否适用，程序不会当作不适用）");
}

// Remembers names and credit codes already seen, to find an organisation entered twice.
struct SeenApplicants {
    std::map<std::string, std::string> by_code;  // credit code -> record
    std::map<std::string, std::string> by_name;  // name -> record
};

const std::vector<std::string> kApplicantFields = {
    "name",     "credit_code",    "award",            "region",           "address",
    "founded",  "industry",       "designations",     "licences_valid",   "policy_compliant",
    "self_evaluations", "incidents", "prior_awards",  "contact",
    "legal_form", "tax_region", "recommendation", "environmental_credit", "excellence_model_since",
    "has_chief_quality_officer", "quality_system_certified", "internal_publicity_done", "financials",
    "township", "size"};

Applicant read_applicant(const json& j, std::size_t index, const CaseFacts& facts, SeenApplicants& seen,
                         ProblemList& out) {
    const std::string base = "/applicants/" + std::to_string(index);
    Applicant a;
    a.source = kApplicantsFile + ": " + base;
    // The name goes into every record label, so read it before anything else.
    std::string suffix;
    if (auto it = j.find("name"); it != j.end() && it->is_string() && !trim(it->get<std::string>()).empty())
        suffix = record_suffix(it->get<std::string>());
    Fields f(out, kApplicantsFile, base + suffix, j, kApplicantFields);

    auto name = f.text("name", Need::required, kNameMaxChars);
    a.name = name.value_or("");
    auto code = f.exact_text("credit_code", Need::required);
    if (code) {
        a.credit_code = *code;
        if (auto why = credit_code_problem(*code); !why.empty())
            f.problem("credit_code", *code, "符合 GB 32100 的统一社会信用代码：" + why);
    }
    if (auto award = f.text("award", Need::required)) {
        a.award = *award;
        const AwardSpec* spec = facts.policy ? facts.policy->find_award_by_name(*award) : nullptr;
        if (facts.policy && (!spec || !spec->open_to_application))
            f.problem("award", as_given(*f.find("award")), open_awards_text(*facts.policy));
    }
    a.region = f.text("region", Need::required).value_or("");
    a.address = f.text("address", Need::required, kAddressMaxChars).value_or("");
    auto founded = f.date("founded", Need::required);
    if (founded && facts.deadline && *founded > *facts.deadline)
        f.problem("founded", founded->iso(), "不晚于" + deadline_text(*facts.deadline) + " 的日期");
    a.founded = founded.value_or(Date{});
    a.industry = f.text("industry", Need::required, kIndustryMaxChars).value_or("");
    check_industry_placeable(f, facts, a);
    if (const json* list = f.array("designations", Need::optional)) read_designations(*list, f, facts, a);
    a.licences_valid = f.boolean("licences_valid", Need::required).value_or(false);
    a.policy_compliant = f.boolean("policy_compliant", Need::required).value_or(false);
    if (const json* list = f.array("self_evaluations", Need::required))
        read_self_evaluations(*list, base, suffix, facts, a, out);
    if (const json* list = f.array("incidents", Need::required)) read_incidents(*list, base, suffix, facts, a, out);
    if (const json* list = f.array("prior_awards", Need::required))
        read_prior_awards(*list, base, suffix, facts, a, out);
    if (const json* contact = f.object("contact", Need::required)) {
        Fields cf(out, kApplicantsFile, base + "/contact" + suffix, *contact, {"name", "phone"});
        a.contact.name = cf.text("name", Need::required).value_or("");
        a.contact.phone = cf.text("phone", Need::required).value_or("");
        cf.report_unknown_fields();
    }
    read_applicant_facts(f, base, suffix, facts, a, out);
    f.report_unknown_fields();

    // One organisation entered twice is one mistake: report it once, on the later entry.
    const std::string record = base + suffix;
    if (code) {
        auto [it, fresh] = seen.by_code.emplace(*code, record);
        if (!fresh) {
            f.problem("credit_code", *code, "与 " + it->second + " 不同的统一社会信用代码（同一组织只能申报一次）");
            return a;
        }
    }
    if (name) {
        auto [it, fresh] = seen.by_name.emplace(*name, record);
        if (!fresh) f.problem("name", *name, "与 " + it->second + " 不同的单位名称（同一组织只能申报一次）");
    }
    return a;
}

void read_applicants_file(const json& j, const CaseFacts& facts, Case& c, ProblemList& out) {
    const std::string shape = "JSON 对象 {\"applicants\": [ … ]}（格式见 samples/README.md）";
    if (!j.is_object()) {
        out.add(kApplicantsFile, "", "", as_given(j), shape);
        return;
    }
    Fields f(out, kApplicantsFile, "", j, {"applicants"});
    const json* list = f.array("applicants", Need::required);
    f.report_unknown_fields();
    if (!list) return;
    if (list->empty()) {
        f.problem("applicants", "[]", "至少含一个申报组织的数组");
        return;
    }
    SeenApplicants seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        if (!item.is_object()) {
            out.add(kApplicantsFile, "/applicants/" + std::to_string(i), "", as_given(item),
                    "对象 { … }（一个申报组织）");
            continue;
        }
        c.applicants.push_back(read_applicant(item, i, facts, seen, out));
    }
}

// ---- cross-references to applicants.json ------------------------------------

// Applicants by credit code as written, also those with other problems, so one
// mistake there does not show up again in the files that refer to them.
std::map<std::string, const Applicant*> applicants_by_code(const Case& c) {
    std::map<std::string, const Applicant*> by_code;
    for (const auto& a : c.applicants)
        if (!a.credit_code.empty()) by_code.emplace(a.credit_code, &a);
    return by_code;
}

// "（单位名称）" of the applicant a record refers to by its "credit_code", or "".
std::string referred_suffix(const json& item, const std::map<std::string, const Applicant*>& by_code) {
    auto it = item.find("credit_code");
    if (it == item.end() || !it->is_string()) return "";
    auto named = by_code.find(it->get<std::string>());
    return named != by_code.end() && !named->second->name.empty() ? record_suffix(named->second->name) : "";
}

// ---- decisions.json --------------------------------------------------------

// Awards that take a decision of this kind in place of a requirement: those with a
// check whose params name it as "alternative_decision" (魏都区: 特批 for 区长质量奖,
// 第十条). Each with the article of that check.
struct DecisionUse {
    std::string award;
    std::string article;
};

std::vector<DecisionUse> awards_accepting(const Policy& policy, const std::string& kind) {
    std::vector<DecisionUse> uses;
    for (const auto& award : policy.awards) {
        for (const auto& id : award.checks) {
            const CheckSpec* check = policy.find_check(id);
            if (!check || !check->params.is_object()) continue;
            auto alternative = check->params.find("alternative_decision");
            if (alternative != check->params.end() && alternative->is_string() && *alternative == kind) {
                uses.push_back({award.name, check->article});
                break;
            }
        }
    }
    return uses;
}

// "申报区长质量奖的组织（第十条）", built from the pack.
std::string accepting_text(const Policy& policy, const std::vector<DecisionUse>& uses) {
    if (uses.empty()) return "政策包 " + policy.id + " 中没有任何奖项接受这种决定";
    std::vector<std::string> names;
    bool one_article = true;
    for (const auto& u : uses) one_article = one_article && u.article == uses.front().article;
    for (const auto& u : uses) names.push_back(one_article ? u.award : u.award + "（" + u.article + "）");
    return "仅适用于申报" + join(names) + "的组织" + (one_article ? "（" + uses.front().article + "）" : "");
}

// A decision counts only for an applicant whose award takes it instead of a
// requirement; anywhere else it would be printed on nothing, or mistaken for meaning.
void check_decision_applies(const Fields& df, const Decision& d, const Applicant& applicant, const Policy& policy) {
    const AwardSpec* award = policy.find_award_by_name(applicant.award);
    if (!award || !award->open_to_application) return;  // the award itself was reported
    const auto uses = awards_accepting(policy, d.kind);
    if (std::any_of(uses.begin(), uses.end(), [&](const DecisionUse& u) { return u.award == award->name; })) return;
    df.problem("kind", d.kind,
               "与该组织申报的奖项相符的决定：" + d.kind + " " + accepting_text(policy, uses) + "，而该组织申报的是" +
                   award->name);
}

// The kinds decided during the review (评委会审议, 拟奖名单公示), after the acceptance notice.
bool is_review_decision(const std::string& kind) { return kind == "tie_resolution" || kind == "objection_upheld"; }

// What a tie_resolution's "boundary" may name: a stage entered after the first (who
// goes on to it) or an award with a quota (who gets its places), as the pack says.
std::string boundary_expectation(const Policy& policy) {
    std::vector<std::string> stages, awards;
    for (std::size_t i = 1; i < policy.review.stages.size(); ++i)
        stages.push_back(policy.review.stages[i].id + "（" + policy.review.stages[i].name + "）");
    for (const auto& a : policy.awards)
        if (a.quota > 0) awards.push_back(a.name);
    std::string text = "政策包 " + policy.id + " 中";
    if (!stages.empty()) text += "第一个评审阶段之后的阶段编号（" + join(stages) + "）或";
    text += "有名额的奖项名称（" + join(awards) + "）";
    if (policy.review.stages.empty()) text += "（该政策包尚未规定评审阶段 review.stages）";
    return text + "：并列只发生在进入下一阶段的人数或奖项名额的边界上";
}

void read_tie_resolution(const Fields& df, const CaseFacts& facts, const Case& c, bool applicants_known,
                         Decision& d, std::map<std::string, std::string>& boundaries, const std::string& record) {
    if (auto boundary = df.exact_text("boundary", Need::required)) {
        d.boundary = *boundary;
        if (const Policy* p = facts.policy) {
            const auto& stages = p->review.stages;
            auto stage = std::find_if(stages.begin(), stages.end(), [&](const StageSpec& s) { return s.id == *boundary; });
            const AwardSpec* award = p->find_award_by_name(*boundary);
            const bool later_stage = stage != stages.end() && stage != stages.begin();
            if (!later_stage && !(award && award->quota > 0))
                df.problem("boundary", *boundary, boundary_expectation(*p));
        }
        auto [first, fresh] = boundaries.emplace(*boundary, record);
        if (!fresh)
            df.problem("boundary", *boundary,
                       "未与 " + first->second + " 重复的边界（同一处并列只记录一次评委会的决定，请删去多余的一条）");
    }
    const json* chosen = df.array("chosen", Need::required);
    if (!chosen) return;
    if (chosen->empty()) {
        df.problem("chosen", "[]", "至少含一个统一社会信用代码的数组：评委会在并列的组织中选定的组织");
        return;
    }
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < chosen->size(); ++i) {
        const std::string field = "chosen/" + std::to_string(i);
        const json& e = (*chosen)[i];
        if (!e.is_string() || trim(e.get<std::string>()).empty()) {
            df.problem(field, as_given(e), "统一社会信用代码（文字，用英文双引号括起来）");
            continue;
        }
        const std::string code = e.get<std::string>();
        if (applicants_known && !std::any_of(c.applicants.begin(), c.applicants.end(),
                                             [&](const Applicant& a) { return a.credit_code == code; }))
            df.problem(field, code, "本案 applicants.json 中某个申报组织的统一社会信用代码");
        else if (auto [first, fresh] = seen.emplace(code, i); !fresh)
            df.problem(field, code, "chosen 中不重复的代码（与 chosen/" + std::to_string(first->second) + " 相同）");
        d.chosen.push_back(code);
    }
}

// A special approval lets an applicant be accepted: taken before the acceptance
// notice, from the start of the year before (a decision may be made early).
void check_acceptance_decision_date(const Fields& df, const Date& date, const CaseFacts& facts) {
    const std::optional<Date> cycle_start =
        facts.year ? std::optional<Date>(Date(*facts.year - 1, 1, 1)) : std::nullopt;
    if (!((cycle_start && date < *cycle_start) || (facts.notice && date > *facts.notice))) return;
    std::string range = "本届评选期间的日期：";
    if (cycle_start) range += "不早于 " + cycle_start->iso() + "（年度 " + std::to_string(*facts.year) + " 的上一年年初）";
    if (cycle_start && facts.notice) range += "，";
    if (facts.notice) range += "不晚于受理名单公示成文日期 notice_date（" + facts.notice->iso() + "）";
    df.problem("date", date.iso(), range);
}

// The review's decisions come after the acceptance notice, in the cycle's year or
// the next; an objection is upheld during the publicity of the proposed winners.
void check_review_decision_date(const Fields& df, const Date& date, const Decision& d, const CaseFacts& facts,
                                const Case& c) {
    const bool wrong_year = facts.year && (date.year() < *facts.year || date.year() > *facts.year + 1);
    const bool too_early = facts.notice && date <= *facts.notice;
    if (wrong_year || too_early) {
        std::vector<std::string> parts;
        if (facts.notice) parts.push_back("晚于受理名单公示成文日期 notice_date（" + facts.notice->iso() + "）");
        if (facts.year) parts.push_back("在年度 year（" + std::to_string(*facts.year) + "）当年或下一年内");
        df.problem("date", date.iso(), join(parts, "、") + "的日期（评审阶段的决定在受理之后作出）");
        return;
    }
    const std::optional<Date> publicity = c.review.proposed ? c.review.proposed->publicity_start : std::nullopt;
    if (d.kind == "objection_upheld" && publicity && date < *publicity)
        df.problem("date", date.iso(),
                   "不早于拟奖名单公示开始日期（case.json /review/proposed 的 publicity_start，" + publicity->iso() +
                       "）的日期（异议在公示期间提出和认定）");
}

void read_decisions_file(const json& j, const CaseFacts& facts, Case& c, ProblemList& out) {
    const std::string shape = "JSON 对象 {\"decisions\": [ … ]}（格式见 samples/README.md）";
    if (!j.is_object()) {
        out.add(kDecisionsFile, "", "", as_given(j), shape);
        return;
    }
    Fields f(out, kDecisionsFile, "", j, {"decisions"});
    const json* list = f.array("decisions", Need::required);
    f.report_unknown_fields();
    if (!list) return;
    const bool applicants_known = applicant_codes_known(c);
    const std::map<std::string, const Applicant*> applicant_by_code = applicants_by_code(c);
    const auto& kinds = known_decision_kinds();
    std::map<std::pair<std::string, std::string>, std::string> seen;  // (kind, code) -> record
    std::map<std::string, std::string> boundaries;                     // tie_resolution boundary -> record
    for (std::size_t k = 0; k < list->size(); ++k) {
        const std::string base = "/decisions/" + std::to_string(k);
        const json& item = (*list)[k];
        if (!item.is_object()) {
            out.add(kDecisionsFile, base, "", as_given(item), "对象 {\"kind\": …, \"credit_code\": …, \"date\": …, \"basis\": …}");
            continue;
        }
        // The kind decides which fields the record has; with the kind unknown (reported),
        // the fields of every kind are let through.
        auto kind_it = item.find("kind");
        const std::string kind_given = kind_it != item.end() && kind_it->is_string() ? kind_it->get<std::string>() : "";
        // A tie names no one applicant: its record is not labelled with one.
        const std::string suffix = kind_given == "tie_resolution" ? "" : referred_suffix(item, applicant_by_code);
        const bool kind_known = std::find(kinds.begin(), kinds.end(), kind_given) != kinds.end();
        std::vector<std::string> allowed = {"kind", "credit_code", "date", "basis"};
        if (kind_given == "tie_resolution") allowed = {"kind", "boundary", "chosen", "date", "basis"};
        else if (!kind_known) allowed = {"kind", "credit_code", "boundary", "chosen", "date", "basis"};
        Fields df(out, kDecisionsFile, base + suffix, item, allowed);
        Decision d;
        d.source = kDecisionsFile + ": " + base;
        d.kind = df.one_of("kind", Need::required, kinds).value_or("");
        const Applicant* applicant = nullptr;
        std::optional<std::string> code;
        if (d.kind == "tie_resolution") {
            read_tie_resolution(df, facts, c, applicants_known, d, boundaries, base + suffix);
        } else {
            code = df.exact_text("credit_code", d.kind.empty() ? Need::optional : Need::required);
            if (code) {
                d.credit_code = *code;
                auto found = applicant_by_code.find(*code);
                if (found != applicant_by_code.end()) applicant = found->second;
                else if (applicants_known)
                    df.problem("credit_code", *code, "本案 applicants.json 中某个申报组织的统一社会信用代码");
            }
        }
        auto date = df.date("date", Need::required);
        if (date && d.kind == "special_approval") check_acceptance_decision_date(df, *date, facts);
        else if (date && is_review_decision(d.kind)) check_review_decision_date(df, *date, d, facts, c);
        d.date = date.value_or(Date{});
        d.basis = df.text("basis", Need::required).value_or("");
        df.report_unknown_fields();
        if (!d.kind.empty() && code) {
            auto [first, fresh] = seen.emplace(std::make_pair(d.kind, *code), base + suffix);
            if (!fresh)
                df.problem("credit_code", *code,
                           "未与 " + first->second + " 重复的决定（同一组织的 " + d.kind +
                               " 只能记录一条，请删去多余的一条）");
            else if (applicant && facts.policy && d.kind == "special_approval")
                check_decision_applies(df, d, *applicant, *facts.policy);
        }
        c.decisions.push_back(std::move(d));
    }
}

// ---- case.json: commendation ------------------------------------------------

// 表彰决定 (审定与表彰): read after applicants.json, whose organisations it names.
Commendation read_commendation(const json& j, const CaseFacts& facts, const Case& c, ProblemList& out) {
    Fields f(out, kCaseFile, "/commendation", j, {"date", "issuer", "document_number", "granted"});
    Commendation cm;
    auto date = f.date("date", Need::required);
    // The government decides after the acceptance notice (and the reviews and the
    // publicity of the proposed winners that follow it), within the cycle's year or,
    // for a cycle that ends late, early in the next.
    if (date && facts.year && (date->year() < *facts.year || date->year() > *facts.year + 1))
        f.problem("date", date->iso(), "年度 year（" + std::to_string(*facts.year) + "）当年或下一年内的日期");
    else if (date && facts.notice && *date <= *facts.notice)
        f.problem("date", date->iso(),
                  "晚于受理名单公示成文日期 notice_date（" + facts.notice->iso() +
                      "）的日期（表彰决定在受理、评审和拟奖名单公示之后作出）");
    cm.date = date.value_or(Date{});
    cm.issuer = f.text("issuer", Need::required).value_or("");
    auto number = f.text("document_number", Need::optional);
    if (number) check_document_number(f, *number, facts.year, date, "表彰决定日期 date", "魏政〔2026〕41号");
    cm.document_number = number.value_or("");
    // Without "granted" the commendation confers the review's result (获奖名单); with it,
    // the office lists the awards itself (a cycle whose scores the program has not seen).
    const json* list = f.array("granted", Need::optional);
    f.report_unknown_fields();
    if (!list) return cm;
    if (list->empty()) {
        f.problem("granted", "[]", "至少含一项表彰的数组（按评审结果表彰时不写 granted；尚未表彰时不写 commendation）");
        return cm;
    }

    const bool applicants_known = applicant_codes_known(c);
    const std::map<std::string, const Applicant*> applicant_by_code = applicants_by_code(c);
    std::map<std::string, std::string> seen;  // credit code -> record of its grant
    for (std::size_t k = 0; k < list->size(); ++k) {
        const std::string base = "/commendation/granted/" + std::to_string(k);
        const json& item = (*list)[k];
        if (!item.is_object()) {
            out.add(kCaseFile, base, "", as_given(item), "对象 {\"credit_code\": 统一社会信用代码, \"award\": 奖项名称}");
            continue;
        }
        const std::string suffix = referred_suffix(item, applicant_by_code);
        Fields gf(out, kCaseFile, base + suffix, item, {"credit_code", "award"});
        Grant grant;
        grant.source = kCaseFile + ": " + base;
        auto code = gf.exact_text("credit_code", Need::required);
        if (code) {
            grant.credit_code = *code;
            if (applicants_known && !applicant_by_code.count(*code))
                gf.problem("credit_code", *code, "本案 applicants.json 中某个申报组织的统一社会信用代码");
        }
        if (auto name = gf.text("award", Need::required)) {
            grant.award = *name;
            if (facts.policy && !facts.policy->find_award_by_name(*name))
                gf.problem("award", as_given(*gf.find("award")),
                           "政策包 " + facts.policy->id + " 中的奖项名称之一：" + award_names(*facts.policy, false));
        }
        gf.report_unknown_fields();
        if (code) {
            auto [first, fresh] = seen.emplace(*code, base + suffix);
            if (!fresh)
                gf.problem("credit_code", *code,
                           "未与 " + first->second + " 重复的表彰（同一组织每届只能获得一个奖项，请删去多余的一条）");
        }
        cm.grants.push_back(std::move(grant));
    }
    return cm;
}

}  // namespace

Case read_case(const fs::path& case_dir, const PolicyCatalog& policies) {
    std::error_code ec;
    if (!fs::is_directory(case_dir, ec))
        throw InputError({Problem{case_dir.string(), "", "", "", "存在的案卷文件夹（内含 case.json 和 applicants.json）"}});

    ProblemList out;
    Case c;
    c.id = folder_name(case_dir);
    c.folder = case_dir;

    auto case_json = load_json_file(case_dir, kCaseFile, Need::required, out);
    // The list of applicants: applicants.json, or the office's workbook applicants.xlsx.
    std::optional<json> applicants_json;
    std::optional<ApplicantsSheet> applicants_sheet;
    if (fs::exists(case_dir / kApplicantsXlsxFile, ec) && fs::exists(case_dir / kApplicantsFile, ec))
        out.add(kApplicantsXlsxFile, "", "", kApplicantsFile + " 和 " + kApplicantsXlsxFile,
                "只保留其中一个（两者都是申报组织名单，程序不会替你选择；请删去或移走不用的那个）");
    else if (fs::exists(case_dir / kApplicantsXlsxFile, ec))
        applicants_sheet = load_applicants_xlsx(case_dir, out);
    else
        applicants_json = load_json_file(case_dir, kApplicantsFile, Need::required, out);
    auto decisions_json = load_json_file(case_dir, kDecisionsFile, Need::optional, out);

    CaseFacts facts;
    if (case_json) facts = read_case_file(*case_json, policies, c, out);
    if (applicants_json) read_applicants_file(*applicants_json, facts, c, out);
    if (applicants_sheet) {  // checked as applicants.json, told in the workbook's rows and columns
        ProblemList found;
        read_applicants_file(applicants_sheet->doc, facts, c, found);
        translate_applicant_problems(found, *applicants_sheet, out);
        for (std::size_t k = 0; k < c.applicants.size(); ++k)
            c.applicants[k].source = applicant_xlsx_source(*applicants_sheet, k);
    }
    if (decisions_json) read_decisions_file(*decisions_json, facts, c, out);
    // reviewers.json and scores/: they name applicants and the pack's stages.
    read_review_inputs(case_dir, facts.policy, c, out);
    // Last: it names applicants, and its records name them.
    if (facts.commendation) c.commendation = read_commendation(*facts.commendation, facts, c, out);

    if (!out.items.empty()) throw InputError(std::move(out.items));
    return c;
}

}  // namespace award
