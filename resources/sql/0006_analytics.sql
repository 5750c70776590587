-- Schema version 6: the derived layer. Calculated fields per CS account, app and day; contact
-- activity; custom metrics resolved onto CS accounts; versioned health score models and the
-- scores they gave. Everything here is recomputed from the raw Pendo layer and the matches, so
-- it can be dropped and rebuilt at any time (a full recompute does exactly that).
--
-- Days are Julian day numbers in the subscription's time zone, as in pendo_activity.
-- app_id is the Pendo app id, or 0 for all apps together.

-- The calculated fields (see models/analytics/CalculatedFields.h for each formula). NULL where a
-- field has no value on that day (no seats for the licence utilisation, no core events, ...).
CREATE TABLE account_metrics (
    account_id          INTEGER NOT NULL,
    app_id              INTEGER NOT NULL,
    day                 INTEGER NOT NULL,
    dau                 INTEGER NOT NULL,
    wau                 INTEGER NOT NULL,
    mau                 INTEGER NOT NULL,
    events              INTEGER NOT NULL,
    minutes             INTEGER NOT NULL,
    events_30d          INTEGER NOT NULL,
    minutes_30d         INTEGER NOT NULL,
    dau_mau             REAL,
    wau_mau             REAL,
    core_adoption       REAL,
    licence_utilisation REAL,
    days_since_active   INTEGER,
    pes_adoption        REAL,
    pes_stickiness      REAL,
    pes_growth          REAL,
    pes                 REAL,
    PRIMARY KEY (account_id, app_id, day)
) WITHOUT ROWID;

-- Per account and app: the first and last active day and the first-value date (NULL: not yet).
CREATE TABLE account_milestones (
    account_id          INTEGER NOT NULL,
    app_id              INTEGER NOT NULL,
    first_active_day    INTEGER,
    last_active_day     INTEGER,
    first_value_day     INTEGER,
    PRIMARY KEY (account_id, app_id)
) WITHOUT ROWID;

-- Per matched contact and app, as of the last computed day.
CREATE TABLE contact_activity (
    contact_id          INTEGER NOT NULL,
    app_id              INTEGER NOT NULL,
    first_seen_day      INTEGER NOT NULL,
    last_seen_day       INTEGER NOT NULL,
    active_days_30d     INTEGER NOT NULL,
    events_30d          INTEGER NOT NULL,
    minutes_30d         INTEGER NOT NULL,
    PRIMARY KEY (contact_id, app_id)
) WITHOUT ROWID;

-- Per account and feature or page (catalog item), use in the 30 days up to the last computed day.
CREATE TABLE account_item_usage (
    account_id          INTEGER NOT NULL,
    item_ref            INTEGER NOT NULL,
    events_30d          INTEGER NOT NULL,
    visitors_30d        INTEGER NOT NULL,
    last_used_day       INTEGER NOT NULL,
    PRIMARY KEY (account_id, item_ref)
) WITHOUT ROWID;

-- The first day each visitor was active in each account and app, kept so that an incremental
-- recompute can tell new visitors from returning ones without reading the whole history.
CREATE TABLE analytics_visitor_first (
    account_id          INTEGER NOT NULL,
    app_id              INTEGER NOT NULL,
    visitor_ref         INTEGER NOT NULL,
    first_day           INTEGER NOT NULL,
    PRIMARY KEY (account_id, app_id, visitor_ref)
) WITHOUT ROWID;

-- Custom metrics from report and aggregation mappings, resolved onto CS accounts.
-- metric: "<source>/<metric>", e.g. "report:abc/nps" or "aggregation:Exports/count".
CREATE TABLE account_custom_metrics (
    account_id          INTEGER NOT NULL,
    metric              TEXT NOT NULL,
    day                 INTEGER NOT NULL,
    value               REAL NOT NULL,
    PRIMARY KEY (account_id, metric, day)
) WITHOUT ROWID;

-- Health score models, versioned: a day is scored by the newest version whose effective_day is
-- not after it (days before the first version by the first version).
CREATE TABLE health_models (
    version             INTEGER PRIMARY KEY,
    created_at          TEXT NOT NULL,
    actor               TEXT NOT NULL,
    summary             TEXT NOT NULL,
    effective_day       INTEGER NOT NULL,
    definition          TEXT NOT NULL
);

-- band: 0 red, 1 yellow, 2 green.
CREATE TABLE health_scores (
    account_id          INTEGER NOT NULL,
    day                 INTEGER NOT NULL,
    model_version       INTEGER NOT NULL,
    score               REAL NOT NULL,
    band                INTEGER NOT NULL,
    PRIMARY KEY (account_id, day)
) WITHOUT ROWID;

-- Recompute runs: what was recomputed and how it ended. inputs: the digest of what the derived layer
-- depends on besides the activity (matches, seats, core events, models); a change forces a full run.
CREATE TABLE analytics_runs (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('incremental', 'full')),
    reason              TEXT NOT NULL,
    started_at          TEXT NOT NULL,
    finished_at         TEXT,
    from_day            INTEGER,
    to_day              INTEGER,
    accounts            INTEGER NOT NULL DEFAULT 0,
    rows_written        INTEGER NOT NULL DEFAULT 0,
    status              TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'canceled')),
    inputs              TEXT NOT NULL DEFAULT '',
    error               TEXT
);
