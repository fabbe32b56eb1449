// What the store benchmarks (SQLite, PostgreSQL) share: sizes from the environment, wall
// time, and the compact case their sweep populations are made of.
#pragma once

#include "jmdcm/jmdcm.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace jmdcm::bench {

/// A size from the environment (JMDCM_BENCH_CASES ...), to shrink a run for a quick look.
inline std::size_t env_size(const char* name, std::size_t fallback) {
    const char* v = std::getenv(name);
    return v ? std::strtoull(v, nullptr, 10) : fallback;
}

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// The bulk benchmarks' realistic cases (synthetic, JMDCM_BENCH_CASES of them, default
/// 100,000) and their JSON, generated once (not timed); one case worker, fk-01, has them all.
struct Corpus {
    std::vector<Case> cases;
    std::vector<std::string> docs;
    Corpus() {
        const std::size_t n = env_size("JMDCM_BENCH_CASES", 100000);
        cases.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i) {
            cases.push_back(synthetic_case({}, i));
            cases.back().case_worker = "fk-01";
            docs.push_back(json::to_string(cases.back()));
        }
    }
};
inline const Corpus& corpus() {
    static const Corpus c;
    return c;
}

/// Opened on `opened`: consent, master data, one contact; closed a month later when `closed`.
inline Case compact_case(std::uint64_t i, Date opened, const std::string& case_worker, bool closed) {
    const Policy policy;
    char id[32];
    std::snprintf(id, sizeof id, "POP-%08llu", static_cast<unsigned long long>(i));
    Case c = open_case(id, "JMD Synthetik", case_worker, opened);
    DataConsent consent;
    consent.given_on = opened;
    consent.form_language = "de";
    consent.form_version = "2018-01";
    consent.text_sha256 = std::string(64, 'a');
    consent.purpose = "Beratung";
    consent.consequences_explained = true;
    record_consent(c, consent, make_date(2000, 1, 1), policy);
    MasterData p;
    p.given_name = "Kalora";
    p.family_name = "Vesku";
    p.birth_date = make_date(2000, 1, 1);
    p.address.postcode = "60311";
    set_person(c, p, opened, policy);
    add_journal_entry(c, {opened, ContactKind::in_person, ContactTopic::counselling, true, "Jugendliche", "Erstgespräch"}, policy);
    if (closed) {
        Closure cl;
        cl.date = opened + boost::gregorian::days(30);
        cl.reason = ClosureReason::ended_by_young_person;
        close_case(c, cl, policy);
    }
    return c;
}

}  // namespace jmdcm::bench
