// R10 Implementation (Durchführung): the journal of contacts, linking (referral into an
// offer, gated by R4), goal reviews, and supply gaps found along the way (R12).
#pragma once

#include "jmdcm/assessment.hpp"
#include "jmdcm/network.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(ContactKind, in_person, phone, written, email, network_meeting, home_visit, other)
BOOST_DEFINE_ENUM_CLASS(ContactTopic, counselling, monitoring, linking, crisis, other)

struct JournalEntry {
    Date date;
    ContactKind kind = ContactKind::in_person;
    ContactTopic topic = ContactTopic::counselling;
    bool with_young_person = true;       // R13 counts case contacts with the young person
    FreeText with_whom;
    FreeText note;
};
BOOST_DESCRIBE_STRUCT(JournalEntry, (), (date, kind, topic, with_young_person, with_whom, note))

struct Referral {
    Date date;
    std::string recipient;
    FreeText offer;
    std::optional<std::string> goal_id;
    std::optional<std::string> release_id;  // the R4 release it was made under (set by refer)
    std::optional<std::string> partner_id;  // the partner in the office's network (R12 map)
};
BOOST_DESCRIBE_STRUCT(Referral, (), (date, recipient, offer, goal_id, release_id, partner_id))

BOOST_DEFINE_ENUM_CLASS(Achievement, achieved, partly, not_achieved, dropped)
BOOST_DEFINE_ENUM_CLASS(ReviewConsequence, continue_plan, revise_plan, reassess)

struct GoalReview {
    Date date;
    std::string goal_id;
    Achievement achievement = Achievement::partly;
    ReviewConsequence consequence = ReviewConsequence::continue_plan;
    FreeText remark;
};
BOOST_DESCRIBE_STRUCT(GoalReview, (), (date, goal_id, achievement, consequence, remark))

/// A goal whose latest review says this is no longer worked on.
inline bool concludes_goal(Achievement a) { return a != Achievement::partly; }

struct SupplyGap {
    Date date;
    std::optional<LifeArea> area;
    std::optional<std::string> goal_id;
    FreeText description;
    std::optional<PartnerKind> partner_kind;       // what kind of partner's offer is missing (R12 bundles)
    std::optional<PartnerCategory> category;
};
BOOST_DESCRIBE_STRUCT(SupplyGap, (), (date, area, goal_id, description, partner_kind, category))

}  // namespace jmdcm
