// End-to-end: the review stages of both samples through the real binary, read
// back as a user would (pdftotext, openpyxl): who advanced, who won, the money,
// and that no public document names a reviewer.
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "support.hpp"

using namespace e2e;

namespace {

const CaseRun& weidu() {
    static const CaseRun r("weidu-2026");
    return r;
}
const CaseRun& tongzhou() {
    static const CaseRun r("tongzhou-2026");
    return r;
}

std::vector<std::string> reviewer_names(const std::string& case_id) {
    std::vector<std::string> names;
    for (const auto& r : read_json(sample_dir().parent_path() / case_id / "reviewers.json")["reviewers"])
        names.push_back(r["name"].get<std::string>());
    return names;
}

}  // namespace

TEST_CASE("WD sample: 6 enter 现场评审 after the committee's tie decision, and the 7th gets a feedback letter") {
    const auto& r = weidu();
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    const std::string list = squeeze(pdf_text(r.folder / "现场评审名单.pdf"));
    for (const char* name : {"许昌远航起重机械有限公司", "许昌金桥食品有限公司", "许昌恒远电力装备有限公司",
                             "许昌智联精密传感技术有限公司", "许昌绿源环保科技有限公司", "许昌仁和康复医院有限公司"})
        CHECK(list.find(name) != std::string::npos);
    CHECK(list.find("许昌安居物业服务有限公司") == std::string::npos);
    const std::string letter = squeeze(pdf_text(r.folder / "评审反馈意见书" / "许昌安居物业服务有限公司.pdf"));
    CHECK(letter.find("许昌安居物业服务有限公司") != std::string::npos);
    CHECK(letter.find("材料评审") != std::string::npos);
    // The reviewers' words, unnamed.
    CHECK(letter.find("财务结果缺少近三年趋势和同行对比数据") != std::string::npos);
    CHECK(letter.find("建立了业主满意度季度测评机制") != std::string::npos);
}

TEST_CASE("WD sample: the proposed winners' notice lists the awards and the 5-working-day period of 第二十一条") {
    const auto& r = weidu();
    REQUIRE(r.ran.status == 0);
    const std::string notice = squeeze(pdf_text(r.folder / "拟奖名单公示.pdf"));
    CHECK(notice.find("2026年12月8日至2026年12月14日") != std::string::npos);
    CHECK(notice.find("第二十一条") != std::string::npos);
    for (const char* name : {"许昌远航起重机械有限公司", "许昌恒远电力装备有限公司", "许昌仁和康复医院有限公司",
                             "许昌金桥食品有限公司"})
        CHECK(notice.find(name) != std::string::npos);
    CHECK(notice.find("再次获奖") != std::string::npos);
}

TEST_CASE("WD sample: the prize sheet pays first-time winners in figures and words, nothing to re-winners") {
    const auto& r = weidu();
    REQUIRE(r.ran.status == 0);
    const auto rows = xlsx_rows(r.folder / "奖金发放表.xlsx");
    INFO([&] { std::string s; for (const auto& x : rows) s += x + "\n"; return s; }());
    CHECK(has_row_with(rows, {"许昌远航起重机械有限公司", "区长质量奖", "|50000|", "人民币伍万元整"}));
    CHECK(has_row_with(rows, {"许昌恒远电力装备有限公司", "|30000|", "人民币叁万元整"}));
    CHECK(has_row_with(rows, {"许昌仁和康复医院有限公司", "|0|", "第十二条"}));
    // 50000 + 3 × 30000 = 140000.
    CHECK(has_row_with(rows, {"合计", "|140000|", "人民币壹拾肆万元整"}));
}

