/* jmdcm/keys.h: encryption at rest with per-case keys (issue 19).
 *
 * A store opened with a key-encryption key (KEK) seals the personal part of each case under
 * the case's own key (XChaCha20-Poly1305, bound to the case's id and version); the summary
 * columns queries and sweeps use stay in clear, and so do anonymised cases (R13). Case keys
 * live wrapped by the KEK in a key store apart from the data (for SQLite a file of its own,
 * "<path>.keys" unless "key_store" names another; for PostgreSQL a schema of its own), which
 * the host backs up on its own,
 * shorter schedule. An anonymisation destroys the case's key: every older copy of the case,
 * in every backup, stops opening.
 *
 * The KEK is the host's: a key file, an OS keystore, a KMS. It comes as a versioned struct
 * of callbacks, like jmdcm_backend (jmdcm/backend.h): wrap and unwrap a 32-byte case key.
 * jmdcm_kek_local fills one for 32 bytes the host holds (read from a key file).
 */
#ifndef JMDCM_KEYS_H
#define JMDCM_KEYS_H

#include "jmdcm/backend.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The struct layout this header describes. Bumped when fields are appended. */
#define JMDCM_KEK_VERSION 1
/** Bytes in a case key and in a local KEK. */
#define JMDCM_KEY_BYTES 32

typedef struct jmdcm_kek {
    unsigned int version;       /* JMDCM_KEK_VERSION the host was written against */
    void *user_data;            /* handed to every callback */
    const char *id;             /* names the KEK, so rotation knows which keys it wrapped; copied */

    /* Wraps `key` for case_id: adds the wrapped form as one text (printable, e.g. base64)
     * with jmdcm_reply_add. Called from any thread, one call at a time. */
    jmdcm_status (JMDCM_CALLBACK *wrap)(void *user_data, const char *case_id, const unsigned char key[JMDCM_KEY_BYTES],
                                        jmdcm_reply *reply);
    /* Writes the key that `wrapped` (a text wrap gave for case_id) holds into key; JMDCM_KEY_INVALID
     * when it is not this KEK's wrapping for that case. */
    jmdcm_status (JMDCM_CALLBACK *unwrap)(void *user_data, const char *case_id, const char *wrapped,
                                          unsigned char key[JMDCM_KEY_BYTES]);
    /* Optional (NULL): called once, when the last store using the KEK is freed, or when
     * opening fails. */
    void (JMDCM_CALLBACK *destroy)(void *user_data);
} jmdcm_kek;

/** Zeroes *kek and sets its version; JMDCM_INVALID_ARGUMENT for a version this library does
 *  not know. */
JMDCM_API jmdcm_status jmdcm_kek_init(jmdcm_kek *kek, unsigned int version);

/** Fills *kek with a KEK the library holds: key_len must be JMDCM_KEY_BYTES; the bytes are
 *  copied (the host wipes its own) and wiped again by destroy. Hand it to one open or
 *  rotation call, which then owns it. */
JMDCM_API jmdcm_status jmdcm_kek_local(jmdcm_kek *kek, const char *id, const unsigned char *key, size_t key_len);

/** JMDCM_KEY_BYTES random bytes (libsodium) for a new key file. */
JMDCM_API jmdcm_status jmdcm_kek_generate(unsigned char key[JMDCM_KEY_BYTES]);

/** Opens (or creates) a SQLite file with per-case keys. options_json as jmdcm_store_open_sqlite,
 *  plus "key_store": the key store's path (default: path + ".keys"). kek is copied; its
 *  destroy is called exactly once (when the store is freed, or before a failure returns).
 *  Cases stored in clear before (a store opened without a KEK) stay readable; new writes are
 *  sealed; jmdcm_store_seal_all seals the rest. An anonymisation that a crash cut short after
 *  its key went is finished when the store opens. */
JMDCM_API jmdcm_status jmdcm_store_open_sqlite_sealed(jmdcm_store **out, const char *path, const jmdcm_kek *kek,
                                                      const char *options_json);

/** Opens a store on a PostgreSQL server with per-case keys. options_json as
 *  jmdcm_store_open_postgres, plus "key_store": the schema of the same database that holds the
 *  key store (a plain lower-case identifier; default "jmdcm_keys"), so that it is backed up
 *  apart from the cases (pg_dump -n). kek as for jmdcm_store_open_sqlite_sealed. */
JMDCM_API jmdcm_status jmdcm_store_open_postgres_sealed(jmdcm_store **out, const char *conninfo, const jmdcm_kek *kek,
                                                        const char *options_json);

/** Converts a store to per-case keys (administrators only; a store opened with a KEK): seals
 *  every case stored in clear, 500 per transaction, each at its next version, erasing its
 *  clear bytes like an anonymisation does. Answers {"sealed":n}. */
JMDCM_API jmdcm_status jmdcm_store_seal_all(char **out_report, jmdcm_store *store, const char *actor_json);

/** KEK rotation: re-wraps every case key of the key store file at key_store that `from`
 *  wrapped under `to`, all or none, without touching any case. Both KEKs are copied and
 *  destroyed (destroy called) before it returns. Answers {"rewrapped":n}. Afterwards the old
 *  KEK may be destroyed once no backup of the key store wrapped under it is kept. */
JMDCM_API jmdcm_status jmdcm_keys_rotate(char **out_report, const char *key_store, const jmdcm_kek *from, const jmdcm_kek *to);
/** As jmdcm_keys_rotate, for the key store in schema key_schema (NULL: "jmdcm_keys") of the
 *  PostgreSQL database conninfo names, in one transaction. */
JMDCM_API jmdcm_status jmdcm_keys_rotate_postgres(char **out_report, const char *conninfo, const char *key_schema,
                                                  const jmdcm_kek *from, const jmdcm_kek *to);

#ifdef __cplusplus
}
#endif

#endif
