#include "jmdcm/outcomes.hpp"

#include <cmath>
#include <map>

namespace jmdcm {

double gas_t_score(std::span<const GasScore> scores, double rho) {
    if (scores.empty()) fail(errc::invalid_argument, "R11", "scores", "no goal scores to combine");
    if (!(rho >= 0.0 && rho < 1.0)) fail(errc::invalid_argument, "R11", "rho", "rho must be in [0, 1)");
    double weighted = 0, squares = 0, weights = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const auto& s = scores[i];
        const std::string at = "scores[" + std::to_string(i) + "]";
        if (s.score < -2 || s.score > 2) fail(errc::invalid_argument, "R11", at + ".score", "a GAS score is -2 .. +2");
        if (!(s.weight > 0.0) || !std::isfinite(s.weight)) fail(errc::invalid_argument, "R11", at + ".weight", "a weight must be above 0");
        weighted += s.weight * s.score;
        squares += s.weight * s.weight;
        weights += s.weight;
    }
    return 50.0 + 10.0 * weighted / std::sqrt((1.0 - rho) * squares + rho * weights * weights);
}

std::vector<GasScore> gas_scores(const Case& c) {
    std::vector<GasScore> out;
    for (const auto& [id, latest] : latest_goals(c)) {
        const auto a = latest_achievement(c, id);
        if (!a || *a == Achievement::dropped) continue;
        out.push_back({id, *a == Achievement::achieved ? 0 : *a == Achievement::partly ? -1 : -2, 1.0});
    }
    return out;
}

}  // namespace jmdcm
