// Outcome scores for research (R7, R11): Goal Attainment Scaling per goal (-2 .. +2) and
// the per-case T-score of Kiresuk and Sherman:
//   T = 50 + 10 * sum(w_i x_i) / sqrt((1 - rho) * sum(w_i^2) + rho * (sum w_i)^2)
// with rho the assumed correlation between goal scores (0.3 by default).
#pragma once

#include "jmdcm/case.hpp"

#include <span>
#include <string>
#include <vector>

namespace jmdcm {

struct GasScore {
    std::string goal_id;
    int score = 0;          // -2 much less than expected .. 0 expected .. +2 much more
    double weight = 1.0;
};
BOOST_DESCRIBE_STRUCT(GasScore, (), (goal_id, score, weight))

/// The T-score; errc::invalid_argument naming the field for an empty list, a score off
/// -2..+2, a weight not above 0 or rho outside [0, 1).
double gas_t_score(std::span<const GasScore> scores, double rho = 0.3);

/// GAS levels from a case's goal reviews, for cases documented without explicit levels:
/// achieved 0 (the expected level), partly -1, not achieved -2; dropped and never reviewed
/// goals are left out (no attainment to score). Weight 1 each.
std::vector<GasScore> gas_scores(const Case& c);

}  // namespace jmdcm
