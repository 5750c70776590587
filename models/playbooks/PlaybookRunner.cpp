#include "PlaybookRunner.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlaybookRunner", text);
}

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

int lastComputedDay(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(to_day) FROM analytics_runs WHERE status = 'completed'")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

/** Every field, item and the furthest look-back the rules need, for one history load. */
struct Needs
{
    QList<MetricField> fields;
    QList<qint64> items;
    int lookback = 0;

    void add(const PlaybookTrigger &t, int extraLookback = 0)
    {
        if (const std::optional<MetricField> f = MetricFields::fromColumn(t.metric);
            f && (t.kind == PlaybookTrigger::Kind::Threshold || t.kind == PlaybookTrigger::Kind::Decline)
            && !fields.contains(*f))
            fields << *f;
        if (t.kind == PlaybookTrigger::Kind::FeatureDecline && !items.contains(t.item)) {
            items << t.item;
            if (!fields.contains(MetricField::Events))
                fields << MetricField::Events;
        }
        lookback = std::max(lookback, t.lookbackDays() + extraLookback);
    }
};

QJsonObject evidenceJson(const PlaybookEvidence &e)
{
    QJsonObject json = e.values;
    json.insert(QStringLiteral("text"), e.text);
    json.insert(QStringLiteral("day"), QDate::fromJulianDay(e.day).toString(Qt::ISODate));
    return json;
}

/** The stored state of one playbook: per history account, its open firing and its last firing day. */
bool loadStates(QSqlDatabase &db, qint64 playbookId, const PlaybookHistory &history,
                std::vector<PlaybookAccountState> &states, QString *error)
{
    states.assign(std::size_t(history.accounts().size()), {});
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT account_id, MAX(day), SUM(CASE WHEN status IN ('open', 'snoozed') THEN 1 ELSE 0 END), "
                             "MAX(CASE WHEN status = 'snoozed' THEN snoozed_until END) FROM playbook_firings "
                             "WHERE playbook_id = ? GROUP BY account_id"));
    q.addBindValue(playbookId);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const int a = history.indexOf(q.value(0).toLongLong());
        if (a < 0)
            continue;
        PlaybookAccountState &st = states[std::size_t(a)];
        st.lastFiredDay = q.value(1).toInt();
        st.open = q.value(2).toInt() > 0;
        if (!q.value(3).isNull())
            st.snoozedUntil = q.value(3).toInt();
    }
    return true;
}

struct PlannedRun
{
    Playbook playbook;
    int from = 0;
    QList<PlaybookEvent> events;
    int lastDay = 0;
};

struct PlannedMove
{
    qint64 accountId = 0;
    QString stage;
    int day = 0;
    QString reason;
};