TEST_CASE("TZ sample: 20/70/10 totals, the tie for 区长质量奖 decided by the committee, and no refill after the objection") {
    const auto& r = tongzhou();
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    // The summary printed: ranking by the weighted total, rounded once.
    CHECK(r.ran.out.find("1. 南通通达精密机械股份有限公司  860.0 分") != std::string::npos);
    CHECK(r.ran.out.find("2. 江苏通州华纺家纺有限公司  841.5 分") != std::string::npos);
    CHECK(r.ran.out.find("5. 南通先锋新材料科技有限公司  786.8 分") != std::string::npos);
    const auto ranking = xlsx_rows(r.folder / "评分汇总（内部）.xlsx", "最终排名");
    CHECK(has_row_with(ranking, {"南通海晟电力工程有限公司", "808"}));
    CHECK(has_row_with(ranking, {"南通金港建设集团有限公司", "808"}));

    const auto winners = xlsx_rows(r.folder / "获奖名单.xlsx");
    INFO([&] { std::string s; for (const auto& x : winners) s += x + "\n"; return s; }());
    CHECK(has_row_with(winners, {"区长质量奖", "南通海晟电力工程有限公司"}));
    CHECK(has_row_with(winners, {"区长质量奖提名奖", "南通金港建设集团有限公司"}));
    CHECK_FALSE(has_row_with(winners, {"|南通先锋新材料科技有限公司|"}));  // objection upheld (第二十条): only in the note
    CHECK_FALSE(has_row_with(winners, {"|南通通州湾物流有限公司|"}));      // not moved up: 不进行递补
    const auto money = xlsx_rows(r.folder / "奖金发放表.xlsx");
    // 2 × 300000 + 50000; the re-winner of 第二十七条 gets nothing.
    CHECK(has_row_with(money, {"合计", "|650000|", "人民币陆拾伍万元整"}));
    CHECK(has_row_with(money, {"江苏通州华纺家纺有限公司", "|0|", "第二十七条"}));
    // The publicity notice still shows the list as publicised, with its 10 calendar days. 第二十条
    // speaks of 拟获奖组织, determined by the 区质委会 (there is no 评委会 in 通州区).
    const std::string notice = squeeze(pdf_text(r.folder / "拟获奖组织名单公示.pdf"));
    CHECK(notice.find("经区质委会审定（第二十条），确定了2026年度通州区区长质量奖拟获奖组织名单") != std::string::npos);
    CHECK(notice.find("评委会") == std::string::npos);
    CHECK(notice.find("南通先锋新材料科技有限公司") != std::string::npos);
    CHECK(notice.find("2026年10月21日至2026年10月30日") != std::string::npos);
    // Two applicants did not pass 资料评审 (1:1.5 of 4 planned awards = 6 places).
    for (const char* name : {"南通正和医疗器械有限公司", "南通润通餐饮管理有限公司"})
        CHECK(fs::exists(r.folder / "评审反馈意见书" / (std::string(name) + ".pdf")));
    CHECK(fs::exists(r.folder / "证书" / "南通海晟电力工程有限公司.pdf"));
    CHECK_FALSE(fs::exists(r.folder / "证书" / "南通先锋新材料科技有限公司.pdf"));
}

TEST_CASE("No public document of either sample names a reviewer") {
    for (const CaseRun* r : {&weidu(), &tongzhou()}) {
        REQUIRE(r->ran.status == 0);
        const auto names = reviewer_names(r->id);
        // 通州区 has no 受理名单公示: its 受理名单 is a notice (受理名单通知.pdf).
        const char* acceptance = r == &tongzhou() ? "受理名单通知.pdf" : "受理名单公示.pdf";
        const char* proposed = r == &tongzhou() ? "拟获奖组织名单公示.pdf" : "拟奖名单公示.pdf";
        std::vector<fs::path> public_pdfs = {r->folder / "现场评审名单.pdf", r->folder / proposed,
                                             r->folder / "证书（合并打印）.pdf", r->folder / acceptance};
        for (const auto& f : files_under(r->folder / "评审反馈意见书")) public_pdfs.push_back(r->folder / "评审反馈意见书" / f);
        for (const auto& pdf : public_pdfs) {
            INFO(pdf.string());
            REQUIRE(fs::exists(pdf));
            const std::string text = squeeze(pdf_text(pdf));
            for (const auto& name : names) CHECK(text.find(name) == std::string::npos);
            // No single reviewer's score: the notices print no scores at all.
            if (pdf.filename() != "证书（合并打印）.pdf" && pdf.parent_path().filename() != "评审反馈意见书")
                CHECK(text.find("分（") == std::string::npos);
        }
    }
}

