// Master data (Stammdaten) and residence status (R2, R6), plus the statistical skeleton
// that is all that survives anonymisation (R13).
#pragma once

#include "jmdcm/date.hpp"
#include "jmdcm/free_text.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(ResidenceCategory, duldung, aufenthaltsgestattung, aufenthaltstitel, other)
BOOST_DEFINE_ENUM_CLASS(Gender, female, male, diverse, not_stated)

struct ResidenceStatus {
    ResidenceCategory category = ResidenceCategory::other;
    FreeText other;                 // wording when category is `other`
    std::optional<bool> lawful;     // R2: only consulted for `other`; the three named statuses are lawful or a Duldung
};
BOOST_DESCRIBE_STRUCT(ResidenceStatus, (), (category, other, lawful))

struct Address {
    using absent_members_keep_default = void;   // an address not known (yet) may be left out, in part or whole
    FreeText street;
    std::string postcode;           // kept as text: leading zeros matter ("01067")
    FreeText city;
};
BOOST_DESCRIBE_STRUCT(Address, (), (street, postcode, city))

struct MasterData {
    FreeText family_name;
    FreeText given_name;
    Date birth_date;
    std::optional<Gender> gender;
    FreeText country_of_origin;
    std::optional<Date> arrival_date;
    Address address;
    ResidenceStatus residence;
    std::vector<FreeText> languages;
};
BOOST_DESCRIBE_STRUCT(MasterData, (),
    (family_name, given_name, birth_date, gender, country_of_origin, arrival_date, address, residence, languages))

/// R13: age at intake in bands that follow the programme's own lines: guardian consent
/// (16), majority (18), the eligible span 12..27; outside it only by justification (R2).
BOOST_DEFINE_ENUM_CLASS(AgeBand, under_12, from_12_to_15, from_16_to_17, from_18_to_20, from_21_to_24, from_25_to_27, over_27)
inline AgeBand age_band(int age) {
    return age < 12 ? AgeBand::under_12 : age < 16 ? AgeBand::from_12_to_15 : age < 18 ? AgeBand::from_16_to_17
         : age < 21 ? AgeBand::from_18_to_20 : age < 25 ? AgeBand::from_21_to_24 : age < 28 ? AgeBand::from_25_to_27
         : AgeBand::over_27;
}

/// R13: what survives of the person, coarsened so that it cannot single anyone out.
/// Of the three ages at most one is set, as the policy's `skeleton_age` chose: year of
/// birth and age at intake together would tell, with the month of opening, on which side
/// of the intake the birthday falls.
struct StatisticalSkeleton {
    std::optional<int> birth_year;
    std::optional<int> age_at_intake;
    std::optional<AgeBand> age_band_at_intake;
    std::optional<Gender> gender;
    std::string region;             // first three postcode digits
    std::optional<ResidenceCategory> residence;
};
BOOST_DESCRIBE_STRUCT(StatisticalSkeleton, (), (birth_year, age_at_intake, age_band_at_intake, gender, region, residence))

/// The skeleton shows that a birth date had been recorded (R14 master data).
inline bool has_age(const StatisticalSkeleton& s) {
    return s.birth_year || s.age_at_intake || s.age_band_at_intake;
}

/// R2: the three named statuses count as lawful residence or toleration; `other` only when marked lawful.
inline bool residence_qualifies(const ResidenceStatus& r) {
    return r.category != ResidenceCategory::other || r.lawful.value_or(false);
}

}  // namespace jmdcm