bool writeOutcome(WriteTransaction &tx, const PlaybookHistory &history, const QList<PlannedRun> &runs,
                  const QList<PlannedMove> &moves, const QList<std::pair<qint64, int>> &goalPositions,
                  const QString &actor)
{
    QSqlQuery fire(tx.db());
    fire.prepare(QStringLiteral("INSERT INTO playbook_firings (playbook_id, account_id, day, status, evidence, created_at, "
                                "updated_at) VALUES (?, ?, ?, 'open', ?, ?, ?)"));
    QSqlQuery action(tx.db());
    action.prepare(QStringLiteral("INSERT INTO firing_actions (firing_id, position, kind, definition, status) "
                                  "VALUES (?, ?, ?, ?, 'pending')"));
    QSqlQuery resolve(tx.db());
    resolve.prepare(QStringLiteral("UPDATE playbook_firings SET status = 'resolved', resolved_day = ?, snoozed_until = NULL, "
                                   "updated_at = ? WHERE playbook_id = ? AND account_id = ? AND status IN ('open', 'snoozed')"));
    QSqlQuery unsnooze(tx.db());
    unsnooze.prepare(QStringLiteral("UPDATE playbook_firings SET status = 'open', snoozed_until = NULL, updated_at = ? "
                                    "WHERE playbook_id = ? AND account_id = ? AND status = 'snoozed'"));
    QSqlQuery position(tx.db());
    position.prepare(QStringLiteral("UPDATE playbooks SET evaluated_through = ? WHERE id = ?"));
    const QString now = tx.nowText();
    for (const PlannedRun &run : runs) {
        for (const PlaybookEvent &e : run.events) {
            const qint64 accountId = history.accounts()[e.account].id;
            switch (e.kind) {
            case PlaybookEvent::Kind::Fire: {
                const QJsonObject evidence = evidenceJson(e.evidence);
                fire.addBindValue(run.playbook.id);
                fire.addBindValue(accountId);
                fire.addBindValue(e.day);
                fire.addBindValue(compact(evidence));
                fire.addBindValue(now);
                fire.addBindValue(now);
                if (!tx.exec(fire))
                    return false;
                const qint64 firingId = fire.lastInsertId().toLongLong();
                for (int i = 0; i < run.playbook.actions.size(); ++i) {
                    const PlaybookAction &a = run.playbook.actions[i];
                    action.addBindValue(firingId);
                    action.addBindValue(i);
                    action.addBindValue(PlaybookAction::kindKey(a.kind));
                    action.addBindValue(compact(a.toJson()));
                    if (!tx.exec(action))
                        return false;
                }
                if (!AuditLog::record(tx, {actor, QStringLiteral("playbook.fire"), QStringLiteral("firing"),
                                           QString::number(firingId),
                                           {{QStringLiteral("playbook"), run.playbook.name},
                                            {QStringLiteral("account"), history.accounts()[e.account].externalId},
                                            {QStringLiteral("evidence"), evidence}}}))
                    return false;
                break;
            }
            case PlaybookEvent::Kind::Resolve:
                resolve.addBindValue(e.day);
                resolve.addBindValue(now);
                resolve.addBindValue(run.playbook.id);
                resolve.addBindValue(accountId);
                if (!tx.exec(resolve))
                    return false;
                break;
            case PlaybookEvent::Kind::Unsnooze:
                unsnooze.addBindValue(now);
                unsnooze.addBindValue(run.playbook.id);
                unsnooze.addBindValue(accountId);
                if (!tx.exec(unsnooze))
                    return false;
                break;
            }
        }
        if (run.lastDay >= run.from) {
            position.addBindValue(run.lastDay);
            position.addBindValue(run.playbook.id);
            if (!tx.exec(position))
                return false;
        }
    }
    for (const PlannedMove &move : moves)
        if (!PlaybookStore::moveStage(tx, move.accountId, move.stage, move.day, actor, move.reason))
            return false;
    QSqlQuery goal(tx.db());
    goal.prepare(QStringLiteral("UPDATE lifecycle_goals SET evaluated_through = ? WHERE id = ?"));
    for (const auto &[id, day] : goalPositions) {
        goal.addBindValue(day);
        goal.addBindValue(id);
        if (!tx.exec(goal))
            return false;
    }
    return true;
}

// --- Actions ------------------------------------------------------------------------------------

struct PendingAction
{
    qint64 firingId = 0;
    int position = 0;
    int attempts = 0;
    PlaybookAction action;
    QString playbookName;
    qint64 accountId = 0;
    QString accountExternalId, accountName, owner;
    int day = 0;
    QJsonObject evidence;
};

QString fill(QString text, const PendingAction &p)
{
    text.replace(QLatin1String("{account}"), p.accountName);
    text.replace(QLatin1String("{owner}"), p.owner);
    text.replace(QLatin1String("{playbook}"), p.playbookName);
    text.replace(QLatin1String("{day}"), QDate::fromJulianDay(p.day).toString(Qt::ISODate));
    text.replace(QLatin1String("{evidence}"), p.evidence.value(QStringLiteral("text")).toString());
    return text;
}

