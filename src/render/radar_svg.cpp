// R7 radar chart: perspectives overlaid, two dates compared, never averaged.
#include "markup.hpp"
#include "texts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <numbers>

namespace jmdcm {
namespace {

using render::escape;
using render::label;

constexpr std::size_t kAreas = 9;
// One colour per perspective, distinguishable in greyscale print as well (lightness differs).
constexpr const char* kColours[] = {"#1f5fbf", "#d9480f", "#2b8a3e"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

const Assessment& assessment_on(const Case& c, Date d, const char* field) {
    for (const auto& a : c.assessments)
        if (a.date == d) return a;
    fail(errc::not_found, "R7", field, "case '" + c.id + "' has no assessment on " + to_iso(d));
}

/// Scores of one outline: perspective and rater, per life area (-1: not rated).
struct Series {
    Perspective perspective;
    std::string rater;
    std::array<int, kAreas> scores;
};

std::vector<Series> series_of(const Assessment& a, const std::vector<Perspective>& only) {
    std::map<std::pair<Perspective, std::string>, std::array<int, kAreas>> by;
    for (const auto& r : a.ratings) {
        if (!only.empty() && std::find(only.begin(), only.end(), r.perspective) == only.end()) continue;
        auto [it, fresh] = by.try_emplace({r.perspective, r.rater});
        if (fresh) it->second.fill(-1);
        it->second[static_cast<std::size_t>(r.area)] = r.score;
    }
    std::vector<Series> out;
    for (const auto& [key, scores] : by) out.push_back({key.first, key.second, scores});
    return out;
}

}  // namespace

std::string radar_svg(const Case& c, const RadarOptions& o, const Policy& policy) {
    if (o.size < 200 || o.size > 2000) fail(errc::invalid_argument, "R7", "options.size", "size must be 200..2000 pixels");
    if (c.assessments.empty()) fail(errc::not_found, "R7", "case.assessments", "case '" + c.id + "' has no assessment yet");
    std::vector<const Assessment*> dates;
    dates.push_back(&assessment_on(c, o.first.value_or(c.assessments.front().date), "options.first"));
    if (o.second) dates.push_back(&assessment_on(c, *o.second, "options.second"));
    else if (!o.first && c.assessments.size() > 1) dates.push_back(&c.assessments.back());

    const auto& t = render::texts(o.language);
    // Wider than high: the area labels left and right need room.
    const double size = o.size, width = size * 1.5, cx = width / 2, cy = size / 2 + 10, radius = size * 0.32;
    const int lo = policy.scale_min, hi = policy.scale_max;
    auto point = [&](std::size_t area, double score) {
        const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(area) / kAreas;
        const double r = hi > lo ? radius * (score - lo + 1) / (hi - lo + 1) : radius;  // the lowest level is not the centre
        return std::pair{cx + r * std::cos(angle), cy + r * std::sin(angle)};
    };

    std::vector<std::vector<Series>> outlines;  // per date
    std::size_t entries = 0;
    for (const auto* a : dates) entries += outlines.emplace_back(series_of(*a, o.perspectives)).size();
    const double height = size + 20 + static_cast<double>(entries) * size / 40;

    std::string title = std::string(t.chart_title);
    for (const auto* a : dates) title += " " + render::date_text(a->date, t.lang);
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
                    num(width) + "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                    "\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"" + num(size / 48) + "\">\n";
    s += "<title>" + escape(title) + "</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    s += "<text x=\"" + num(cx) + "\" y=\"" + num(size / 22) + "\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"" +
         num(size / 34) + "\">" + escape(title) + "</text>\n";
    // Grid: one ring per scale level, one spoke per life area with its label.
    s += "<g class=\"grid\" fill=\"none\" stroke=\"#bbbbbb\" stroke-width=\"1\">\n";
    for (int level = lo; level <= hi; ++level) {
        std::string pts;
        for (std::size_t a = 0; a < kAreas; ++a) {
            const auto [x, y] = point(a, level);
            pts += num(x) + "," + num(y) + " ";
        }
        s += "<polygon points=\"" + pts + "\"/>\n";
    }
    for (std::size_t a = 0; a < kAreas; ++a) {
        const auto [x, y] = point(a, hi);
        s += "<line x1=\"" + num(cx) + "\" y1=\"" + num(cy) + "\" x2=\"" + num(x) + "\" y2=\"" + num(y) + "\"/>\n";
    }
    s += "</g>\n<g class=\"labels\" fill=\"#000000\">\n";
    for (std::size_t a = 0; a < kAreas; ++a) {
        const auto [x, y] = point(a, hi + 0.9);
        const char* anchor = std::abs(x - cx) < 1 ? "middle" : x < cx ? "end" : "start";
        s += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" +
             escape(label(t.areas, static_cast<LifeArea>(a))) + "</text>\n";
    }
    s += "</g>\n";
    // Outlines: earlier date dashed and unfilled, later date solid with a light fill.
    std::string legend;
    double legend_y = size + 8;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const bool later = i + 1 == dates.size() && dates.size() > 1;
        for (const auto& series : outlines[i]) {
            const char* colour = kColours[static_cast<std::size_t>(series.perspective) % std::size(kColours)];
            std::string name = std::string(label(t.perspectives, series.perspective));
            if (!series.rater.empty()) name += " (" + series.rater + ")";
            name += ", " + render::date_text(dates[i]->date, t.lang);
            std::string path;
            bool pen_down = false;
            std::string dots;
            for (std::size_t a = 0; a <= kAreas; ++a) {  // back to the first area to close the outline
                const int score = series.scores[a % kAreas];
                if (score < 0) {
                    pen_down = false;
                    continue;
                }
                const auto [x, y] = point(a % kAreas, score);
                path += (pen_down ? "L" : "M") + num(x) + "," + num(y) + " ";
                pen_down = true;
                if (a < kAreas) dots += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(size / 130) + "\"/>";
            }
            s += "<g class=\"series\" data-perspective=\"" + std::string(reflect::enum_name(series.perspective)) +
                 "\" data-date=\"" + to_iso(dates[i]->date) + "\" stroke=\"" + colour + "\" fill=\"" + colour + "\">\n<title>" +
                 escape(name) + "</title>\n<path d=\"" + path + "\" stroke-width=\"" + num(size / 170) + "\" " +
                 (later || dates.size() == 1 ? "fill-opacity=\"0.15\"" : "fill=\"none\" stroke-dasharray=\"6,4\"") + "/>\n" +
                 dots + "\n</g>\n";
            legend += "<line x1=\"20\" y1=\"" + num(legend_y) + "\" x2=\"50\" y2=\"" + num(legend_y) + "\" stroke=\"" + colour +
                      "\" stroke-width=\"3\"" + (later || dates.size() == 1 ? "" : " stroke-dasharray=\"6,4\"") +
                      "/><text x=\"58\" y=\"" + num(legend_y + 4) + "\">" + escape(name) + "</text>\n";
            legend_y += size / 40;
        }
    }
    s += "<g class=\"legend\">\n" + legend + "<text x=\"" + num(width - 20) + "\" y=\"" + num(size + 8) +
         "\" text-anchor=\"end\">" + escape(t.chart_scale) + " " + std::to_string(lo) + " - " + std::to_string(hi) +
         "</text>\n</g>\n</svg>\n";
    return s;
}

}  // namespace jmdcm
