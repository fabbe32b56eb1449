// _jmdcm: the Python extension over the C ABI (jmdcm.h) and nothing else. It turns
// statuses into the package's exception classes, owns handles, releases the GIL while the
// library works, and lends research columns to numpy without copying them.
#include "jmdcm/jmdcm.h"

#include "host_backend.hpp"
#include "host_kek.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>

namespace py = pybind11;

namespace {

using Text = std::optional<std::string>;
const char* c_str(const Text& t) { return t ? t->c_str() : nullptr; }

/// status -> exception class, registered by the package (jmdcm.errors) at import.
py::dict& error_classes() {
    static py::dict* classes = new py::dict();  // lives as long as the interpreter needs it
    return *classes;
}

[[noreturn]] void raise(jmdcm_status status) {
    const jmdcm_error& e = *jmdcm_error_last();   // same thread: still this call's error, taken apart
    const std::string message = e.message;
    py::int_ code(static_cast<int>(status));
    if (error_classes().contains(code)) {
        const auto or_none = [](const char* s) { return *s ? py::object(py::str(s)) : py::object(py::none()); };
        py::object cls = error_classes()[code];
        PyErr_SetObject(cls.ptr(), cls(message, code, or_none(e.rule), or_none(e.field)).ptr());
        throw py::error_already_set();
    }
    throw std::runtime_error(std::string(jmdcm_status_name(status)) + ": " + message);
}

/// Runs a call that yields a library-owned string, without the GIL; returns it as str.
template <class F>
std::string text_of(F&& call) {
    char* out = nullptr;
    jmdcm_status status;
    {
        py::gil_scoped_release unlocked;
        status = call(&out);
    }
    if (status != JMDCM_OK) raise(status);
    std::string result(out);
    jmdcm_string_free(out);
    return result;
}

template <class F>
void run(F&& call) {
    jmdcm_status status;
    {
        py::gil_scoped_release unlocked;
        status = call();
    }
    if (status != JMDCM_OK) raise(status);
}

/// A store handle. Calls on it run side by side (the native store serialises them, or
/// spreads them over its connections); closing waits for them, since the ABI forbids freeing
/// a handle while a call on it runs.
class Store {
public:
    explicit Store(jmdcm_store* s) : store_(s) {}
    ~Store() { jmdcm_store_free(store_); }
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static std::unique_ptr<Store> memory(const Text& options) {
        jmdcm_store* s = nullptr;
        run([&] { return jmdcm_store_open_memory(&s, c_str(options)); });
        return std::make_unique<Store>(s);
    }
    static std::unique_ptr<Store> sqlite(const std::string& path, const Text& options) {
        jmdcm_store* s = nullptr;
        run([&] { return jmdcm_store_open_sqlite(&s, path.c_str(), c_str(options)); });
        return std::make_unique<Store>(s);
    }
    static std::unique_ptr<Store> postgres(const std::string& conninfo, const Text& options) {
        jmdcm_store* s = nullptr;
        run([&] { return jmdcm_store_open_postgres(&s, conninfo.c_str(), c_str(options)); });
        return std::make_unique<Store>(s);
    }
    /// A SQLite file or a PostgreSQL store with per-case keys under the host's KEK (host_kek.hpp).
    static std::unique_ptr<Store> sqlite_sealed(const std::string& path, const py::object& kek, const Text& options) {
        return sealed(kek, [&](jmdcm_store** s, const jmdcm_kek* k) { return jmdcm_store_open_sqlite_sealed(s, path.c_str(), k, c_str(options)); });
    }
    static std::unique_ptr<Store> postgres_sealed(const std::string& conninfo, const py::object& kek, const Text& options) {
        return sealed(kek, [&](jmdcm_store** s, const jmdcm_kek* k) { return jmdcm_store_open_postgres_sealed(s, conninfo.c_str(), k, c_str(options)); });
    }
    static std::unique_ptr<Store> backend(const py::object& b, const py::object& audit, const py::object& today, const Text& options) {
        jmdcm_store* s = nullptr;
        const jmdcm_status status = jmdcm_python::open_host_backend(&s, b, audit, today, c_str(options));
        if (status != JMDCM_OK) raise(status);
        return std::make_unique<Store>(s);
    }
    void close() {
        auto lock = locked<std::unique_lock<std::shared_mutex>>();
        jmdcm_store_free(store_);
        store_ = nullptr;
    }
    /// Runs `f(handle)` while the store cannot be closed; a closed store is refused by the ABI.
    template <class F>
    auto with(F&& f) {
        auto lock = locked<std::shared_lock<std::shared_mutex>>();
        return f(store_);
    }

private:
    template <class Open>
    static std::unique_ptr<Store> sealed(const py::object& kek, Open&& open) {
        jmdcm_kek k;
        jmdcm_status status = jmdcm_python::kek_of(&k, kek);
        if (status != JMDCM_OK) raise(status);
        jmdcm_store* s = nullptr;
        {
            py::gil_scoped_release unlocked;   // the KEK's callbacks take it back
            status = open(&s, &k);              // the KEK's destroy runs once, also on failure
        }
        if (status != JMDCM_OK) raise(status);
        return std::make_unique<Store>(s);
    }

