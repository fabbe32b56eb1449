// Live handles of one kind. A host's pointer is only followed after it is found here, so
// a freed, foreign or NULL handle gives a status instead of undefined behaviour.
#pragma once

#include "boundary.hpp"

#include <memory>
#include <mutex>
#include <set>

namespace jmdcm::capi {

template <class T>
class Handles {
public:
    T* add(std::unique_ptr<T> h) {
        std::lock_guard lock(mutex_);
        live_.insert(h.get());
        return h.release();
    }
    /// The live object behind `h`; errc::invalid_argument naming `name` otherwise.
    T& get(const T* h, const char* name) {
        need(h, name);
        std::lock_guard lock(mutex_);
        if (!live_.count(h)) fail(errc::invalid_argument, "", name, std::string("not a live ") + name + " handle (freed or foreign)");
        return *const_cast<T*>(h);
    }
    /// Frees `h` if it is live; a second free or a foreign pointer does nothing.
    void free(T* h) noexcept {
        if (!h) return;
        {
            std::lock_guard lock(mutex_);
            if (!live_.erase(h)) return;
        }
        try {
            delete h;
        } catch (...) {
        }
    }

private:
    std::mutex mutex_;
    std::set<const T*> live_;
};

}  // namespace jmdcm::capi
