// R9 plan validation.
#include "jmdcm/plan.hpp"

#include <map>

namespace jmdcm {

std::vector<PlanIssue> check_plan(const Plan& plan, const Policy& policy, const std::set<std::string>& concluded,
                                  const Catalogue* catalogue) {
    std::vector<PlanIssue> out;
    auto error = [&](std::string field, std::string msg) { out.push_back({Severity::error, std::move(field), "R9: " + std::move(msg)}); };
    auto warn = [&](std::string field, std::string msg) { out.push_back({Severity::warning, std::move(field), "R9: " + std::move(msg)}); };

    if (plan.date.is_special()) error("plan.date", "the plan needs a date");
    if (is_blank(plan.office)) error("plan.office", "the plan needs the office");
    if (plan.goals.empty()) error("plan.goals", "the plan has no goal");

    std::set<std::string> ids;
    std::map<int, std::string> priorities;
    int active = 0;
    for (std::size_t i = 0; i < plan.goals.size(); ++i) {
        const Goal& g = plan.goals[i];
        const std::string at = "plan.goals[" + std::to_string(i) + "]";
        if (is_blank(g.id)) error(at + ".id", "a goal needs an id");
        else if (!ids.insert(g.id).second) error(at + ".id", "duplicate goal id '" + g.id + "'");
        if (is_blank(g.text)) error(at + ".text", "goal '" + g.id + "' does not say what change to reach");
        if (catalogue && g.catalogue_id && !catalogue->find(*g.catalogue_id))
            error(at + ".catalogue_id", "'" + *g.catalogue_id + "' is not in the goal catalogue");
        const bool is_active = !concluded.count(g.id);
        if (is_active) {
            ++active;
            auto [it, fresh] = priorities.emplace(g.priority, g.id);
            if (!fresh) error(at + ".priority", "goals '" + it->second + "' and '" + g.id + "' share priority " + std::to_string(g.priority));
        }
        for (std::size_t t = 0; t < g.tasks.size(); ++t) {
            const Task& task = g.tasks[t];
            const std::string tat = at + ".tasks[" + std::to_string(t) + "]";
            if (!task.party) error(tat + ".party", "task without a party (young person, JMD or another institution)");
            else if (*task.party == Party::other_institution && is_blank(task.institution))
                error(tat + ".institution", "a task for another institution must name it");
            if (task.timing != Timing::ongoing && !task.date)
                error(tat + ".date", "a task needs a due or start date, or must be marked ongoing");
        }
        if (!g.target_date && !g.review_date) warn(at + ".review_date", "goal '" + g.id + "' has neither a target date nor a review date");
        if (g.sub_goals.empty()) warn(at + ".sub_goals", "goal '" + g.id + "' has no sub-goals");
        if (is_blank(g.indicator)) warn(at + ".indicator", "goal '" + g.id + "' has no indicator");
        if (!g.offer_available && is_blank(g.gap)) warn(at + ".gap", "goal '" + g.id + "' has no suitable offer: describe the supply gap");
    }
    if (active > policy.active_goal_limit)
        error("plan.goals", std::to_string(active) + " goals are worked on at once; at most " +
                                std::to_string(policy.active_goal_limit) + " are allowed");
    return out;
}

std::vector<PlanIssue> require_valid_plan(const Plan& plan, const Policy& policy, const std::set<std::string>& concluded,
                                          const Catalogue* catalogue) {
    std::vector<PlanIssue> warnings;
    for (auto& issue : check_plan(plan, policy, concluded, catalogue)) {
        if (issue.severity == Severity::error) fail(errc::plan_invalid, "R9", issue.field, issue.message.substr(4));
        warnings.push_back(std::move(issue));
    }
    return warnings;
}

}  // namespace jmdcm
