// R7 Assessment (Ressourcenerhebung): nine life areas, scored per perspective on the
// policy's scale. Perspectives stay side by side, never averaged; every re-assessment
// is kept so progress over time can be shown.
#pragma once

#include "jmdcm/life_area.hpp"
#include "jmdcm/policy.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(Perspective, young_person, case_worker, third_party)

struct AreaRating {
    LifeArea area = LifeArea::language;
    Perspective perspective = Perspective::young_person;
    std::string rater;          // which third party (institution); empty for the other two
    int score = 0;
    FreeText problems;
    FreeText resources;
    FreeText remarks;
};
BOOST_DESCRIBE_STRUCT(AreaRating, (), (area, perspective, rater, score, problems, resources, remarks))

struct Assessment {
    Date date;
    std::vector<AreaRating> ratings;
    bool competence_procedure = false;       // "Kompetenzfeststellungsverfahren wurde durchgeführt"
    std::optional<Date> reassessment_planned;
};
BOOST_DESCRIBE_STRUCT(Assessment, (), (date, ratings, competence_procedure, reassessment_planned))

struct AssessmentIssue {
    std::string field;
    std::string message;
};
BOOST_DESCRIBE_STRUCT(AssessmentIssue, (), (field, message))

/// Throws errc::assessment_invalid (R7) for a score off the scale or a rating given twice
/// for the same area, perspective and rater; returns quality warnings (no re-assessment planned).
std::vector<AssessmentIssue> validate_assessment(const Assessment& a, const Policy& policy);

/// Change between two assessments for each (area, perspective, rater) present in both.
struct AreaChange {
    LifeArea area = LifeArea::language;
    Perspective perspective = Perspective::young_person;
    std::string rater;
    int before = 0;
    int after = 0;
    int delta = 0;
};
BOOST_DESCRIBE_STRUCT(AreaChange, (), (area, perspective, rater, before, after, delta))

std::vector<AreaChange> compare_assessments(const Assessment& before, const Assessment& after);

/// One perspective's scores in life-area order (nullopt where not rated): a chart's series.
std::vector<std::optional<int>> scores_of(const Assessment& a, Perspective p, std::string_view rater = {});

}  // namespace jmdcm
