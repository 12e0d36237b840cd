// applicants.xlsx: the office's own workbook in place of applicants.json. Workbooks are
// written with openpyxl from the sample's applicants.json, so the two must read the same.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "common/score_sheet_fixture.hpp"
#include "common/temp_dir.hpp"
#include "ingest/fixtures.hpp"

using namespace award;
using namespace award::test;
namespace fs = std::filesystem;

namespace {

const fs::path kSample = fs::path(AWARD_SOURCE_DIR) / "samples" / "weidu-2026";

// Writes applicants.xlsx from an applicants.json. A hidden sheet comes first (the list
// is the first visible one), a blank row follows the tenth applicant, phones made only
// of digits are stored as numbers and 成立日期 as date cells. `mode` breaks one thing.
const char* kWriter = R"PY(
import datetime, json, sys
import openpyxl
src, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
apps = json.load(open(src, encoding='utf-8'))['applicants']
headers = ['单位名称', '统一社会信用代码', '申报奖项', '注册地', '通讯地址', '成立日期', '所属行业', '称号',
           '具备资质证照', '符合政策要求', '自评结果', '事故投诉失信', '以往获奖', '联系人', '联系电话']
def row(a):
    inc = '\n'.join(' '.join([i['date'], i['kind'], i['severity']] + ([i['description']] if i.get('description') else []))
                    for i in a['incidents'])
    prior = '\n'.join(p['award'] + ' ' + p['awarded_on'] + (' 撤销 ' + p['revoked_on'] if p.get('revoked_on') else '')
                      for p in a['prior_awards'])
    evals = '；'.join('%d %s' % (s['year'], s['result']) for s in a['self_evaluations'])
    phone = a['contact']['phone']
    return [a['name'], a['credit_code'], a['award'], '  ' + a['region'], a['address'],
            datetime.date.fromisoformat(a['founded']), a['industry'], '、'.join(a.get('designations', [])) or None,
            '是' if a['licences_valid'] else '否', '是' if a['policy_compliant'] else '否',
            evals or None, inc or None, prior or None, a['contact']['name'], int(phone) if phone.isdigit() else phone]
rows = [row(a) for a in apps]
if mode == 'bad_code_row5': rows[3][1] = rows[3][1][:-1] + ('A' if rows[3][1][-1] != 'A' else 'B')
if mode == 'text_date': rows[1][5] = '2021-02-30'
if mode == 'code_as_number': rows[0][1] = 9.14110021752063e17
if mode == 'unknown_header': headers.append('备注'); [r.append('无') for r in rows]
if mode == 'missing_header':
    k = headers.index('所属行业'); del headers[k]; [r.pop(k) for r in rows]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '申报名单'
old = wb.create_sheet('旧名单', 0)
old.sheet_state = 'hidden'
old['A1'] = '作废'
wb.active = 1
ws.append([' ' + h if h == '单位名称' else h for h in headers])
for i, r in enumerate(rows):
    ws.append(r)
    if i == 9: ws.append([None] * len(headers))
for c in ws['F'][1:]:
    c.number_format = 'yyyy"年"m"月"d"日"'
wb.save(out)
)PY";

