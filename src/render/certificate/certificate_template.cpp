#include "render/certificate/certificate_template.hpp"

#include <map>

#include "model/errors.hpp"
#include "packs/config_json.hpp"
#include "render/template/mustache_tags.hpp"

namespace award::cert {

namespace fs = std::filesystem;
using packs_detail::ConfigProblems;
using packs_detail::ObjectReader;

namespace {

constexpr double kMm = 72.0 / 25.4;

// ISO 216 and GB/T 148 sizes, portrait, in mm.
const std::map<std::string, std::pair<double, double>>& paper_sizes() {
    static const std::map<std::string, std::pair<double, double>> sizes{
        {"A3", {297, 420}}, {"A4", {210, 297}}, {"A5", {148, 210}}, {"B4", {250, 353}}, {"B5", {176, 250}}};
    return sizes;
}

std::optional<pdf::Rgb> parse_colour(const std::string& s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    double c[3];
    for (int i = 0; i < 3; ++i) {
        int v = 0;
        for (int k = 1; k <= 2; ++k) {
            const char ch = s[std::size_t(2 * i + k)];
            const int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                                         : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
            if (d < 0) return std::nullopt;
            v = v * 16 + d;
        }
        c[i] = v / 255.0;
    }
    return pdf::Rgb{c[0], c[1], c[2]};
}

pdf::Rgb colour(ObjectReader& r, ConfigProblems& problems, const char* key) {
    const auto text = r.text(key, false);
    if (!text) return {};
    const auto c = parse_colour(*text);
    if (!c) problems.add(r.at(key), "应为 \"#RRGGBB\" 形式的颜色（如 \"#C00000\"），实际为 \"" + *text + "\"");
    return c.value_or(pdf::Rgb{});
}

std::shared_ptr<const pdf::ImageFile> image(const nlohmann::json* v, const std::string& pointer, const fs::path& dir,
                                            ConfigProblems& problems) {
    if (!v || v->is_null()) return nullptr;
    if (!v->is_string() || v->get<std::string>().empty()) {
        problems.add(pointer, "应为与模板同一文件夹中的 PNG 或 JPEG 图片文件名，或 null，实际为" + packs_detail::describe(*v));
        return nullptr;
    }
    try {
        return pdf::ImageFile::load(dir / v->get<std::string>());
    } catch (const ConfigError& e) {
        problems.add(pointer, e.what());
        return nullptr;
    }
}

pdf::Role role_of(const std::string& name, bool& ok) {
    for (pdf::Role r : {pdf::Role::Certificate, pdf::Role::Title, pdf::Role::Body, pdf::Role::Heading, pdf::Role::Kai})
        if (name == pdf::role_name(r)) return r;
    ok = false;
    return pdf::Role::Certificate;
}

}  // namespace

CertificateTemplate load_certificate_template(const fs::path& file, const std::string& name,
                                              const tpl::TemplateSchema& schema) {
    const nlohmann::json j = packs_detail::read_json_file(file);
    ConfigProblems problems(file);
    CertificateTemplate t;
    t.name = name;
    ObjectReader top(j, "", problems);
    top.only_keys({"about", "page", "background", "frame", "boxes", "qr", "seal"});
    if (!top.ok()) problems.throw_if_any();

    if (const auto* page = top.object("page")) {
        ObjectReader p(*page, "/page", problems);
        p.only_keys({"size", "orientation"});
        const auto size = p.text("size");
        const auto orientation = p.text("orientation");
        if (size) {
            auto found = paper_sizes().find(*size);
            if (found == paper_sizes().end()) problems.add(p.at("size"), "应为 A3、A4、A5、B4 或 B5，实际为 \"" + *size + "\"");
            else t.width = found->second.first * kMm, t.height = found->second.second * kMm;
        }
        if (orientation && *orientation != "portrait" && *orientation != "landscape")
            problems.add(p.at("orientation"), "应为 \"landscape\"（横向）或 \"portrait\"（纵向），实际为 \"" + *orientation + "\"");
        if (orientation && *orientation == "landscape") std::swap(t.width, t.height);
    }
    const double page_w = t.width / kMm, page_h = t.height / kMm;
    t.background = image(top.any("background", false), top.at("background"), file.parent_path(), problems);

    if (const auto* frame = top.array("frame", false)) {
        for (std::size_t i = 0; i < frame->size(); ++i) {
            ObjectReader f((*frame)[i], "/frame/" + std::to_string(i), problems);
            f.only_keys({"inset_mm", "line_mm", "colour"});
            FrameLine line;
            line.inset = f.number("inset_mm", 0, std::min(page_w, page_h) / 2).value_or(0) * kMm;
            line.width = f.number("line_mm", 0.1, 10).value_or(0) * kMm;
            line.colour = colour(f, problems, "colour");
            t.frame.push_back(line);
        }
    }

    auto square = [&](const nlohmann::json* v, const std::string& pointer, std::initializer_list<const char*> keys) {
        Square s;
        ObjectReader r(*v, pointer, problems);
        r.only_keys(keys);
        const auto size = r.number("size_mm", 10, std::min(page_w, page_h));
        const auto x = r.number("x_mm", 0, page_w), y = r.number("y_mm", 0, page_h);
        if (size && x && y) {
            if (*x + *size > page_w || *y + *size > page_h)
                problems.add(pointer, "应整个在纸面内（纸面 " + std::to_string(int(page_w)) + " × " + std::to_string(int(page_h)) + " mm）");
            s = {*x * kMm, *y * kMm, *size * kMm};
        }
        return s;
    };
    if (const auto* qr = top.object("qr")) t.qr = square(qr, "/qr", {"x_mm", "y_mm", "size_mm"});
    if (const auto* seal = top.object("seal")) {
        t.seal = square(seal, "/seal", {"x_mm", "y_mm", "size_mm", "image"});
        if (seal->is_object())
            t.seal_image = image(seal->contains("image") ? &(*seal)["image"] : nullptr, "/seal/image", file.parent_path(), problems);
    }

    if (const auto* boxes = top.array("boxes")) {
        if (boxes->empty()) problems.add("/boxes", "应至少有一个文字框");
        for (std::size_t i = 0; i < boxes->size(); ++i) {
            TextBox b;
            b.pointer = "/boxes/" + std::to_string(i);
            ObjectReader r((*boxes)[i], b.pointer, problems);
            r.only_keys({"text", "x_mm", "y_mm", "w_mm", "h_mm", "role", "size_pt", "min_size_pt", "max_lines", "align",
                         "colour", "letter_spacing_em", "note"});
            if (!r.ok()) continue;
            b.text = r.text("text").value_or("");
            const auto x = r.number("x_mm", 0, page_w), y = r.number("y_mm", 0, page_h);
            const auto w = r.number("w_mm", 5, page_w), h = r.number("h_mm", 3, page_h);
            if (x && y && w && h && (*x + *w > page_w + 1e-9 || *y + *h > page_h + 1e-9))
                problems.add(b.pointer, "文字框应整个在纸面内（纸面 " + std::to_string(int(page_w)) + " × " +
                                            std::to_string(int(page_h)) + " mm）");
            b.x = x.value_or(0) * kMm, b.y = y.value_or(0) * kMm, b.w = w.value_or(0) * kMm, b.h = h.value_or(0) * kMm;
            if (const auto role = r.text("role", false)) {
                bool ok = true;
                b.role = role_of(*role, ok);
                if (!ok) problems.add(r.at("role"), "应为 certificate、title、body、heading 或 kai（fonts/fonts.json 中的字体角色），实际为 \"" + *role + "\"");
            }
            b.size = r.number("size_pt", 5, 200).value_or(12);
            b.min_size = r.number("min_size_pt", 5, 200, false).value_or(b.size);
            if (b.min_size > b.size) problems.add(r.at("min_size_pt"), "不应大于 size_pt");
            else if (h && b.min_size > b.h + 1e-6)
                problems.add(r.at(r.any("min_size_pt", false) ? "min_size_pt" : "size_pt"),
                             "应不大于文字框的高度 h_mm（" + std::to_string(*h) + " mm，约 " +
                                 std::to_string(int(b.h)) + " pt）：否则一行也放不下");
            b.max_lines = int(r.integer("max_lines", 1, false).value_or(1));
            if (b.max_lines > 3) problems.add(r.at("max_lines"), "应为 1、2 或 3");
            if (const auto align = r.text("align", false)) {
                if (*align == "left") b.align = pdf::Align::Left;
                else if (*align == "right") b.align = pdf::Align::Right;
                else if (*align == "centre" || *align == "center") b.align = pdf::Align::Centre;
                else problems.add(r.at("align"), "应为 left、centre 或 right，实际为 \"" + *align + "\"");
            }
            b.colour = colour(r, problems, "colour");
            b.letter_spacing = r.number("letter_spacing_em", 0, 2, false).value_or(0);

            std::vector<std::string> errors;
            const std::string where = name + " " + r.at("text");
            tpl::check_tags(tpl::tokenize(b.text, 1, where, errors), schema, where, errors);
            // The text is one line: "<where>:1: " would only repeat the pointer.
            const std::string prefix = where + ":1: ";
            for (const auto& e : errors) problems.add(r.at("text"), e.rfind(prefix, 0) == 0 ? e.substr(prefix.size()) : e);
            t.boxes.push_back(std::move(b));
        }
    }
    problems.throw_if_any();
    return t;
}

}  // namespace award::cert
