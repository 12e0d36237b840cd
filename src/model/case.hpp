// The case: one award cycle of one jurisdiction, as read and validated from a
// case folder. Plain data; ingest fills it, rules read it, render prints it.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/review.hpp"

namespace award {

// 自评: one year's 卓越绩效 self-evaluation result as the applicant reports it.
struct SelfEvaluation {
    int year = 0;
    std::string result;  // "优秀", "良好", "一般", "差"
};

// 事故 / 投诉 / 失信: something that happened to the applicant, with its date.
struct Incident {
    Date date;
    std::string kind;      // e.g. "质量事故", "安全事故", "质量投诉", "失信行为" (see policy pack)
    std::string severity;  // "一般", "较大", "重大", "特别重大", "严重"
    std::string description;
};

// 以往获奖: an award of this jurisdiction the applicant already holds (or held).
struct PriorAward {
    std::string award;  // the award's name as in the policy pack, e.g. "区长质量提名奖"
    Date awarded_on;
    std::optional<Date> revoked_on;  // 撤销 (第三十条, 第三十一条)
    // 撤销原因, e.g. "弄虚作假", "行贿", "事故", "其他"; only with revoked_on, may be empty
    // (not recorded). ban_after_revocation may count only some reasons (本溪市第三十一条).
    std::string revocation_reason = {};
    // Where it was read when not from the case: the registry's record, e.g. "登记库 benxi
    // 2024年度" (shown in explain traces). Empty: applicants.json/xlsx.
    std::string source = {};
};

// 推荐单位: who recommended the application (中牟县第十三条(五), 通州区第十四条).
struct Recommendation {
    std::string by;     // 推荐单位名称, e.g. "中牟县官渡镇人民政府"
    std::string level;  // 推荐单位类别, e.g. "乡镇人民政府", "街道办事处", "县级主管部门"
};

// 近年财务数据: one year's figures. Given in 万元 with at most 2 decimals and kept exactly
// as whole 元 (1.23万元 = 12300 元); a figure not given is nullopt, not 0.
struct YearFinancials {
    int year = 0;
    std::optional<long long> revenue_yuan = {};  // 营业收入
    std::optional<long long> profit_yuan = {};   // 利润总额 (negative: 亏损)
    std::optional<long long> tax_yuan = {};      // 纳税总额
};

struct ContactPerson {
    std::string name;
    std::string phone;
};

// 申报组织.
struct Applicant {
    std::string name;         // 单位名称
    std::string credit_code;  // 统一社会信用代码
    std::string award;        // 申报奖项: an award name from the policy pack
    std::string region;       // 注册地 (区县)
    std::string address;      // 通讯地址
    Date founded;             // 成立日期
    std::string industry;     // 所属行业
    std::vector<std::string> designations;  // e.g. "专精特新小巨人"
    bool licences_valid = false;            // 具备相关资质或证照 (declared)
    bool policy_compliant = false;          // 符合产业导向、环保、安全、质量等政策要求 (declared)
    std::vector<SelfEvaluation> self_evaluations;
    std::vector<Incident> incidents;
    std::vector<PriorAward> prior_awards;
    ContactPerson contact;
    // Facts some regulations ask about (中牟县, 通州区, 鹿城区, 本溪市); all optional,
    // empty / false / nullopt when not given.
    std::string legal_form = {};           // 法人类型, e.g. "企业法人"
    std::string tax_region = {};           // 税收归属地 (缴纳税收形成的地方财政收入归属地)
    std::optional<Recommendation> recommendation = {};  // 推荐单位
    std::string environmental_credit = {};              // 环保信用等级, e.g. "蓝色"
    std::optional<Date> excellence_model_since = {};    // 实施卓越绩效起始日期
    bool has_chief_quality_officer = false;  // 设有首席质量官 (declared)
    bool quality_system_certified = false;   // 通过质量管理体系认证并有效运行 (declared)
    bool internal_publicity_done = false;    // 已在本单位内部公示不少于5个工作日 (declared)
    std::vector<YearFinancials> financials = {};  // 近年财务数据, in year order as given
    // For the yearly statistics (who applies), optional: "" when not given.
    std::string township = {};  // 所在镇（街道）, e.g. "高桥街道"
    std::string size = {};      // 企业规模: 大型, 中型, 小型 or 微型 (国家统计局《统计上大中小微型企业划分办法》)
    std::string source;  // where it came from, for messages: "applicants.json: /applicants/3"
};

// 联系方式 of the secretariat, printed on notices and letters.
struct Contact {
    std::string department;  // 联系部门
    std::string person;      // 联系人
    std::string phone;       // 联系电话
    std::string address;     // 通讯地址
    std::string email;       // optional
};

// A recorded decision by people, not the program (decisions.json).
struct Decision {
    // "special_approval" (特批, 魏都区第十条): credit_code.
    // "tie_resolution" (并列时评委会的决定): boundary names where the tie is (a stage id,
    //     e.g. "onsite" for who enters 现场评审, or an award name for its quota), chosen
    //     the credit codes the committee put through, among those tied.
    // "objection_upheld" (公示期异议成立): credit_code removed from the proposed winners.
    std::string kind;
    std::string credit_code;  // whom it concerns (not for tie_resolution)
    Date date;
    std::string basis;        // e.g. "评委会2026年第2次会议纪要"
    std::string source;       // "decisions.json: /decisions/0"
    std::string boundary;             // tie_resolution
    std::vector<std::string> chosen;  // tie_resolution
};

// 评审阶段的安排 (case.json "review"): what the regulation leaves to the case.
struct StageAdvancement {
    std::string stage;                   // the stage entered, e.g. "onsite"
    std::optional<int> count;            // 进入人数 set by the committee
    std::optional<long long> min_units;  // or a minimum score, in units of the pack's rounding
    std::optional<int> planned_awards;   // 拟获奖数 for a ratio pack (default: the quotas' sum)
    std::string source;                  // "case.json: /review/advancement/0"
};

// A notice of the review stage: 现场评审名单 or 拟奖名单公示.
struct ReviewNotice {
    Date notice_date;
    std::optional<Date> publicity_start;  // 公示开始日期 (拟奖名单公示)
    std::string document_number;          // optional
};

struct ReviewSchedule {
    std::vector<StageAdvancement> advancement;
    std::optional<ReviewNotice> onsite_list;  // 现场评审名单
    std::optional<ReviewNotice> proposed;     // 拟奖名单公示
};

struct AcceptanceStage {
    Date notice_date;           // 成文日期 of the 公示 and of the letters
    Date publicity_start;       // 公示开始日期
    std::string document_number;  // 发文字号, optional, e.g. "魏质奖秘〔2026〕3号"
};

// 表彰决定: one award the government granted to an applicant (审定与表彰).
struct Grant {
    std::string credit_code;  // the holder, an applicant of this case
    std::string award;        // an award name from the policy pack
    std::string source;       // "case.json: /commendation/granted/0"
};

// The commendation stage of case.json (optional until the government has decided):
// the date and issuer printed on the certificates and the awards granted.
struct Commendation {
    Date date;                    // 表彰决定日期, printed on the certificates
    std::string issuer;           // 颁证机关, e.g. "许昌市魏都区人民政府"
    std::string document_number;  // 表彰决定文号, optional
    std::vector<Grant> grants;    // in the order given; certificate numbers follow it
};

struct Case {
    std::string id;  // the case folder's name, e.g. "weidu-2026"
    std::filesystem::path folder;
    std::string policy;  // policy pack id, e.g. "weidu"
    int year = 0;        // 年度
    Date application_deadline;  // 申报截止日期: the reference date of eligibility checks
    std::string issuer;         // 发文机关 / 署名, e.g. "魏都区区长质量奖评审委员会秘书处"
    Contact contact;
    AcceptanceStage acceptance;
    std::vector<Applicant> applicants;
    std::vector<Decision> decisions;
    std::optional<Commendation> commendation;
    ReviewSchedule review;        // case.json "review" (optional)
    ReviewPanel panel;            // reviewers.json (optional until the review starts)
    std::vector<ScoreSheet> sheets;  // scores/ (XLSX and JSON), as read
};

}  // namespace award
