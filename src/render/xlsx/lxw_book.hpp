// A libxlsxwriter workbook being written, for the workbooks laid out cell by cell
// (score sheets, report forms): closing writes it; one left unclosed (an error on the
// way) is closed and its partial file removed. Errors name the file and what failed.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>

#include <xlsxwriter.h>

namespace award::xlsx_detail {

class Book {
public:
    explicit Book(const std::filesystem::path& out) : path_(out) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        wb_ = workbook_new_opt(path_.c_str(), &options);
        if (!wb_) throw std::runtime_error("无法创建 " + path_.string());
    }
    ~Book() {
        if (wb_) {
            workbook_close(wb_);
            std::error_code ec;
            std::filesystem::remove(path_, ec);
        }
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    lxw_workbook* get() const { return wb_; }
    void check(lxw_error err, const std::string& what) const {
        if (err != LXW_NO_ERROR)
            throw std::runtime_error("写入 " + path_.string() + " 失败（" + what + "）：" + lxw_strerror(err));
    }
    lxw_worksheet* add(const std::string& name) {
        lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
        if (!ws) throw std::runtime_error("无法在 " + path_.string() + " 中添加工作表「" + name + "」");
        return ws;
    }
    void close() {
        lxw_error err = workbook_close(wb_);
        wb_ = nullptr;
        check(err, "关闭工作簿");
    }

private:
    std::filesystem::path path_;
    lxw_workbook* wb_ = nullptr;
};

}  // namespace award::xlsx_detail
