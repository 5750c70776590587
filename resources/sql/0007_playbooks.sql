-- Schema version 7: playbooks (rules on the calculated fields), their firings with the evidence
-- and the actions they ran, tasks, tags, the e-mail outbox, and lifecycle goals and history.
-- Days are Julian day numbers in the subscription's time zone, as in account_metrics.

-- The volume the usage-decline playbooks watch (see models/analytics/CalculatedFields.h). Existing
-- rows get theirs from the next recompute, which is a full one (the fields changed).
ALTER TABLE account_metrics ADD COLUMN core_events INTEGER;
ALTER TABLE account_metrics ADD COLUMN core_events_30d INTEGER;

-- The default stages: Onboarding, Adoption, Mature, Renewal, At risk, Churned.
UPDATE lifecycle_stages SET stage_key = 'mature', name = 'Mature' WHERE stage_key = 'growth';

-- Goals move an account from one stage to the next when a condition held for hold_days days in a
-- row. definition: JSON, {"condition": {...a threshold trigger...}, "holdDays": N}.
CREATE TABLE lifecycle_goals (
    id              INTEGER PRIMARY KEY,
    from_stage_id   INTEGER NOT NULL REFERENCES lifecycle_stages (id) ON DELETE CASCADE,
    to_stage_id     INTEGER NOT NULL REFERENCES lifecycle_stages (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    enabled         INTEGER NOT NULL DEFAULT 1,
    definition      TEXT NOT NULL,
    evaluated_through INTEGER
);

INSERT INTO lifecycle_goals (id, from_stage_id, to_stage_id, name, enabled, definition) VALUES
    (1, 1, 2, 'MAU at least half the seats for 14 days', 1,
     '{"condition":{"kind":"threshold","metric":"licence_utilisation","op":"atLeast","value":0.5},"holdDays":14}');

-- Every stage an account entered: by a goal, a playbook or a person. left_day: NULL while current.
CREATE TABLE lifecycle_history (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    stage_id        INTEGER REFERENCES lifecycle_stages (id) ON DELETE SET NULL,
    from_stage_id   INTEGER REFERENCES lifecycle_stages (id) ON DELETE SET NULL,
    entered_day     INTEGER NOT NULL,
    left_day        INTEGER,
    entered_at      TEXT NOT NULL,
    actor           TEXT NOT NULL,
    reason          TEXT NOT NULL
);

CREATE INDEX lifecycle_history_account_idx ON lifecycle_history (account_id, entered_day);

-- definition: JSON (models/playbooks/Playbook.h): trigger, scope, actions, cool-down.
-- evaluated_through: the last day evaluated; the next evaluation starts after it.
CREATE TABLE playbooks (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    enabled         INTEGER NOT NULL DEFAULT 0,
    definition      TEXT NOT NULL,
    starter_key     TEXT UNIQUE,
    evaluated_through INTEGER,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- One row per firing. At most one open (or snoozed) firing per playbook and account.
-- evidence: JSON, the values and days that made it fire.
CREATE TABLE playbook_firings (
    id              INTEGER PRIMARY KEY,
    playbook_id     INTEGER NOT NULL REFERENCES playbooks (id) ON DELETE CASCADE,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day             INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('open', 'snoozed', 'resolved', 'closed')),
    snoozed_until   INTEGER,
    resolved_day    INTEGER,
    evidence        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE UNIQUE INDEX playbook_firings_open_idx ON playbook_firings (playbook_id, account_id)
    WHERE status IN ('open', 'snoozed');
CREATE INDEX playbook_firings_account_idx ON playbook_firings (account_id, day);

-- The actions of a firing as the playbook defined them when it fired, run in position order. pending: not run yet or to be retried
-- (attempts, last_error, next_attempt_at say why and when); failed: gave up.
CREATE TABLE firing_actions (
    firing_id       INTEGER NOT NULL REFERENCES playbook_firings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    definition      TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TEXT,
    done_at         TEXT,
    PRIMARY KEY (firing_id, position)
);

CREATE TABLE tasks (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    firing_id       INTEGER REFERENCES playbook_firings (id) ON DELETE SET NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    assignee        TEXT,
    due_day         INTEGER,
    status          TEXT NOT NULL CHECK (status IN ('open', 'done')),
    created_at      TEXT NOT NULL,
    done_at         TEXT,
    done_by         TEXT
);

CREATE INDEX tasks_account_idx ON tasks (account_id, status);
CREATE INDEX tasks_assignee_idx ON tasks (assignee, status, due_day);

CREATE TABLE account_tags (
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    tag             TEXT NOT NULL,
    added_at        TEXT NOT NULL,
    PRIMARY KEY (account_id, tag)
);

-- E-mails a playbook wrote, kept for a person to review and send.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    firing_id       INTEGER REFERENCES playbook_firings (id) ON DELETE SET NULL,
    account_id      INTEGER REFERENCES accounts (id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'discarded')),
    created_at      TEXT NOT NULL
);

-- The starter set, disabled until an admin enables them.
INSERT INTO playbooks (name, enabled, starter_key, definition, created_at, updated_at) VALUES
    ('Core-feature usage decline', 0, 'core-usage-decline',
     '{"trigger":{"kind":"decline","metric":"core_events","percent":30,"days":30,"minVolume":30},"cooldownDays":30,"actions":[{"kind":"task","title":"Core-feature use fell at {account}","body":"{evidence}","dueDays":7}]}',
     '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
    ('Stuck onboarding', 0, 'stuck-onboarding',
     '{"trigger":{"kind":"firstValueMissing","days":30},"scope":{"stages":["onboarding"]},"cooldownDays":30,"actions":[{"kind":"task","title":"{account} has not reached first value","body":"{evidence}","dueDays":5}]}',
     '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
    ('PES below target', 0, 'pes-below-target',
     '{"trigger":{"kind":"threshold","metric":"pes","op":"below","value":40},"cooldownDays":30,"actions":[{"kind":"task","title":"PES below target at {account}","body":"{evidence}","dueDays":14}]}',
     '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
    ('Health turned red', 0, 'health-red',
     '{"trigger":{"kind":"bandChanged","to":"red"},"cooldownDays":14,"actions":[{"kind":"task","title":"{account} turned red","body":"{evidence}","dueDays":3},{"kind":"stage","stage":"at_risk"}]}',
     '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'),
    ('Expansion signal', 0, 'expansion-signal',
     '{"trigger":{"kind":"threshold","metric":"licence_utilisation","op":"above","value":0.9},"cooldownDays":60,"actions":[{"kind":"task","title":"Expansion signal at {account}","body":"{evidence}","dueDays":14},{"kind":"tag","tag":"expansion","remove":false}]}',
     '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z');