TEST_CASE("award sheets writes one workbook per reviewer and stage, never for an applicant the reviewer must avoid") {
    TempDir tmp;
    Ran r = run_award({"sheets", sample_dir().string(), "--out", tmp.path().string()});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    const fs::path folder = tmp.path() / "weidu-2026-评分表";
    std::set<std::string> files;
    for (const auto& f : files_under(folder)) files.insert(f.generic_string());
    for (const char* f : {"材料评审/材料评审-E01-张国栋.xlsx", "材料评审/材料评审-E03-王晓燕.xlsx", "现场评审/现场评审-E08-周明.xlsx"})
        CHECK(files.count(f) == 1);
    CHECK(files.size() == 5 + 3 + 1);  // and manifest.json
    // E03 declared a conflict with 许昌仁和康复医院有限公司: 6 applicant worksheets, not 7.
    const Ran sheets = run("/usr/bin/python3 -c " +
                           quote("import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\n"
                                 "print(len([w for w in wb.worksheets if w.sheet_state=='visible']))\n"
                                 "print('\\n'.join(w['B4'].value or '' for w in wb.worksheets if w.sheet_state=='visible'))") +
                           " " + quote((folder / "材料评审/材料评审-E03-王晓燕.xlsx").string()));
    REQUIRE(sheets.status == 0);
    CHECK(sheets.out.rfind("6\n", 0) == 0);
    CHECK(sheets.out.find("许昌仁和康复医院有限公司") == std::string::npos);
    CHECK(sheets.out.find("许昌安居物业服务有限公司") != std::string::npos);
}

namespace {

// The part of `award run`'s summary that holds the scores: from the first stage to the winners.
std::string scores_part(const std::string& out) {
    const auto from = out.find("材料评审（");
    const auto to = out.find("表彰：");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    return out.substr(from, to - from);
}

}  // namespace

