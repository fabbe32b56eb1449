// The PostgreSQL schema as forward migrations: migrations()[i] takes a database from version
// i to i + 1 (table jmdcm_schema holds the version). Never edit a released step; append.
// Objects go into the first schema of the connection's search_path, so one database can
// hold several offices' stores in separate schemas.
#pragma once

#include <vector>

namespace jmdcm::postgres {

inline const std::vector<const char*>& migrations() {
    static const std::vector<const char*> steps = {
        // 0 -> 1: the cases as jsonb documents with summary columns (indexed for the queries and
        // the sweep), the network's partners, and an audit log that cannot be changed: a trigger
        // refuses UPDATE, DELETE and TRUNCATE, and the operator grants the library's role
        // INSERT and SELECT only (README, "PostgreSQL for operators"). The documents stay in one
        // column, so that a later step can replace it with a sealed (encrypted) copy under a
        // per-case key (crypto-shredding) without touching the summaries.
        R"sql(
        CREATE TABLE cases (
            id            text PRIMARY KEY,
            version       bigint NOT NULL CHECK (version > 0),
            office        text NOT NULL,
            case_worker   text NOT NULL,
            kind          text NOT NULL,
            phase         text NOT NULL,
            running       boolean NOT NULL,
            anonymised    boolean NOT NULL,
            opened        date NOT NULL,
            last_activity date NOT NULL,
            last_contact  date NOT NULL,
            substitutes   text[] NOT NULL DEFAULT '{}',
            doc           jsonb NOT NULL
        );
        CREATE INDEX cases_by_worker ON cases (case_worker, id);
        CREATE INDEX cases_by_substitute ON cases USING gin (substitutes);
        CREATE INDEX cases_untouched ON cases (last_activity) WHERE NOT anonymised;
        CREATE INDEX cases_without_contact ON cases (last_contact) WHERE NOT anonymised;
        CREATE INDEX cases_closed ON cases (id) WHERE NOT anonymised AND NOT running;
        CREATE TABLE partners (
            id      text PRIMARY KEY,
            version bigint NOT NULL CHECK (version > 0),
            doc     jsonb NOT NULL
        );
        CREATE TABLE audit (
            seq       bigserial PRIMARY KEY,
            at        text NOT NULL,
            actor     text NOT NULL,
            role      text NOT NULL,
            case_id   text NOT NULL,
            operation text NOT NULL,
            allowed   boolean NOT NULL,
            detail    text NOT NULL
        );
        CREATE INDEX audit_by_case ON audit (case_id, seq);
        CREATE FUNCTION jmdcm_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION jmdcm_audit_append_only();
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
            FOR EACH STATEMENT EXECUTE FUNCTION jmdcm_audit_append_only();
        )sql",
        // 1 -> 2: per-case keys (issue 19): the mark that the cases are sealed (set by the first
        // open with a key-encryption key, never cleared), and a trigger that then refuses a
        // case in clear that is not anonymised, whoever writes, with SQLSTATE JM001
        // (store_sealed; sealed_document.hpp has the words). The function finds `sealing` by
        // the search_path, as every statement of the library finds its tables.
        R"sql(
        CREATE TABLE sealing (
            id int PRIMARY KEY CHECK (id = 1)
        );
        CREATE FUNCTION jmdcm_sealed_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM sealing) THEN
                    RAISE EXCEPTION USING ERRCODE = 'JM001',
                        MESSAGE = 'the store is sealed: a case that is not anonymised is stored only sealed under its own key';
                END IF;
                RETURN NEW;
            END $$;
        CREATE TRIGGER cases_sealed_only BEFORE INSERT OR UPDATE ON cases FOR EACH ROW
            WHEN (NOT NEW.anonymised AND NEW.doc -> 'sealed' IS NULL)
            EXECUTE FUNCTION jmdcm_sealed_only();
        )sql",
        // 2 -> 3: whether a case has a reminder not done (R3, R13): an anonymised case keeps its
        // paper-file (Handakte) reminder open until someone completes it, and a worker's agenda
        // finds those cases by this column and its index. Documents in clear say it themselves;
        // a sealed one has it from its next save (it is not anonymised, and the agenda reads
        // every such case anyway).
        R"sql(
        ALTER TABLE cases ADD COLUMN open_reminders boolean NOT NULL DEFAULT false;
        UPDATE cases SET open_reminders = true WHERE jsonb_path_exists(doc, '$.reminders[*] ? (@.done == false)');
        CREATE INDEX cases_paper_files ON cases (case_worker) WHERE anonymised AND open_reminders;
        )sql",
    };
    return steps;
}

}  // namespace jmdcm::postgres
