// What people look at, rendered by the core for hosts that have no renderer of their own:
// the plan as the document the young person takes home (R9: it is also the integration
// agreement), the evaluation (R11), and a radar chart of the assessment (R7). HTML is
// self-contained and print-friendly (A4, no scripts, no external resources), SVG is
// plain SVG 1.1. Every text a person wrote is escaped. Nothing reads the clock.
#pragma once

#include "jmdcm/case.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

/// German, English, and German in plain language (Einfache Sprache) for young people who
/// are still learning it.
BOOST_DEFINE_ENUM_CLASS(Language, de, en, plain)

struct RenderOptions {
    using absent_members_keep_default = void;
    Language language = Language::de;
    std::optional<int> plan_version;          // default: the current plan
};
BOOST_DESCRIBE_STRUCT(RenderOptions, (), (language, plan_version))

/// R9: the plan with its goals by priority, sub-goals, tasks by who does them, review
/// dates, offers and signature lines. errc::not_found when the case has no such plan.
std::string plan_html(const Case& c, const RenderOptions& options);

/// R11: closure, goals reached, the ratings of the five dimensions. errc::not_found
/// without an evaluation.
std::string evaluation_html(const Case& c, const RenderOptions& options, const Policy& policy);

struct RadarOptions {
    using absent_members_keep_default = void;
    Language language = Language::de;
    std::optional<Date> first;                // default: the first assessment
    std::optional<Date> second;               // default: the latest one (none if there is only one)
    std::vector<Perspective> perspectives;    // default: every perspective recorded
    int size = 520;                           // height of the chart in pixels; 1.5 times as wide for the labels
};
BOOST_DESCRIBE_STRUCT(RadarOptions, (), (language, first, second, perspectives, size))

/// R7: one axis per life area on the policy's scale; one outline per perspective (and
/// third-party rater) and date, overlaid and never averaged; the earlier date dashed.
/// Areas without a rating leave a gap in the outline. errc::not_found for a date with no
/// assessment, errc::invalid_argument for a size outside 200..2000.
std::string radar_svg(const Case& c, const RadarOptions& options, const Policy& policy);

}  // namespace jmdcm