bool runLocal(WriteTransaction &tx, const PendingAction &p, const QString &actor)
{
    const PlaybookAction &a = p.action;
    QSqlQuery q(tx.db());
    switch (a.kind) {
    case PlaybookAction::Kind::Task:
        q.prepare(QStringLiteral("INSERT INTO tasks (account_id, firing_id, title, body, assignee, due_day, status, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)"));
        q.addBindValue(p.accountId);
        q.addBindValue(p.firingId);
        q.addBindValue(fill(a.title, p));
        q.addBindValue(fill(a.body.isEmpty() ? QStringLiteral("{evidence}") : a.body, p));
        q.addBindValue(a.assignee.isEmpty() ? p.owner : a.assignee);
        q.addBindValue(p.day + a.dueDays);
        q.addBindValue(tx.nowText());
        return tx.exec(q);
    case PlaybookAction::Kind::Stage:
        return PlaybookStore::moveStage(tx, p.accountId, a.stage, p.day, actor,
                                        tr("Playbook \"%1\"").arg(p.playbookName));
    case PlaybookAction::Kind::Tag:
        if (a.remove) {
            q.prepare(QStringLiteral("DELETE FROM account_tags WHERE account_id = ? AND tag = ?"));
            q.addBindValue(p.accountId);
            q.addBindValue(a.tag);
        } else {
            q.prepare(QStringLiteral("INSERT INTO account_tags (account_id, tag, added_at) VALUES (?, ?, ?) "
                                     "ON CONFLICT (account_id, tag) DO NOTHING"));
            q.addBindValue(p.accountId);
            q.addBindValue(a.tag);
            q.addBindValue(tx.nowText());
        }
        return tx.exec(q);
    case PlaybookAction::Kind::Field: {
        q.prepare(QStringLiteral("SELECT custom_fields FROM accounts WHERE id = ?"));
        q.addBindValue(p.accountId);
        if (!tx.exec(q) || !q.next())
            return false;
        QJsonObject fields = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        q.finish();
        fields.insert(a.field, fill(a.value, p));
        QSqlQuery update(tx.db());
        update.prepare(QStringLiteral("UPDATE accounts SET custom_fields = ?, updated_at = ? WHERE id = ?"));
        update.addBindValue(compact(fields));
        update.addBindValue(tx.nowText());
        update.addBindValue(p.accountId);
        return tx.exec(update);
    }
    case PlaybookAction::Kind::Email:
        q.prepare(QStringLiteral("INSERT INTO outbox (firing_id, account_id, recipient, subject, body, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(p.firingId);
        q.addBindValue(p.accountId);
        q.addBindValue(a.recipient.isEmpty() ? p.owner : fill(a.recipient, p));
        q.addBindValue(fill(a.title, p));
        q.addBindValue(fill(a.body.isEmpty() ? QStringLiteral("{evidence}") : a.body, p));
        q.addBindValue(tx.nowText());
        return tx.exec(q);
    case PlaybookAction::Kind::Webhook:
        break;
    }
    return false;
}

/** POSTs the firing; an empty string on a 2xx answer, else why not. Blocks the calling (worker) thread. */
QString postWebhook(const PendingAction &p, const PlaybookRunOptions &options)
{
    const QJsonObject body{{QStringLiteral("playbook"), p.playbookName},
                           {QStringLiteral("firing"), p.firingId},
                           {QStringLiteral("day"), QDate::fromJulianDay(p.day).toString(Qt::ISODate)},
                           {QStringLiteral("account"),
                            QJsonObject{{QStringLiteral("id"), p.accountExternalId},
                                        {QStringLiteral("name"), p.accountName},
                                        {QStringLiteral("owner"), p.owner}}},
                           {QStringLiteral("evidence"), p.evidence}};
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkAccessManager network;
    QString problem;
    int backoff = options.webhookBackoffMs;
    for (int attempt = 1; attempt <= std::max(1, options.webhookAttempts); ++attempt) {
        QNetworkRequest request{QUrl(p.action.url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setTransferTimeout(options.webhookTimeoutMs);
        QNetworkReply *reply = network.post(request, payload);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
            reply->deleteLater();
            return {};
        }
        problem = status > 0 ? tr("the webhook answered HTTP %1").arg(status)
                             : tr("the webhook could not be reached: %1").arg(reply->errorString());
        reply->deleteLater();
        const bool retryable = status == 0 || status == 408 || status == 429 || status >= 500;
        if (!retryable || attempt == options.webhookAttempts)
            break;
        QThread::msleep(static_cast<unsigned long>(backoff)); // on a worker thread, between tries
        backoff *= 2;
    }
    return problem;
}

QList<PendingAction> pendingActions(QSqlDatabase &db, QString *error)
{
    QList<PendingAction> out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT x.firing_id, x.position, x.attempts, x.definition, p.name, f.account_id, a.external_id, a.name, "
            "a.owner, f.day, f.evidence FROM firing_actions x JOIN playbook_firings f ON f.id = x.firing_id "
            "JOIN playbooks p ON p.id = f.playbook_id JOIN accounts a ON a.id = f.account_id "
            "WHERE x.status = 'pending' ORDER BY x.firing_id, x.position"))) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        PendingAction p;
        p.firingId = q.value(0).toLongLong();
        p.position = q.value(1).toInt();
        p.attempts = q.value(2).toInt();
        QString problem;
        const std::optional<PlaybookAction> action =
            PlaybookAction::fromJson(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object(), &problem);
        if (!action)
            continue;
        p.action = *action;
        p.playbookName = q.value(4).toString();
        p.accountId = q.value(5).toLongLong();
        p.accountExternalId = q.value(6).toString();
        p.accountName = q.value(7).toString();
        p.owner = q.value(8).toString();
        p.day = q.value(9).toInt();
        p.evidence = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
        out << p;
    }
    return out;
}

