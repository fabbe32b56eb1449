// R7 The nine life areas (Lebensbereiche) of the assessment, the goal catalogue and the
// supply gaps: alone, so that the catalogue (and the policy carrying a host's catalogue)
// need not include the assessment.
#pragma once

#include <boost/describe/enum.hpp>

namespace jmdcm {

BOOST_DEFINE_ENUM_CLASS(LifeArea,
    language, occupation, relationships, leisure, everyday_life, housing, social_problems,
    finances, political_participation)

}  // namespace jmdcm
