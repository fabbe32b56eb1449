// The words of the rendered documents, once per language. Enumerations are labelled in
// declared order; the compiler checks every table against its enumeration's size.
#pragma once

#include "jmdcm/render.hpp"

#include <array>
#include <string_view>

namespace jmdcm::render {

struct Texts {
    std::string_view lang;                    // the HTML lang attribute
    std::string_view plan_title, plan_subtitle, office, date, version, case_id, young_person, born;
    std::string_view goal, priority, area, motto, measures, indicator, sub_goals, tasks, who, what, when;
    std::string_view institutions, target_date, review_date, offer, offer_yes, offer_no, missing;
    std::string_view due_by, from, ongoing, done, signatures, signature_young_person, signature_case_worker;
    std::string_view agreement_note;
    std::string_view evaluation_title, closure, reason, by_consensus, goals_reached, life_situation_improved;
    std::string_view yes, no, not_said, supply_gaps, ratings, scale_note, follow_up;
    std::string_view chart_title, chart_scale;
    std::array<std::string_view, 9> areas;
    std::array<std::string_view, 3> parties;
    std::array<std::string_view, 4> achievements;
    std::array<std::string_view, 6> reasons;
    std::array<std::string_view, 3> perspectives;
    std::array<std::string_view, 7> dimensions;  // satisfaction with measures, case worker, then the five
};

const Texts& texts(Language l);

template <class E>
inline constexpr std::size_t count_of = boost::mp11::mp_size<boost::describe::describe_enumerators<E>>::value;
static_assert(std::tuple_size_v<decltype(Texts::areas)> == count_of<LifeArea>);
static_assert(std::tuple_size_v<decltype(Texts::parties)> == count_of<Party>);
static_assert(std::tuple_size_v<decltype(Texts::achievements)> == count_of<Achievement>);
static_assert(std::tuple_size_v<decltype(Texts::reasons)> == count_of<ClosureReason>);
static_assert(std::tuple_size_v<decltype(Texts::perspectives)> == count_of<Perspective>);
static_assert(std::tuple_size_v<decltype(Texts::dimensions)> == std::size(rated_dimensions));

template <class E, std::size_t N>
std::string_view label(const std::array<std::string_view, N>& table, E e) {
    const auto i = static_cast<std::size_t>(e);
    return i < N ? table[i] : std::string_view("?");
}

}  // namespace jmdcm::render
