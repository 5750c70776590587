-- Rows the schema-version-3 fixture adds to those of version 2 (applied after 0001–0003).
INSERT INTO pendo_apps (app_id, name, is_default, first_seen_at, last_seen_at) VALUES (-323232, NULL, 1, '2026-02-01T08:00:00.000Z', '2026-02-02T08:00:00.000Z');
INSERT INTO pendo_apps (app_id, name, is_default, first_seen_at, last_seen_at) VALUES (5767130939129856, 'Fixture iOS', 0, '2026-02-01T08:00:00.000Z', '2026-02-02T08:00:00.000Z');
INSERT INTO pendo_catalog_items (id, kind, pendo_id, app_id, name, is_core, group_name, details, pendo_updated_at, first_seen_at, last_seen_at, deleted_at)
    VALUES (1, 'feature', 'feat-export', -323232, 'Export to CSV', 1, 'Reports', '{}', 1767225600000, '2026-02-01T08:00:00.000Z', '2026-02-02T08:00:00.000Z', NULL);
INSERT INTO pendo_catalog_items (id, kind, pendo_id, app_id, name, details, first_seen_at, last_seen_at, deleted_at)
    VALUES (2, 'page', 'page-dash', -323232, 'Dashboard', '{}', '2026-02-01T08:00:00.000Z', '2026-02-01T08:00:00.000Z', '2026-02-02T08:00:00.000Z');
INSERT INTO pendo_catalog_renames (id, item_id, old_name, new_name, seen_at) VALUES (1, 1, 'Export', 'Export to CSV', '2026-02-02T08:00:00.000Z');
INSERT INTO pendo_metadata_fields (object, field_group, field, field_type, display_name) VALUES ('visitor', 'agent', 'email', 'string', 'Email');
INSERT INTO pendo_accounts (account_id, metadata, events_30d, minutes_30d, refreshed_at)
    VALUES ('fixture corp', '{"agent":{"name":"Fixture Corp"}}', 120, 45, '2026-02-02T08:00:00.000Z');
INSERT INTO pendo_accounts (account_id, metadata, events_30d, minutes_30d, refreshed_at)
    VALUES ('ACC-2', '{}', 3, 1, '2026-02-02T08:00:00.000Z');
INSERT INTO pendo_visitors (visitor_id, account_id, account_ids, email, metadata, do_not_process, events_30d, minutes_30d, refreshed_at)
    VALUES ('ana@fixture.example', 'fixture corp', '["fixture corp"]', 'ana@fixture.example', '{}', 0, 80, 30, '2026-02-02T08:00:00.000Z');
INSERT INTO pendo_visitors (visitor_id, account_id, account_ids, email, metadata, do_not_process, events_30d, minutes_30d, refreshed_at)
    VALUES ('_ANON_17', NULL, '[]', NULL, '{}', 0, 5, 2, '2026-02-02T08:00:00.000Z');
INSERT INTO match_resolutions (object, pendo_id, status, cs_id, matched_by, candidates, config_version, resolved_at)
    VALUES ('account', 'fixture corp', 'matched', 1, 'name', '[]', 1, '2026-02-02T08:01:00.000Z');
INSERT INTO match_resolutions (object, pendo_id, status, cs_id, matched_by, candidates, config_version, resolved_at)
    VALUES ('account', 'ACC-2', 'matched', 2, 'external_id', '[]', 1, '2026-02-02T08:01:00.000Z');
INSERT INTO match_resolutions (object, pendo_id, status, cs_id, matched_by, candidates, config_version, resolved_at)
    VALUES ('contact', 'ana@fixture.example', 'matched', 1, 'metadata.agent.email', '[]', 1, '2026-02-02T08:01:00.000Z');
-- A visitor an earlier refresh dropped from pendo_visitors: its resolution must survive the upgrade.
INSERT INTO match_resolutions (object, pendo_id, status, cs_id, matched_by, candidates, config_version, resolved_at)
    VALUES ('contact', 'gone@fixture.example', 'ambiguous', NULL, NULL, '[1,2]', 1, '2026-02-02T08:01:00.000Z');
INSERT INTO config_versions (version, created_at, actor, summary, config)
    VALUES (1, '2026-02-02T08:00:30.000Z', 'desktop', 'Matching rules edited', '{"version":1}');
INSERT INTO import_duplicates (id, kind, external_id, file_name, line, row_values, recorded_at)
    VALUES (1, 'accounts', 'ACC-1', 'accounts.csv', 4, '{"external_id":"ACC-1"}', '2026-01-05T10:00:00.000Z');
