// 证书: one certificate the government issues for an award it granted
// (审定与表彰). The rules make these from the case's commendation; render prints them.
#pragma once
#include <cstddef>
#include <string>

#include "model/date.hpp"

namespace award {

struct Certificate {
    std::string number;           // 证书编号, by the pack's pattern, e.g. "WD2026Z001"
    std::size_t applicant_index = 0;  // into Case::applicants (holder's name and credit code)
    std::string award;            // the award's name in the pack, e.g. "区长质量奖"
    std::string award_title;      // as printed: jurisdiction + award, e.g. "魏都区区长质量奖"
    int year = 0;                 // 年度, printed on the certificate (魏都区 第二十九条)
    Date date;                    // 颁发日期: the commendation's date
    std::string issuer;           // 颁证机关, e.g. "许昌市魏都区人民政府" (第二十三条)
    bool repeat_winner = false;   // 再次获奖 (第十二条): certificate and title only, outside the quota
    std::string source;           // where the grant was read, e.g. "case.json: /commendation/granted/0"
};

}  // namespace award
