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

/// R13: what survives of the person, coarsened so that it cannot single anyone out.
struct StatisticalSkeleton {
    std::optional<int> birth_year;
    std::optional<int> age_at_intake;
    std::optional<Gender> gender;
    std::string region;             // first three postcode digits
    std::optional<ResidenceCategory> residence;
};
BOOST_DESCRIBE_STRUCT(StatisticalSkeleton, (), (birth_year, age_at_intake, gender, region, residence))

/// R2: the three named statuses count as lawful residence or toleration; `other` only when marked lawful.
inline bool residence_qualifies(const ResidenceStatus& r) {
    return r.category != ResidenceCategory::other || r.lawful.value_or(false);
}

}  // namespace jmdcm
