// The registry's JSON format (samples/README.md, 获奖登记库): import with every problem
// listed, export of everything but the history.
#include <algorithm>
#include <map>
#include <set>

#include "ingest/credit_code.hpp"
#include "ingest/json_fields.hpp"
#include "ingest/known_values.hpp"
#include "ingest/text_rules.hpp"
#include "model/errors.hpp"
#include "model/text.hpp"
#include "registry/registry.hpp"
#include "registry/registry_internal.hpp"

namespace award {

namespace fs = std::filesystem;
using namespace ingest;

namespace {

const std::string kFormat = "award-registry/1";
constexpr int kMinYear = 1990, kMaxYear = 2100;
constexpr int kMaxYuan = 100000000;  // 1亿元: far above any prize
constexpr std::size_t kReasonsMaxChars = 2000;
const std::string kExpectHash = "SHA-256 摘要：64 位十六进制数字，字母小写（如 manifest.json 中的 sha256）";

// ---- reading ---------------------------------------------------------------------

struct ReportIn {
    ReportRecord r;
    std::optional<ReportDetails> details;  // award reports: filled_by, phone, filled_on, figures
};
struct ObligationIn {
    ObligationRecord o;
    std::vector<ReportIn> reports;
};
struct CertificateIn {
    std::string number, content_hash;
    std::optional<Date> issued_on;
    std::string record;
};
struct AwardIn {
    AwardRecord a;
    std::optional<CertificateIn> certificate;
    std::optional<RevocationRecord> revocation;
    std::vector<ObligationIn> obligations;
    std::string record;
};
struct CycleIn {
    CycleRecord c;
    std::vector<ApplicationRecord> applications;
    std::vector<std::string> application_records;
    std::vector<AwardIn> awards;
    std::string record;
};
struct HigherIn {
    HigherAwardRecord h;
    std::optional<TopUpRecord> top_up;  // 追加激励资金 a cycle of the program paid
    std::string record;
};

std::string name_suffix(const json& item) {
    if (!item.is_object()) return "";
    auto it = item.find("name");
    if (it == item.end() || !it->is_string() || trim(it->get<std::string>()).empty()) return "";
    return "（" + excerpt(trim(it->get<std::string>()), kNameMaxChars) + "）";
}

std::string known_pack_ids(const PolicyCatalog& packs) {
    std::vector<std::string> ids;
    for (const auto& [id, policy] : packs) ids.push_back(id);
    if (ids.empty()) return "已知的政策包编号（templates/policies/ 中还没有任何政策包）";
    return "已知的政策包编号之一：" + join(ids) + "（见 templates/policies/）";
}

std::string award_names(const Policy& p) {
    std::vector<std::string> names;
    for (const auto& a : p.awards) names.push_back(a.name);
    return "政策包 " + p.id + " 中的奖项名称之一：" + join(names) + "（须一字不差）";
}

std::string certificate_taken(const CertificateRecord& taken) {
    return "不重复的证书编号：登记库中该编号已颁发给 " + taken.name + "（" + taken.credit_code + "，" + taken.pack + " " +
           std::to_string(taken.year) + "年度" + taken.award + "）；证书编号不得重复使用";
}

bool is_sha256(const std::string& s) {
    return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

class Reader {
public:
    Reader(std::string file, const PolicyCatalog& packs, ProblemList& out)
        : file_(std::move(file)), packs_(packs), out_(out) {}

    void read(const json& doc, std::vector<CycleIn>& cycles, std::vector<HigherIn>& higher) {
        if (!doc.is_object()) {
            out_.add(file_, "", "", as_given(doc), "对象 {\"cycles\": [ … ], \"higher_awards\": [ … ]}");
            return;
        }
        Fields f(out_, file_, "", doc, {"format", "cycles", "higher_awards"});
        f.one_of("format", Need::optional, {kFormat});
        if (const json* list = f.array("cycles", Need::required))
            for (std::size_t i = 0; i < list->size(); ++i) read_cycle((*list)[i], "/cycles/" + std::to_string(i), cycles);
        if (const json* list = f.array("higher_awards", Need::optional))
            for (std::size_t i = 0; i < list->size(); ++i)
                read_higher((*list)[i], "/higher_awards/" + std::to_string(i), higher);
        f.report_unknown_fields();
    }

private:
    bool is_object(const json& item, const std::string& record, const std::string& shape) {
        if (item.is_object()) return true;
        out_.add(file_, record, "", as_given(item), "对象 " + shape);
        return false;
    }

    const Policy* pack(const Fields& f) {
        auto id = f.text("pack", Need::required);
        if (!id) return nullptr;
        auto it = packs_.find(*id);
        if (it != packs_.end()) return &it->second;
        f.problem("pack", *id, known_pack_ids(packs_));
        return nullptr;
    }

    std::optional<std::string> credit_code(const Fields& f) {
        auto code = f.exact_text("credit_code", Need::required);
        if (!code) return std::nullopt;
        if (auto why = credit_code_problem(*code); !why.empty()) {
            f.problem("credit_code", *code, "符合 GB 32100 的统一社会信用代码：" + why);
            return std::nullopt;
        }
        return code;
    }

    std::optional<std::string> award_name(const Fields& f, const Policy* p) {
        auto name = f.text("award", Need::required);
        if (name && p && !p->find_award_by_name(*name)) {
            f.problem("award", *name, award_names(*p));
            return std::nullopt;
        }
        return name;
    }

    std::string hash(const Fields& f) {
        auto h = f.exact_text("content_hash", Need::optional);
        if (h && !is_sha256(*h)) {
            f.problem("content_hash", *h, kExpectHash);
            return "";
        }
        return h.value_or("");
    }

    void read_cycle(const json& item, const std::string& base, std::vector<CycleIn>& cycles) {
        if (!is_object(item, base, "{\"pack\": 政策包编号, \"year\": 年度, …}")) return;
        std::string suffix;
        if (auto p = item.find("pack"), y = item.find("year");
            p != item.end() && p->is_string() && y != item.end() && y->is_number_integer())
            suffix = "（" + p->get<std::string>() + " " + std::to_string(y->get<long long>()) + "年度）";
        CycleIn in;
        in.record = base + suffix;
        Fields f(out_, file_, in.record, item, {"pack", "year", "case_id", "run_on", "content_hash", "applications", "awards"});
        const Policy* p = pack(f);
        auto year = f.integer("year", Need::required, kMinYear, kMaxYear);
        in.c.pack = p ? p->id : "";
        in.c.year = year.value_or(0);
        in.c.case_id = f.text("case_id", Need::optional).value_or("");
        in.c.run_on = f.date("run_on", Need::optional);
        in.c.content_hash = hash(f);
        if (p && year) {
            const std::string key = p->id + " " + std::to_string(*year);
            if (auto [first, fresh] = cycle_seen_.emplace(key, in.record); !fresh)
                f.problem("year", std::to_string(*year),
                          "每个政策包每个年度只写一条评选记录（" + key + "年度已写在 " + first->second + "）；把这一届的申报和获奖并入那一条");
        }
        if (const json* list = f.array("applications", Need::optional)) {
            std::set<std::string> codes;
            for (std::size_t k = 0; k < list->size(); ++k)
                read_application((*list)[k], base + "/applications/" + std::to_string(k), p, in, codes);
        }
        if (const json* list = f.array("awards", Need::optional)) {
            std::set<std::pair<std::string, std::string>> keys;
            for (std::size_t k = 0; k < list->size(); ++k)
                read_award((*list)[k], base + "/awards/" + std::to_string(k), p, year, in, keys);
        }
        f.report_unknown_fields();
        cycles.push_back(std::move(in));
    }

    void read_application(const json& item, const std::string& base, const Policy* p, CycleIn& cycle,
                          std::set<std::string>& codes) {
        if (!is_object(item, base, "{\"credit_code\": …, \"name\": …, \"award\": …, \"outcome\": …}")) return;
        const std::string record = base + name_suffix(item);
        Fields f(out_, file_, record, item,
                 {"credit_code", "name", "award", "outcome", "reasons", "articles", "industry", "township", "size",
                  "stage_reached", "category_scores"});
        ApplicationRecord a;
        a.pack = cycle.c.pack;
        a.year = cycle.c.year;
        auto code = credit_code(f);
        if (code && !codes.insert(*code).second)
            f.problem("credit_code", *code, "同一届中每个组织只有一条申报记录（该代码在本届已出现过）");
        a.credit_code = code.value_or("");
        a.name = f.text("name", Need::required, kNameMaxChars).value_or("");
        a.award = award_name(f, p).value_or("");
        a.outcome = f.one_of("outcome", Need::required, application_outcomes()).value_or("");
        a.reasons = f.lines("reasons", Need::optional, kReasonsMaxChars).value_or("");  // one reason per line, as runs record them
        a.articles = f.text("articles", Need::optional).value_or("");
        // For the yearly statistics (all optional; paper records seldom have them).
        a.industry = f.text("industry", Need::optional).value_or("");
        a.township = f.text("township", Need::optional).value_or("");
        a.size = f.one_of("size", Need::optional, {"大型", "中型", "小型", "微型"}).value_or("");
        std::vector<std::string> stages;
        if (p)
            for (const auto& st : p->review.stages) stages.push_back(st.id);
        a.stage_reached = f.one_of("stage_reached", Need::optional, stages).value_or("");
        if (const json* list = f.array("category_scores", Need::optional))
            a.category_percents = read_category_scores(*list, record, p, stages);
        f.report_unknown_fields();
        cycle.applications.push_back(std::move(a));
        cycle.application_records.push_back(record);
    }

    // 类目得分率: [{"stage": "material", "category": "4.1", "name": "领导", "percent": 81.25}, …]
    std::vector<CategoryPercent> read_category_scores(const json& list, const std::string& record, const Policy* p,
                                                      const std::vector<std::string>& stages) {
        std::vector<CategoryPercent> out;
        std::set<std::pair<std::string, std::string>> seen;
        std::vector<std::string> categories;
        if (p)
            for (const auto& c : p->score_sheet.categories) categories.push_back(c.id);
        for (std::size_t k = 0; k < list.size(); ++k) {
            const std::string rec = record + "/category_scores/" + std::to_string(k);
            if (!is_object(list[k], rec, "{\"stage\": 评审阶段, \"category\": 类目编号, \"name\": 类目名称, \"percent\": 得分率}"))
                continue;
            Fields cf(out_, file_, rec, list[k], {"stage", "category", "name", "percent"});
            auto stage = cf.one_of("stage", Need::required, stages);
            auto category = cf.one_of("category", Need::required, categories);
            auto name = cf.text("name", Need::required);
            if (p && category && name)
                for (const auto& c : p->score_sheet.categories)
                    if (c.id == *category && c.name != *name)
                        cf.problem("name", *name, "政策包中类目 " + c.id + " 的名称“" + c.name + "”");
            long long percent = -1;  // hundredths of a percent; -1 until read
            const std::string expected = "0 至 100 之间、最多两位小数的数（得分率，百分数，不带 %）";
            if (const json* v = cf.find("percent")) {
                const auto h = v->is_number() ? decimal_text_to_hundredths(v->dump()) : std::nullopt;
                if (h && *h >= 0 && *h <= 10000) percent = *h;
                else cf.problem("percent", as_given(*v), expected);
            } else {
                cf.problem("percent", "", expected);
            }
            if (stage && category && !seen.insert({*stage, *category}).second)
                cf.problem("category", *category, "每个评审阶段的每个类目只写一次（" + *stage + " " + *category + " 已写过）");
            cf.report_unknown_fields();
            if (stage && category && name && percent >= 0) out.push_back({*stage, *category, *name, int(percent)});
        }
        return out;
    }

    void read_award(const json& item, const std::string& base, const Policy* p, std::optional<int> year, CycleIn& cycle,
                    std::set<std::pair<std::string, std::string>>& keys) {
        if (!is_object(item, base, "{\"credit_code\": …, \"name\": …, \"award\": …, \"awarded_on\": …, \"prize_yuan\": …}"))
            return;
        AwardIn in;
        in.record = base + name_suffix(item);
        Fields f(out_, file_, in.record, item,
                 {"credit_code", "name", "award", "awarded_on", "repeat", "prize_yuan", "certificate", "revocation",
                  "obligations"});
        AwardRecord& a = in.a;
        a.pack = cycle.c.pack;
        a.year = cycle.c.year;
        auto code = credit_code(f);
        a.name = f.text("name", Need::required, kNameMaxChars).value_or("");
        auto award = award_name(f, p);
        if (code && award && !keys.insert({*code, *award}).second)
            f.problem("award", *award, "同一届中同一组织的同一奖项只写一条（该组织的" + *award + "在本届已出现过）");
        a.credit_code = code.value_or("");
        a.award = award.value_or("");
        auto awarded = f.date("awarded_on", Need::required);
        if (awarded && year && (awarded->year() < *year || awarded->year() > *year + 1))
            f.problem("awarded_on", awarded->iso(),
                      "年度 year（" + std::to_string(*year) + "）当年或下一年的日期（表彰决定的日期）");
        a.awarded_on = awarded.value_or(Date{});
        a.repeat = f.boolean("repeat", Need::optional).value_or(false);
        a.prize_yuan = f.integer("prize_yuan", Need::required, 0, kMaxYuan).value_or(0);

        if (const json* c = f.object("certificate", Need::optional)) {
            CertificateIn t;
            t.record = in.record + "/certificate";
            Fields cf(out_, file_, t.record, *c, {"number", "issued_on", "content_hash"});
            t.number = cf.exact_text("number", Need::required).value_or("");
            t.issued_on = cf.date("issued_on", Need::optional);
            if (awarded && t.issued_on && *t.issued_on < *awarded)
                cf.problem("issued_on", t.issued_on->iso(), "不早于获奖日期 awarded_on（" + awarded->iso() + "）的日期");
            t.content_hash = hash(cf);
            if (!t.number.empty()) {
                if (auto [first, fresh] = numbers_seen_.emplace(t.number, t.record); !fresh)
                    cf.problem("number", t.number, "不重复的证书编号（已用于 " + first->second + "）；证书编号不得重复使用");
            }
            cf.report_unknown_fields();
            in.certificate = std::move(t);
        }
        if (const json* r = f.object("revocation", Need::optional)) {
            Fields rf(out_, file_, in.record + "/revocation", *r, {"revoked_on", "article", "reason", "ban_years"});
            RevocationRecord rev;
            auto on = rf.date("revoked_on", Need::required);
            if (awarded && on && *on < *awarded)
                rf.problem("revoked_on", on->iso(), "不早于获奖日期 awarded_on（" + awarded->iso() + "）的日期");
            rev.revoked_on = on.value_or(Date{});
            rev.article = rf.text("article", Need::required).value_or("");
            rev.reason = rf.one_of("reason", Need::optional, revocation_reasons(p)).value_or("");
            rev.ban_years = rf.integer("ban_years", Need::optional, 0, 100);
            rf.report_unknown_fields();
            in.revocation = rev;
        }
        if (const json* list = f.array("obligations", Need::optional)) {
            std::set<std::string> ids;
            for (std::size_t k = 0; k < list->size(); ++k)
                read_obligation((*list)[k], in.record + "/obligations/" + std::to_string(k), p, year, in, ids);
        }
        f.report_unknown_fields();
        cycle.awards.push_back(std::move(in));
    }

    void read_obligation(const json& item, const std::string& record, const Policy* p, std::optional<int> year,
                         AwardIn& award, std::set<std::string>& ids) {
        if (!is_object(item, record, "{\"id\": …, \"article\": …, \"first_year\": …, \"years\": …}")) return;
        Fields f(out_, file_, record, item, {"id", "article", "first_year", "years", "due", "reports"});
        ObligationIn in;
        auto id = f.text("id", Need::required);
        if (id && p && !p->obligations.empty() &&
            std::none_of(p->obligations.begin(), p->obligations.end(), [&](const Obligation& o) { return o.id == *id; })) {
            std::vector<std::string> known;
            for (const auto& o : p->obligations) known.push_back(o.id + "（" + o.article + "）");
            f.problem("id", *id, "政策包 " + p->id + " 中的义务编号之一：" + join(known));
        } else if (id && !ids.insert(*id).second) {
            f.problem("id", *id, "同一奖项的同一义务只写一条");
        }
        in.o.obligation = id.value_or("");
        in.o.article = f.text("article", Need::required).value_or("");
        auto first = f.integer("first_year", Need::required, year.value_or(kMinYear), kMaxYear);
        in.o.first_year = first.value_or(0);
        auto years = f.integer("years", Need::required, 0, 50);
        in.o.years = years.value_or(0);
        if (auto due = f.exact_text("due", Need::optional)) {
            // MM-DD of a real day (29 February allowed: 2000 was a leap year).
            if (due->size() != 5 || !Date::parse("2000-" + *due))
                f.problem("due", *due, "每年的截止月日，格式 MM-DD（如 03-31）");
            else
                in.o.due = *due;
        }
        if (const json* list = f.array("reports", Need::optional)) {
            std::set<int> seen;
            for (std::size_t k = 0; k < list->size(); ++k) {
                const std::string rec = record + "/reports/" + std::to_string(k);
                if (!is_object((*list)[k], rec, "{\"year\": 报告年度, \"received_on\": 收到日期}")) continue;
                Fields rf(out_, file_, rec, (*list)[k],
                          {"year", "received_on", "content_hash", "filled_by", "phone", "filled_on", "figures"});
                ReportIn r;
                int low = first.value_or(kMinYear);
                int high = first && years && *years > 0 ? *first + *years - 1 : kMaxYear;
                auto y = rf.integer("year", Need::required, low, high);
                if (y && !seen.insert(*y).second) rf.problem("year", std::to_string(*y), "同一义务每个年度只有一条报告记录");
                r.r.year = y.value_or(0);
                r.r.received_on = rf.date("received_on", Need::required).value_or(Date{});
                r.r.content_hash = hash(rf);
                r.details = read_report_details(rf, rec, p, id.value_or(""));
                rf.report_unknown_fields();
                in.reports.push_back(std::move(r));
            }
        }
        f.report_unknown_fields();
        award.obligations.push_back(std::move(in));
    }

    // award reports: who filled the report and its figures, when given.
    std::optional<ReportDetails> read_report_details(const Fields& rf, const std::string& record, const Policy* p,
                                                     const std::string& obligation) {
        if (!rf.find("filled_by") && !rf.find("phone") && !rf.find("filled_on") && !rf.find("figures")) return std::nullopt;
        ReportDetails d;
        d.filled_by = rf.text("filled_by", Need::optional, kReportFilerMaxChars).value_or("");
        d.phone = rf.text("phone", Need::optional, kReportFilerMaxChars).value_or("");
        d.filled_on = rf.date("filled_on", Need::optional);
        const json* list = rf.array("figures", Need::optional);
        if (!list) return d;
        const ReportForm* form = nullptr;
        if (p)
            for (const auto& o : p->obligations)
                if (o.id == obligation && o.report_form) form = &*o.report_form;
        if (!form) {
            if (p)
                rf.problem("figures", as_given(*list),
                           "只有政策包中设有报送表（report_form）的义务才有报送数据；政策包 " + p->id + " 的义务 " + obligation +
                               " 没有报送表");
            return d;
        }
        std::vector<std::string> ids;
        for (const auto& ind : form->indicators) ids.push_back(ind.id);
        std::set<std::pair<std::string, int>> seen;
        for (std::size_t m = 0; m < list->size(); ++m) {
            const std::string frec = record + "/figures/" + std::to_string(m);
            if (!is_object((*list)[m], frec, "{\"indicator\": 指标编号, \"year\": 年份, \"value\": 数值}")) continue;
            Fields ff(out_, file_, frec, (*list)[m], {"indicator", "year", "value"});
            auto indicator = ff.one_of("indicator", Need::required, ids);
            auto year = ff.integer("year", Need::required, kMinYear, kMaxYear);
            const ReportIndicator* ind = nullptr;
            for (const auto& i : form->indicators)
                if (indicator && i.id == *indicator) ind = &i;
            std::optional<long long> value;
            if (const json* v = ff.find("value")) {
                std::optional<long long> h;
                if (v->is_number()) h = decimal_text_to_hundredths(v->dump());
                else if (v->is_string()) h = decimal_text_to_hundredths(trim(v->get<std::string>()));
                if (ind && (!h || !report_value_fits(*ind, *h)))
                    ff.problem("value", as_given(*v), ind->name + "：" + report_value_expectation(*ind));
                else
                    value = h;
            } else {
                ff.problem("value", "", ind ? ind->name + "：" + report_value_expectation(*ind) : "数值");
            }
            if (indicator && year && !seen.insert({*indicator, *year}).second)
                ff.problem("year", std::to_string(*year), "同一报告中每个指标每年只有一个数值（" + *indicator + " 已写过这一年）");
            ff.report_unknown_fields();
            if (indicator && year && value) d.figures.push_back({*indicator, *year, *value});
        }
        return d;
    }

    void read_higher(const json& item, const std::string& base, std::vector<HigherIn>& higher) {
        if (!is_object(item, base, "{\"pack\": …, \"credit_code\": …, \"name\": …, \"award\": …, \"awarded_on\": …}")) return;
        HigherIn in;
        in.record = base + name_suffix(item);
        Fields f(out_, file_, in.record, item,
                 {"pack", "credit_code", "name", "award", "awarded_on", "bonus_yuan", "article", "top_up"});
        const Policy* p = pack(f);
        in.h.pack = p ? p->id : "";
        in.h.credit_code = credit_code(f).value_or("");
        in.h.name = f.text("name", Need::required, kNameMaxChars).value_or("");
        in.h.award = f.text("award", Need::required).value_or("");
        auto on = f.date("awarded_on", Need::required);
        in.h.awarded_on = on.value_or(Date{});
        if (auto bonus = f.integer("bonus_yuan", Need::optional, 0, kMaxYuan)) in.h.bonus_yuan = *bonus;
        in.h.article = f.text("article", Need::optional).value_or("");
        if (const json* t = f.object("top_up", Need::optional)) {
            Fields tf(out_, file_, in.record + "/top_up", *t, {"year", "held_award", "prize_yuan", "article"});
            TopUpRecord top;
            auto year = tf.integer("year", Need::required, 1990, 2100);
            if (year && on && *year < on->year())
                tf.problem("year", std::to_string(*year), "不早于获奖日期 awarded_on（" + on->iso() + "）所在年度的评选年度");
            top.year = int(year.value_or(0));
            top.held_award = tf.text("held_award", Need::required).value_or("");
            if (p && !top.held_award.empty() && !p->find_award_by_name(top.held_award))
                tf.problem("held_award", top.held_award, "政策包 " + p->id + " 中的奖项名称");
            top.prize_yuan = tf.integer("prize_yuan", Need::required, 0, kMaxYuan).value_or(0);
            top.article = tf.text("article", Need::required).value_or("");
            if (in.h.bonus_yuan)
                f.problem("top_up", std::to_string(top.year) + "年度 " + std::to_string(top.prize_yuan) + " 元",
                          "不与 bonus_yuan 同时写（bonus_yuan 是登记前已发放的追加激励资金，top_up 是程序某届发放的）");
            tf.report_unknown_fields();
            in.top_up = top;
        }
        if (p && !in.h.credit_code.empty() && !in.h.award.empty() && on) {
            const std::string key = p->id + "|" + in.h.credit_code + "|" + in.h.award + "|" + on->iso();
            if (auto [first, fresh] = higher_seen_.emplace(key, in.record); !fresh)
                f.problem("award", in.h.award, "同一组织同一日期的同一奖项只写一条（已写在 " + first->second + "）");
        }
        f.report_unknown_fields();
        higher.push_back(std::move(in));
    }

    std::string file_;
    const PolicyCatalog& packs_;
    ProblemList& out_;
    std::map<std::string, std::string> cycle_seen_, numbers_seen_, higher_seen_;  // key -> record first seen
};

}  // namespace

ImportSummary Registry::import_json(const fs::path& file, const PolicyCatalog& packs) {
    const std::string label = file.string();
    ProblemList out;
    std::error_code ec;
    if (!fs::exists(file, ec)) throw InputError({{label, "", "", "", "存在的 JSON 文件（检查路径和文件名）"}});
    auto doc = load_json_file("", label, Need::required, out);
    if (!doc) throw InputError(out.items);
    return import_document(*doc, label, packs, [](std::vector<Problem> found) { return found; });
}

ImportSummary Registry::import_document(const json& doc, const std::string& label, const PolicyCatalog& packs,
                                        const ProblemsHook& finish) {
    ProblemList out;
    std::vector<CycleIn> cycles;
    std::vector<HigherIn> higher;
    Reader(label, packs, out).read(doc, cycles, higher);
    // A certificate number already issued to another award is listed with the other
    // problems (the writing below checks again, inside the transaction).
    for (const auto& c : cycles)
        for (const auto& a : c.awards) {
            if (!a.certificate || a.certificate->number.empty() || a.a.pack.empty() || a.a.credit_code.empty() ||
                a.a.award.empty())
                continue;
            const auto taken = find_certificate(a.certificate->number);
            if (taken && (taken->pack != a.a.pack || taken->year != a.a.year || taken->credit_code != a.a.credit_code ||
                          taken->award != a.a.award))
                out.add(label, a.certificate->record, "number", a.certificate->number, certificate_taken(*taken));
        }
    if (auto found = finish(std::move(out.items)); !found.empty()) throw InputError(std::move(found));
    out.items.clear();

    ImportSummary summary;
    auto tally = [&](const Recorded& r, const std::string& record) {
        if (r.change == Change::Added) ++summary.added;
        if (r.change == Change::Unchanged) ++summary.unchanged;
        if (r.change == Change::Changed) {
            ++summary.changed;
            summary.changed_records.push_back(record);
        }
        return r.id;
    };
    auto t = transaction();
    for (const auto& c : cycles) {
        tally(record_cycle(c.c), c.record);
        for (std::size_t k = 0; k < c.applications.size(); ++k)
            tally(record_application(c.applications[k]), c.application_records[k]);
        for (const auto& a : c.awards) {
            const long long award_id = tally(record_award(a.a), a.record);
            if (a.certificate) {
                const CertificateIn& cert = *a.certificate;
                const auto taken = find_certificate(cert.number);
                const auto held = certificate_of(award_id);
                if (taken && taken->award_id != award_id) {
                    out.add(label, cert.record, "number", cert.number, certificate_taken(*taken));
                } else if (held && held->number != cert.number) {
                    out.add(label, cert.record, "number", cert.number,
                            "登记库中该奖项的证书编号 " + held->number + "（证书编号颁发后不得更改）");
                } else if (held && !held->content_hash.empty() && !cert.content_hash.empty() &&
                           held->content_hash != cert.content_hash) {
                    out.add(label, cert.record, "content_hash", cert.content_hash,
                            "登记库中该证书颁发时的摘要 " + held->content_hash + "（颁发后不得更改）");
                } else {
                    tally(issue_certificate(award_id, cert.number, cert.issued_on, cert.content_hash), cert.record);
                }
            }
            if (a.revocation) tally(record_revocation(award_id, *a.revocation), a.record + "/revocation");
            for (std::size_t k = 0; k < a.obligations.size(); ++k) {
                const std::string record = a.record + "/obligations/" + std::to_string(k);
                const long long obligation_id = tally(record_obligation(award_id, a.obligations[k].o), record);
                for (std::size_t m = 0; m < a.obligations[k].reports.size(); ++m) {
                    const ReportIn& rep = a.obligations[k].reports[m];
                    tally(rep.details ? record_report_details(obligation_id, rep.r, *rep.details)
                                      : record_report(obligation_id, rep.r),
                          record + "/reports/" + std::to_string(m));
                }
            }
        }
    }
    for (const auto& h : higher) {
        const long long id = tally(record_higher_award(h.h), h.record);
        if (!h.top_up) continue;  // a file silent on it leaves a recorded payment alone
        if (!find_cycle(h.h.pack, h.top_up->year))
            out.add(label, h.record + "/top_up", "year", std::to_string(h.top_up->year),
                    "文件或登记库中有记录的 " + h.h.pack + " 评选年度（追加激励资金由那一届发放）");
        else
            tally(record_top_up(id, h.h.pack, *h.top_up), h.record + "/top_up");
    }
    if (!out.items.empty()) {  // the transaction rolls back
        auto found = finish(out.items);
        throw InputError(found.empty() ? out.items : std::move(found));
    }
    t.commit();
    return summary;
}

nlohmann::ordered_json Registry::export_json() {
    using nlohmann::ordered_json;
    // One consistent view, even while another program writes: the transaction holds the
    // lock and is rolled back at the end (nothing is changed).
    auto t = transaction();
    auto put_text = [](ordered_json& o, const char* key, const sqlite::Statement& s, int column) {
        if (!s.is_null(column)) o[key] = s.text(column);
    };
    ordered_json doc;
    doc["format"] = kFormat;
    doc["cycles"] = ordered_json::array();
    auto cycles = db_.prepare("SELECT id, pack, year, case_id, run_on, content_hash FROM cycles ORDER BY pack, year",
                              "导出评选周期");
    while (cycles.step()) {
        ordered_json c;
        c["pack"] = cycles.text(1);
        c["year"] = cycles.integer(2);
        put_text(c, "case_id", cycles, 3);
        put_text(c, "run_on", cycles, 4);
        put_text(c, "content_hash", cycles, 5);
        c["applications"] = ordered_json::array();
        auto apps = db_.prepare("SELECT credit_code, name, award, outcome, reasons, articles, industry, township, size, "
                                "stage_reached, id FROM applications WHERE cycle_id = ?1 ORDER BY id",
                                "导出申报记录");
        apps.bind(1, cycles.integer(0));
        while (apps.step()) {
            ordered_json a;
            a["credit_code"] = apps.text(0);
            a["name"] = apps.text(1);
            a["award"] = apps.text(2);
            a["outcome"] = apps.text(3);
            put_text(a, "reasons", apps, 4);
            put_text(a, "articles", apps, 5);
            put_text(a, "industry", apps, 6);
            put_text(a, "township", apps, 7);
            put_text(a, "size", apps, 8);
            put_text(a, "stage_reached", apps, 9);
            auto scores = db_.prepare("SELECT stage, category, name, percent_hundredths FROM category_scores "
                                      "WHERE application_id = ?1 ORDER BY id",
                                      "导出类目得分率");
            scores.bind(1, apps.integer(10));
            ordered_json list = ordered_json::array();
            while (scores.step()) {
                const long long h = scores.integer(3);
                ordered_json sc;
                sc["stage"] = scores.text(0);
                sc["category"] = scores.text(1);
                sc["name"] = scores.text(2);
                if (h % 100 == 0) sc["percent"] = h / 100;
                else sc["percent"] = std::stod(hundredths_text(h));
                list.push_back(std::move(sc));
            }
            if (!list.empty()) a["category_scores"] = std::move(list);
            c["applications"].push_back(std::move(a));
        }
        c["awards"] = ordered_json::array();
        auto awards = db_.prepare("SELECT id, credit_code, name, award, awarded_on, repeat, prize_yuan FROM awards "
                                  "WHERE cycle_id = ?1 ORDER BY id",
                                  "导出获奖记录");
        awards.bind(1, cycles.integer(0));
        while (awards.step()) {
            const long long award_id = awards.integer(0);
            ordered_json a;
            a["credit_code"] = awards.text(1);
            a["name"] = awards.text(2);
            a["award"] = awards.text(3);
            a["awarded_on"] = awards.text(4);
            a["repeat"] = awards.integer(5) != 0;
            a["prize_yuan"] = awards.integer(6);
            auto cert = db_.prepare("SELECT number, issued_on, content_hash FROM certificates WHERE award_id = ?1",
                                    "导出证书记录");
            cert.bind(1, award_id);
            if (cert.step()) {
                ordered_json t2;
                t2["number"] = cert.text(0);
                put_text(t2, "issued_on", cert, 1);
                put_text(t2, "content_hash", cert, 2);
                a["certificate"] = std::move(t2);
            }
            auto rev = db_.prepare("SELECT revoked_on, article, reason, ban_years FROM revocations WHERE award_id = ?1",
                                   "导出撤销记录");
            rev.bind(1, award_id);
            if (rev.step()) {
                ordered_json r;
                r["revoked_on"] = rev.text(0);
                r["article"] = rev.text(1);
                put_text(r, "reason", rev, 2);
                if (!rev.is_null(3)) r["ban_years"] = rev.integer(3);
                a["revocation"] = std::move(r);
            }
            auto obligations = db_.prepare("SELECT id, obligation, article, first_year, years, due FROM obligations "
                                           "WHERE award_id = ?1 ORDER BY id",
                                           "导出义务记录");
            obligations.bind(1, award_id);
            while (obligations.step()) {
                ordered_json o;
                o["id"] = obligations.text(1);
                o["article"] = obligations.text(2);
                o["first_year"] = obligations.integer(3);
                o["years"] = obligations.integer(4);
                put_text(o, "due", obligations, 5);
                auto reports = db_.prepare("SELECT year, received_on, content_hash, filled_by, phone, filled_on, id "
                                           "FROM reports_received WHERE obligation_id = ?1 ORDER BY id",
                                           "导出报告记录");
                reports.bind(1, obligations.integer(0));
                while (reports.step()) {
                    ordered_json r;
                    r["year"] = reports.integer(0);
                    r["received_on"] = reports.text(1);
                    put_text(r, "content_hash", reports, 2);
                    put_text(r, "filled_by", reports, 3);
                    put_text(r, "phone", reports, 4);
                    put_text(r, "filled_on", reports, 5);
                    auto figures = db_.prepare("SELECT indicator, year, value_hundredths FROM report_figures "
                                               "WHERE report_id = ?1 ORDER BY id",
                                               "导出报送数据");
                    figures.bind(1, reports.integer(6));
                    while (figures.step()) {
                        ordered_json f;
                        f["indicator"] = figures.text(0);
                        f["year"] = figures.integer(1);
                        const long long h = figures.integer(2);
                        // Exact: whole values as integers, others as the decimal they are (1234.56).
                        if (h % 100 == 0) f["value"] = h / 100;
                        else f["value"] = std::stod(hundredths_text(h));
                        r["figures"].push_back(std::move(f));
                    }
                    o["reports"].push_back(std::move(r));
                }
                a["obligations"].push_back(std::move(o));
            }
            c["awards"].push_back(std::move(a));
        }
        doc["cycles"].push_back(std::move(c));
    }
    auto higher = db_.prepare(
        "SELECT h.pack, h.credit_code, h.name, h.award, h.awarded_on, h.bonus_yuan, h.article, c.year, t.held_award, "
        "t.prize_yuan, t.article FROM higher_awards h LEFT JOIN top_ups t ON t.higher_award_id = h.id "
        "LEFT JOIN cycles c ON c.id = t.cycle_id ORDER BY h.id",
        "导出更高级别奖项");
    ordered_json list = ordered_json::array();
    while (higher.step()) {
        ordered_json h;
        h["pack"] = higher.text(0);
        h["credit_code"] = higher.text(1);
        h["name"] = higher.text(2);
        h["award"] = higher.text(3);
        h["awarded_on"] = higher.text(4);
        if (!higher.is_null(5)) h["bonus_yuan"] = higher.integer(5);
        put_text(h, "article", higher, 6);
        if (!higher.is_null(7))
            h["top_up"] = {{"year", higher.integer(7)}, {"held_award", higher.text(8)},
                           {"prize_yuan", higher.integer(9)}, {"article", higher.text(10)}};
        list.push_back(std::move(h));
    }
    doc["higher_awards"] = std::move(list);
    return doc;
}

}  // namespace award