bool markAction(WriteTransaction &tx, const PendingAction &p, const QString &problem, int maxAttempts)
{
    QSqlQuery q(tx.db());
    if (problem.isEmpty()) {
        q.prepare(QStringLiteral("UPDATE firing_actions SET status = 'done', attempts = attempts + 1, last_error = NULL, "
                                 "done_at = ? WHERE firing_id = ? AND position = ?"));
        q.addBindValue(tx.nowText());
    } else {
        q.prepare(QStringLiteral("UPDATE firing_actions SET status = ?, attempts = attempts + 1, last_error = ?, "
                                 "next_attempt_at = ? WHERE firing_id = ? AND position = ?"));
        q.addBindValue(p.attempts + 1 >= maxAttempts ? QStringLiteral("failed") : QStringLiteral("pending"));
        q.addBindValue(problem);
        q.addBindValue(tx.nowText());
    }
    q.addBindValue(p.firingId);
    q.addBindValue(p.position);
    if (!tx.exec(q))
        return false;
    if (!problem.isEmpty())
        return AuditLog::record(tx, {QStringLiteral("playbooks"), QStringLiteral("action.fail"), QStringLiteral("firing"),
                                     QString::number(p.firingId),
                                     {{QStringLiteral("action"), PlaybookAction::kindKey(p.action.kind)},
                                      {QStringLiteral("position"), p.position},
                                      {QStringLiteral("attempt"), p.attempts + 1},
                                      {QStringLiteral("error"), problem}}});
    return true;
}

} // namespace

PlaybookRunSummary PlaybookRunner::runPendingActions(Database &database, const PlaybookRunOptions &options)
{
    PlaybookRunSummary summary;
    QElapsedTimer timer;
    timer.start();
    QList<PendingAction> pending;
    {
        ScopedConnection connection(database);
        if (!connection.isValid()) {
            summary.error = connection.error();
            return summary;
        }
        pending = pendingActions(connection.db(), &summary.error);
        if (!summary.error.isEmpty())
            return summary;
    }
    // First, in one unit: each firing's leading local actions (up to its first webhook), the common case
    // of a run that fired many times. If that unit fails, every action is tried on its own below.
    QSet<std::pair<qint64, int>> doneTogether;
    {
        QSet<qint64> reachedWebhook;
        QList<const PendingAction *> batch;
        for (const PendingAction &p : std::as_const(pending)) {
            if (reachedWebhook.contains(p.firingId))
                continue;
            if (p.action.kind == PlaybookAction::Kind::Webhook) {
                reachedWebhook.insert(p.firingId);
                continue;
            }
            batch << &p;
        }
        if (!batch.isEmpty()) {
            const StoreError error = database.writer().runAndWait(QStringLiteral("playbook actions"), [&](WriteTransaction &tx) {
                for (const PendingAction *p : std::as_const(batch))
                    if (!runLocal(tx, *p, options.actor) || !markAction(tx, *p, {}, options.maxActionAttempts))
                        return tx.error();
                return StoreError();
            });
            if (!error) {
                for (const PendingAction *p : std::as_const(batch))
                    doneTogether.insert({p->firingId, p->position});
                summary.actionsDone += int(batch.size());
            }
        }
    }
    qint64 blockedFiring = 0; // a firing whose earlier action did not finish: its later ones wait
    for (const PendingAction &p : std::as_const(pending)) {
        if (p.firingId == blockedFiring || doneTogether.contains({p.firingId, p.position}))
            continue;
        QString problem;
        if (p.action.kind == PlaybookAction::Kind::Webhook) {
            problem = postWebhook(p, options);
            const StoreError error = database.writer().runAndWait(QStringLiteral("playbook action"), [&](WriteTransaction &tx) {
                return markAction(tx, p, problem, options.maxActionAttempts) ? StoreError() : tx.error();
            });
            if (error)
                problem = error.message();
        } else {
            const StoreError error = database.writer().runAndWait(QStringLiteral("playbook action"), [&](WriteTransaction &tx) {
                return runLocal(tx, p, options.actor) && markAction(tx, p, {}, options.maxActionAttempts) ? StoreError()
                                                                                                          : tx.error();
            });
            if (error) {
                problem = error.message();
                database.writer().runAndWait(QStringLiteral("playbook action"), [&](WriteTransaction &tx) {
                    return markAction(tx, p, problem, options.maxActionAttempts) ? StoreError() : tx.error();
                });
            }
        }
        if (problem.isEmpty()) {
            ++summary.actionsDone;
        } else {
            blockedFiring = p.firingId;
            if (p.attempts + 1 >= options.maxActionAttempts)
                ++summary.actionsFailed;
            else
                ++summary.actionsRetrying;
        }
    }
    summary.ok = true;
    summary.actionsMs = timer.elapsed();
    return summary;
}

