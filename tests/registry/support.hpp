// Shared by the registry tests: the real policy packs and a few records.
#pragma once
#include <string>

#include "common/temp_dir.hpp"
#include "packs/policy_pack.hpp"
#include "registry/registry.hpp"

namespace registry_test {

using award::test::TempDir;

inline const award::PolicyCatalog& packs() {
    static const award::PolicyCatalog catalog =
        award::load_policy_catalog(std::filesystem::path(AWARD_SOURCE_DIR) / "templates" / "policies");
    return catalog;
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Valid GB 32100 codes (from the samples).
inline const std::string kHengyuan = "91411002175206385X";  // 许昌恒远电力装备有限公司
inline const std::string kZhilian = "91411002MA47T3QD9A";   // 许昌智联精密传感技术有限公司
inline const std::string kKangtai = "91411002MA4GK2N77C";   // 许昌康泰口腔医院有限公司

inline award::CycleRecord weidu_cycle(int year) { return {"weidu", year, "weidu-" + std::to_string(year), {}, ""}; }

inline award::AwardRecord weidu_award(int year, const std::string& code, const std::string& name,
                                      const std::string& award = "区长质量提名奖") {
    award::AwardRecord a;
    a.pack = "weidu";
    a.year = year;
    a.credit_code = code;
    a.name = name;
    a.award = award;
    a.awarded_on = award::Date(year, 12, 20);
    a.prize_yuan = 30000;
    return a;
}

}  // namespace registry_test
