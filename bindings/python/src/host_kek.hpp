// The host's key-encryption key for per-case keys (jmdcm/keys.h, issue 19): either 32 bytes
// the library keeps (jmdcm.LocalKek: jmdcm_kek_local) or a Python object with `id`,
// `wrap(case_id, key: bytes) -> str` and `unwrap(case_id, wrapped: str) -> bytes` (a keystore
// or a KMS), called with the GIL held; whatever it raises becomes a status as for backends.
#pragma once

#include "host_backend.hpp"
#include "jmdcm/keys.h"

#include <pybind11/pybind11.h>

#include <cstring>
#include <string>

namespace jmdcm_python {

/// Owned by the struct: freed by its destroy callback.
struct HostKek {
    py::object kek;
    std::string id;
};

inline jmdcm_status JMDCM_CALLBACK py_kek_wrap(void* u, const char* case_id, const unsigned char key[JMDCM_KEY_BYTES], jmdcm_reply* reply) {
    return guarded([&] {
        py::bytes k(reinterpret_cast<const char*>(key), JMDCM_KEY_BYTES);
        const py::object wrapped = static_cast<HostKek*>(u)->kek.attr("wrap")(case_id, k);
        if (!py::isinstance<py::str>(wrapped)) {
            jmdcm_error_set("wrap must answer a str");
            return JMDCM_KEY_INVALID;
        }
        return jmdcm_reply_add(reply, wrapped.cast<std::string>().c_str());
    });
}

inline jmdcm_status JMDCM_CALLBACK py_kek_unwrap(void* u, const char* case_id, const char* wrapped, unsigned char key[JMDCM_KEY_BYTES]) {
    return guarded([&] {
        const py::object answer = static_cast<HostKek*>(u)->kek.attr("unwrap")(case_id, wrapped);
        if (!py::isinstance<py::bytes>(answer)) {
            jmdcm_error_set("unwrap must answer bytes");
            return JMDCM_KEY_INVALID;
        }
        const std::string bytes = answer.cast<std::string>();
        if (bytes.size() != JMDCM_KEY_BYTES) {
            jmdcm_error_set(("unwrap answered " + std::to_string(bytes.size()) + " bytes, not 32").c_str());
            return JMDCM_KEY_INVALID;
        }
        std::memcpy(key, bytes.data(), JMDCM_KEY_BYTES);
        return JMDCM_OK;
    });
}

inline void JMDCM_CALLBACK py_kek_destroy(void* u) {
    py::gil_scoped_acquire gil;
    delete static_cast<HostKek*>(u);
}

/// Fills `k` for a Python KEK: a jmdcm.LocalKek (its `key` bytes, kept by the library) or
/// any object with id, wrap and unwrap. Returns the status of the filling.
inline jmdcm_status kek_of(jmdcm_kek* k, const py::object& kek) {
    if (py::hasattr(kek, "key") && !py::hasattr(kek, "wrap")) {
        const std::string id = py::str(kek.attr("id")).cast<std::string>();
        const std::string key = kek.attr("key").cast<std::string>();   // bytes
        return jmdcm_kek_local(k, id.c_str(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
    }
    jmdcm_status status = jmdcm_kek_init(k, JMDCM_KEK_VERSION);
    if (status != JMDCM_OK) return status;
    auto* host = new HostKek{kek, py::str(kek.attr("id")).cast<std::string>()};
    k->user_data = host;
    k->id = host->id.c_str();
    k->wrap = py_kek_wrap;
    k->unwrap = py_kek_unwrap;
    k->destroy = py_kek_destroy;
    return JMDCM_OK;
}

}  // namespace jmdcm_python
