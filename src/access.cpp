// Access rules for the stores.
#include "jmdcm/access.hpp"

namespace jmdcm {

bool is_active_substitute(const Case& c, std::string_view actor_id, Date today) {
    for (const auto& s : c.substitutions) {
        if (s.colleague != actor_id || today < s.from || (s.until && *s.until < today)) continue;
        if (!s.young_person_consented_on || today < *s.young_person_consented_on || !s.release_id) continue;
        for (const auto& r : c.releases)
            if (r.id == *s.release_id && r.recipient == s.colleague && release_valid_on(r, today)) return true;
    }
    return false;
}

bool may_handle_personal_data(const Actor& a, const Case& c, Date today) {
    return a.role == Role::case_worker && (c.case_worker == a.id || is_active_substitute(c, a.id, today));
}

void require_access(const Actor& a, const Case& stored, Operation op, Date today) {
    auto deny = [&](const char* rule, const std::string& why) {
        fail(errc::access_denied, rule, "actor", "'" + a.id + "' (" + boost::describe::enum_to_string(a.role, "?") + ") " + why);
    };
    switch (op) {
    case Operation::create:
        if (a.role != Role::case_worker || stored.case_worker != a.id)
            deny("R15", "may only open cases for which they are the responsible case worker");
        return;
    case Operation::load:
        if (is_anonymised(stored)) return;  // nothing personal left
        if (!may_handle_personal_data(a, stored, today))
            deny("R4", "is neither the responsible case worker nor an authorised substitute of case '" + stored.id + "'");
        return;
    case Operation::save:
        if (!may_handle_personal_data(a, stored, today))
            deny("R4", "is neither the responsible case worker nor an authorised substitute of case '" + stored.id + "'");
        return;
    case Operation::report:
        if (a.role == Role::team_lead || may_handle_personal_data(a, stored, today)) return;
        deny("R15", "may not see reports of case '" + stored.id + "'");
        return;
    case Operation::sweep:
    case Operation::anonymise:
    case Operation::migrate:  // moving an office's store copies every document: administrators only
        if (a.role != Role::administrator) deny("R13", "is not an administrator");
        return;
    case Operation::query:
        return;  // filtered per case by visible_in_query
    case Operation::research:
        return;  // anonymised copies of what the actor's query shows: nothing personal leaves
    case Operation::network:  // institutions only, no personal data; statistics only reads
        if (a.role == Role::statistics) deny("R12", "may read the office's network but not change it");
        return;
    case Operation::audit:  // who did what to which case, never values (GDPR Art. 15)
        if (a.role == Role::statistics) deny("R13", "may not read the audit trail");
        if (a.role == Role::case_worker && !may_handle_personal_data(a, stored, today))
            deny("R4", "may read the audit trail of their own cases only");
        return;
    case Operation::agenda:  // dates and wording of a case's plan: personal data
        if (!may_handle_personal_data(a, stored, today))
            deny("R4", "is neither the responsible case worker nor an authorised substitute of case '" + stored.id + "'");
        return;
    }
}

bool visible_in_query(const Actor& a, const Case& c, Date today) {
    switch (a.role) {
    case Role::case_worker: return may_handle_personal_data(a, c, today);
    case Role::statistics: return is_anonymised(c);
    case Role::team_lead:
    case Role::administrator: return true;
    }
    return false;
}

}  // namespace jmdcm
