// R14 minimum-requirements report. It reads what the case documents; after anonymisation
// the skeleton still shows that master data had been recorded.
#include "jmdcm/requirements.hpp"

namespace jmdcm {

RequirementsReport minimum_requirements(const Case& c) {
    RequirementsReport r;
    r.case_id = c.id;
    auto item = [&](Requirement req, bool met, std::string detail) {
        r.items.push_back({req, met, std::move(detail)});
        r.met += met ? 1 : 0;
        ++r.total;
    };
    item(Requirement::consent, c.consent.has_value(),
         c.consent ? "given on " + to_iso(c.consent->given_on) + (c.consent->withdrawn_on ? ", withdrawn" : "") : "no data consent");
    item(Requirement::master_data, c.person.has_value() || (c.skeleton && has_age(*c.skeleton)),
         c.person ? "recorded" : c.skeleton ? "recorded (anonymised)" : "no master data");
    const bool alliance = c.intake && c.intake->working_alliance_on;
    item(Requirement::working_relationship, alliance, alliance ? "since " + to_iso(*c.intake->working_alliance_on) : "not documented");
    const bool coop = c.cooperation && c.cooperation->agreed;
    item(Requirement::cooperation_agreement, coop,
         coop ? std::string(c.cooperation->form == AgreementForm::oral ? "oral" : "written") + " agreement on " + to_iso(c.cooperation->informed_on)
              : "no agreement to CM");
    const bool needs = c.screening.has_value() || !c.assessments.empty();
    item(Requirement::documented_needs, needs,
         std::to_string(c.screening ? 1 : 0) + " screening, " + std::to_string(c.assessments.size()) + " assessment(s)");
    const Plan* p = current_plan(c);
    item(Requirement::plan_with_goal, p && !p->goals.empty(),
         p ? "plan version " + std::to_string(p->version) + " with " + std::to_string(p->goals.size()) + " goal(s)" : "no plan");
    item(Requirement::goal_review, !c.reviews.empty(), std::to_string(c.reviews.size()) + " goal review(s)");
    item(Requirement::evaluation, c.evaluation.has_value(), c.evaluation ? "on " + to_iso(c.evaluation->date) : "no evaluation");
    item(Requirement::formal_closure, c.closure.has_value(),
         c.closure ? std::string(boost::describe::enum_to_string(c.closure->reason, "?")) + " on " + to_iso(c.closure->date) : "not closed");
    return r;
}

}  // namespace jmdcm
