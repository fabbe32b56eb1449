// Cases in bulk for import, export and generate: JSON Lines (one case a line) streamed with
// bounded memory, or one JSON array (up to the document limit); a progress line on a
// terminal.
#pragma once

#include "jmdcm/case.hpp"

#include <cstddef>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace jmdcm::cli {

/// Reads cases from a file ("-": standard input): a JSON array or a single case as one
/// document, else JSON Lines. Errors name the line (JSON Lines) and the field.
class CaseReader {
public:
    explicit CaseReader(const std::string& path);
    /// Calls `f` with up to `batch` cases at a time, in file order, and the first line of them.
    void each_batch(std::size_t batch, const std::function<void(std::vector<Case>&, std::size_t first_line)>& f);

private:
    std::ifstream file_;
    std::istream* in_;
    std::string path_;
};

enum class CaseFormat { json, jsonl };
CaseFormat case_format(const std::string& name);   // "json" or "jsonl", naming --format otherwise

/// Writes cases to standard output as they come: a JSON array or JSON Lines.
class CaseWriter {
public:
    explicit CaseWriter(CaseFormat format) : format_(format) {}
    void write(const Case& c);
    void finish();   // closes the array

private:
    CaseFormat format_;
    std::size_t written_ = 0;
};

/// "import: 12000 cases" on standard error, rewritten in place, only when it is a terminal.
class Progress {
public:
    explicit Progress(std::string what);
    void at(std::size_t n);
    ~Progress();

private:
    std::string what_;
    bool shown_;
    std::size_t last_ = 0;
};

}  // namespace jmdcm::cli
