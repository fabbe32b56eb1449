// R11 Closure (Beendigung) and evaluation: each reason has its consequences (see
// case.hpp close_case); the evaluation answers the handbook's questions and rates five
// dimensions on the policy's scale.
#pragma once

#include "jmdcm/implementation.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(ClosureReason,
    goals_reached, ended_by_young_person, lack_of_cooperation, structural_obstacles, no_contact, office_closed)

struct Closure {
    using strings_may_be_absent = void;  // referred_to: the closure's rules ask for it where the reason needs it (R11)
    Date date;
    ClosureReason reason = ClosureReason::goals_reached;
    bool by_consensus = true;
    std::string referred_to;             // structural obstacles: where the young person was sent
    bool continue_as_counselling = false; // lack of cooperation may continue as a counselling case
    std::optional<Date> follow_up_on;    // set by close_case
    FreeText remark;
};
BOOST_DESCRIBE_STRUCT(Closure, (), (date, reason, by_consensus, referred_to, continue_as_counselling, follow_up_on, remark))

/// R11: the follow-up talk (Nachgespräch) about six months after closure, on the outcome's
/// sustainability. Held or declined; either way the file may then be anonymised (R13).
struct FollowUpTalk {
    Date date;
    bool held = true;                          // false: the young person declined
    std::optional<int> sustainability;         // how lasting the outcome is, on the policy's scale (held only)
    bool renewed_help_needed = false;          // held only
    FreeText note;
};
BOOST_DESCRIBE_STRUCT(FollowUpTalk, (), (date, held, sustainability, renewed_help_needed, note))

struct GoalOutcome {
    std::string goal_id;
    Achievement achievement = Achievement::achieved;
    FreeText remark;
};
BOOST_DESCRIBE_STRUCT(GoalOutcome, (), (goal_id, achievement, remark))

/// R11: made in the closure phase, before the closure reason is decided (the handbook's
/// closure phase evaluates first), and replaceable until the case is closed; a case closed
/// without one may take it once afterwards.
struct Evaluation {
    Date date;
    std::vector<GoalOutcome> goals;
    std::optional<bool> life_situation_improved;
    std::vector<FreeText> supply_gaps;           // in the young person's words (wiped by R13)
    std::vector<SupplyGap> gaps;                 // R12: the same, structured: bundled and kept in the skeleton
    std::optional<int> satisfaction_measures;
    std::optional<int> satisfaction_case_worker;
    // the five dimensions of the handbook
    std::optional<int> general_satisfaction;   // atmosphere, reachability, speed
    std::optional<int> course;                 // course of the counselling
    std::optional<int> results;
    std::optional<int> expectations;           // fulfilment of the young person's expectations
    std::optional<int> mandate;                // fulfilment of the mandate (brokering)
    FreeText remarks;
};
BOOST_DESCRIBE_STRUCT(Evaluation, (),
    (date, goals, life_situation_improved, supply_gaps, gaps, satisfaction_measures, satisfaction_case_worker,
     general_satisfaction, course, results, expectations, mandate, remarks))

/// R11: the evaluation's rated dimensions on the policy's scale, in the handbook's order;
/// the one list that validation, statistics and the rendered document walk.
struct RatedDimension {
    const char* name;
    std::optional<int> Evaluation::*member;
};
inline constexpr RatedDimension rated_dimensions[] = {
    {"satisfaction_measures", &Evaluation::satisfaction_measures},
    {"satisfaction_case_worker", &Evaluation::satisfaction_case_worker},
    {"general_satisfaction", &Evaluation::general_satisfaction},
    {"course", &Evaluation::course},
    {"results", &Evaluation::results},
    {"expectations", &Evaluation::expectations},
    {"mandate", &Evaluation::mandate}};

}  // namespace jmdcm
