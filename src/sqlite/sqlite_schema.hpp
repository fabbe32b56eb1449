// The SQLite schema as forward migrations: migrations()[i] takes a file from version i
// to i + 1 (PRAGMA user_version holds the version). Never edit a released step; append.
#pragma once

#include <vector>

namespace jmdcm::sqlite {

inline const std::vector<const char*>& migrations() {
    static const std::vector<const char*> steps = {
        // 0 -> 1: the cases as documents with summary columns, and the audit log.
        R"sql(
        CREATE TABLE cases (
            id            TEXT NOT NULL UNIQUE,
            version       INTEGER NOT NULL,
            office        TEXT NOT NULL,
            case_worker   TEXT NOT NULL,
            kind          TEXT NOT NULL,
            phase         TEXT NOT NULL,
            running       INTEGER NOT NULL,
            anonymised    INTEGER NOT NULL,
            opened        TEXT NOT NULL,
            last_activity TEXT NOT NULL,
            last_contact  TEXT NOT NULL,
            doc           TEXT NOT NULL
        );
        CREATE TABLE audit (
            seq       INTEGER PRIMARY KEY,      -- rows are never deleted, so it only grows
            at        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            role      TEXT NOT NULL,
            case_id   TEXT NOT NULL,
            operation TEXT NOT NULL,
            allowed   INTEGER NOT NULL,
            detail    TEXT NOT NULL
        );
        )sql",
        // 1 -> 2: substitutes for query visibility (R15), indexes for case workers' lists and
        // the sweep, and an audit log that cannot be changed after the fact.
        R"sql(
        ALTER TABLE cases ADD COLUMN substitutes TEXT NOT NULL DEFAULT '';
        CREATE INDEX cases_by_worker ON cases(case_worker, id);
        CREATE INDEX cases_by_due ON cases(anonymised, running, last_activity);
        CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        )sql",
        // 2 -> 3: the office's network partners (R12) as documents; no personal data.
        R"sql(
        CREATE TABLE partners (
            id      TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            office  TEXT NOT NULL,
            doc     TEXT NOT NULL
        );
        )sql",
        // 3 -> 4: an erasure owed (R3, R13): written in the transaction that anonymises, removed
        // once a truncating checkpoint has taken the old pages out of the WAL. A crash or a
        // reader in between leaves it, and the next open or commit finishes the erasure.
        R"sql(
        CREATE TABLE erasure_owed (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            since TEXT NOT NULL
        );
        )sql",
        // 4 -> 5: per-case keys (issue 19): the mark that the cases are sealed (set by the first
        // writable open with a key-encryption key, never cleared), and triggers that then
        // refuse a case in clear that is not anonymised, whoever writes (sealed_document.hpp
        // has the words; an anonymised case holds no personal data and stays in clear).
        R"sql(
        CREATE TABLE sealing (
            id INTEGER PRIMARY KEY CHECK (id = 1)
        );
        CREATE TRIGGER cases_sealed_insert BEFORE INSERT ON cases
            WHEN NEW.anonymised = 0 AND substr(NEW.doc, 1, 11) IS NOT '{"sealed":1' AND EXISTS (SELECT 1 FROM sealing)
            BEGIN SELECT RAISE(ABORT, 'the store is sealed: a case that is not anonymised is stored only sealed under its own key'); END;
        CREATE TRIGGER cases_sealed_update BEFORE UPDATE ON cases
            WHEN NEW.anonymised = 0 AND substr(NEW.doc, 1, 11) IS NOT '{"sealed":1' AND EXISTS (SELECT 1 FROM sealing)
            BEGIN SELECT RAISE(ABORT, 'the store is sealed: a case that is not anonymised is stored only sealed under its own key'); END;
        )sql",
        // 5 -> 6: whether a case has a reminder not done (R3, R13): an anonymised case keeps its
        // paper-file (Handakte) reminder open until someone completes it, and a worker's agenda
        // finds those cases without reading every anonymised file. Stored documents in clear
        // say it themselves; a sealed one has it from its next save (it is not anonymised, and
        // the agenda reads every such case anyway).
        R"sql(
        ALTER TABLE cases ADD COLUMN open_reminders INTEGER NOT NULL DEFAULT 0;
        UPDATE cases SET open_reminders = 1
            WHERE json_valid(doc) AND EXISTS (SELECT 1 FROM json_each(doc, '$.reminders') WHERE json_extract(value, '$.done') = 0);
        )sql",
        // 6 -> 7: the sweep's candidates by index (R13): with cases_by_due, each of its three
        // conditions (closed; no activity; no contact) is a range, so a daily sweep reads the
        // cases due, not the whole store.
        R"sql(
        CREATE INDEX cases_by_contact ON cases(anonymised, running, last_contact);
        )sql",
        // 7 -> 8: partial indexes, each holding only the rows a query looks for (R13 sweep,
        // statistics). A case that is closed and anonymised leaves the two indexes of running
        // cases instead of moving to another place in each: a sweep writes about a third fewer
        // pages. cases_anonymised keeps the statistics role's queries off a scan of the store.
        R"sql(
        DROP INDEX cases_by_due;
        DROP INDEX cases_by_contact;
        CREATE INDEX cases_running_by_activity ON cases(last_activity) WHERE anonymised = 0 AND running = 1;
        CREATE INDEX cases_running_by_contact ON cases(last_contact) WHERE anonymised = 0 AND running = 1;
        CREATE INDEX cases_closed ON cases(running) WHERE anonymised = 0 AND running = 0;
        CREATE INDEX cases_anonymised ON cases(anonymised) WHERE anonymised = 1;
        )sql",
        // 8 -> 9: the running cases by the month of their last activity and contact, not the
        // day. Within a month the entries follow the rowid, that is the order cases were
        // added, close to the id order in which a sweep and an import go. So the cases of one
        // batch leave (or join) a few stretches of each index, about one per month, instead
        // of a page per case. The sweep reads the ranges up to the cut-off's month and decides
        // by the day on each row.
        R"sql(
        DROP INDEX cases_running_by_activity;
        DROP INDEX cases_running_by_contact;
        CREATE INDEX cases_running_by_activity ON cases(substr(last_activity, 1, 7)) WHERE anonymised = 0 AND running = 1;
        CREATE INDEX cases_running_by_contact ON cases(substr(last_contact, 1, 7)) WHERE anonymised = 0 AND running = 1;
        )sql",
    };
    return steps;
}

}  // namespace jmdcm::sqlite
