/* Per-case keys through the C ABI (jmdcm/keys.h, issue 19): a sealed SQLite store with a
 * local KEK and with a host's KEK in C, clear errors for a wrong KEK, the KEK's destroy
 * called exactly once, conversion of a clear store and rotation. */
#include "check.h"
#include "jmdcm/keys.h"

#include <stdlib.h>
#include <unistd.h>

static const char *admin = "{\"id\":\"ad-1\",\"role\":\"administrator\"}";
static const char *worker = "{\"id\":\"fachkraft-1\",\"role\":\"case_worker\"}";
static const char *samira = "JMD-FFM-2016-0042";

static char dir[] = "/tmp/jmdcm-capi-keys-XXXXXX";

static void path_of(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", dir, name); }

/** Whether the file's raw bytes hold `needle`. */
static int file_holds(const char *path, const char *needle) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc((size_t)size + 1);
    size_t got = fread(bytes, 1, (size_t)size, f);
    fclose(f);
    int found = 0;
    size_t len = strlen(needle);
    for (size_t i = 0; i + len <= got && !found; ++i) found = memcmp(bytes + i, needle, len) == 0;
    free(bytes);
    return found;
}

static unsigned char kek_bytes[JMDCM_KEY_BYTES];

static jmdcm_kek local_kek(const char *id, const unsigned char *bytes) {
    jmdcm_kek k;
    CHECK(jmdcm_kek_local(&k, id, bytes, JMDCM_KEY_BYTES) == JMDCM_OK);
    return k;
}

/* A host's KEK in C: "wraps" by XOR with a pad and hex, bound to the case id by a prefix.
 * Not a cipher; enough to show the callbacks and their checks. */
typedef struct {
    unsigned char pad;
    int destroyed;
} host_kek;

static jmdcm_status JMDCM_CALLBACK host_wrap(void *ud, const char *case_id, const unsigned char key[JMDCM_KEY_BYTES], jmdcm_reply *reply) {
    host_kek *h = ud;
    char text[512];
    int n = snprintf(text, sizeof text, "%s:", case_id);
    for (int i = 0; i < JMDCM_KEY_BYTES; ++i) n += snprintf(text + n, sizeof text - (size_t)n, "%02x", key[i] ^ h->pad);
    return jmdcm_reply_add(reply, text);
}

static jmdcm_status JMDCM_CALLBACK host_unwrap(void *ud, const char *case_id, const char *wrapped, unsigned char key[JMDCM_KEY_BYTES]) {
    host_kek *h = ud;
    size_t len = strlen(case_id);
    if (strncmp(wrapped, case_id, len) != 0 || wrapped[len] != ':') {
        jmdcm_error_set("wrapped for another case");
        return JMDCM_KEY_INVALID;
    }
    for (int i = 0; i < JMDCM_KEY_BYTES; ++i) {
        unsigned int byte = 0;
        if (sscanf(wrapped + len + 1 + 2 * i, "%2x", &byte) != 1) return JMDCM_KEY_INVALID;
        key[i] = (unsigned char)(byte ^ h->pad);
    }
    return JMDCM_OK;
}

static void JMDCM_CALLBACK host_destroy(void *ud) { ((host_kek *)ud)->destroyed += 1; }

static jmdcm_kek host_kek_of(host_kek *h, const char *id) {
    jmdcm_kek k;
    CHECK(jmdcm_kek_init(&k, JMDCM_KEK_VERSION) == JMDCM_OK);
    k.user_data = h;
    k.id = id;
    k.wrap = host_wrap;
    k.unwrap = host_unwrap;
    k.destroy = host_destroy;
    return k;
}

static void test_a_sealed_store_keeps_the_person_out_of_the_file(void) {
    char db[256], keys[256];
    path_of(db, sizeof db, "sealed.sqlite");
    path_of(keys, sizeof keys, "sealed.sqlite.keys");
    jmdcm_kek k = local_kek("kek-1", kek_bytes);
    jmdcm_store *s = NULL;
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, "{\"today\":\"2020-06-01\"}") == JMDCM_OK);
    char *c = NULL;
    CHECK(jmdcm_example_samira(&c, s, worker) == JMDCM_OK);
    jmdcm_string_free(c);
    CHECK(jmdcm_case_load(&c, s, worker, samira) == JMDCM_OK);
    CHECK(contains(c, "\"given_name\":\"Samira\""));   /* the library reads it whole */
    jmdcm_string_free(c);
    jmdcm_store_free(s);
    CHECK(!file_holds(db, "Samira"));
    CHECK(!file_holds(db, "1994-05-03"));
    CHECK(!file_holds(keys, "Samira"));

    /* the right name with the wrong bytes: a clear error, the summaries still answer */
    unsigned char wrong[JMDCM_KEY_BYTES];
    CHECK(jmdcm_kek_generate(wrong) == JMDCM_OK);
    k = local_kek("kek-1", wrong);
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, NULL) == JMDCM_OK);
    CHECK(jmdcm_case_load(&c, s, worker, samira) == JMDCM_KEY_INVALID);
    CHECK(c == NULL);
    CHECK(contains(jmdcm_last_error(), "the key of case 'JMD-FFM-2016-0042'"));
    CHECK(jmdcm_case_query(&c, s, worker, NULL) == JMDCM_OK);
    CHECK(contains(c, samira));
    jmdcm_string_free(c);
    jmdcm_store_free(s);

    /* without a KEK the sealed store does not open for writing (the mark in the file), and
       read-only its sealed case does not open */
    CHECK(jmdcm_store_open_sqlite(&s, db, NULL) == JMDCM_STORE_SEALED);
    CHECK(s == NULL);
    CHECK(contains(jmdcm_last_error(), "open it with its key-encryption key"));
    CHECK(jmdcm_store_open_sqlite(&s, db, "{\"read_only\": true}") == JMDCM_OK);
    CHECK(jmdcm_store_capabilities(&c, s) == JMDCM_OK);
    CHECK(contains(c, "\"sealed\":true"));
    jmdcm_string_free(c);
    CHECK(jmdcm_case_load(&c, s, worker, samira) != JMDCM_OK);
    CHECK(c == NULL);
    jmdcm_store_free(s);
}