TEST_CASE("Score sheets from award sheets, filled by a script and saved again by LibreOffice, give the same results as the JSON sheets") {
    TempDir tmp;
    const fs::path dir = copy_sample(tmp.path());
    Ran sheets = run_award({"sheets", dir.string(), "--out", (tmp.path() / "out").string()});
    INFO(sheets.out + sheets.err);
    REQUIRE(sheets.status == 0);
    const fs::path blank = tmp.path() / "out" / "weidu-2026-评分表";

    // Fill each workbook as a reviewer would, from the sample's JSON sheet of the same
    // reviewer and stage: percentages in column D, strengths and improvements in F and G.
    const std::string fill =
        "import json, sys, glob, os, openpyxl\n"
        "blank, scores, filled = sys.argv[1], sys.argv[2], sys.argv[3]\n"
        "os.makedirs(filled, exist_ok=True)\n"
        "sheets = {}\n"
        "for f in glob.glob(os.path.join(scores, '*', '*.json')):\n"
        "    j = json.load(open(f))\n"
        "    sheets[(j['reviewer'], j['stage'])] = {a['credit_code']: a for a in j['applicants']}\n"
        "for f in sorted(glob.glob(os.path.join(blank, '*', '*.xlsx'))):\n"
        "    wb = openpyxl.load_workbook(f)\n"
        "    ident = {r[0]: r[1:] for r in wb['识别信息'].iter_rows(values_only=True) if r[0] != 'applicant'}\n"
        "    given = sheets[(ident['reviewer'][0], ident['stage'][0])]\n"
        "    for r in wb['识别信息'].iter_rows(values_only=True):\n"
        "        if r[0] != 'applicant': continue\n"
        "        ws, a = wb[r[1]], given[r[2]]\n"
        "        for row in range(9, ws.max_row + 1):\n"
        "            item = ws.cell(row, 1).value\n"
        "            if item in a['items']:\n"
        "                ws.cell(row, 4).value = a['items'][item]\n"
        "                ws.cell(row, 6).value = a.get('strengths', {}).get(item)\n"
        "                ws.cell(row, 7).value = a.get('improvements', {}).get(item)\n"
        "    wb.save(os.path.join(filled, os.path.basename(f)))\n";
    write_file(tmp.path() / "fill.py", fill);
    Ran filled = run("/usr/bin/python3 " + quote((tmp.path() / "fill.py").string()) + " " + quote(blank.string()) + " " +
                     quote((dir / "scores").string()) + " " + quote((tmp.path() / "filled").string()));
    INFO(filled.err);
    REQUIRE(filled.status == 0);
    // Opened and saved again by a real spreadsheet program.
    Ran saved = run("cd " + quote((tmp.path() / "filled").string()) + " && soffice --headless --norestore " +
                    "-env:UserInstallation=file://" + (tmp.path() / "lo-profile").string() +
                    " --convert-to xlsx --outdir " + quote((tmp.path() / "saved").string()) + " *.xlsx");
    INFO(saved.out + saved.err);
    REQUIRE(saved.status == 0);
    REQUIRE(files_under(tmp.path() / "saved").size() == 8);
    fs::remove_all(dir / "scores");
    fs::create_directories(dir / "scores");
    for (const auto& f : files_under(tmp.path() / "saved")) fs::copy(tmp.path() / "saved" / f, dir / "scores" / f.filename());

    Ran from_xlsx = run_award({"run", dir.string(), "--out", (tmp.path() / "from-xlsx").string()});
    INFO(from_xlsx.out + from_xlsx.err);
    REQUIRE(from_xlsx.status == 0);
    const auto& from_json = weidu();
    REQUIRE(from_json.ran.status == 0);
    CHECK(scores_part(from_xlsx.out) == scores_part(from_json.ran.out));
    // And the reviewers' words reach the feedback letter the same way.
    CHECK(squeeze(pdf_text(tmp.path() / "from-xlsx" / "weidu-2026" / "评审反馈意见书" / "许昌安居物业服务有限公司.pdf")) ==
          squeeze(pdf_text(from_json.folder / "评审反馈意见书" / "许昌安居物业服务有限公司.pdf")));
}

TEST_CASE("award policies lists each pack with its awards, quotas, money, stages and publicity rules") {
    Ran r = run_award({"policies"});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("tongzhou  通州区  《通州区区长质量奖管理办法》") != std::string::npos);
    CHECK(r.out.find("weidu  魏都区  《魏都区区长质量奖管理办法》") != std::string::npos);
    CHECK(r.out.find("区长质量奖提名奖：名额 2 家，奖金 5万元，不单独申报") != std::string::npos);
    CHECK(r.out.find("区长质量提名奖：名额 4 家，奖金 3万元，可申报") != std::string::npos);
    CHECK(r.out.find("进入现场评审且综合得分达到 500.0 分的组织均授予（第四条）") != std::string::npos);
    CHECK(r.out.find("按拟获奖数不超过1:1.5进入（第十六条）") != std::string::npos);
    CHECK(r.out.find("资料评审 20% + 现场评审 70% + 演讲陈述 10%（第十九条）") != std::string::npos);
    CHECK(r.out.find("拟获奖组织名单公示：10天（第二十条）；异议成立后不进行递补（第二十条）") != std::string::npos);
    CHECK(r.out.find("拟奖名单公示：5个工作日（第二十一条）；异议成立后可以递补") != std::string::npos);
    // Each pack's 有效期 and 受理名单公示, with the articles (通州区 第二十九条; none for 魏都区).
    const auto tz = r.out.find("tongzhou  通州区"), wd = r.out.find("weidu  魏都区");
    REQUIRE(tz != std::string::npos);
    REQUIRE(wd != std::string::npos);
    const std::string tz_part = r.out.substr(tz, r.out.find("\n\n", tz) - tz);
    const std::string wd_part = r.out.substr(wd, r.out.find("\n\n", wd) - wd);
    CHECK(tz_part.find("有效期：至2028年11月29日（第二十九条）") != std::string::npos);
    CHECK(tz_part.find("受理名单公示：未规定（受理名单以通知公布，不设公示期）") != std::string::npos);
    CHECK(wd_part.find("有效期：未规定") != std::string::npos);
    CHECK(wd_part.find("受理名单公示：5个工作日（第十四条）") != std::string::npos);
}

