// Library-level calls: versions, the status table, the last error, string ownership.
#include "boundary.hpp"

#include "jmdcm/version.hpp"

#include <cstdlib>

using namespace jmdcm::capi;

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

const char* jmdcm_last_error(void) { return last_error().c_str(); }

void jmdcm_string_free(char* s) { std::free(s); }

}  // extern "C"