static void test_a_hosts_kek_wraps_and_rotation_moves_every_key(void) {
    char db[256], keys[256];
    path_of(db, sizeof db, "host.sqlite");
    path_of(keys, sizeof keys, "host.keys");
    host_kek h = {0x5a, 0};
    jmdcm_kek k = host_kek_of(&h, "host-kek");
    jmdcm_store *s = NULL;
    char options[512];
    snprintf(options, sizeof options, "{\"key_store\":\"%s\"}", keys);
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, options) == JMDCM_OK);
    char *c = NULL;
    CHECK(jmdcm_example_samira(&c, s, worker) == JMDCM_OK);
    jmdcm_string_free(c);
    CHECK(h.destroyed == 0);
    jmdcm_store_free(s);
    CHECK(h.destroyed == 1);   /* exactly once, with the store */
    CHECK(file_holds(keys, "4a4d442d4646"));   /* "JMD-FF" in hex: the host's wrapping is what the key store keeps */

    /* rotation to a local KEK: the data file is not touched, the old KEK opens nothing after */
    jmdcm_kek from = host_kek_of(&h, "host-kek");
    jmdcm_kek to = local_kek("kek-2", kek_bytes);
    CHECK(jmdcm_keys_rotate(&c, keys, &from, &to) == JMDCM_OK);
    CHECK(contains(c, "\"rewrapped\":1"));
    jmdcm_string_free(c);
    CHECK(h.destroyed == 2);
    k = local_kek("kek-2", kek_bytes);
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, options) == JMDCM_OK);
    CHECK(jmdcm_case_load(&c, s, worker, samira) == JMDCM_OK);
    CHECK(contains(c, "Samira"));
    jmdcm_string_free(c);
    jmdcm_store_free(s);
    k = host_kek_of(&h, "host-kek");
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, options) == JMDCM_OK);
    CHECK(jmdcm_case_load(&c, s, worker, samira) == JMDCM_KEY_INVALID);
    CHECK(contains(jmdcm_last_error(), "'kek-2'"));
    jmdcm_store_free(s);
    CHECK(h.destroyed == 3);
}

static void test_a_clear_store_is_converted(void) {
    char db[256];
    path_of(db, sizeof db, "clear.sqlite");
    jmdcm_store *s = NULL;
    char *c = NULL;
    CHECK(jmdcm_store_open_sqlite(&s, db, NULL) == JMDCM_OK);
    CHECK(jmdcm_example_samira(&c, s, worker) == JMDCM_OK);
    jmdcm_string_free(c);
    jmdcm_store_free(s);
    CHECK(file_holds(db, "Samira"));
    jmdcm_kek k = local_kek("kek-1", kek_bytes);
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, NULL) == JMDCM_OK);
    CHECK(jmdcm_store_seal_all(&c, s, worker) == JMDCM_ACCESS_DENIED);
    CHECK(jmdcm_store_seal_all(&c, s, admin) == JMDCM_OK);
    CHECK(contains(c, "\"sealed\":1"));
    jmdcm_string_free(c);
    jmdcm_store_free(s);
    CHECK(!file_holds(db, "Samira"));
}

static void test_bad_structs_and_options_are_refused(void) {
    jmdcm_store *s = NULL;
    char db[256];
    path_of(db, sizeof db, "bad.sqlite");
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, NULL, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "kek"));
    host_kek h = {1, 0};
    jmdcm_kek k = host_kek_of(&h, "");
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "kek.id"));
    CHECK(h.destroyed == 1);   /* refused, and still handed back once */
    k = host_kek_of(&h, "x");
    k.unwrap = NULL;
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "kek.unwrap"));
    CHECK(h.destroyed == 2);
    k = host_kek_of(&h, "x");
    CHECK(jmdcm_store_open_sqlite_sealed(&s, ":memory:", &k, NULL) == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "key_store"));
    CHECK(h.destroyed == 3);
    k = host_kek_of(&h, "x");
    CHECK(jmdcm_store_open_sqlite_sealed(&s, db, &k, "{\"key_stor\":\"x\"}") == JMDCM_JSON_UNKNOWN_FIELD);
    CHECK(contains(jmdcm_last_error(), "key_stor"));
    CHECK(h.destroyed == 4);
    CHECK(jmdcm_store_open_sqlite(&s, db, "{\"key_store\":\"x.keys\"}") == JMDCM_INVALID_ARGUMENT);
    CHECK(contains(jmdcm_last_error(), "options.key_store"));
    unsigned char short_key[8] = {0};
    CHECK(jmdcm_kek_local(&k, "x", short_key, sizeof short_key) == JMDCM_KEY_INVALID);
    CHECK(k.user_data == NULL);
    CHECK(jmdcm_kek_init(&k, 99) == JMDCM_INVALID_ARGUMENT);
}

int main(void) {
    if (!mkdtemp(dir)) return 2;
    CHECK(jmdcm_kek_generate(kek_bytes) == JMDCM_OK);
    test_a_sealed_store_keeps_the_person_out_of_the_file();
    test_a_hosts_kek_wraps_and_rotation_moves_every_key();
    test_a_clear_store_is_converted();
    test_bad_structs_and_options_are_refused();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    return finish();
}
