// 《国民经济行业分类》GB/T 4754-2017: its 20 门类 (sections, A–T) and 97 大类 (divisions,
// 01–97), and reading an applicant's 所属行业 as one of them. The table is the data file
// templates/reference/gbt4754-2017.json, compiled into the program (CMakeLists.txt) and
// parsed once on first use; rules stay pure functions with no file to find at run time.
//
// Used by the min_rating check's "sections" (通州区第十一条（六）: 工业企业 = 门类 B、C、D)
// and by ingest, which refuses an industry it cannot place when the applicant's award has
// such a check.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/policy.hpp"

namespace award {

struct IndustrySection {
    std::string code;  // "C"
    std::string name;  // "制造业"
    std::string label() const { return code + " " + name; }  // "C 制造业"
};

struct IndustryDivision {
    std::string code;     // "34"
    std::string name;     // "通用设备制造业"
    std::string section;  // "C"
    std::string label() const { return code + " " + name; }  // "34 通用设备制造业"
};

// What an applicant's 所属行业 was read as.
struct IndustryResolution {
    const IndustrySection* section = nullptr;    // null: not resolved, see problem
    const IndustryDivision* division = nullptr;  // when given as (or with) a 大类
    std::string problem;                         // Chinese, why it could not be placed
    explicit operator bool() const { return section != nullptr; }
    // "门类 C 制造业（大类 34 通用设备制造业）" / "门类 C 制造业"; empty when not resolved.
    std::string description() const;
};

class IndustryTable {
public:
    const std::string& standard() const { return standard_; }  // "GB/T 4754-2017"
    const std::string& title() const { return title_; }        // "国民经济行业分类"
    const std::vector<IndustrySection>& sections() const { return sections_; }
    const std::vector<IndustryDivision>& divisions() const { return divisions_; }
    const IndustrySection* find_section(std::string_view code) const;   // "C"
    const IndustryDivision* find_division(std::string_view code) const;  // "34"

    // Places an applicant's 所属行业. Accepted, after full-width letters, digits and
    // punctuation are read as half-width and spaces are dropped:
    //   a 门类 name "制造业" or a 大类 name "通用设备制造业" (、 may be written , or ，);
    //   a code: 门类 "C", 大类 "34" or "C34" (a 中类/小类 code "C341", "3411" counts
    //   under its 大类, the first two digits); a code before a name: "C 制造业",
    //   "C34 通用设备制造业", "34 通用设备制造业" (code and name must agree);
    //   any of these followed by a note in brackets: "其他制造业（发制品）".
    // Anything else (a 中类 or 小类 name, another wording) is not resolved: `problem` says why.
    IndustryResolution resolve(std::string_view text) const;

    // Built from the JSON of templates/reference/gbt4754-2017.json; throws
    // std::invalid_argument naming the entry that is wrong.
    static IndustryTable from_json(std::string_view json_text);

private:
    std::string standard_, title_;
    std::vector<IndustrySection> sections_;
    std::vector<IndustryDivision> divisions_;
};

// The GB/T 4754-2017 table compiled into the program.
const IndustryTable& gbt4754();

// For messages: what 所属行业 may be written as, with examples.
std::string industry_text_expected();

// The checks of `award` (of `policy`) that only apply to some industries, by 门类
// (min_rating with "sections"): for these the applicant's 所属行业 must resolve.
std::vector<const CheckSpec*> industry_scoped_checks(const Policy& policy, const AwardSpec& award);

}  // namespace award
