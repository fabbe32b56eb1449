// Per-case keys on a PostgreSQL server (issue 19): the wrapped case keys in a schema of their
// own, apart from the cases, so that `pg_dump -n <schema>` backs them up on their own, shorter
// schedule. What PostgreSQL keeps of a destroyed key (a dead row until VACUUM reuses its
// space, the WAL, base backups) holds it wrapped by the KEK only: rotating the KEK after the
// retention window and destroying the old one makes every such copy useless (README).
#pragma once

#include "jmdcm/keys/key_store.hpp"

#include <memory>
#include <string>

namespace jmdcm {

/// Opens (creating when needed) the key store in `schema` (a plain identifier: letters,
/// digits, underscores) of the server `conninfo` names.
std::unique_ptr<keys::KeyStore> open_postgres_key_store(const std::string& conninfo, const std::string& schema = "jmdcm_keys");

}  // namespace jmdcm
