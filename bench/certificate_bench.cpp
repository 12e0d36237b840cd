// Bulk certificate benchmark: N certificates with different, realistic
// organisation names, written as N separate PDFs or as one merged PDF, with the
// shipped 魏都区 template and fonts. Run by bench/certificates.sh, which adds
// peak memory and the median file size.
//
//   award-certificate-bench files|merged N OUT_DIR [DATA_DIR]
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "packs/policy_pack.hpp"
#include "render/certificates.hpp"

using namespace award;
namespace fs = std::filesystem;

namespace {

// Names built like real ones: place + 字号 + industry + form, as on business licences.
std::vector<std::string> organisation_names(std::size_t n) {
    const std::vector<std::string> places{"许昌", "河南", "魏都区", "许昌市", "河南省", "中原", "豫中", ""};
    const std::vector<std::string> syllables{"瑞", "达", "恒", "远", "智", "联", "华", "鑫", "盛", "泰", "宏", "德",
                                             "森", "源", "博", "创", "嘉", "诚", "信", "隆", "昌", "安", "益", "丰",
                                             "汇", "通", "金", "正", "天", "众", "和", "新", "海", "科", "凯", "腾"};
    const std::vector<std::string> trades{"电气",       "精密机械",   "食品",     "生物医药", "新材料",   "电力装备",
                                          "纺织",       "发制品",     "建设工程", "物流",     "汽车零部件", "环保科技",
                                          "信息技术",   "烟草机械",   "陶瓷",     "农业发展", "化工",     "医疗器械",
                                          "智能装备制造", "超硬材料", "电子商务", "检验检测"};
    const std::vector<std::string> forms{"有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "科技有限公司"};
    std::mt19937 rng(20261128);  // fixed: the same names every run
    auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
    std::vector<std::string> names;
    for (std::size_t i = 0; i < n; ++i) {
        std::string name = pick(places) + pick(syllables) + pick(syllables);
        if (rng() % 3 == 0) name += pick(syllables);
        name += pick(trades);
        if (rng() % 5 == 0) name += pick(trades);  // a few long ones, which shrink or go to two lines
        name += pick(forms);
        names.push_back(name);
    }
    return names;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: award-certificate-bench files|merged N OUT_DIR [DATA_DIR]\n";
        return 2;
    }
    const std::string mode = argv[1];
    const std::size_t n = std::stoul(argv[2]);
    const fs::path out = argv[3];
    const fs::path data_dir = argc > 4 ? fs::path(argv[4]) : fs::path(AWARD_DATA_DIR);
    try {
        const PolicyCatalog catalog = load_policy_catalog(data_dir / "templates" / "policies");
        const Policy& policy = catalog.at("weidu");
        const auto names = organisation_names(n);
        std::vector<CertificateContent> contents;
        for (std::size_t i = 0; i < n; ++i) {
            Certificate c;
            char number[32];
            std::snprintf(number, sizeof number, "WD2026Z%05zu", i + 1);
            c.number = number;
            c.award = "区长质量奖";
            c.award_title = "魏都区区长质量奖";
            c.year = 2026;
            c.date = Date(2026, 12, 28);
            c.issuer = "许昌市魏都区人民政府";
            // The shape and size of a signed payload (the signing itself is not what is measured).
            const std::string payload = "AWD1|" + c.number + "|91411002MA44XXXXXX|" + names[i] + "|" + c.award +
                                        "|2026|2026-12-28|weidu|" + std::string(86, 'A');
            contents.push_back({c, names[i], {"bench", "#" + std::to_string(i), "name"}, "91411002MA44XXXXXX", policy.award_title,
                                policy.id, payload});
        }
        fs::create_directories(out);
        const auto start = std::chrono::steady_clock::now();
        const CertificatePrinter printer(data_dir, policy);  // template and fonts: once
        const auto loaded = std::chrono::steady_clock::now();
        double first_ms = 0;
        if (mode == "files") {
            printer.write(contents[0], out / "1.pdf");
            first_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - loaded).count();
            std::vector<fs::path> paths;
            for (std::size_t i = 1; i < n; ++i) paths.push_back(out / (std::to_string(i + 1) + ".pdf"));
            printer.write_each({contents.begin() + 1, contents.end()}, paths);
        } else if (mode == "merged") {
            printer.write_merged(contents, "证书（合并打印）", out / "merged.pdf");
        } else {
            std::cerr << "mode must be files or merged\n";
            return 2;
        }
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        const double load_ms = std::chrono::duration<double, std::milli>(loaded - start).count();
        std::printf("%s N=%zu wall=%.3f s per_certificate=%.2f ms (template and fonts %.0f ms, first certificate %.0f ms)\n",
                    mode.c_str(), n, ms / 1000, ms / double(n), load_ms, first_ms);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