TEST_CASE("TZ sample: no 受理名单公示 (第十五条 only): the 受理名单 is a notice without a period, the letters cite 第十五条 for the decision") {
    const auto& r = tongzhou();
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    CHECK(r.ran.out.find("受理名单：以通知公布，不设公示期（《通州区区长质量奖管理办法》未规定受理名单公示）。") != std::string::npos);
    CHECK(r.ran.out.find("受理名单公示期") == std::string::npos);
    CHECK_FALSE(fs::exists(r.folder / "受理名单公示.pdf"));
    const std::string notice = squeeze(pdf_text(r.folder / "受理名单通知.pdf"));
    CHECK(notice.find("关于2026年度通州区区长质量奖受理名单的通知") != std::string::npos);
    CHECK(notice.find("各申报组织：") != std::string::npos);
    CHECK(notice.find("经审查，8家申报组织符合申报条件，予以受理。") != std::string::npos);
    CHECK(notice.find("南通通达精密机械股份有限公司") != std::string::npos);
    CHECK(notice.find("南通海门精工齿轮有限公司") == std::string::npos);
    for (const char* absent : {"公示", "异议", "第十五条", "工作日"}) {
        INFO(absent);
        CHECK(notice.find(absent) == std::string::npos);
    }
    // 9 not accepted: 海门精工 and 宏盛, and the 7 applicants added for 第二条, 第十一条（四）（六）, 第十四条 (twice),
    // 第二十三条 and 第十二条（三） (samples/README.md).
    const auto letters = files_under(r.folder / "不予受理通知书");
    CHECK(letters.size() == 9);
    for (const auto& f : letters) {
        INFO(f.string());
        const std::string letter = squeeze(pdf_text(r.folder / "不予受理通知书" / f));
        CHECK(letter.find("依据《通州区区长质量奖管理办法》第十五条进行资格审查，贵单位不符合申报条件，决定不予受理") !=
              std::string::npos);
        CHECK(letter.find("现将不予受理的理由告知贵单位") != std::string::npos);
        CHECK(letter.find("书面告知") == std::string::npos);
        // No 受理名单公示 is announced; the only 公示 a letter may name is the applicant's own internal
        // one of 第十四条, in 安和's reason.
        std::string rest = letter;
        for (const std::string own : {"已在本单位内部公示不少于5个工作日", "在本组织内部就申报通州区区长质量奖事项进行公示不少于5个工作日"})
            for (auto at = rest.find(own); at != std::string::npos; at = rest.find(own)) rest.erase(at, own.size());
        CHECK(rest.find("公示") == std::string::npos);
    }
}

