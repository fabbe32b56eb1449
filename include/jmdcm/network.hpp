// R12 System level: the office's network of partners (Netzwerkkarte), the cases linked
// to them through referrals, and the yearly review of each cooperation. Institutions sit
// in the office's registry (the store keeps them); family, friends and peers are personal
// data and sit on the case (Case::personal_network), so they leave with anonymisation.
#pragma once

#include "jmdcm/assessment.hpp"
#include "jmdcm/free_text.hpp"

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jmdcm {

struct Case;

/// The three kinds of partner: personal/primary networks, case-specific institutions,
/// institutions without a case (working groups, round tables).
BOOST_DEFINE_ENUM_CLASS(PartnerKind, personal, case_specific, non_case_specific)
/// Personal networks first (family .. peers), then the handbook's examples of institutions.
BOOST_DEFINE_ENUM_CLASS(PartnerCategory, family, friends, peers, foreigners_authority, job_centre, social_welfare_office,
                        bamf, family_court, therapy_centre, language_course, school, volunteer_project, supported_housing,
                        counselling_service, childcare, other)
BOOST_DEFINE_ENUM_CLASS(ContactMode, network_meeting, working_group, round_table, phone, in_person, written)
BOOST_DEFINE_ENUM_CLASS(Formalisation, oral, minutes, written_agreement)

bool is_personal(PartnerCategory c);

/// R12: bundled, anonymised information on the supply gaps recorded from `from` to `to`
/// (compared by month, as the statistics are), passed on to a partner that plans services
/// at a higher level (handbook, minimum requirements on the system level).
struct GapHandOver {
    Date on;
    Date from;
    Date to;
};
BOOST_DESCRIBE_STRUCT(GapHandOver, (), (on, from, to))

/// An institution the office cooperates with. Holds no personal data of young people.
struct Partner {
    std::string id;
    std::int64_t version = 0;                 // optimistic concurrency, kept by the store
    std::string office;
    std::string name;
    PartnerKind kind = PartnerKind::case_specific;
    PartnerCategory category = PartnerCategory::other;
    std::string region;                       // postcode or prefix of where it works
    std::vector<LifeArea> areas;              // life areas its offers serve
    std::vector<ContactMode> contact_modes;
    Formalisation formalisation = Formalisation::oral;
    Date since;                               // term of the cooperation
    std::optional<Date> until;
    Date review_on;                           // next yearly evaluation of the cooperation
    std::optional<Date> last_evaluated;
    std::vector<Date> attended;               // its working group, round table or network meeting: days attended
    std::vector<GapHandOver> gaps_passed_on;  // supply gap information handed to it
};
BOOST_DESCRIBE_STRUCT(Partner, (),
    (id, version, office, name, kind, category, region, areas, contact_modes, formalisation, since, until, review_on,
     last_evaluated, attended, gaps_passed_on))

/// A contact mode in which the office meets others around a table: network meeting,
/// working group, round table (attendance is recorded for these only).
bool is_group_mode(ContactMode m);

/// A person of the young person's own network (family, friends, peers), kept on the case.
struct PersonalTie {
    PartnerCategory category = PartnerCategory::family;
    FreeText who;                             // wiped by anonymisation (R13)
    std::vector<ContactMode> contact_modes;
    std::optional<Date> since;
};
BOOST_DESCRIBE_STRUCT(PersonalTie, (), (category, who, contact_modes, since))

/// R12: refuses what cannot be a cooperation, naming the field: no id or name, a personal
/// category or kind (those belong on the case), no contact mode, a term that ends before
/// it starts, a review more than a year after the last evaluation (or the start), a
/// meeting attended outside the term or with a partner met in no group mode, a hand-over
/// whose period ends after the hand-over or before it starts.
void validate_partner(const Partner& p);
/// R12: a tie of the young person's own network: a personal category.
void validate_tie(const PersonalTie& t);

/// R12: the yearly evaluation is done on `on`; the next one falls a year later unless
/// `next` says earlier (never later: the cooperation is evaluated once a year).
void evaluate_cooperation(Partner& p, Date on, std::optional<Date> next = std::nullopt);

/// A cooperation that needs its review (or ends) on or before the end of the period asked.
struct CooperationDue {
    std::string partner_id;
    std::string name;
    PartnerKind kind = PartnerKind::case_specific;
    Date review_on;
    bool overdue = false;                     // review date before `on`
    bool term_ends = false;                   // the term ends within the period
};
BOOST_DESCRIBE_STRUCT(CooperationDue, (), (partner_id, name, kind, review_on, overdue, term_ends))

/// R12: the year's list of cooperations to evaluate: review dates up to 31 December of
/// `year` (earlier ones are overdue as seen on `on`) and terms ending in that year;
/// cooperations whose term ended before `on` are over and left out. Ordered by date.
std::vector<CooperationDue> cooperations_due(const std::vector<Partner>& partners, int year, Date on);

/// One partner on the map with the cases linked to it through referrals (R10 linking).
struct PartnerNode {
    Partner partner;
    std::vector<std::string> cases;           // running, not anonymised cases, by id
    int referrals = 0;                        // every referral, anonymised files included
    bool review_due = false;                  // review date on or before `on`
};
BOOST_DESCRIBE_STRUCT(PartnerNode, (), (partner, cases, referrals, review_due))

/// The personal networks, counted: no names, only how many cases record such ties.
struct PersonalNetworkCount {
    PartnerCategory category = PartnerCategory::family;
    int cases = 0;
    int ties = 0;
};
BOOST_DESCRIBE_STRUCT(PersonalNetworkCount, (), (category, cases, ties))

struct NetworkMap {
    Date on;
    std::vector<PartnerNode> partners;               // case-specific first, then the others; by name
    std::vector<PersonalNetworkCount> personal;      // per personal category
    std::vector<std::string> unknown_recipients;     // referral recipients not in the registry
};
BOOST_DESCRIBE_STRUCT(NetworkMap, (), (on, partners, personal, unknown_recipients))

/// R12: the network map on `on`. A referral links to a partner by its partner_id, else by
/// a recipient equal to the partner's id or name.
NetworkMap network_map(const std::vector<Partner>& partners, const std::vector<Case>& cases, Date on);

}  // namespace jmdcm
