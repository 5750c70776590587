-- Schema version 4: stable integer ids for Pendo's accounts and visitors. The rows of these
-- dictionaries are never deleted: a catalog refresh updates them in place and marks those Pendo
-- no longer lists (deleted_at), so activity rows and match resolutions can key on the integer
-- id for good. Every existing row is kept, and resolutions of ids the dictionaries had lost
-- are kept too (their id is added, marked as no longer listed).

CREATE TABLE pendo_accounts_v4 (
    id              INTEGER PRIMARY KEY,
    account_id      TEXT NOT NULL UNIQUE,
    metadata        TEXT NOT NULL DEFAULT '{}',
    events_30d      INTEGER NOT NULL DEFAULT 0,
    minutes_30d     INTEGER NOT NULL DEFAULT 0,
    refreshed_at    TEXT NOT NULL,
    first_seen_at   TEXT,
    deleted_at      TEXT
);

INSERT INTO pendo_accounts_v4 (account_id, metadata, events_30d, minutes_30d, refreshed_at, first_seen_at)
    SELECT account_id, metadata, events_30d, minutes_30d, refreshed_at, refreshed_at
    FROM pendo_accounts ORDER BY account_id;

INSERT INTO pendo_accounts_v4 (account_id, refreshed_at, first_seen_at, deleted_at)
    SELECT r.pendo_id, MIN(r.resolved_at), MIN(r.resolved_at), MIN(r.resolved_at)
    FROM match_resolutions r
    WHERE r.object = 'account' AND NOT EXISTS (SELECT 1 FROM pendo_accounts_v4 a WHERE a.account_id = r.pendo_id)
    GROUP BY r.pendo_id ORDER BY r.pendo_id;

DROP TABLE pendo_accounts;
ALTER TABLE pendo_accounts_v4 RENAME TO pendo_accounts;

CREATE TABLE pendo_visitors_v4 (
    id              INTEGER PRIMARY KEY,
    visitor_id      TEXT NOT NULL UNIQUE,
    account_id      TEXT,
    account_ids     TEXT NOT NULL DEFAULT '[]',
    email           TEXT,
    metadata        TEXT NOT NULL DEFAULT '{}',
    do_not_process  INTEGER NOT NULL DEFAULT 0,
    events_30d      INTEGER NOT NULL DEFAULT 0,
    minutes_30d     INTEGER NOT NULL DEFAULT 0,
    refreshed_at    TEXT NOT NULL,
    first_seen_at   TEXT,
    deleted_at      TEXT
);

INSERT INTO pendo_visitors_v4 (visitor_id, account_id, account_ids, email, metadata, do_not_process, events_30d,
                               minutes_30d, refreshed_at, first_seen_at)
    SELECT visitor_id, account_id, account_ids, email, metadata, do_not_process, events_30d, minutes_30d,
           refreshed_at, refreshed_at
    FROM pendo_visitors ORDER BY visitor_id;

INSERT INTO pendo_visitors_v4 (visitor_id, refreshed_at, first_seen_at, deleted_at)
    SELECT r.pendo_id, MIN(r.resolved_at), MIN(r.resolved_at), MIN(r.resolved_at)
    FROM match_resolutions r
    WHERE r.object = 'contact' AND NOT EXISTS (SELECT 1 FROM pendo_visitors_v4 v WHERE v.visitor_id = r.pendo_id)
    GROUP BY r.pendo_id ORDER BY r.pendo_id;

DROP TABLE pendo_visitors;
ALTER TABLE pendo_visitors_v4 RENAME TO pendo_visitors;
CREATE INDEX pendo_visitors_account_idx ON pendo_visitors (account_id);

-- Resolutions refer to the dictionaries' integer ids (pendo_accounts.id for accounts,
-- pendo_visitors.id for contacts) instead of Pendo's text ids.
CREATE TABLE match_resolutions_v4 (
    object          TEXT NOT NULL CHECK (object IN ('account', 'contact')),
    pendo_ref       INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('matched', 'unmatched', 'ambiguous')),
    cs_id           INTEGER,
    matched_by      TEXT,
    candidates      TEXT NOT NULL DEFAULT '[]',
    config_version  INTEGER NOT NULL,
    resolved_at     TEXT NOT NULL,
    PRIMARY KEY (object, pendo_ref)
);

INSERT INTO match_resolutions_v4 (object, pendo_ref, status, cs_id, matched_by, candidates, config_version,
                                  resolved_at)
    SELECT r.object, a.id, r.status, r.cs_id, r.matched_by, r.candidates, r.config_version, r.resolved_at
    FROM match_resolutions r JOIN pendo_accounts a ON a.account_id = r.pendo_id
    WHERE r.object = 'account';

INSERT INTO match_resolutions_v4 (object, pendo_ref, status, cs_id, matched_by, candidates, config_version,
                                  resolved_at)
    SELECT r.object, v.id, r.status, r.cs_id, r.matched_by, r.candidates, r.config_version, r.resolved_at
    FROM match_resolutions r JOIN pendo_visitors v ON v.visitor_id = r.pendo_id
    WHERE r.object = 'contact';

DROP TABLE match_resolutions;
ALTER TABLE match_resolutions_v4 RENAME TO match_resolutions;
CREATE INDEX match_resolutions_cs_idx ON match_resolutions (object, cs_id);

-- Apps are keyed by Pendo's own (stable, integer) app id; they too are marked, never removed.
ALTER TABLE pendo_apps ADD COLUMN deleted_at TEXT;
ALTER TABLE pendo_apps ADD COLUMN platform TEXT;
