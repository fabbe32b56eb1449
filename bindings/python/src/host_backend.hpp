// A Python object as a jmdcm backend (jmdcm/backend.h): the struct's callbacks call its
// methods with the GIL held. Whatever a method raises becomes a status (a JmdcmError its
// own code, anything else JMDCM_STORAGE) with the exception's type and message, so no
// Python exception unwinds through the library.
#pragma once

#include "jmdcm/backend.h"

#include <pybind11/pybind11.h>

#include <cstring>
#include <string>

namespace jmdcm_python {

namespace py = pybind11;

/// Owned by the store: freed by the backend's destroy callback.
struct HostBackend {
    py::object backend;
    py::object audit;   // a callable taking the record's JSON, or None
    py::object today;   // a callable answering "YYYY-MM-DD", or None
};

template <class F>
jmdcm_status guarded(F&& f) noexcept {
    py::gil_scoped_acquire gil;
    try {
        return f();
    } catch (py::error_already_set& e) {
        jmdcm_status status = JMDCM_STORAGE;
        try {
            const py::object& value = e.value();
            if (py::hasattr(value, "code")) {
                const int code = value.attr("code").cast<int>();
                if (code > 0) status = static_cast<jmdcm_status>(code);
            }
            const std::string message =
                py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>() + ": " + py::str(value).cast<std::string>();
            jmdcm_error_set(message.c_str());
        } catch (...) {
            jmdcm_error_set("a Python exception that could not be described");
        }
        return status;
    } catch (const std::exception& e) {
        jmdcm_error_set(e.what());
        return JMDCM_STORAGE;
    } catch (...) {
        jmdcm_error_set("an unknown C++ exception");
        return JMDCM_INTERNAL;
    }
}

inline py::object method(void* user, const char* name) { return static_cast<HostBackend*>(user)->backend.attr(name); }

/// Adds each str of an iterable answer to the reply (None adds nothing).
inline jmdcm_status add_all(jmdcm_reply* reply, const py::object& answer) {
    if (answer.is_none()) return JMDCM_OK;
    if (py::isinstance<py::str>(answer)) return jmdcm_reply_add(reply, answer.cast<std::string>().c_str());
    for (const auto& item : answer) {
        if (item.is_none()) return jmdcm_reply_add(reply, nullptr);  // refused as a NULL answer, naming the callback
        const jmdcm_status s = jmdcm_reply_add(reply, py::str(item).cast<std::string>().c_str());
        if (s != JMDCM_OK) return s;
    }
    return JMDCM_OK;
}

extern "C" {
inline jmdcm_status JMDCM_CALLBACK py_begin(void* u, int write) {
    return guarded([&] { method(u, "begin")(write != 0); return JMDCM_OK; });
}
inline jmdcm_status JMDCM_CALLBACK py_commit(void* u) {
    return guarded([&] { method(u, "commit")(); return JMDCM_OK; });
}
inline void JMDCM_CALLBACK py_rollback(void* u) {
    (void)guarded([&] { method(u, "rollback")(); return JMDCM_OK; });
}
inline jmdcm_status JMDCM_CALLBACK py_get_case(void* u, const char* id, jmdcm_reply* reply) {
    return guarded([&] {
        const py::object row = method(u, "get_case")(id);
        return row.is_none() ? JMDCM_OK : jmdcm_reply_add(reply, py::str(row).cast<std::string>().c_str());
    });
}
inline jmdcm_status JMDCM_CALLBACK py_put_case(void* u, const char* id, int64_t version, int64_t expected, const char* row, int erases) {
    return guarded([&] { method(u, "put_case")(id, version, expected, row, erases != 0); return JMDCM_OK; });
}
inline jmdcm_status JMDCM_CALLBACK py_find_cases(void* u, const char* query, jmdcm_reply* reply) {
    return guarded([&] { return add_all(reply, method(u, "find_cases")(query)); });
}
inline jmdcm_status JMDCM_CALLBACK py_list_partners(void* u, jmdcm_reply* reply) {
    return guarded([&] { return add_all(reply, method(u, "list_partners")()); });
}
inline jmdcm_status JMDCM_CALLBACK py_put_partner(void* u, const char* id, int64_t version, int64_t expected, const char* stored) {
    return guarded([&] { method(u, "put_partner")(id, version, expected, stored); return JMDCM_OK; });
}
inline jmdcm_status JMDCM_CALLBACK py_append_audit(void* u, const char* record) {
    return guarded([&] { method(u, "append_audit")(record); return JMDCM_OK; });
}
inline jmdcm_status JMDCM_CALLBACK py_audit_records(void* u, const char* query, jmdcm_reply* reply) {
    return guarded([&] { return add_all(reply, method(u, "audit_records")(query)); });
}
inline int JMDCM_CALLBACK py_erasure_pending(void* u) {
    int pending = 0;
    (void)guarded([&] { pending = method(u, "erasure_pending")().cast<bool>() ? 1 : 0; return JMDCM_OK; });
    return pending;
}
inline void JMDCM_CALLBACK py_destroy(void* u) {
    py::gil_scoped_acquire gil;
    delete static_cast<HostBackend*>(u);
}
inline void JMDCM_CALLBACK py_audit_hook(void* u, const char* record) {
    (void)guarded([&] { static_cast<HostBackend*>(u)->audit(record); return JMDCM_OK; });
}
inline jmdcm_status JMDCM_CALLBACK py_today_hook(void* u, char date[11]) {
    return guarded([&] {
        const std::string day = py::str(static_cast<HostBackend*>(u)->today()).cast<std::string>();
        if (day.size() != 10) {
            jmdcm_error_set(("today answered '" + day + "', not YYYY-MM-DD").c_str());
            return JMDCM_JSON_BAD_DATE;
        }
        std::memcpy(date, day.c_str(), 11);
        return JMDCM_OK;
    });
}
}

/// Opens a store over `backend` (a jmdcm.Backend); the GIL is held by the caller.
inline jmdcm_status open_host_backend(jmdcm_store** out, const py::object& backend, const py::object& audit, const py::object& today,
                                      const char* options) {
    jmdcm_backend b;
    jmdcm_status status = jmdcm_backend_init(&b, JMDCM_BACKEND_VERSION);
    if (status != JMDCM_OK) return status;
    auto* host = new HostBackend{backend, audit, today};
    const std::string name = py::str(backend.attr("name")).cast<std::string>();
    const std::string gaps = py::str(backend.attr("erasure_gaps")).cast<std::string>();
    b.user_data = host;
    b.name = name.c_str();
    b.erasure_gaps = gaps.c_str();
    b.flags = (backend.attr("erases").cast<bool>() ? JMDCM_BACKEND_ERASES : 0u) |
              (backend.attr("keeps_audit").cast<bool>() ? JMDCM_BACKEND_KEEPS_AUDIT : 0u);
    b.begin = py_begin;
    b.commit = py_commit;
    b.rollback = py_rollback;
    b.get_case = py_get_case;
    b.put_case = py_put_case;
    b.find_cases = py_find_cases;
    b.list_partners = py_list_partners;
    b.put_partner = py_put_partner;
    if (b.flags & JMDCM_BACKEND_KEEPS_AUDIT) {
        b.append_audit = py_append_audit;
        b.audit_records = py_audit_records;
    }
    b.erasure_pending = py_erasure_pending;
    b.destroy = py_destroy;
    jmdcm_hooks hooks;
    std::memset(&hooks, 0, sizeof hooks);
    hooks.version = JMDCM_HOOKS_VERSION;
    hooks.user_data = host;
    if (!audit.is_none()) hooks.audit = py_audit_hook;
    if (!today.is_none()) hooks.today = py_today_hook;
    {
        py::gil_scoped_release unlocked;  // the callbacks take it back
        status = jmdcm_store_open_backend(out, &b, &hooks, options);  // destroy frees `host`, also on failure
    }
    return status;
}

}  // namespace jmdcm_python
