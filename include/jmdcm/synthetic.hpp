// A seeded generator of realistic synthetic case histories for tests, benchmarks and
// demonstrations: no real person's data is ever needed. Names are invented syllables.
// Each case is built through the public operations, so it obeys every rule, and it
// depends only on (seed, index): the same inputs give the same case on every platform.
#pragma once

#include "jmdcm/case.hpp"
#include "jmdcm/network.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace jmdcm {

/// Issue 20: how one life area behaves in the synthetic population.
struct AreaStructure {
    LifeArea area = LifeArea::language;
    int difficulty = 0;                        // points off the chance that a goal here is achieved; also a lower first rating
    int gap_percent = 10;                      // chance that a goal here finds no offer: a supply gap (R12)
    std::optional<PartnerCategory> missing;    // whose offer is missing then
    std::string gap;                           // the gap's wording
};
BOOST_DESCRIBE_STRUCT(AreaStructure, (), (area, difficulty, gap_percent, missing, gap))

/// Issue 20: the structure put into the synthetic population so that an analysis has
/// something to find. It is INVENTED to rehearse evaluations, not estimated from real data.
/// Chances are points of 100; "obstacles" are the screening criteria answered yes (1..10);
/// CM cases have 4 or more (R6), so the reference is 6, about their median.
struct PopulationStructure {
    using absent_members_keep_default = void;  // a researcher names only what they change
    int achieved_percent = 70;      // chance a goal is achieved: an area of difficulty 0, 6 obstacles, no Duldung
    int per_obstacle = 5;           // points off that chance, and onto the dropout chance, per obstacle above 6 (on/off below)
    int duldung = 15;               // points off that chance with a Duldung; structural obstacles become likelier
    int dropout_percent = 15;       // chance of ending early (by the young person, or no contact), at 6 obstacles
    int first_rating_gap = 2;       // the young person's first self-help rating above the worker's; halves at each re-assessment
    std::vector<AreaStructure> areas = default_areas();

    /// Occupation and housing hard, leisure easy; the gaps the handbook names: childcare
    /// places, language courses for those without a claim to an integration course.
    static std::vector<AreaStructure> default_areas();
};
BOOST_DESCRIBE_STRUCT(PopulationStructure, (), (achieved_percent, per_obstacle, duldung, dropout_percent, first_rating_gap, areas))

struct SyntheticOptions {
    using absent_members_keep_default = void;  // a host names only what it changes
    std::uint64_t seed = 1;
    Date first_day = Date(2018, 1, 1);         // cases open between first_day and first_day + span_days
    int span_days = 1460;
    int case_workers = 20;                     // "fk-01" .. "fk-20"
    std::string office = "JMD Synthetik";
    PopulationStructure structure;             // issue 20: what drives outcomes (defaults documented above)
};
BOOST_DESCRIBE_STRUCT(SyntheticOptions, (), (seed, first_day, span_days, case_workers, office, structure))

/// The structure's checks: chances within 0..100, each area named at most once. Errors name
/// the member under `structure`.
void validate(const PopulationStructure& s);

/// Case number `index` of the generated population.
Case synthetic_case(const SyntheticOptions& options, std::uint64_t index, const Policy& policy = {});

}  // namespace jmdcm
