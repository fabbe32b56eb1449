// A seeded generator of realistic synthetic case histories for tests, benchmarks and
// demonstrations: no real person's data is ever needed. Names are invented syllables.
// Each case is built through the public operations, so it obeys every rule, and it
// depends only on (seed, index): the same inputs give the same case on every platform.
#pragma once

#include "jmdcm/case.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace jmdcm {

struct SyntheticOptions {
    using absent_members_keep_default = void;  // a host names only what it changes
    std::uint64_t seed = 1;
    Date first_day = Date(2018, 1, 1);         // cases open between first_day and first_day + span_days
    int span_days = 1460;
    int case_workers = 20;                     // "fk-01" .. "fk-20"
    std::string office = "JMD Synthetik";
};
BOOST_DESCRIBE_STRUCT(SyntheticOptions, (), (seed, first_day, span_days, case_workers, office))

/// Case number `index` of the generated population.
Case synthetic_case(const SyntheticOptions& options, std::uint64_t index, const Policy& policy = {});

}  // namespace jmdcm
