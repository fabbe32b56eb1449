// R1, R3, R4, R11, R13, R15 at the store: the one judge of a proposed case document
// against the stored one. Steps enforce the rules when they make a change; this makes
// sure that a document written straight into a store (create, save) can only be what
// some sequence of steps could have produced, whatever a host sends.
#pragma once

#include "jmdcm/case.hpp"

#include <boost/describe/operators.hpp>

namespace jmdcm {

// Field-by-field equality of every described type of the case (the history checks
// compare recorded entries with what is proposed).
using boost::describe::operators::operator==;

/// Who made the proposed document: a host's raw write, or a step of the library run by the
/// store (jmdcm_store_step). Only steps may anonymise: anonymising wipes the data, and a
/// raw save that merely sets the mark would keep it (R13).
BOOST_DEFINE_ENUM_CLASS(ChangeOrigin, host, step)

/// Judges the change from `stored` to `proposed` on `on` under `policy`. Throws the
/// rule's error naming the field when it is not a change the steps allow:
/// - personal data (person, free text, personal ties) without data consent in force on
///   `on`, or new entries dated before consent (under the guardian age: before the
///   guardians' consent) (R3);
/// - any change to an anonymised case; setting the anonymisation mark or the skeleton (R13);
/// - a new responsible worker without a handover disclosure under a valid release, a
///   substitution without the young person's consent, release and disclosure (R4, R15);
/// - closed to running other than by reopening, a changed closure (R11);
/// - a phase change forward that skips a gate (R1, R14);
/// - edits to recorded history: journal, plans, assessments, reviews, referrals,
///   disclosures, releases (only revocation and end of purpose may be added), consent
///   (only a newer consent may replace it), reminders (only marked done), phase history;
/// - changed identity (id, office, opening date), a version that is not the stored one, or
///   one that would overflow.
void check_change(const Case& stored, const Case& proposed, Date on, const Policy& policy,
                  ChangeOrigin origin = ChangeOrigin::host);

/// Judges a new document for `create`: it must be reachable by steps from open_case with
/// the same id, office, worker and opening date, everything personal covered by consent.
/// An anonymised document is accepted only when it holds nothing but the skeleton.
void check_new_case(const Case& proposed, Date on, const Policy& policy, ChangeOrigin origin = ChangeOrigin::host);

/// The stored version can take one more (errc::json_out_of_range naming case.version at INT64_MAX).
void require_next_version(const Case& stored);

/// Whether the case holds personal data: master data or any free text (a personal tie's
/// person is free text).
bool holds_personal_data(const Case& c);

}  // namespace jmdcm
