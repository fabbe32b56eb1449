/* A host's backend in plain C, as a host would write one against jmdcm/backend.h: rows in
 * arrays, a transaction as a copy taken at begin and put back at rollback. It answers every
 * row to each query (a superset: the library filters). Faults can be switched on to test
 * that nothing a misbehaving backend answers gets around the library. */
#ifndef JMDCM_TEST_DICT_BACKEND_H
#define JMDCM_TEST_DICT_BACKEND_H

#include "jmdcm/backend.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dict_backend dict_backend;

enum dict_fault {
    DICT_NO_FAULT = 0,
    DICT_GARBAGE,          /* get_case answers text that is not JSON */
    DICT_OTHER_ID,         /* get_case answers the first stored row, whatever was asked */
    DICT_ZERO_VERSION,     /* get_case answers version 0 */
    DICT_NULL_ANSWER,      /* find_cases answers NULL */
    DICT_FAILING_PUT,      /* put_case fails with JMDCM_STORAGE_FULL and a message */
    DICT_STRANGE_STATUS,   /* put_case returns a number that is no jmdcm status */
    DICT_TWICE             /* find_cases answers every row twice */
};

/* A new, empty backend. */
dict_backend *dict_new(void);
/* Fills *b (after jmdcm_backend_init) for d; b's destroy frees d. */
void dict_fill(jmdcm_backend *b, dict_backend *d, unsigned int flags);
void dict_set_fault(dict_backend *d, enum dict_fault fault);
/* How many transactions committed and rolled back; whether a transaction is open. */
int dict_commits(const dict_backend *d);
int dict_rollbacks(const dict_backend *d);
int dict_open(const dict_backend *d);
/* The stored row of a case (the dict's own lookup, what a host would call directly), or NULL. */
const char *dict_get(const dict_backend *d, const char *case_id);
/* Whether any stored row (cases, partners, audit) or any copy held contains `text`. */
int dict_holds(const dict_backend *d, const char *text);

#ifdef __cplusplus
}
#endif

#endif
