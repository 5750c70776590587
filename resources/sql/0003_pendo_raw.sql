-- Schema version 3: the raw Pendo layer (catalog, identities), identity resolutions and
-- versioned integration configuration. Raw rows keep Pendo's own ids and are never rewritten
-- by matching; resolutions map them to CS records and can be recomputed at any time.

CREATE TABLE pendo_apps (
    app_id          INTEGER PRIMARY KEY,
    name            TEXT,
    is_default      INTEGER NOT NULL DEFAULT 0,
    first_seen_at   TEXT NOT NULL,
    last_seen_at    TEXT NOT NULL
);

-- Features, pages, guides, track types and saved reports, as the last refresh saw them.
CREATE TABLE pendo_catalog_items (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('feature', 'page', 'guide', 'track_type', 'report')),
    pendo_id            TEXT NOT NULL,
    app_id              INTEGER,
    name                TEXT NOT NULL,
    is_core             INTEGER NOT NULL DEFAULT 0,
    group_name          TEXT,
    details             TEXT NOT NULL DEFAULT '{}',
    pendo_updated_at    INTEGER,
    first_seen_at       TEXT NOT NULL,
    last_seen_at        TEXT NOT NULL,
    deleted_at          TEXT,
    UNIQUE (kind, pendo_id)
);

CREATE INDEX pendo_catalog_items_app_idx ON pendo_catalog_items (kind, app_id);

-- Renames are kept, so history labelled with an old name can still be explained.
CREATE TABLE pendo_catalog_renames (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES pendo_catalog_items (id) ON DELETE CASCADE,
    old_name    TEXT NOT NULL,
    new_name    TEXT NOT NULL,
    seen_at     TEXT NOT NULL
);

CREATE TABLE pendo_metadata_fields (
    object          TEXT NOT NULL CHECK (object IN ('visitor', 'account')),
    field_group     TEXT NOT NULL,
    field           TEXT NOT NULL,
    field_type      TEXT,
    display_name    TEXT,
    PRIMARY KEY (object, field_group, field)
);

-- Pendo's accounts and visitors with their metadata and recent activity volume.
CREATE TABLE pendo_accounts (
    account_id      TEXT PRIMARY KEY,
    metadata        TEXT NOT NULL DEFAULT '{}',
    events_30d      INTEGER NOT NULL DEFAULT 0,
    minutes_30d     INTEGER NOT NULL DEFAULT 0,
    refreshed_at    TEXT NOT NULL
);

CREATE TABLE pendo_visitors (
    visitor_id      TEXT PRIMARY KEY,
    account_id      TEXT,
    account_ids     TEXT NOT NULL DEFAULT '[]',
    email           TEXT,
    metadata        TEXT NOT NULL DEFAULT '{}',
    do_not_process  INTEGER NOT NULL DEFAULT 0,
    events_30d      INTEGER NOT NULL DEFAULT 0,
    minutes_30d     INTEGER NOT NULL DEFAULT 0,
    refreshed_at    TEXT NOT NULL
);

CREATE INDEX pendo_visitors_account_idx ON pendo_visitors (account_id);

-- How each Pendo account / visitor resolves to a CS account / contact under the current rules.
CREATE TABLE match_resolutions (
    object          TEXT NOT NULL CHECK (object IN ('account', 'contact')),
    pendo_id        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('matched', 'unmatched', 'ambiguous')),
    cs_id           INTEGER,
    matched_by      TEXT,
    candidates      TEXT NOT NULL DEFAULT '[]',
    config_version  INTEGER NOT NULL,
    resolved_at     TEXT NOT NULL,
    PRIMARY KEY (object, pendo_id)
);

CREATE INDEX match_resolutions_cs_idx ON match_resolutions (object, cs_id);

-- Every change to matching rules or mappings is a new version of the whole configuration.
CREATE TABLE config_versions (
    version     INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    config      TEXT NOT NULL
);

-- Rows an import skipped because their external id was already used earlier in the same file
-- (e.g. a subsidiary sharing its parent's id). Kept so matching can report such an id as
-- ambiguous instead of silently taking the first row.
CREATE TABLE import_duplicates (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('accounts', 'contacts')),
    external_id     TEXT NOT NULL,
    file_name       TEXT NOT NULL,
    line            INTEGER NOT NULL,
    row_values      TEXT NOT NULL,
    recorded_at     TEXT NOT NULL
);

CREATE INDEX import_duplicates_id_idx ON import_duplicates (kind, external_id);
