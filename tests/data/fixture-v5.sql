-- Rows in every table schema version 5 added: a completed sync run with its log, checkpoints and
-- unmatched report, activity rows of each kind and a custom metric value.
INSERT INTO pendo_activity (kind, app_id, day, visitor_ref, account_ref, item_ref, events, minutes) VALUES
    (0, -323232, 2461000, 1, 1, 0, 40, 12),
    (0, -323232, 2461001, 1, 1, 0, 7, 3),
    (1, -323232, 2461000, 1, 1, 1, 9, 2),
    (2, -323232, 2461000, 1, 0, 2, 3, 1);
INSERT INTO pendo_metric_values (source, day, metric, object, object_key, value, text_value) VALUES
    ('report:r1', 2461001, 'nps', 'account', 'acct-1', 42.0, NULL);
INSERT INTO sync_runs (id, kind, status, streams, from_day, to_day, backfill_days, holder, started_at, finished_at,
                       windows_total, windows_done, rows_in) VALUES
    (1, 'backfill', 'completed', 'activity,features', 2461000, 2461001, 2, 'host:1', '2026-11-20T10:00:00.000Z',
     '2026-11-20T10:01:00.000Z', 4, 4, 4);
INSERT INTO sync_log (id, run_id, at, level, stream, app_id, day, message) VALUES
    (1, 1, '2026-11-20T10:00:30.000Z', 'info', 'activity', -323232, 2461000, 'window landed');
INSERT INTO sync_windows (stream, app_id, day, status, rows_in, pieces, attempts, run_id, pulled_at) VALUES
    ('activity', -323232, 2461000, 'synced', 1, 1, 1, 1, '2026-11-20T10:00:30.000Z'),
    ('activity', -323232, 2461001, 'provisional', 1, 1, 1, 1, '2026-11-20T10:00:40.000Z');
INSERT INTO sync_lease (id, holder, run_id, acquired_at, expires_ms) VALUES
    (1, 'host:1', NULL, '2026-11-20T10:00:00.000Z', 0);
INSERT INTO sync_unmatched (object, pendo_ref, reason, events, minutes, active_days, last_day, run_id) VALUES
    ('contact', 1, 'unmatched', 47, 15, 2, 2461001, 1);
