// Library-level calls: versions, the status table, the last error, string ownership.
#include "boundary.hpp"

#include "jmdcm/version.hpp"

#include <cstdlib>
#include <string>
#include <vector>

using namespace jmdcm::capi;

// The header spells the enum out (capi.status_enum checks the text); the values agree here.
#define JMDCM_ERROR(name, upper, number, message) static_assert(JMDCM_##upper == (number), #upper);
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR

namespace {

struct StatusEntry {
    int code = 0;
    std::string name;
    std::string message;
};
BOOST_DESCRIBE_STRUCT(StatusEntry, (), (code, name, message))

std::vector<StatusEntry> status_table() {
    return {
#define JMDCM_ERROR(name, upper, number, message) StatusEntry{number, #name, message},
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
    };
}

}  // namespace

extern "C" {

const char* jmdcm_version(void) { return JMDCM_VERSION_STRING; }
int jmdcm_abi_version(void) { return JMDCM_ABI_VERSION; }

const char* jmdcm_status_name(jmdcm_status status) {
    switch (static_cast<int>(status)) {
#define JMDCM_ERROR(name, upper, number, message) case number: return #name;
#include "jmdcm/error_codes.def"
#undef JMDCM_ERROR
    }
    return "unknown";
}

const char* jmdcm_last_error(void) { return last_error().view.message; }

const jmdcm_error* jmdcm_error_last(void) { return &last_error().view; }

jmdcm_status jmdcm_status_names(char** out_statuses) {
    return guard([&] {
        reset(out_statuses, "out_statuses");
        give(out_statuses, jmdcm::json::to_string(status_table()));
    });
}

void jmdcm_string_free(char* s) { std::free(s); }

}  // extern "C"