PlaybookRunSummary PlaybookRunner::run(Database &database, const PlaybookRunOptions &options,
                                       const std::atomic_bool *canceled)
{
    PlaybookRunSummary summary;
    QElapsedTimer total, phase;
    total.start();
    phase.start();
    QList<PlannedRun> runs;
    QList<PlannedMove> moves;
    QList<std::pair<qint64, int>> goalPositions;
    std::unique_ptr<PlaybookHistory> history;
    {
        ScopedConnection connection(database);
        if (!connection.isValid()) {
            summary.error = connection.error();
            return summary;
        }
        QSqlDatabase &db = connection.db();
        const int last = lastComputedDay(db);
        QString error;
        QList<Playbook> playbooks;
        for (const Playbook &p : PlaybookStore::playbooks(db, &error))
            if (options.only.isEmpty() ? p.enabled : options.only.contains(p.id))
                playbooks << p;
        QList<LifecycleGoal> goals;
        if (options.only.isEmpty())
            for (const LifecycleGoal &g : PlaybookStore::goals(db, &error))
                if (g.enabled && g.condition.kind == PlaybookTrigger::Kind::Threshold)
                    goals << g;
        if (!error.isEmpty()) {
            summary.error = error;
            return summary;
        }
        summary.playbooks = int(playbooks.size());
        if (last == 0) {
            summary.ok = true; // nothing computed yet: nothing to judge
            return summary;
        }
        // Where each starts: the day after the one it judged last (days judged once are never judged again, so
        // a re-run cannot fire twice); one never run starts at options.fromDay, or else at the newest day.
        const auto startOf = [&](std::optional<int> through) {
            if (through)
                return std::max(*through + 1, options.fromDay.value_or(0));
            return options.fromDay.value_or(last);
        };
        Needs needs;
        int from = last + 1;
        for (const Playbook &p : std::as_const(playbooks)) {
            needs.add(p.trigger);
            from = std::min(from, startOf(p.evaluatedThrough));
        }
        for (const LifecycleGoal &g : std::as_const(goals)) {
            needs.add(g.condition, g.holdDays - 1);
            from = std::min(from, startOf(g.evaluatedThrough));
        }
        summary.fromDay = from;
        summary.toDay = last;
        if (from > last) {
            summary.ok = true;
            return summary;
        }
        history = PlaybookHistory::load(db, from - needs.lookback, last, needs.fields, needs.items, 0, &error);
        if (!history) {
            summary.error = error;
            return summary;
        }
        summary.accounts = int(history->accounts().size());
        summary.loadMs = phase.restart();

        int judgedThrough = last;
        for (const Playbook &p : std::as_const(playbooks)) {
            if (canceled && *canceled)
                return summary;
            PlannedRun run;
            run.playbook = p;
            run.from = startOf(p.evaluatedThrough);
            std::vector<PlaybookAccountState> states;
            if (!loadStates(db, p.id, *history, states, &error)) {
                summary.error = error;
                return summary;
            }
            run.events = PlaybookEvaluator::replay(p, *history, run.from, last, states, &run.lastDay);
            judgedThrough = std::min(judgedThrough, run.lastDay);
            for (const PlaybookEvent &e : std::as_const(run.events)) {
                if (e.kind == PlaybookEvent::Kind::Fire)
                    ++summary.fired;
                else if (e.kind == PlaybookEvent::Kind::Resolve)
                    ++summary.resolved;
            }
            runs << run;
        }
        // Goals: an account in the goal's stage moves once the condition held on each of its hold days.
        QHash<int, QString> stageOf;
        for (int a = 0; a < history->accounts().size(); ++a)
            stageOf.insert(a, history->accounts()[a].stage);
        for (const LifecycleGoal &g : std::as_const(goals)) {
            int day = startOf(g.evaluatedThrough);
            for (; day <= last; ++day) {
                if (!history->windowSettled(day, g.holdDays - 1))
                    break;
                for (int a = 0; a < history->accounts().size(); ++a) {
                    if (stageOf.value(a) != g.fromStage || !PlaybookEvaluator::goalReached(g, *history, a, day))
                        continue;
                    stageOf.insert(a, g.toStage);
                    moves.append({history->accounts()[a].id, g.toStage, day,
                                  tr("Lifecycle goal \"%1\" met").arg(g.name)});
                    ++summary.stageMoves;
                }
            }
            judgedThrough = std::min(judgedThrough, day - 1);
            if (day - 1 >= startOf(g.evaluatedThrough))
                goalPositions.append({g.id, day - 1});
        }
        summary.waitingDays = std::max(0, last - judgedThrough);
        summary.evaluateMs = phase.restart();
    }

    const StoreError written = database.writer().runAndWait(QStringLiteral("playbook evaluation"), [&](WriteTransaction &tx) {
        return writeOutcome(tx, *history, runs, moves, goalPositions, options.actor) ? StoreError() : tx.error();
    });
    summary.writeMs = phase.restart();
    if (written) {
        summary.error = tr("The playbook evaluation could not be stored: %1").arg(written.message());
        return summary;
    }
    const PlaybookRunSummary actions = runPendingActions(database, options);
    summary.actionsDone = actions.actionsDone;
    summary.actionsRetrying = actions.actionsRetrying;
    summary.actionsFailed = actions.actionsFailed;
    summary.actionsMs = actions.actionsMs;
    summary.ok = actions.ok;
    if (!actions.ok)
        summary.error = actions.error;
    summary.elapsedMs = total.elapsed();
    return summary;
}

