// The whole C++ core in one include.
#pragma once

#include "jmdcm/version.hpp"
#include "jmdcm/error.hpp"
#include "jmdcm/json.hpp"
#include "jmdcm/policy.hpp"
#include "jmdcm/case.hpp"
#include "jmdcm/retention.hpp"
#include "jmdcm/requirements.hpp"
#include "jmdcm/organisation.hpp"
#include "jmdcm/access.hpp"
#include "jmdcm/repository.hpp"
#include "jmdcm/memory_repository.hpp"
#include "jmdcm/outcomes.hpp"
#include "jmdcm/network.hpp"
#include "jmdcm/render.hpp"
#include "jmdcm/statistics.hpp"
#include "jmdcm/synthetic.hpp"
