-- Rows of the schema-version-2 fixture (applied after migrations 0001 and 0002).
INSERT INTO accounts (id, external_id, name, owner, arr, renewal_date, licensed_seats, lifecycle_stage_id, custom_fields, created_at, updated_at)
    VALUES (1, 'ACC-1', 'Fixture Corp', 'Maya Chen', 48000, '2027-03-31', 120, 2, '{"plan":"Growth"}', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z');
INSERT INTO accounts (id, external_id, name, owner, created_at, updated_at)
    VALUES (2, 'ACC-2', 'Ünïcode GmbH', 'Jonas Weber', '2026-01-05T10:00:00.000Z', '2026-01-06T09:00:00.000Z');
INSERT INTO contacts (id, external_id, account_id, email, name, role, created_at, updated_at)
    VALUES (1, 'CON-1', 1, 'ana@fixture.example', 'Ana Silva', 'Admin', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z');
INSERT INTO contacts (id, external_id, account_id, email, name, custom_fields, created_at, updated_at)
    VALUES (2, 'CON-2', 2, 'lea@unicode.example', 'Léa Dubois', '{"team":"Ops"}', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z');
INSERT INTO assets (id, account_id, external_id, kind, name, created_at) VALUES (1, 1, 'AS-1', 'project', 'Rollout', '2026-01-05T10:00:00.000Z');
INSERT INTO settings (setting_key, value, updated_at) VALUES ('pendo.region', 'eu', '2026-01-05T10:00:00.000Z');
INSERT INTO audit_log (id, at, actor, action, object_type, object_id, details)
    VALUES (1, '2026-01-05T10:00:00.000Z', 'import', 'import.accounts', 'file', 'accounts.csv', '{"rows":2}');
INSERT INTO import_runs (id, kind, file_name, started_at, finished_at, rows_read, inserted, updated, rejected, actor)
    VALUES (1, 'accounts', 'accounts.csv', '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:01.000Z', 2, 2, 0, 0, 'import');