TEST_CASE("TZ sample: 17 applicants, 8 accepted, each of the other 9 refused for the articles samples/README.md gives") {
    const auto& r = tongzhou();
    INFO(r.ran.out + r.ran.err);
    REQUIRE(r.ran.status == 0);
    CHECK(r.ran.out.find("申报 17 家，受理 8 家，不予受理 9 家。") != std::string::npos);
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"南通海门精工齿轮有限公司", "第十一条（二）、第十四条"},
        {"南通宏盛电子有限公司", "第十二条（二）"},
        {"江苏瑞能机电有限公司通州分公司", "第二条"},
        {"南通瑞丰食品有限公司", "第十一条（四）"},
        {"南通华瑞印染有限公司", "第十一条（六）"},
        {"南通安和物业服务有限公司", "第十四条"},
        {"南通博远软件科技有限公司", "第十四条"},
        {"南通联泰纸业有限公司", "第二十三条"},
        {"南通恒泰化工有限公司", "第十二条（三）"}};
    for (const auto& [name, articles] : refused) {
        INFO(name);
        CHECK(r.ran.out.find("不予受理  " + name + "（区长质量奖）：" + articles + "\n") != std::string::npos);
        CHECK(fs::exists(r.folder / "不予受理通知书" / (name + ".pdf")));
    }
    // 第二十三条 bars only a revocation for fraud: 联泰's (弄虚作假) counts, 恒泰's (事故, 第二十四条) does not.
    const std::string fraud = squeeze(pdf_text(r.folder / "不予受理通知书" / "南通联泰纸业有限公司.pdf"));
    CHECK(fraud.find("因弄虚作假被撤销") != std::string::npos);
    CHECK(fraud.find("2027年9月15日起方可再次申报") != std::string::npos);
    const std::string incident = squeeze(pdf_text(r.folder / "不予受理通知书" / "南通恒泰化工有限公司.pdf"));
    CHECK(incident.find("第十二条（三）") != std::string::npos);
    CHECK(incident.find("第二十三条") == std::string::npos);
    // Only industrial firms are asked for the environmental credit rating.
    const std::string dyeing = squeeze(pdf_text(r.folder / "不予受理通知书" / "南通华瑞印染有限公司.pdf"));
    CHECK(dyeing.find("贵单位属工业企业（所属行业：纺织业），环保信用等级为黄色") != std::string::npos);
}

namespace {

// templates/ and fonts/ of the source tree in a folder of their own, the 通州区 pack's
// 有效期 (第二十九条) ending on `until`.
fs::path data_dir_with_tz_until(const fs::path& into, const std::string& until) {
    fs::create_directories(into);
    fs::copy(fs::path(AWARD_SOURCE_DIR) / "templates", into / "templates", fs::copy_options::recursive);
    fs::copy(fs::path(AWARD_SOURCE_DIR) / "fonts", into / "fonts", fs::copy_options::recursive);
    const fs::path pack = into / "templates" / "policies" / "tongzhou.json";
    nlohmann::json j = read_json(pack);
    j["validity"]["until"] = until;
    write_file(pack, j.dump(2));
    return into;
}

Ran run_with_data(const fs::path& data, const std::vector<std::string>& args) {
    std::string cmd = quote(AWARD_BINARY) + " --data-dir " + quote(data.string());
    for (const auto& a : args) cmd += " " + quote(a);
    return run(cmd);
}

}  // namespace

