-- Schema version 2: a record of every CS import, so support can tell what a file changed.

CREATE TABLE import_runs (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('accounts', 'contacts')),
    file_name       TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    finished_at     TEXT NOT NULL,
    rows_read       INTEGER NOT NULL,
    inserted        INTEGER NOT NULL,
    updated         INTEGER NOT NULL,
    rejected        INTEGER NOT NULL,
    actor           TEXT NOT NULL
);

CREATE INDEX accounts_name_idx ON accounts (name);
CREATE INDEX contacts_name_idx ON contacts (name);
