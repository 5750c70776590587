-- Schema version 1: the customer-success layer and the workspace's operational basics.
-- Portable SQL only (SQLite and PostgreSQL); dialect-specific statements live in SqlDialect.

CREATE TABLE lifecycle_stages (
    id          INTEGER PRIMARY KEY,
    stage_key   TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL
);

INSERT INTO lifecycle_stages (id, stage_key, name, position) VALUES (1, 'onboarding', 'Onboarding', 1);
INSERT INTO lifecycle_stages (id, stage_key, name, position) VALUES (2, 'adoption', 'Adoption', 2);
INSERT INTO lifecycle_stages (id, stage_key, name, position) VALUES (3, 'growth', 'Growth', 3);
INSERT INTO lifecycle_stages (id, stage_key, name, position) VALUES (4, 'renewal', 'Renewal', 4);
INSERT INTO lifecycle_stages (id, stage_key, name, position) VALUES (5, 'at_risk', 'At risk', 5);
INSERT INTO lifecycle_stages (id, stage_key, name, position) VALUES (6, 'churned', 'Churned', 6);

CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    external_id         TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    owner               TEXT,
    arr                 REAL,
    renewal_date        TEXT,
    licensed_seats      INTEGER,
    lifecycle_stage_id  INTEGER REFERENCES lifecycle_stages (id),
    custom_fields       TEXT NOT NULL DEFAULT '{}',
    created_by          TEXT NOT NULL DEFAULT 'import',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE contacts (
    id                  INTEGER PRIMARY KEY,
    external_id         TEXT NOT NULL UNIQUE,
    account_id          INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    email               TEXT,
    name                TEXT,
    role                TEXT,
    custom_fields       TEXT NOT NULL DEFAULT '{}',
    created_by          TEXT NOT NULL DEFAULT 'import',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE INDEX contacts_account_idx ON contacts (account_id);
CREATE INDEX contacts_email_idx ON contacts (email);

-- Assets and projects hang off accounts; custom metrics can target them later.
CREATE TABLE assets (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    external_id     TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('asset', 'project')),
    name            TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE TABLE settings (
    setting_key     TEXT PRIMARY KEY,
    value           TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    object_type     TEXT,
    object_id       TEXT,
    details         TEXT NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_log_at_idx ON audit_log (at);