TEST_CASE("TZ-第二十九条 a case dated after the pack's 有效期 is refused by check, run and sheets, naming pack, article, bound, field and flag") {
    TempDir tmp;
    // The sample's last dates: the objection decision (2026-10-28) and the commendation (2026-11-20).
    const fs::path data = data_dir_with_tz_until(tmp.path() / "data", "2026-10-25");
    const std::string case_dir = (sample_dir().parent_path() / "tongzhou-2026").string();
    const fs::path out = tmp.path() / "out";
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"check", case_dir}, {"run", case_dir, "--out", out.string()}, {"sheets", case_dir, "--out", out.string()}}) {
        INFO(args[0]);
        const Ran r = run_with_data(data, args);
        INFO(r.out + r.err);
        CHECK(r.status == 2);
        CHECK(r.err.find("案卷日期不在政策包的有效期内（未写入任何文件）：政策包 " +
                         (data / "templates" / "policies" / "tongzhou.json").string() +
                         " 的 validity：《通州区区长质量奖管理办法》第二十九条规定有效期至2026年10月25日") != std::string::npos);
        CHECK(r.err.find("case.json: /commendation/date（表彰决定日期）：2026-11-20，晚于有效期截止日 2026-10-25") !=
              std::string::npos);
        CHECK(r.err.find("decisions.json: /decisions/1/date（决定日期）：2026-10-28，晚于有效期截止日 2026-10-25") !=
              std::string::npos);
        CHECK(r.err.find("加上 --allow-expired-policy 重新运行") != std::string::npos);
        CHECK(r.out.find("案卷无误") == std::string::npos);
    }
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("TZ-第二十九条 --allow-expired-policy runs on, with the warning on stderr, every internal workbook's first row and the manifest, never a public PDF") {
    TempDir tmp;
    const fs::path data = data_dir_with_tz_until(tmp.path() / "data", "2026-10-25");
    const std::string case_dir = (sample_dir().parent_path() / "tongzhou-2026").string();
    const std::string warning =
        "注意：本届评审日期（表彰决定日期2026年11月20日、决定日期2026年10月28日）已超出《通州区区长质量奖管理办法》"
        "第二十九条规定的有效期（至2026年10月25日），经操作人员以 --allow-expired-policy 确认仍按该办法执行。";

    const Ran check = run_with_data(data, {"check", case_dir, "--allow-expired-policy"});
    INFO(check.out + check.err);
    CHECK(check.status == 0);
    CHECK(check.err == warning + "\n");

    const fs::path out = tmp.path() / "out";
    const Ran r = run_with_data(data, {"run", case_dir, "--out", out.string(), "--allow-expired-policy"});
    INFO(r.out + r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err == warning + "\n");
    const fs::path folder = out / "tongzhou-2026";
    // The same results as without the override (the TZ sample test).
    CHECK(r.out.find("1. 南通通达精密机械股份有限公司  860.0 分") != std::string::npos);
    for (const char* book : {"资格审查结果（内部）.xlsx", "评分汇总（内部）.xlsx", "获奖名单.xlsx", "奖金发放表.xlsx"}) {
        const Ran names = run("/usr/bin/python3 -c " +
                              quote("import openpyxl,sys\nfor ws in openpyxl.load_workbook(sys.argv[1]).worksheets: print(ws.title)") +
                              " " + quote((folder / book).string()));
        REQUIRE(names.status == 0);
        std::istringstream titles(names.out);
        int sheets = 0;
        for (std::string title; std::getline(titles, title);) {
            INFO(book << " / " << title);
            ++sheets;
            const auto rows = xlsx_rows(folder / book, title);
            REQUIRE(rows.size() >= 2);
            CHECK(rows[0].substr(0, warning.size()) == warning);  // alone in its row, above the header
            CHECK(rows[0].find_first_not_of('|', warning.size()) == std::string::npos);
        }
        CHECK(sheets >= 1);
    }
    const nlohmann::json manifest = read_json(folder / "manifest.json");
    CHECK(manifest["warnings"] == nlohmann::json::array({warning}));
    for (const auto& f : files_under(folder)) {
        if (f.extension() != ".pdf") continue;
        INFO(f.string());
        CHECK(squeeze(pdf_text(folder / f)).find("allow-expired-policy") == std::string::npos);
    }
    // A manifest without anything to confirm has no warnings at all.
    CHECK_FALSE(read_json(tongzhou().folder / "manifest.json").contains("warnings"));

    const Ran sheets = run_with_data(data, {"sheets", case_dir, "--out", out.string(), "--allow-expired-policy"});
    INFO(sheets.out + sheets.err);
    REQUIRE(sheets.status == 0);
    CHECK(sheets.err == warning + "\n");
    CHECK(read_json(out / "tongzhou-2026-评分表" / "manifest.json")["warnings"] == nlohmann::json::array({warning}));
}