// A copy of the sample case with applicants.xlsx (written in `mode`) in place of
// applicants.json (kept as well with keep_json).
struct XlsxCase {
    TempDir tmp{"weidu-2026"};
    fs::path dir = tmp.path();
    explicit XlsxCase(const std::string& mode = "plain", bool keep_json = false) {
        fs::copy(kSample, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
        const fs::path src = dir.parent_path() / "applicants-source.json";
        fs::copy_file(dir / "applicants.json", src);
        if (!keep_json) fs::remove(dir / "applicants.json");
        const auto r = sheets::python(tmp, kWriter, {src.string(), (dir / "applicants.xlsx").string(), mode});
        if (r.status != 0) FAIL("openpyxl could not write the workbook: " << r.out);
    }
};

void require_same_applicants(const Case& from_json, const Case& from_xlsx) {
    REQUIRE(from_xlsx.applicants.size() == 17);
    REQUIRE(from_xlsx.applicants.size() == from_json.applicants.size());
    for (std::size_t k = 0; k < from_json.applicants.size(); ++k) {
        const Applicant& a = from_json.applicants[k];
        const Applicant& b = from_xlsx.applicants[k];
        INFO("applicant " << k << " " << a.name);
        CHECK(b.name == a.name);
        CHECK(b.credit_code == a.credit_code);
        CHECK(b.award == a.award);
        CHECK(b.region == a.region);
        CHECK(b.address == a.address);
        CHECK(b.founded == a.founded);
        CHECK(b.industry == a.industry);
        CHECK(b.designations == a.designations);
        CHECK(b.licences_valid == a.licences_valid);
        CHECK(b.policy_compliant == a.policy_compliant);
        REQUIRE(b.self_evaluations.size() == a.self_evaluations.size());
        for (std::size_t j = 0; j < a.self_evaluations.size(); ++j) {
            CHECK(b.self_evaluations[j].year == a.self_evaluations[j].year);
            CHECK(b.self_evaluations[j].result == a.self_evaluations[j].result);
        }
        REQUIRE(b.incidents.size() == a.incidents.size());
        for (std::size_t j = 0; j < a.incidents.size(); ++j) {
            CHECK(b.incidents[j].date == a.incidents[j].date);
            CHECK(b.incidents[j].kind == a.incidents[j].kind);
            CHECK(b.incidents[j].severity == a.incidents[j].severity);
            CHECK(b.incidents[j].description == a.incidents[j].description);
        }
        REQUIRE(b.prior_awards.size() == a.prior_awards.size());
        for (std::size_t j = 0; j < a.prior_awards.size(); ++j) {
            CHECK(b.prior_awards[j].award == a.prior_awards[j].award);
            CHECK(b.prior_awards[j].awarded_on == a.prior_awards[j].awarded_on);
            CHECK(b.prior_awards[j].revoked_on == a.prior_awards[j].revoked_on);
        }
        CHECK(b.contact.name == a.contact.name);
        CHECK(b.contact.phone == a.contact.phone);
        // Rows 2–11, a blank row 12, then 13 onwards.
        CHECK(b.source == "applicants.xlsx: 第" + std::to_string(k < 10 ? k + 2 : k + 3) + "行");
    }
    // The revoked prior award and the incidents made it through.
    CHECK(std::any_of(from_xlsx.applicants.begin(), from_xlsx.applicants.end(),
                      [](const Applicant& a) { return !a.prior_awards.empty() && a.prior_awards[0].revoked_on; }));
    CHECK(std::any_of(from_xlsx.applicants.begin(), from_xlsx.applicants.end(),
                      [](const Applicant& a) { return a.incidents.size() >= 2; }));
}

Case read_ok(const fs::path& dir) {
    try {
        return read_case(dir, weidu_like_catalog());
    } catch (const InputError& e) {
        FAIL("read_case reported problems:\n" << e.what());
    }
    return {};
}

// The problems about applicants.xlsx only.
std::vector<Problem> xlsx_problems(const fs::path& dir) {
    std::vector<Problem> found;
    for (auto& p : problems_in(dir))
        if (p.file == "applicants.xlsx") found.push_back(p);
    return found;
}

}  // namespace

TEST_CASE("applicants.xlsx written from the sample's applicants.json reads as the same applicants") {
    XlsxCase xc;
    const Case from_json = read_ok(kSample);
    const Case from_xlsx = read_ok(xc.dir);
    require_same_applicants(from_json, from_xlsx);
}

TEST_CASE("applicants.xlsx re-saved by LibreOffice reads as the same applicants") {
    XlsxCase xc;
    TempDir saved;
    const fs::path copy = sheets::resave_with_libreoffice(xc.dir / "applicants.xlsx", saved.path());
    fs::copy_file(copy, xc.dir / "applicants.xlsx", fs::copy_options::overwrite_existing);
    require_same_applicants(read_ok(kSample), read_ok(xc.dir));
}

TEST_CASE("applicants.xlsx: a bad credit code in row 5 names 第5行 and the column") {
    XlsxCase xc("bad_code_row5");
    const auto problems = xlsx_problems(xc.dir);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    const auto& p = problems[0];
    const std::string name = read_json(kSample / "applicants.json")["applicants"][3]["name"];
    CHECK(p.record == "第5行（" + name + "）");
    CHECK(p.field == "统一社会信用代码（B5）");
    CHECK(contains(p.expected, "GB 32100"));
    CHECK(contains(p.message(), "applicants.xlsx: 第5行"));
}

TEST_CASE("applicants.xlsx: a text date that is not a real day names its row and column") {
    XlsxCase xc("text_date");
    const auto problems = xlsx_problems(xc.dir);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].record, "第3行"));
    CHECK(problems[0].field == "成立日期（F3）");
    CHECK(problems[0].value == "2021-02-30");
}

TEST_CASE("applicants.xlsx: a credit code Excel rounded to a number is reported, not guessed") {
    XlsxCase xc("code_as_number");
    const auto problems = xlsx_problems(xc.dir);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].record, "第2行"));
    CHECK(problems[0].field == "统一社会信用代码（B2）");
    CHECK(contains(problems[0].expected, "四舍五入"));
}

TEST_CASE("applicants.xlsx: an unknown header is named with the known ones") {
    XlsxCase xc("unknown_header");
    const auto problems = xlsx_problems(xc.dir);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].value == "备注");
    CHECK(contains(problems[0].field, "P1"));
    CHECK(contains(problems[0].expected, "统一社会信用代码"));
    CHECK(contains(problems[0].expected, "联系电话"));
}

TEST_CASE("applicants.xlsx: a missing required header is one problem naming it") {
    XlsxCase xc("missing_header");
    const auto problems = xlsx_problems(xc.dir);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].expected, "所属行业"));
    CHECK(contains(problems[0].record, "第1行"));
}

TEST_CASE("applicants.json and applicants.xlsx both present: one problem asking to keep one") {
    XlsxCase xc("plain", true);
    const auto problems = problems_in(xc.dir);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "applicants.xlsx");
    CHECK(contains(problems[0].value, "applicants.json"));
    CHECK(contains(problems[0].expected, "只保留其中一个"));
}
