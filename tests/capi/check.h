/* A minimal checker for the C tests: CHECK counts, prints the last error on failure,
 * and main() ends with finish(). Each test program is one translation unit. */
#ifndef JMDCM_TEST_CHECK_H
#define JMDCM_TEST_CHECK_H

#include "jmdcm/jmdcm.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (cond) ++passed;                                                          \
        else {                                                                       \
            ++failed;                                                                \
            fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, \
                    __LINE__, #cond, jmdcm_last_error());                            \
        }                                                                            \
    } while (0)

static int contains(const char *s, const char *part) { return s && strstr(s, part) != NULL; }

static int finish(void) {
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

#endif
