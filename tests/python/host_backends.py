"""Two backends a Python host might write: one over a dict, one over Python's own sqlite3
module. Both answer every row to a query (the library filters), as a first version would."""
import json
import sqlite3

import jmdcm


class DictBackend(jmdcm.Backend):
    """Rows in dicts; a transaction is a copy taken at begin and put back at rollback."""

    name = "dict"

    def __init__(self):
        self.cases, self.partners, self.audit = {}, {}, []
        self._saved = None

    def begin(self, write):
        self._saved = (dict(self.cases), dict(self.partners), list(self.audit))

    def commit(self):
        self._saved = None

    def rollback(self):
        self.cases, self.partners, self.audit = self._saved
        self._saved = None

    @staticmethod
    def _put(table, key, version, expected, text):
        stored = table.get(key)
        if expected == 0 and stored is not None:
            raise jmdcm.AlreadyExistsError(f"{key} exists")
        if expected != 0 and (stored is None or stored[0] != expected):
            raise jmdcm.ConflictError(f"{key} was changed meanwhile")
        table[key] = (version, text)

    def get_case(self, case_id):
        row = self.cases.get(case_id)
        return row[1] if row else None

    def put_case(self, case_id, version, expected_version, row, erases):
        self._put(self.cases, case_id, version, expected_version, row)

    def find_cases(self, query):
        return [text for _, (_, text) in sorted(self.cases.items())]

    def list_partners(self):
        return [text for _, (_, text) in sorted(self.partners.items())]

    def put_partner(self, partner_id, version, expected_version, stored):
        self._put(self.partners, partner_id, version, expected_version, stored)

    def append_audit(self, record):
        self.audit.append(record)

    def audit_records(self, query):
        return list(self.audit)


class Sqlite3Backend(jmdcm.Backend):
    """Python's sqlite3 module: the summary's columns indexed, the query answered in SQL
    where it is simple (case worker, anonymised, visible_to), a superset otherwise."""

    name = "python-sqlite3"
    erases = False  # this host keeps no secure_delete and copies the file nightly
    erasure_gaps = "the host's nightly copies of the file"

    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS cases(id TEXT PRIMARY KEY, version INTEGER, case_worker TEXT, substitutes TEXT, "
            "anonymised INTEGER, row TEXT);"
            "CREATE TABLE IF NOT EXISTS partners(id TEXT PRIMARY KEY, version INTEGER, stored TEXT);"
            "CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY, record TEXT);")

    def begin(self, write):
        self.db.execute("BEGIN IMMEDIATE")

    def commit(self):
        self.db.execute("COMMIT")

    def rollback(self):
        self.db.execute("ROLLBACK")

    def get_case(self, case_id):
        row = self.db.execute("SELECT row FROM cases WHERE id = ?", (case_id,)).fetchone()
        return row[0] if row else None

    def put_case(self, case_id, version, expected_version, row, erases):
        summary = json.loads(row)
        values = (version, summary["summary"]["case_worker"], "|" + "|".join(summary["substitutes"]) + "|",
                  int(summary["summary"]["anonymised"]), row, case_id)
        if expected_version == 0:
            try:
                self.db.execute("INSERT INTO cases(version, case_worker, substitutes, anonymised, row, id) VALUES(?,?,?,?,?,?)", values)
            except sqlite3.IntegrityError:
                raise jmdcm.AlreadyExistsError(f"{case_id} exists") from None
            return
        changed = self.db.execute("UPDATE cases SET version=?, case_worker=?, substitutes=?, anonymised=?, row=? "
                                  "WHERE id=? AND version=?", values + (expected_version,)).rowcount
        if changed != 1:
            raise jmdcm.ConflictError(f"{case_id} was changed meanwhile")

    def find_cases(self, query):
        q = json.loads(query)
        sql, args = "SELECT row FROM cases WHERE 1", []
        if q.get("visible_to"):
            sql += " AND (case_worker = ? OR instr(substitutes, ?) > 0)"
            args += [q["visible_to"], "|" + q["visible_to"] + "|"]
        if q["filter"].get("anonymised") is not None:
            sql += " AND anonymised = ?"
            args.append(int(q["filter"]["anonymised"]))
        return [r[0] for r in self.db.execute(sql + " ORDER BY id", args)]

    def list_partners(self):
        return [r[0] for r in self.db.execute("SELECT stored FROM partners ORDER BY id")]

    def put_partner(self, partner_id, version, expected_version, stored):
        if expected_version == 0:
            self.db.execute("INSERT INTO partners VALUES(?,?,?)", (partner_id, version, stored))
        elif self.db.execute("UPDATE partners SET version=?, stored=? WHERE id=? AND version=?",
                             (version, stored, partner_id, expected_version)).rowcount != 1:
            raise jmdcm.ConflictError(f"partner {partner_id} was changed meanwhile")

    def append_audit(self, record):
        self.db.execute("INSERT INTO audit(record) VALUES(?)", (record,))

    def audit_records(self, query):
        return [r[0] for r in self.db.execute("SELECT record FROM audit ORDER BY seq")]
