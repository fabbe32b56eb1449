// Benchmarks report ratios against a baseline measured in the same run, never absolute
// times as pass/fail: this reporter remembers every run and prints the declared ratios.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace jmdcm::bench {

struct Ratio {
    std::string subject;    // benchmark name prefix of what we measure
    std::string baseline;   // benchmark name prefix of the baseline
    std::string meaning;    // how to read the number, with the target if there is one
    bool cost = false;      // print subject time / baseline time (a cost factor) instead
};

class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const auto& r : runs)
            if (!r.error_occurred) seconds_[r.benchmark_name()] = r.GetAdjustedRealTime();
    }

    /// Prints baseline time / subject time (above 1 the subject is faster), or for a cost
    /// the inverse: how many times the baseline's time the subject takes.
    void print(const std::vector<Ratio>& ratios) const {
        std::printf("\nRatios (same run):\n");
        for (const auto& q : ratios) {
            const double* s = find(q.subject);
            const double* b = find(q.baseline);
            if (s && b && *s > 0 && *b > 0)
                std::printf("  %-34s %8.3f   %s\n", q.subject.c_str(), q.cost ? *s / *b : *b / *s, q.meaning.c_str());
            else std::printf("  %-34s   (not run)\n", q.subject.c_str());
        }
    }

private:
    const double* find(const std::string& prefix) const {
        for (const auto& [name, t] : seconds_)
            if (name.rfind(prefix, 0) == 0) return &t;
        return nullptr;
    }
    std::map<std::string, double> seconds_;
};

/// p50 and p99 of per-call times in microseconds, as counters (targets given as a p50).
inline void report_percentiles(benchmark::State& state, std::vector<double>& us) {
    if (us.empty()) return;
    std::sort(us.begin(), us.end());
    state.counters["p50_us"] = us[us.size() / 2];
    state.counters["p99_us"] = us[us.size() * 99 / 100];
}

inline int run(int argc, char** argv, const std::vector<Ratio>& ratios) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print(ratios);
    benchmark::Shutdown();
    return 0;
}

}  // namespace jmdcm::bench
