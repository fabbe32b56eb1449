// The store handle, shared by the calls on stores and the research export.
#pragma once

#include "handles.hpp"

#include <memory>

struct jmdcm_store {
    std::unique_ptr<jmdcm::Repository> repo;
};

namespace jmdcm::capi {

Handles<jmdcm_store>& stores();
Repository& repo_of(jmdcm_store* s);
Actor actor_of(const char* actor_json);

}  // namespace jmdcm::capi
