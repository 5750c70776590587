-- Rows only schema version 4 can hold: a visitor and an account Pendo no longer lists (kept with
-- their stable ids), an app's platform and a settings value of the sync.
UPDATE pendo_apps SET platform = 'web' WHERE app_id = -323232;
UPDATE pendo_apps SET platform = 'ios', deleted_at = '2026-03-01T08:00:00.000Z' WHERE app_id = 5767130939129856;
INSERT INTO pendo_accounts (account_id, metadata, events_30d, minutes_30d, refreshed_at, first_seen_at, deleted_at)
    VALUES ('GONE-ACCOUNT', '{}', 0, 0, '2026-03-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z', '2026-03-01T08:00:00.000Z');
INSERT INTO pendo_visitors (visitor_id, account_id, account_ids, email, metadata, do_not_process, events_30d,
                            minutes_30d, refreshed_at, first_seen_at, deleted_at)
    VALUES ('gone-visitor', 'GONE-ACCOUNT', '["GONE-ACCOUNT"]', NULL, '{}', 0, 0, 0, '2026-03-01T08:00:00.000Z',
            '2026-02-01T08:00:00.000Z', '2026-03-01T08:00:00.000Z');
INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, matched_by, candidates, config_version, resolved_at)
    SELECT 'account', id, 'unmatched', NULL, NULL, '[]', 1, '2026-03-01T08:00:00.000Z' FROM pendo_accounts
    WHERE account_id = 'GONE-ACCOUNT';
INSERT OR REPLACE INTO settings (setting_key, value, updated_at) VALUES ('sync.settle_days', '3', '2026-03-01T08:00:00.000Z');
