// The handbook's worked example (chapter 3, "Falldarstellung Samira"): the reference
// scenario for tests and demonstrations. Samira is the handbook's fictional case; what
// the handbook leaves out (birth date, postcode, family name, exact days) is synthetic.
#pragma once

#include "jmdcm/repository.hpp"

#include <functional>
#include <string_view>

namespace jmdcm::example {

/// Called after each step has been saved, with a short title of the step.
using StepObserver = std::function<void(std::string_view title, const Case& c)>;

inline constexpr std::string_view samira_case_id = "JMD-FFM-2016-0042";
inline constexpr std::string_view samira_office = "JMD Frankfurt am Main";

/// Walks Samira's case from the first visit (September 2016) through screening,
/// assessment, three plan versions, linking, goal reviews and re-assessment to the
/// closure at her own wish in March 2017 and the evaluation; saves after every step.
Case run_samira(Repository& repo, const Actor& case_worker, const Policy& policy, const StepObserver& on_step = {});

/// The office's network as the handbook's example names it (R12): the institutions Samira
/// was referred to, plus a working group without a case. Terms and review dates are synthetic.
std::vector<Partner> samira_network();

}  // namespace jmdcm::example
