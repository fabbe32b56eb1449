// The plan (R9) and the evaluation (R11) as HTML documents.
#include "markup.hpp"
#include "texts.hpp"

#include <algorithm>

namespace jmdcm {
namespace {

using render::escape;
using render::label;

struct Doc {
    const render::Texts& t;
    std::string html;

    Doc& raw(std::string_view s) { html += s; return *this; }
    Doc& text(std::string_view s) { html += escape(s); return *this; }
    /// <dt>term</dt><dd>value</dd> for a non-empty value.
    Doc& entry(std::string_view term, const std::string& value) {
        if (value.empty()) return *this;
        return raw("<dt>").text(term).raw("</dt><dd>").text(value).raw("</dd>\n");
    }
    std::string date_of(Date d) const { return render::date_text(d, t.lang); }
};

const Plan& plan_of(const Case& c, std::optional<int> version) {
    if (c.plans.empty()) fail(errc::not_found, "R9", "case.plans", "case '" + c.id + "' has no plan yet");
    if (!version) return c.plans.back();
    for (const auto& p : c.plans)
        if (p.version == *version) return p;
    fail(errc::not_found, "R9", "options.plan_version", "case '" + c.id + "' has no plan version " + std::to_string(*version));
}

std::string when_of(const Task& task, const Doc& d) {
    switch (task.timing) {
    case Timing::ongoing: return std::string(d.t.ongoing);
    case Timing::from: return std::string(d.t.from) + " " + (task.date ? d.date_of(*task.date) : "");
    case Timing::due_by: break;
    }
    return std::string(d.t.due_by) + " " + (task.date ? d.date_of(*task.date) : "");
}

void header(Doc& d, const Case& c, std::string_view title, std::string_view subtitle) {
    d.raw("<h1>").text(title).raw("</h1>\n");
    if (!subtitle.empty()) d.raw("<p class=\"subtitle\">").text(subtitle).raw("</p>\n");
    d.raw("<dl class=\"head\">\n");
    if (c.person) {
        d.entry(d.t.young_person, c.person->given_name.text + " " + c.person->family_name.text);
        if (!c.person->birth_date.is_special()) d.entry(d.t.born, d.date_of(c.person->birth_date));
    }
    d.entry(d.t.case_id, c.id);
}

void goal_section(Doc& d, const Goal& g, std::size_t number) {
    d.raw("<section class=\"goal\">\n<h2>").text(d.t.goal).raw(" ").text(std::to_string(number)).raw(": ").text(g.text.text)
        .raw("</h2>\n<dl>\n");
    d.entry(d.t.priority, std::to_string(g.priority));
    if (g.area) d.entry(d.t.area, std::string(label(d.t.areas, *g.area)));
    if (g.motto) d.entry(d.t.motto, g.motto->text);
    d.entry(d.t.measures, g.measures.text);
    d.entry(d.t.indicator, g.indicator.text);
    if (g.target_date) d.entry(d.t.target_date, d.date_of(*g.target_date));
    if (g.review_date) d.entry(d.t.review_date, d.date_of(*g.review_date));
    std::string offer(g.offer_available ? d.t.offer_yes : d.t.offer_no);
    d.entry(d.t.offer, offer);
    if (!g.offer_available) d.entry(d.t.missing, g.gap.text);
    d.raw("</dl>\n");
    if (!g.sub_goals.empty()) {
        d.raw("<h3>").text(d.t.sub_goals).raw("</h3>\n<ol>\n");
        for (const auto& s : g.sub_goals) d.raw("<li>").text(s.text).raw("</li>\n");
        d.raw("</ol>\n");
    }
    if (!g.tasks.empty()) {  // R9: split by who does them, in the order of the parties
        d.raw("<h3>").text(d.t.tasks).raw("</h3>\n<table>\n<tr><th>").text(d.t.who).raw("</th><th>").text(d.t.what)
            .raw("</th><th>").text(d.t.when).raw("</th></tr>\n");
        std::vector<const Task*> tasks;
        for (const auto& task : g.tasks) tasks.push_back(&task);
        std::stable_sort(tasks.begin(), tasks.end(), [](const Task* a, const Task* b) {
            return a->party.value_or(Party::other_institution) < b->party.value_or(Party::other_institution);
        });
        for (const Task* task : tasks) {
            std::string who = task->party ? std::string(label(d.t.parties, *task->party)) : std::string();
            if (!task->institution.empty()) who += (who.empty() ? "" : ": ") + task->institution;
            std::string what = task->description.text;
            if (task->done) what += " (" + std::string(d.t.done) + ")";
            d.raw("<tr><td>").text(who).raw("</td><td>").text(what).raw("</td><td>").text(when_of(*task, d)).raw("</td></tr>\n");
        }
        d.raw("</table>\n");
    }
    if (!g.institutions.empty()) {
        d.raw("<h3>").text(d.t.institutions).raw("</h3>\n<ul>\n");
        for (const auto& i : g.institutions) d.raw("<li>").text(i).raw("</li>\n");
        d.raw("</ul>\n");
    }
    d.raw("</section>\n");
}

}  // namespace

std::string plan_html(const Case& c, const RenderOptions& options) {
    const Plan& plan = plan_of(c, options.plan_version);
    Doc d{render::texts(options.language), {}};
    d.raw(render::html_head(d.t.lang, std::string(d.t.plan_title) + " " + c.id));
    if (options.language == Language::plain) d.raw("<div class=\"plain\">\n");
    header(d, c, d.t.plan_title, d.t.plan_subtitle);
    d.entry(d.t.office, plan.office);
    d.entry(d.t.date, d.date_of(plan.date));
    d.entry(d.t.version, std::to_string(plan.version));
    d.raw("</dl>\n");
    std::vector<const Goal*> goals;
    for (const auto& g : plan.goals) goals.push_back(&g);
    std::stable_sort(goals.begin(), goals.end(), [](const Goal* a, const Goal* b) { return a->priority < b->priority; });
    for (std::size_t i = 0; i < goals.size(); ++i) goal_section(d, *goals[i], i + 1);
    d.raw("<p>").text(d.t.agreement_note).raw("</p>\n");
    d.raw("<h2>").text(d.t.signatures).raw("</h2>\n<div class=\"signatures\"><div class=\"signature\">").text(d.t.signature_young_person)
        .raw("</div><div class=\"signature\">").text(d.t.signature_case_worker).raw("</div></div>\n");
    if (options.language == Language::plain) d.raw("</div>\n");
    d.raw(render::html_tail);
    return std::move(d.html);
}

std::string evaluation_html(const Case& c, const RenderOptions& options, const Policy& policy) {
    if (!c.evaluation) fail(errc::not_found, "R11", "case.evaluation", "case '" + c.id + "' has no evaluation yet");
    const Evaluation& e = *c.evaluation;
    Doc d{render::texts(options.language), {}};
    d.raw(render::html_head(d.t.lang, std::string(d.t.evaluation_title) + " " + c.id));
    if (options.language == Language::plain) d.raw("<div class=\"plain\">\n");
    header(d, c, d.t.evaluation_title, "");
    d.entry(d.t.date, d.date_of(e.date));
    if (c.closure) {
        std::string reason(label(d.t.reasons, c.closure->reason));
        if (c.closure->by_consensus) reason += " (" + std::string(d.t.by_consensus) + ")";
        d.entry(d.t.closure, d.date_of(c.closure->date));
        d.entry(d.t.reason, reason);
        if (c.closure->follow_up_on) d.entry(d.t.follow_up, d.date_of(*c.closure->follow_up_on));
    }
    const auto yes_no = [&](std::optional<bool> b) { return std::string(!b ? d.t.not_said : *b ? d.t.yes : d.t.no); };
    d.entry(d.t.life_situation_improved, yes_no(e.life_situation_improved));
    d.raw("</dl>\n");
    if (!e.goals.empty()) {
        d.raw("<h2>").text(d.t.goals_reached).raw("</h2>\n<table>\n");
        const auto goals = latest_goals(c);
        for (const auto& o : e.goals) {
            const auto g = goals.find(o.goal_id);  // record_evaluation checked that it exists
            const std::string wording = g == goals.end() || g->second.goal->text.empty() ? o.goal_id : g->second.goal->text.text;
            d.raw("<tr><td>").text(wording).raw("</td><td>").text(label(d.t.achievements, o.achievement)).raw("</td></tr>\n");
        }
        d.raw("</table>\n");
    }
    d.raw("<h2>").text(d.t.ratings).raw("</h2>\n<p>").text(d.t.scale_note).raw(" ")
        .text(std::to_string(policy.scale_min) + " - " + std::to_string(policy.scale_max)).raw("</p>\n<table>\n");
    for (std::size_t i = 0; i < std::size(rated_dimensions); ++i) {
        const auto& v = e.*rated_dimensions[i].member;
        d.raw("<tr><td>").text(d.t.dimensions[i]).raw("</td><td>").text(v ? std::to_string(*v) : std::string(d.t.not_said)).raw("</td></tr>\n");
    }
    d.raw("</table>\n");
    if (!e.supply_gaps.empty() || !e.gaps.empty()) {   // R12: in the young person's words, then by life area
        d.raw("<h2>").text(d.t.supply_gaps).raw("</h2>\n<ul>\n");
        for (const auto& g : e.supply_gaps) d.raw("<li>").text(g.text).raw("</li>\n");
        for (const auto& g : e.gaps) {
            const bool said = std::any_of(e.supply_gaps.begin(), e.supply_gaps.end(), [&](const FreeText& t) { return t.text == g.description.text; });
            if (said && !g.description.empty()) continue;
            std::string line(g.area ? label(d.t.areas, *g.area) : std::string_view{});
            if (!g.description.empty()) line += (line.empty() ? "" : ": ") + g.description.text;
            if (!line.empty()) d.raw("<li>").text(line).raw("</li>\n");
        }
        d.raw("</ul>\n");
    }
    if (options.language == Language::plain) d.raw("</div>\n");
    d.raw(render::html_tail);
    return std::move(d.html);
}

}  // namespace jmdcm
