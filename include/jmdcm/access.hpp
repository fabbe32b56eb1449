// Who may do what with a case. Personal data is for the responsible case worker and an
// authorised substitute only (R4 § 203 StGB, R15); team leads see caseload and R14
// reports; statistics sees anonymised files; administrators sweep and anonymise but
// never read personal data. One pure function, used by every store.
#pragma once

#include "jmdcm/case.hpp"

#include <boost/describe/class.hpp>

#include <string>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(Role, case_worker, team_lead, statistics, administrator)

struct Actor {
    std::string id;
    Role role = Role::case_worker;
};
BOOST_DESCRIBE_STRUCT(Actor, (), (id, role))

/// network: changing the office's partners (R12); agenda: a worker's dates from their cases;
/// audit: reading the audit trail.
BOOST_DEFINE_ENUM_CLASS(Operation, create, load, save, query, report, sweep, anonymise, research, network, agenda, audit, migrate)

/// R15, R4: a substitution for this actor that holds on `today`: begun and not ended, with
/// the young person's consent given and its release from confidentiality valid that day
/// (a revoked or expired release ends access the same day).
bool is_active_substitute(const Case& c, std::string_view actor_id, Date today);

/// The responsible case worker or an active substitute.
bool may_handle_personal_data(const Actor& a, const Case& c, Date today);

/// Throws errc::access_denied naming the rule. `stored` is the case as the store holds
/// it (for create: the new case). Query filtering is separate (visible_in_query).
void require_access(const Actor& a, const Case& stored, Operation op, Date today);

/// Whether a case shows up in this actor's query results: case workers see their own and
/// those they substitute for on `today`, statistics the anonymised ones, the others all.
bool visible_in_query(const Actor& a, const Case& c, Date today);

}  // namespace jmdcm
