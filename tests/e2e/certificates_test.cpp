// End-to-end: the sample's commendation (case.json) gives one certificate per
// grant, one PDF each and a merged PDF for printing, read back as a user would.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace e2e;

namespace {

// samples/weidu-2026: the review's winners (case.json "commendation" lists no grants
// of its own), in award order, with the number each must get (WD{year}{award_code}{seq:3}).
struct Expected {
    const char* number;
    const char* holder;
    const char* award;
};
const std::vector<Expected> kCertificates = {
    {"WD2026Z001", "许昌远航起重机械有限公司", "2026年度魏都区区长质量奖"},
    {"WD2026T001", "许昌恒远电力装备有限公司", "2026年度魏都区区长质量提名奖"},
    {"WD2026T002", "许昌智联精密传感技术有限公司", "2026年度魏都区区长质量提名奖"},
    {"WD2026T003", "许昌绿源环保科技有限公司", "2026年度魏都区区长质量提名奖"},
    {"WD2026T004", "许昌仁和康复医院有限公司", "2026年度魏都区区长质量提名奖"},  // repeat winner (第十二条)
    {"WD2026C001", "许昌金桥食品有限公司", "2026年度魏都区质量管理创新奖"},  // 现场评审 585.7 ≥ 500 (第四条)
};

struct Run_ {
    TempDir tmp;
    fs::path folder = tmp.path() / "weidu-2026";
    Ran ran = run_award({"run", sample_dir().string(), "--out", tmp.path().string()});
};

const Run_& sample() {
    static const Run_ r;
    return r;
}

}  // namespace

TEST_CASE("WD sample: each granted award gets a certificate with its number, holder, award and year") {
    const auto& s = sample();
    INFO(s.ran.err);
    REQUIRE(s.ran.status == 0);
    for (const auto& e : kCertificates) {
        INFO(e.holder);
        const fs::path pdf = s.folder / "证书" / (std::string(e.holder) + ".pdf");
        REQUIRE(fs::exists(pdf));
        CHECK(pdf_pages(pdf) == 1);
        const std::string text = squeeze(pdf_text(pdf));
        CHECK(text.find(std::string(e.holder) + "：") != std::string::npos);
        CHECK(text.find(e.award) != std::string::npos);  // with the award year (第二十九条)
        CHECK(text.find(std::string("证书编号：") + e.number) != std::string::npos);
        CHECK(text.find("许昌市魏都区人民政府") != std::string::npos);
        CHECK(text.find("二〇二六年十二月二十八日") != std::string::npos);
        // the summary on the terminal lists it
        CHECK(s.ran.out.find(std::string(e.number) + "  " + e.holder) != std::string::npos);
    }
    CHECK(s.ran.out.find("许昌仁和康复医院有限公司（区长质量提名奖，再次获奖，不占名额）") != std::string::npos);
}

TEST_CASE("WD sample: the merged certificate PDF holds every certificate in grant order") {
    const auto& s = sample();
    REQUIRE(s.ran.status == 0);
    const fs::path merged = s.folder / "证书（合并打印）.pdf";
    REQUIRE(pdf_pages(merged) == int(kCertificates.size()));
    for (std::size_t i = 0; i < kCertificates.size(); ++i) {
        const std::string page = squeeze(pdf_page_text(merged, int(i) + 1));
        INFO(page);
        CHECK(page.find(kCertificates[i].holder) != std::string::npos);
        CHECK(page.find(kCertificates[i].number) != std::string::npos);
    }
}

TEST_CASE("WD sample: a certificate's QR code reads back as the signed payload: number, credit code, name, award, year, date") {
    const auto& s = sample();
    REQUIRE(s.ran.status == 0);
    const fs::path pdf = s.folder / "证书" / "许昌金桥食品有限公司.pdf";
    REQUIRE(run("pdftoppm -r 200 -png " + quote(pdf.string()) + " " + quote((s.tmp.path() / "qr").string())).status == 0);
    const Ran zbar = run("zbarimg -q --nodbus --raw -Sbinary " + quote((s.tmp.path() / "qr-1.png").string()) + " 2>/dev/null");
    INFO(zbar.out);
    REQUIRE(zbar.status == 0);
    CHECK(zbar.out.find("AWD1|WD2026C001|91411002779403566N|许昌金桥食品有限公司|质量管理创新奖|2026|2026-12-28|weidu|") == 0);
    // then the 86-character base64url Ed25519 signature
    CHECK(zbar.out.size() == zbar.out.rfind('|') + 1 + 86);
}

TEST_CASE("a grant to an applicant who was not accepted stops the run, citing the article, and writes nothing") {
    TempDir tmp;
    const fs::path dir = copy_sample(tmp.path());
    auto c = read_json(dir / "case.json");
    const auto applicants = read_json(dir / "applicants.json")["applicants"];
    // The office lists the grants itself: the review's winners, and one more.
    c["commendation"]["granted"] = nlohmann::json::array();
    for (const auto& [code, award] : std::vector<std::pair<std::string, std::string>>{
             {"91411002726784131D", "区长质量奖"}, {"91411002175206385X", "区长质量提名奖"},
             {"91411002MA47T3QD9A", "区长质量提名奖"}, {"91411002MA3XC5L994", "区长质量提名奖"},
             {"91411002MA3Y0E4U2W", "区长质量提名奖"}, {"91411002779403566N", "质量管理创新奖"}})
        c["commendation"]["granted"].push_back({{"credit_code", code}, {"award", award}});
    c["commendation"]["granted"].push_back({{"credit_code", applicants[2]["credit_code"]}, {"award", "区长质量提名奖"}});
    write_file(dir / "case.json", c.dump(2));
    const fs::path out = tmp.path() / "out";
    Ran r = run_award({"run", dir.string(), "--out", out.string()});
    INFO(r.out + r.err);
    CHECK(r.status == 2);
    CHECK(r.err.find("/commendation/granted/6") != std::string::npos);
    CHECK(r.err.find(applicants[2]["name"].get<std::string>()) != std::string::npos);
    CHECK(r.err.find("第十六条") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
}