    /// The lock is taken without the GIL: a thread waiting for it while holding the GIL
    /// would block the thread inside the call from taking the GIL back (a deadlock).
    template <class Lock>
    Lock locked() {
        Lock lock(mutex_, std::defer_lock);
        py::gil_scoped_release unlocked;
        lock.lock();
        return lock;
    }

    jmdcm_store* store_;
    std::shared_mutex mutex_;
};

class Table {
public:
    explicit Table(jmdcm_table* t) : table_(t) {}
    ~Table() { jmdcm_table_free(table_); }
    Table(const Table&) = delete;
    Table& operator=(const Table&) = delete;
    const jmdcm_table* get() const { return table_; }

private:
    jmdcm_table* table_;
};

}  // namespace

PYBIND11_MODULE(_jmdcm, m) {
    m.doc() = "Low-level binding of the jmdcm C ABI; use the jmdcm package instead.";

    m.def("version", [] { return std::string(jmdcm_version()); });
    m.def("abi_version", [] { return jmdcm_abi_version(); });
    m.def("status_name", [](int code) { return std::string(jmdcm_status_name(static_cast<jmdcm_status>(code))); });
    m.def("status_names", [] { return text_of([](char** out) { return jmdcm_status_names(out); }); },
          "Every status of the library's table as JSON: [{code, name, message}].");
    m.def("kek_generate", [] {
        unsigned char key[JMDCM_KEY_BYTES];
        run([&] { return jmdcm_kek_generate(key); });
        py::bytes out(reinterpret_cast<const char*>(key), JMDCM_KEY_BYTES);
        std::memset(key, 0, sizeof key);
        return out;
    });
    // rotation: both KEKs become jmdcm_kek structs the call destroys, the first also when the second fails
    auto rotation = [](const py::object& from, const py::object& to, const auto& call) {
        jmdcm_kek old_kek, new_kek;
        jmdcm_status status = jmdcm_python::kek_of(&old_kek, from);
        if (status != JMDCM_OK) raise(status);
        status = jmdcm_python::kek_of(&new_kek, to);
        if (status != JMDCM_OK) {
            if (old_kek.destroy) old_kek.destroy(old_kek.user_data);
            raise(status);
        }
        return text_of([&](char** out) { return call(out, &old_kek, &new_kek); });
    };
    m.def("keys_rotate", [rotation](const std::string& key_store, const py::object& from, const py::object& to) {
        return rotation(from, to, [&](char** out, jmdcm_kek* a, jmdcm_kek* b) { return jmdcm_keys_rotate(out, key_store.c_str(), a, b); });
    });
    m.def("keys_rotate_postgres", [rotation](const std::string& conninfo, const std::string& schema, const py::object& from, const py::object& to) {
        return rotation(from, to, [&](char** out, jmdcm_kek* a, jmdcm_kek* b) {
            return jmdcm_keys_rotate_postgres(out, conninfo.c_str(), schema.c_str(), a, b);
        });
    });
    m.def("register_errors", [](py::dict classes) { error_classes() = classes; },
          "Registers the exception class for each status code.");

    m.def("case_step", [](const std::string& c, const std::string& step, const Text& input, const Text& policy) {
        return text_of([&](char** out) { return jmdcm_case_step(out, c.c_str(), step.c_str(), c_str(input), c_str(policy)); });
    });
    m.def("case_steps", [] { return text_of([](char** out) { return jmdcm_case_steps(out); }); });
    m.def("store_steps", [] { return text_of([](char** out) { return jmdcm_store_steps(out); }); });
    m.def("case_requirements", [](const std::string& c) {
        return text_of([&](char** out) { return jmdcm_case_requirements(out, c.c_str()); });
    });
    m.def("rule_evaluate", [](const std::string& rule, const Text& input, const Text& policy) {
        return text_of([&](char** out) { return jmdcm_rule_evaluate(out, rule.c_str(), c_str(input), c_str(policy)); });
    });
    m.def("rule_names", [] { return text_of([](char** out) { return jmdcm_rule_names(out); }); });
    m.def("store_requests", [] { return text_of([](char** out) { return jmdcm_store_requests(out); }); });
    m.def("deprecated_names", [] { return text_of([](char** out) { return jmdcm_deprecated_names(out); }); });
    m.def("schema_names", [] { return text_of([](char** out) { return jmdcm_schema_names(out); }); });
    m.def("schema", [](const std::string& name) { return text_of([&](char** out) { return jmdcm_schema(out, name.c_str()); }); });

    py::class_<Store>(m, "Store")
        .def_static("memory", &Store::memory, py::arg("options") = py::none())
        .def_static("sqlite", &Store::sqlite, py::arg("path"), py::arg("options") = py::none())
        .def_static("postgres", &Store::postgres, py::arg("conninfo"), py::arg("options") = py::none())
        .def_static("sqlite_sealed", &Store::sqlite_sealed, py::arg("path"), py::arg("kek"), py::arg("options") = py::none())
        .def_static("postgres_sealed", &Store::postgres_sealed, py::arg("conninfo"), py::arg("kek"), py::arg("options") = py::none())
        .def("seal_all", [](Store& s, const std::string& actor) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_seal_all(out, h, actor.c_str()); }); });
        })
        .def_static("backend", &Store::backend, py::arg("backend"), py::arg("audit") = py::none(), py::arg("today") = py::none(),
                    py::arg("options") = py::none())
        .def("close", &Store::close)
        .def("capabilities", [](Store& s) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_capabilities(out, h); }); });
        })
        .def("case_create", [](Store& s, const std::string& actor, const std::string& c) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_case_create(out, h, actor.c_str(), c.c_str()); }); });
        })
        .def("case_create_all", [](Store& s, const std::string& actor, const std::string& cases) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_case_create_all(out, h, actor.c_str(), cases.c_str()); }); });
        })
        .def("case_load", [](Store& s, const std::string& actor, const std::string& id) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_case_load(out, h, actor.c_str(), id.c_str()); }); });
        })
        .def("case_save", [](Store& s, const std::string& actor, const std::string& c) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_case_save(out, h, actor.c_str(), c.c_str()); }); });
        })
        .def("step", [](Store& s, const std::string& actor, const std::string& id, std::int64_t expected, const std::string& step,
                        const std::string& input, const Text& policy) {
            return s.with([&](jmdcm_store* h) {
                return text_of([&](char** out) {
                    return jmdcm_store_step(out, h, actor.c_str(), id.c_str(), expected, step.c_str(), input.c_str(), c_str(policy));
                });
            });
        })
        .def("audit", [](Store& s, const std::string& actor, const Text& query) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_audit(out, h, actor.c_str(), c_str(query)); }); });
        })
        .def("case_query", [](Store& s, const std::string& actor, const Text& query) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_case_query(out, h, actor.c_str(), c_str(query)); }); });
        })
        .def("sweep", [](Store& s, const std::string& actor, const std::string& on, const Text& policy) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_sweep(out, h, actor.c_str(), on.c_str(), c_str(policy)); }); });
        })
        .def("requirements", [](Store& s, const std::string& actor, const std::string& id) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_requirements(out, h, actor.c_str(), id.c_str()); }); });
        })
        .def("anonymise_case", [](Store& s, const std::string& actor, const std::string& id, const std::string& on) {
            s.with([&](jmdcm_store* h) { run([&] { return jmdcm_store_anonymise_case(h, actor.c_str(), id.c_str(), on.c_str()); }); return 0; });
        })
        .def("caseload", [](Store& s, const std::string& actor, const Text& policy) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_caseload(out, h, actor.c_str(), c_str(policy)); }); });
        })
        .def("statistics", [](Store& s, const std::string& actor, const std::string& options) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_statistics(out, h, actor.c_str(), options.c_str()); }); });
        })
        .def("generate", [](Store& s, const std::string& actor, const Text& options) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_store_generate(out, h, actor.c_str(), c_str(options)); }); });
        })
        .def("request", [](Store& s, const std::string& actor, const std::string& name, const Text& input, const Text& policy) {
            return s.with([&](jmdcm_store* h) {
                return text_of([&](char** out) { return jmdcm_store_request(out, h, actor.c_str(), name.c_str(), c_str(input), c_str(policy)); });
            });
        })
        .def("example_samira", [](Store& s, const std::string& actor) {
            return s.with([&](jmdcm_store* h) { return text_of([&](char** out) { return jmdcm_example_samira(out, h, actor.c_str()); }); });
        })
        .def("table_export", [](Store& s, const std::string& actor, const std::string& table, const std::string& options) {
            return s.with([&](jmdcm_store* h) {
                jmdcm_table* t = nullptr;
                run([&] { return jmdcm_table_export(&t, h, actor.c_str(), table.c_str(), options.c_str()); });
                return std::make_unique<Table>(t);
            });
        });

    py::class_<Table>(m, "Table")
        .def_static("synthetic", [](const std::string& table, const Text& options) {
            jmdcm_table* t = nullptr;
            run([&] { return jmdcm_table_synthetic(&t, table.c_str(), c_str(options)); });
            return std::make_unique<Table>(t);
        })
        .def("schema", [](const Table& t) { return text_of([&](char** out) { return jmdcm_table_schema(out, t.get()); }); })
        .def("column", [](py::object self, std::size_t index) {
            const Table& t = self.cast<const Table&>();
            const int32_t* values = nullptr;
            std::size_t rows = 0;
            run([&] { return jmdcm_table_column(&values, &rows, t.get(), index); });
            // A read-only view whose base is the Table: the memory lives as long as the array.
            py::array_t<int32_t> view({rows}, {sizeof(int32_t)}, values, self);
            py::detail::array_proxy(view.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
            return view;
        }, "Column `index` as a read-only int32 numpy array over the table's own memory.");
}