QList<DryRunResult> PlaybookRunner::dryRun(Database &database, const QList<Playbook> &playbooks, int days, QString *error)
{
    QList<DryRunResult> results;
    ScopedConnection connection(database);
    if (!connection.isValid()) {
        if (error)
            *error = connection.error();
        return results;
    }
    const int last = lastComputedDay(connection.db());
    if (last == 0) {
        if (error)
            *error = tr("No account health has been computed yet: sync Pendo activity first.");
        return results;
    }
    const int from = last - std::max(1, days) + 1;
    Needs needs;
    for (const Playbook &p : playbooks)
        needs.add(p.trigger);
    QString problem;
    const std::unique_ptr<PlaybookHistory> history =
        PlaybookHistory::load(connection.db(), from - needs.lookback, last, needs.fields, needs.items, 0, &problem);
    if (!history) {
        if (error)
            *error = problem;
        return results;
    }
    for (const Playbook &p : playbooks) {
        DryRunResult result;
        result.playbookId = p.id;
        result.name = p.name;
        result.fromDay = from;
        result.toDay = last;
        const QStringList problems = p.validate();
        if (!problems.isEmpty()) {
            result.error = problems.join(QLatin1Char(' '));
            results << result;
            continue;
        }
        std::vector<PlaybookAccountState> states;
        for (const PlaybookEvent &e : PlaybookEvaluator::replay(p, *history, from, last, states, &result.lastDay)) {
            if (e.kind != PlaybookEvent::Kind::Fire)
                continue;
            const PlaybookAccount &a = history->accounts()[e.account];
            result.firings.append({a.id, a.externalId, a.name, e.day, e.evidence});
        }
        results << result;
    }
    return results;
}
