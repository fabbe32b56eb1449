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

/// The shape of every store call that answers with a document: the out-parameter cleared,
/// store and actor checked (in that order), then `body(repo, actor)`'s text handed over.
template <class F>
jmdcm_status answer(char** out, const char* out_name, jmdcm_store* store, const char* actor_json, F&& body) {
    return guard([&] {
        reset(out, out_name);
        Repository& r = repo_of(store);
        const Actor actor = actor_of(actor_json);
        give(out, body(r, actor));
    });
}

}  // namespace jmdcm::capi
