-- Schema version 5: the sync engine. Daily activity rollups in the raw Pendo layer, custom metric
-- values from reports and aggregations, and the operational tables of the sync: runs with their
-- log, per-window checkpoints, the lease that keeps one run per workspace, and the unmatched report.

-- What Pendo said per (stream, app, day, visitor, account, item): the grain the sync asks Pendo to
-- group to. Integer keys refer to the dictionaries (pendo_visitors.id, pendo_accounts.id — 0 when
-- the visitor had no account — and pendo_catalog_items.id — 0 for the "activity" stream, which
-- totals every event of the visitor). `day` is the calendar date in the subscription's time zone,
-- as a Julian day number. A re-pulled window replaces its rows, so nothing is ever counted twice.
-- kind: 0 activity, 1 feature, 2 page, 3 guide, 4 track type.
CREATE TABLE pendo_activity (
    kind            INTEGER NOT NULL,
    app_id          INTEGER NOT NULL,
    day             INTEGER NOT NULL,
    visitor_ref     INTEGER NOT NULL,
    account_ref     INTEGER NOT NULL,
    item_ref        INTEGER NOT NULL,
    events          INTEGER NOT NULL,
    minutes         INTEGER NOT NULL,
    PRIMARY KEY (kind, app_id, day, visitor_ref, account_ref, item_ref)
) WITHOUT ROWID;

-- Values of the custom metrics mapped from saved reports and aggregations, keyed by the id
-- column's value as Pendo gave it (an account or visitor id), per day.
CREATE TABLE pendo_metric_values (
    source          TEXT NOT NULL,
    day             INTEGER NOT NULL,
    metric          TEXT NOT NULL,
    object          TEXT NOT NULL,
    object_key      TEXT NOT NULL,
    value           REAL,
    text_value      TEXT,
    PRIMARY KEY (source, day, metric, object_key)
) WITHOUT ROWID;

CREATE TABLE sync_runs (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual', 'backfill')),
    status              TEXT NOT NULL CHECK (status IN ('running', 'completed', 'completed_with_failures',
                                                        'failed', 'canceled', 'interrupted')),
    streams             TEXT NOT NULL,
    from_day            INTEGER,
    to_day              INTEGER,
    backfill_days       INTEGER NOT NULL DEFAULT 0,
    holder              TEXT NOT NULL,
    started_at          TEXT NOT NULL,
    finished_at         TEXT,
    windows_total       INTEGER NOT NULL DEFAULT 0,
    windows_done        INTEGER NOT NULL DEFAULT 0,
    windows_failed      INTEGER NOT NULL DEFAULT 0,
    windows_split       INTEGER NOT NULL DEFAULT 0,
    rows_in             INTEGER NOT NULL DEFAULT 0,
    rows_skipped        INTEGER NOT NULL DEFAULT 0,
    skipped_reasons     TEXT NOT NULL DEFAULT '{}',
    requests            INTEGER NOT NULL DEFAULT 0,
    unmatched_visitors  INTEGER NOT NULL DEFAULT 0,
    unmatched_accounts  INTEGER NOT NULL DEFAULT 0,
    error_class         TEXT,
    error               TEXT,
    resumed_by          INTEGER
);

CREATE TABLE sync_log (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
    stream      TEXT,
    app_id      INTEGER,
    day         INTEGER,
    error_class TEXT,
    message     TEXT NOT NULL
);

CREATE INDEX sync_log_run_idx ON sync_log (run_id, id);

-- One checkpoint per (stream, app, day) window: landed in the same unit of work as its rows.
-- status: synced (final), provisional (pulled while younger than the settle window, pulled
-- again), failed (recorded with its error class, pulled again next run).
CREATE TABLE sync_windows (
    stream          TEXT NOT NULL,
    app_id          INTEGER NOT NULL,
    day             INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('synced', 'provisional', 'failed')),
    rows_in         INTEGER NOT NULL DEFAULT 0,
    pieces          INTEGER NOT NULL DEFAULT 1,
    attempts        INTEGER NOT NULL DEFAULT 0,
    run_id          INTEGER NOT NULL,
    pulled_at       TEXT NOT NULL,
    error_class     TEXT,
    error           TEXT,
    PRIMARY KEY (stream, app_id, day)
) WITHOUT ROWID;

-- At most one run per workspace: the holder renews `expires_ms`; a crashed holder stops renewing
-- and loses the lease when it expires (at once when it is a dead process on this machine).
CREATE TABLE sync_lease (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    holder          TEXT NOT NULL,
    run_id          INTEGER,
    acquired_at     TEXT NOT NULL,
    expires_ms      INTEGER NOT NULL
);

-- Pendo ids whose activity does not reach a CS record, with their volume over all synced days.
CREATE TABLE sync_unmatched (
    object          TEXT NOT NULL CHECK (object IN ('account', 'contact')),
    pendo_ref       INTEGER NOT NULL,
    reason          TEXT NOT NULL CHECK (reason IN ('unmatched', 'ambiguous', 'unresolved')),
    events          INTEGER NOT NULL,
    minutes         INTEGER NOT NULL,
    active_days     INTEGER NOT NULL,
    last_day        INTEGER,
    run_id          INTEGER NOT NULL,
    PRIMARY KEY (object, pendo_ref)
);
