#include "registry/registry_xlsx_layout.hpp"

#include <stdexcept>

namespace award::registry_xlsx {

namespace {

constexpr int kMinYear = 1990, kMaxYear = 2100;  // as registry_json.cpp
constexpr int kMaxYuan = 100000000;

Column col(std::string header, int up, std::string field, Kind kind, bool required, int low = 0, int high = 0) {
    return Column{std::move(header), up, std::move(field), kind, required, low, high};
}

// The columns naming the award a row belongs to, `up` levels above it.
std::vector<Column> award_columns(int up) {
    return {col("政策包", up + 1, "pack", Kind::Text, true),
            col("年度", up + 1, "year", Kind::Integer, true, kMinYear, kMaxYear),
            col("统一社会信用代码", up, "credit_code", Kind::Code, true),
            col("单位名称", up, "name", Kind::Text, false),
            col("奖项", up, "award", Kind::Text, true)};
}

std::vector<Column> plus(std::vector<Column> a, const std::vector<Column>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

const std::vector<SheetSpec>& sheets() {
    static const std::vector<SheetSpec> list = {
        {"评选届次", Level::Cycle, true,
         {col("政策包", 0, "pack", Kind::Text, true),
          col("年度", 0, "year", Kind::Integer, true, kMinYear, kMaxYear),
          col("案卷编号", 0, "case_id", Kind::Text, false),
          col("记录日期", 0, "run_on", Kind::Date, false),
          col("案卷摘要（SHA-256）", 0, "content_hash", Kind::Code, false)}},
        {"申报结果", Level::Application, false,
         {col("政策包", 1, "pack", Kind::Text, true),
          col("年度", 1, "year", Kind::Integer, true, kMinYear, kMaxYear),
          col("统一社会信用代码", 0, "credit_code", Kind::Code, true),
          col("单位名称", 0, "name", Kind::Text, true),
          col("申报奖项", 0, "award", Kind::Text, true),
          col("结果", 0, "outcome", Kind::Outcome, true),
          col("理由", 0, "reasons", Kind::Text, false),
          col("所依条款", 0, "articles", Kind::Text, false),
          // For the yearly statistics report; 类目得分率 (category_scores) stay JSON-only.
          col("所属行业", 0, "industry", Kind::Text, false),
          col("所在镇（街道）", 0, "township", Kind::Text, false),
          col("企业规模", 0, "size", Kind::Text, false),
          col("最后进入的评审阶段", 0, "stage_reached", Kind::Text, false)}},
        {"获奖", Level::Award, true,
         {col("政策包", 1, "pack", Kind::Text, true),
          col("年度", 1, "year", Kind::Integer, true, kMinYear, kMaxYear),
          col("统一社会信用代码", 0, "credit_code", Kind::Code, true),
          col("单位名称", 0, "name", Kind::Text, true),
          col("奖项", 0, "award", Kind::Text, true),
          col("表彰日期", 0, "awarded_on", Kind::Date, true),
          col("再次获奖", 0, "repeat", Kind::Bool, false),
          col("奖金（元）", 0, "prize_yuan", Kind::Integer, true, 0, kMaxYuan),
          col("证书编号", 0, "certificate/number", Kind::Code, false),
          col("颁发日期", 0, "certificate/issued_on", Kind::Date, false),
          col("证书摘要（SHA-256）", 0, "certificate/content_hash", Kind::Code, false),
          col("撤销日期", 0, "revocation/revoked_on", Kind::Date, false),
          col("撤销依据条款", 0, "revocation/article", Kind::Text, false),
          col("撤销原因", 0, "revocation/reason", Kind::Text, false),
          col("禁止申报年数", 0, "revocation/ban_years", Kind::Integer, false, 0, 100)}},
        {"报送义务", Level::Obligation, false,
         plus(award_columns(1),
              {col("义务编号", 0, "id", Kind::Text, true),
               col("所依条款", 0, "article", Kind::Text, true),
               col("首个报送年度", 0, "first_year", Kind::Integer, true, kMinYear, kMaxYear),
               col("报送年数", 0, "years", Kind::Integer, true, 0, 50),
               col("截止月日", 0, "due", Kind::MonthDay, false)})},
        {"已收报告", Level::Report, false,
         plus(award_columns(2),
              {col("义务编号", 1, "id", Kind::Text, true),
               col("报送年度", 0, "year", Kind::Integer, true, kMinYear, kMaxYear),
               col("收到日期", 0, "received_on", Kind::Date, true),
               col("报告摘要（SHA-256）", 0, "content_hash", Kind::Code, false),
               col("填报人", 0, "filled_by", Kind::Text, false),
               col("联系电话", 0, "phone", Kind::Code, false),
               col("填报日期", 0, "filled_on", Kind::Date, false)})},
        {"报送数据", Level::Figure, false,
         plus(award_columns(3),
              {col("义务编号", 2, "id", Kind::Text, true),
               col("报送年度", 1, "year", Kind::Integer, true, kMinYear, kMaxYear),
               col("指标", 0, "indicator", Kind::Text, true),
               col("数据年度", 0, "year", Kind::Integer, true, kMinYear, kMaxYear),
               col("数值", 0, "value", Kind::Decimal, true)})},
        {"更高级别奖项", Level::Higher, false,
         {col("政策包", 0, "pack", Kind::Text, true),
          col("统一社会信用代码", 0, "credit_code", Kind::Code, true),
          col("单位名称", 0, "name", Kind::Text, true),
          col("奖项", 0, "award", Kind::Text, true),
          col("获奖日期", 0, "awarded_on", Kind::Date, true),
          col("追加激励资金（元）", 0, "bonus_yuan", Kind::Integer, false, 0, kMaxYuan),
          col("所依条款", 0, "article", Kind::Text, false),
          // 追加激励资金 paid by a cycle the program ran (本溪市第二十五条第三款).
          col("追加年度", 0, "top_up/year", Kind::Integer, false, kMinYear, kMaxYear),
          col("追加所依奖项", 0, "top_up/held_award", Kind::Text, false),
          col("追加金额（元）", 0, "top_up/prize_yuan", Kind::Integer, false, 0, kMaxYuan),
          col("追加依据条款", 0, "top_up/article", Kind::Text, false)}},
    };
    return list;
}

Level parent_of(Level level) {
    switch (level) {
    case Level::Application:
    case Level::Award: return Level::Cycle;
    case Level::Obligation: return Level::Award;
    case Level::Report: return Level::Obligation;
    case Level::Figure: return Level::Report;
    case Level::Cycle:
    case Level::Higher: break;
    }
    throw std::logic_error("registry_xlsx::parent_of: a top level");
}

int depth_of(Level level) {
    switch (level) {
    case Level::Cycle:
    case Level::Higher: return 0;
    case Level::Application:
    case Level::Award: return 1;
    case Level::Obligation: return 2;
    case Level::Report: return 3;
    case Level::Figure: return 4;
    }
    return 0;
}

const char* array_of(Level level) {
    switch (level) {
    case Level::Cycle: return "cycles";
    case Level::Application: return "applications";
    case Level::Award: return "awards";
    case Level::Obligation: return "obligations";
    case Level::Report: return "reports";
    case Level::Figure: return "figures";
    case Level::Higher: return "higher_awards";
    }
    return "";
}

const std::vector<std::string>& identity(Level level) {
    static const std::vector<std::string> cycle = {"pack", "year"}, award = {"credit_code", "award"}, obligation = {"id"},
                                          year = {"year"}, none = {};
    switch (level) {
    case Level::Cycle: return cycle;
    case Level::Award: return award;
    case Level::Obligation: return obligation;
    case Level::Report: return year;
    case Level::Application:
    case Level::Figure:
    case Level::Higher: break;
    }
    return none;
}

const SheetSpec& sheet_of(Level level) {
    for (const auto& s : sheets())
        if (s.level == level) return s;
    throw std::logic_error("registry_xlsx::sheet_of: no sheet");
}

const std::vector<OutcomeWord>& outcome_words() {
    static const std::vector<OutcomeWord> words = {{"不予受理", "rejected"},
                                                   {"已受理", "accepted"},
                                                   {"未获奖", "not_awarded"},
                                                   {"异议成立取消", "removed"},
                                                   {"获奖", "awarded"}};
    return words;
}

}  // namespace award::registry_xlsx
