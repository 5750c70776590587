-- Rows in every table schema version 6 added: calculated fields, milestones, contact and item use,
-- visitor first days, a custom metric, a saved health model with its scores and a recompute run.
INSERT INTO account_metrics (account_id, app_id, day, dau, wau, mau, events, minutes, events_30d, minutes_30d, dau_mau,
                             wau_mau, core_adoption, licence_utilisation, days_since_active, pes_adoption,
                             pes_stickiness, pes_growth, pes) VALUES
    (1, 0, 2461000, 1, 1, 1, 40, 12, 40, 12, 0.0333, 0.0333, 0.5, 0.2, 0, 50.0, 3.33, 100.0, 51.1),
    (1, 0, 2461001, 1, 1, 1, 7, 3, 47, 15, 0.0667, 0.0667, 0.5, 0.2, 0, 50.0, 6.67, 100.0, 52.2);
INSERT INTO account_milestones (account_id, app_id, first_active_day, last_active_day, first_value_day) VALUES
    (1, 0, 2461000, 2461001, NULL);
INSERT INTO contact_activity (contact_id, app_id, first_seen_day, last_seen_day, active_days_30d, events_30d,
                              minutes_30d) VALUES
    (1, 0, 2461000, 2461001, 2, 47, 15);
INSERT INTO account_item_usage (account_id, item_ref, events_30d, visitors_30d, last_used_day) VALUES
    (1, 1, 9, 1, 2461000);
INSERT INTO analytics_visitor_first (account_id, app_id, visitor_ref, first_day) VALUES
    (1, 0, 1, 2461000);
INSERT INTO account_custom_metrics (account_id, metric, day, value) VALUES
    (1, 'report:r1/nps', 2461001, 42.0);
INSERT INTO health_models (version, created_at, actor, summary, effective_day, definition) VALUES
    (1, '2026-11-21T09:00:00.000Z', 'desktop', 'Weigh PES more', 2461001,
     '{"inputs":[{"metric":"pes","weight":1,"zeroAt":0,"yellowAt":35,"greenAt":55,"fullAt":80}],"yellowFrom":40,"greenFrom":70}');
INSERT INTO health_scores (account_id, day, model_version, score, band) VALUES
    (1, 2461000, 0, 48.5, 1),
    (1, 2461001, 1, 52.0, 1);
INSERT INTO analytics_runs (id, kind, reason, started_at, finished_at, from_day, to_day, accounts, rows_written, status,
                            inputs) VALUES
    (1, 'full', 'sync', '2026-11-20T10:02:00.000Z', '2026-11-20T10:02:01.000Z', 2461000, 2461001, 1, 2, 'completed',
     'abc123');
