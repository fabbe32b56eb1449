#include "bulk_io.hpp"

#include "jmdcm/json.hpp"

#include <iostream>

#include <unistd.h>

namespace jmdcm::cli {

// what a host writes: a misspelt key is an error naming it, not a default (issue 14)
constexpr json::ReadOptions strict{.reject_unknown_fields = true};


CaseReader::CaseReader(const std::string& path) : in_(&std::cin), path_(path) {
    if (path == "-") return;
    file_.open(path, std::ios::binary);
    if (!file_) fail(errc::invalid_argument, "", "file", "cannot read '" + path + "'");
    in_ = &file_;
}

void CaseReader::each_batch(std::size_t batch, const std::function<void(std::vector<Case>&, std::size_t)>& f) {
    std::istream& in = *in_;
    // the first character decides: '[' is one array (and a single case one document);
    // otherwise a case per line
    in >> std::ws;
    if (in.peek() == '[') {
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto cases = json::from_string<std::vector<Case>>(text, strict);
        for (std::size_t from = 0; from < cases.size(); from += batch) {
            std::vector<Case> part(std::make_move_iterator(cases.begin() + static_cast<std::ptrdiff_t>(from)),
                                   std::make_move_iterator(cases.begin() + static_cast<std::ptrdiff_t>(std::min(cases.size(), from + batch))));
            f(part, 1);
        }
        return;
    }
    std::vector<Case> part;
    std::size_t line_no = 0, first = 1;
    bool seen = false;   // a case was read already
    std::string line;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (part.empty()) first = line_no;
        try {
            part.push_back(json::from_string<Case>(line, strict));
        } catch (const error& e) {
            if (e.code() == errc::json_syntax && !seen && line.find('}') == std::string::npos) {
                // not JSON Lines but one case over several lines (a pretty-printed document)
                std::string text = line + "\n" + std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                std::vector<Case> one{json::from_string<Case>(text, strict)};
                f(one, first);
                return;
            }
            fail(e.code(), e.rule(), e.field(), path_ + " line " + std::to_string(line_no) + ": " + e.detail());
        }
        seen = true;
        if (part.size() == batch) {
            f(part, first);
            part.clear();
        }
    }
    if (in.bad()) fail(errc::invalid_argument, "", "file", "reading '" + path_ + "' failed");
    if (!part.empty()) f(part, first);
}

CaseFormat case_format(const std::string& name) {
    if (name == "json") return CaseFormat::json;
    if (name == "jsonl") return CaseFormat::jsonl;
    fail(errc::invalid_argument, "", "--format", "unknown format '" + name + "' (one of: json, jsonl)");
}

void CaseWriter::write(const Case& c) {
    if (format_ == CaseFormat::json) std::cout << (written_ ? "," : "[");
    std::cout << json::to_string(c);
    if (format_ == CaseFormat::jsonl) std::cout << '\n';
    ++written_;
    if (!std::cout) fail(errc::storage, "", "stdout", "writing the output failed");   // a closed pipe stops the export early
}

void CaseWriter::finish() {
    if (format_ == CaseFormat::json) std::cout << (written_ ? "]\n" : "[]\n");
}

Progress::Progress(std::string what) : what_(std::move(what)), shown_(::isatty(2) == 1) {}

void Progress::at(std::size_t n) {
    if (!shown_ || n < last_ + 1000) return;
    last_ = n;
    std::cerr << '\r' << what_ << ": " << n << " cases" << std::flush;
}

Progress::~Progress() {
    if (shown_ && last_) std::cerr << '\n';
}

}  // namespace jmdcm::cli
