#include "PlaybookStore.h"

#include "store/AuditLog.h"
#include "store/WriteTransaction.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlaybookStore", text);
}

QString compact(const QJsonObject &json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

std::optional<int> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

bool fail(QString *error, const QSqlQuery &q)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

bool audit(WriteTransaction &tx, const QString &actor, const QString &action, const QString &type, qint64 id,
           const QJsonObject &details = {})
{
    return AuditLog::record(tx, {actor, action, type, QString::number(id), details});
}

Playbook readPlaybook(const QSqlQuery &q, QString *error)
{
    Playbook p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.enabled = q.value(2).toBool();
    p.starterKey = q.value(4).toString();
    p.evaluatedThrough = optionalInt(q.value(5));
    QString problem;
    if (!p.setDefinition(parse(q.value(3)), &problem) && error)
        *error = tr("Playbook \"%1\" cannot be read: %2").arg(p.name, problem);
    return p;
}

const QString playbookColumns = QStringLiteral("id, name, enabled, definition, starter_key, evaluated_through");

} // namespace

QList<Playbook> PlaybookStore::playbooks(QSqlDatabase &db, QString *error)
{
    QList<Playbook> out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM playbooks ORDER BY name").arg(playbookColumns))) {
        fail(error, q);
        return out;
    }
    while (q.next())
        out << readPlaybook(q, error);
    return out;
}

std::optional<Playbook> PlaybookStore::playbook(QSqlDatabase &db, qint64 id, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM playbooks WHERE id = ?").arg(playbookColumns));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(error, q);
        return std::nullopt;
    }
    if (!q.next()) {
        if (error)
            *error = tr("There is no playbook %1.").arg(id);
        return std::nullopt;
    }
    return readPlaybook(q, error);
}

std::optional<qint64> PlaybookStore::save(WriteTransaction &tx, const Playbook &playbook, const QString &actor)
{
    const QStringList problems = playbook.validate();
    if (!problems.isEmpty()) {
        tx.fail(StoreError::failed(problems.join(QLatin1Char(' '))));
        return std::nullopt;
    }
    QSqlQuery q(tx.db());
    if (playbook.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO playbooks (name, enabled, definition, starter_key, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(playbook.name.trimmed());
        q.addBindValue(playbook.enabled ? 1 : 0);
        q.addBindValue(compact(playbook.definitionJson()));
        q.addBindValue(playbook.starterKey.isEmpty() ? QVariant() : QVariant(playbook.starterKey));
        q.addBindValue(tx.nowText());
        q.addBindValue(tx.nowText());
    } else {
        q.prepare(QStringLiteral("UPDATE playbooks SET name = ?, enabled = ?, definition = ?, updated_at = ? WHERE id = ?"));
        q.addBindValue(playbook.name.trimmed());
        q.addBindValue(playbook.enabled ? 1 : 0);
        q.addBindValue(compact(playbook.definitionJson()));
        q.addBindValue(tx.nowText());
        q.addBindValue(playbook.id);
    }
    if (!tx.exec(q)) {
        if (tx.error().message().contains(QLatin1String("UNIQUE")))
            tx.fail(StoreError::failed(tr("A playbook named \"%1\" exists already.").arg(playbook.name)));
        return std::nullopt;
    }
    if (playbook.id != 0 && q.numRowsAffected() == 0) {
        tx.fail(StoreError::failed(tr("There is no playbook %1.").arg(playbook.id)));
        return std::nullopt;
    }
    const qint64 id = playbook.id != 0 ? playbook.id : q.lastInsertId().toLongLong();
    QJsonObject details = playbook.toJson();
    if (!audit(tx, actor, playbook.id == 0 ? QStringLiteral("playbook.create") : QStringLiteral("playbook.save"),
               QStringLiteral("playbook"), id, details))
        return std::nullopt;
    return id;
}

bool PlaybookStore::setEnabled(WriteTransaction &tx, qint64 id, bool enabled, const QString &actor)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("UPDATE playbooks SET enabled = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(enabled ? 1 : 0);
    q.addBindValue(tx.nowText());
    q.addBindValue(id);
    if (!tx.exec(q))
        return false;
    if (q.numRowsAffected() == 0) {
        tx.fail(StoreError::failed(tr("There is no playbook %1.").arg(id)));
        return false;
    }
    return audit(tx, actor, enabled ? QStringLiteral("playbook.enable") : QStringLiteral("playbook.disable"),
                 QStringLiteral("playbook"), id);
}

bool PlaybookStore::remove(WriteTransaction &tx, qint64 id, const QString &actor)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("DELETE FROM playbooks WHERE id = ?"));
    q.addBindValue(id);
    return tx.exec(q) && audit(tx, actor, QStringLiteral("playbook.delete"), QStringLiteral("playbook"), id);
}

QList<PlaybookFiring> PlaybookStore::firings(QSqlDatabase &db, std::optional<qint64> accountId, bool openOnly,
                                             QString *error)
{
    QList<PlaybookFiring> out;
    QSqlQuery q(db);
    QString sql = QStringLiteral(
        "SELECT f.id, f.playbook_id, p.name, f.account_id, a.name, f.day, f.status, f.snoozed_until, f.resolved_day, "
        "f.evidence, (SELECT COUNT(*) FROM firing_actions x WHERE x.firing_id = f.id AND x.status = 'done'), "
        "(SELECT COUNT(*) FROM firing_actions x WHERE x.firing_id = f.id AND x.status = 'pending'), "
        "(SELECT COUNT(*) FROM firing_actions x WHERE x.firing_id = f.id AND x.status = 'failed'), "
        "(SELECT x.last_error FROM firing_actions x WHERE x.firing_id = f.id AND x.last_error IS NOT NULL "
        " ORDER BY x.position DESC LIMIT 1) "
        "FROM playbook_firings f JOIN playbooks p ON p.id = f.playbook_id JOIN accounts a ON a.id = f.account_id "
        "WHERE 1 = 1");
    if (accountId)
        sql += QStringLiteral(" AND f.account_id = :account");
    if (openOnly)
        sql += QStringLiteral(" AND f.status IN ('open', 'snoozed')");
    sql += QStringLiteral(" ORDER BY f.day DESC, f.id DESC");
    q.prepare(sql);
    if (accountId)
        q.bindValue(QStringLiteral(":account"), *accountId);
    if (!q.exec()) {
        fail(error, q);
        return out;
    }
    while (q.next()) {
        PlaybookFiring f;
        f.id = q.value(0).toLongLong();
        f.playbookId = q.value(1).toLongLong();
        f.playbookName = q.value(2).toString();
        f.accountId = q.value(3).toLongLong();
        f.accountName = q.value(4).toString();
        f.day = q.value(5).toInt();
        f.status = q.value(6).toString();
        f.snoozedUntil = optionalInt(q.value(7));
        f.resolvedDay = optionalInt(q.value(8));
        f.evidence = parse(q.value(9));
        f.evidenceText = f.evidence.value(QStringLiteral("text")).toString();
        f.actionsDone = q.value(10).toInt();
        f.actionsPending = q.value(11).toInt();
        f.actionsFailed = q.value(12).toInt();
        f.lastActionError = q.value(13).toString();
        out << f;
    }
    return out;
}

namespace {

bool setFiringStatus(WriteTransaction &tx, qint64 firingId, const QString &status, std::optional<int> until,
                     const QString &actor, const QString &action)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("UPDATE playbook_firings SET status = ?, snoozed_until = ?, updated_at = ? "
                             "WHERE id = ? AND status IN ('open', 'snoozed')"));
    q.addBindValue(status);
    q.addBindValue(until ? QVariant(*until) : QVariant());
    q.addBindValue(tx.nowText());
    q.addBindValue(firingId);
    if (!tx.exec(q))
        return false;
    if (q.numRowsAffected() == 0) {
        tx.fail(StoreError::failed(tr("Firing %1 is not open.").arg(firingId)));
        return false;
    }
    QJsonObject details;
    if (until)
        details.insert(QStringLiteral("until"), QDate::fromJulianDay(*until).toString(Qt::ISODate));
    return audit(tx, actor, action, QStringLiteral("firing"), firingId, details);
}

} // namespace

bool PlaybookStore::snooze(WriteTransaction &tx, qint64 firingId, int untilDay, const QString &actor)
{
    return setFiringStatus(tx, firingId, QStringLiteral("snoozed"), untilDay, actor, QStringLiteral("firing.snooze"));
}

bool PlaybookStore::close(WriteTransaction &tx, qint64 firingId, const QString &actor)
{
    return setFiringStatus(tx, firingId, QStringLiteral("closed"), std::nullopt, actor, QStringLiteral("firing.close"));
}

QList<PlaybookTask> PlaybookStore::tasks(QSqlDatabase &db, const TaskFilter &filter, QString *error)
{
    QList<PlaybookTask> out;
    QString sql = QStringLiteral("SELECT t.id, t.account_id, a.name, t.firing_id, t.title, t.body, t.assignee, t.due_day, "
                                 "t.status, t.created_at, t.done_at FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id "
                                 "WHERE 1 = 1");
    if (filter.accountId)
        sql += QStringLiteral(" AND t.account_id = :account");
    if (!filter.assignee.isEmpty())
        sql += QStringLiteral(" AND LOWER(t.assignee) = LOWER(:assignee)");
    if (filter.overdueOn)
        sql += QStringLiteral(" AND t.status = 'open' AND t.due_day < :day");
    if (filter.openOnly)
        sql += QStringLiteral(" AND t.status = 'open'");
    sql += QStringLiteral(" ORDER BY t.status DESC, t.due_day, t.id");
    QSqlQuery q(db);
    q.prepare(sql);
    if (filter.accountId)
        q.bindValue(QStringLiteral(":account"), *filter.accountId);
    if (!filter.assignee.isEmpty())
        q.bindValue(QStringLiteral(":assignee"), filter.assignee);
    if (filter.overdueOn)
        q.bindValue(QStringLiteral(":day"), *filter.overdueOn);
    if (!q.exec()) {
        fail(error, q);
        return out;
    }
    while (q.next()) {
        PlaybookTask t;
        t.id = q.value(0).toLongLong();
        t.accountId = q.value(1).toLongLong();
        t.accountName = q.value(2).toString();
        t.firingId = q.value(3).toLongLong();
        t.title = q.value(4).toString();
        t.body = q.value(5).toString();
        t.assignee = q.value(6).toString();
        t.dueDay = optionalInt(q.value(7));
        t.status = q.value(8).toString();
        t.createdAt = q.value(9).toString();
        t.doneAt = q.value(10).toString();
        out << t;
    }
    return out;
}

bool PlaybookStore::setTaskDone(WriteTransaction &tx, qint64 taskId, bool done, const QString &actor)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("UPDATE tasks SET status = ?, done_at = ?, done_by = ? WHERE id = ?"));
    q.addBindValue(done ? QStringLiteral("done") : QStringLiteral("open"));
    q.addBindValue(done ? QVariant(tx.nowText()) : QVariant());
    q.addBindValue(done ? QVariant(actor) : QVariant());
    q.addBindValue(taskId);
    if (!tx.exec(q))
        return false;
    if (q.numRowsAffected() == 0) {
        tx.fail(StoreError::failed(tr("There is no task %1.").arg(taskId)));
        return false;
    }
    return audit(tx, actor, done ? QStringLiteral("task.done") : QStringLiteral("task.reopen"), QStringLiteral("task"),
                 taskId);
}

QList<LifecycleStage> PlaybookStore::stages(QSqlDatabase &db)
{
    QList<LifecycleStage> out;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT id, stage_key, name FROM lifecycle_stages ORDER BY position")))
        while (q.next())
            out << LifecycleStage{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()};
    return out;
}

QList<LifecycleGoal> PlaybookStore::goals(QSqlDatabase &db, QString *error)
{
    QList<LifecycleGoal> out;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT g.id, g.name, f.stage_key, t.stage_key, g.enabled, g.definition, "
                               "g.evaluated_through FROM lifecycle_goals g "
                               "JOIN lifecycle_stages f ON f.id = g.from_stage_id "
                               "JOIN lifecycle_stages t ON t.id = g.to_stage_id ORDER BY f.position, g.id"))) {
        fail(error, q);
        return out;
    }
    while (q.next()) {
        LifecycleGoal g;
        g.id = q.value(0).toLongLong();
        g.name = q.value(1).toString();
        g.fromStage = q.value(2).toString();
        g.toStage = q.value(3).toString();
        g.enabled = q.value(4).toBool();
        g.evaluatedThrough = optionalInt(q.value(6));
        QString problem;
        if (!g.setDefinition(parse(q.value(5)), &problem)) {
            if (error)
                *error = tr("Lifecycle goal \"%1\" cannot be read: %2").arg(g.name, problem);
            continue;
        }
        out << g;
    }
    return out;
}

QList<StageVisit> PlaybookStore::stageHistory(QSqlDatabase &db, qint64 accountId)
{
    QList<StageVisit> out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT s.stage_key, s.name, f.name, h.entered_day, h.left_day, h.actor, h.reason "
                             "FROM lifecycle_history h LEFT JOIN lifecycle_stages s ON s.id = h.stage_id "
                             "LEFT JOIN lifecycle_stages f ON f.id = h.from_stage_id WHERE h.account_id = ? "
                             "ORDER BY h.entered_day DESC, h.id DESC"));
    q.addBindValue(accountId);
    if (q.exec())
        while (q.next())
            out << StageVisit{q.value(0).toString(), q.value(1).toString(),  q.value(2).toString(),
                              q.value(3).toInt(),    optionalInt(q.value(4)), q.value(5).toString(),
                              q.value(6).toString()};
    return out;
}

bool PlaybookStore::moveStage(WriteTransaction &tx, qint64 accountId, const QString &stageKey, int day,
                              const QString &actor, const QString &reason)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("SELECT id FROM lifecycle_stages WHERE stage_key = ?"));
    q.addBindValue(stageKey);
    if (!tx.exec(q))
        return false;
    if (!q.next()) {
        tx.fail(StoreError::failed(tr("There is no lifecycle stage '%1'.").arg(stageKey)));
        return false;
    }
    const qint64 stageId = q.value(0).toLongLong();
    q.finish();
    QSqlQuery current(tx.db());
    current.prepare(QStringLiteral("SELECT lifecycle_stage_id FROM accounts WHERE id = ?"));
    current.addBindValue(accountId);
    if (!tx.exec(current))
        return false;
    if (!current.next()) {
        tx.fail(StoreError::failed(tr("There is no account %1.").arg(accountId)));
        return false;
    }
    const QVariant from = current.value(0);
    current.finish();
    if (!from.isNull() && from.toLongLong() == stageId)
        return true; // already there: nothing to record
    QSqlQuery close(tx.db());
    close.prepare(QStringLiteral("UPDATE lifecycle_history SET left_day = ? WHERE account_id = ? AND left_day IS NULL"));
    close.addBindValue(day);
    close.addBindValue(accountId);
    QSqlQuery insert(tx.db());
    insert.prepare(QStringLiteral("INSERT INTO lifecycle_history (account_id, stage_id, from_stage_id, entered_day, "
                                  "entered_at, actor, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(accountId);
    insert.addBindValue(stageId);
    insert.addBindValue(from);
    insert.addBindValue(day);
    insert.addBindValue(tx.nowText());
    insert.addBindValue(actor);
    insert.addBindValue(reason);
    QSqlQuery update(tx.db());
    update.prepare(QStringLiteral("UPDATE accounts SET lifecycle_stage_id = ?, updated_at = ? WHERE id = ?"));
    update.addBindValue(stageId);
    update.addBindValue(tx.nowText());
    update.addBindValue(accountId);
    return tx.exec(close) && tx.exec(insert) && tx.exec(update)
           && audit(tx, actor, QStringLiteral("lifecycle.move"), QStringLiteral("account"), accountId,
                    {{QStringLiteral("stage"), stageKey},
                     {QStringLiteral("day"), QDate::fromJulianDay(day).toString(Qt::ISODate)},
                     {QStringLiteral("reason"), reason}});
}

QJsonObject PlaybookStore::exportJson(QSqlDatabase &db, QString *error)
{
    QJsonArray list;
    for (const Playbook &p : playbooks(db, error))
        list.append(p.toJson());
    QJsonArray goalList;
    for (const LifecycleGoal &g : goals(db, error)) {
        QJsonObject json = g.definitionJson();
        json.insert(QStringLiteral("name"), g.name);
        json.insert(QStringLiteral("from"), g.fromStage);
        json.insert(QStringLiteral("to"), g.toStage);
        json.insert(QStringLiteral("enabled"), g.enabled);
        goalList.append(json);
    }
    return {{QStringLiteral("format"), QStringLiteral("pendo-bridge-playbooks")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("playbooks"), list},
            {QStringLiteral("lifecycleGoals"), goalList}};
}

bool PlaybookStore::importJson(WriteTransaction &tx, const QJsonObject &json, const QString &actor, int *imported,
                               QString *error)
{
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("pendo-bridge-playbooks")) {
        *error = tr("This is not a playbooks file (its \"format\" is not pendo-bridge-playbooks).");
        return false;
    }
    QList<Playbook> incoming;
    const QJsonArray list = json.value(QStringLiteral("playbooks")).toArray();
    for (int i = 0; i < list.size(); ++i) {
        QString problem;
        std::optional<Playbook> p = Playbook::fromJson(list[i].toObject(), &problem);
        if (p && problem.isEmpty()) {
            const QStringList problems = p->validate();
            if (!problems.isEmpty())
                problem = problems.join(QLatin1Char(' '));
        }
        if (!p || !problem.isEmpty()) {
            *error = tr("Playbook %1 in the file is not valid: %2").arg(i + 1).arg(problem);
            return false;
        }
        incoming << *p;
    }
    *imported = 0;
    for (Playbook &p : incoming) {
        QSqlQuery find(tx.db());
        find.prepare(QStringLiteral("SELECT id FROM playbooks WHERE name = ?"));
        find.addBindValue(p.name);
        if (!tx.exec(find))
            return false;
        if (find.next())
            p.id = find.value(0).toLongLong();
        find.finish();
        if (!save(tx, p, actor)) {
            *error = tx.error().message();
            return false;
        }
        ++*imported;
    }
    for (const QJsonValue &value : json.value(QStringLiteral("lifecycleGoals")).toArray()) {
        const QJsonObject g = value.toObject();
        LifecycleGoal goal;
        QString problem;
        if (!goal.setDefinition(g, &problem)) {
            *error = tr("A lifecycle goal in the file is not valid: %1").arg(problem);
            return false;
        }
        QSqlQuery upsert(tx.db());
        upsert.prepare(QStringLiteral(
            "INSERT INTO lifecycle_goals (from_stage_id, to_stage_id, name, enabled, definition) "
            "SELECT f.id, t.id, ?, ?, ? FROM lifecycle_stages f, lifecycle_stages t WHERE f.stage_key = ? AND t.stage_key = ? "
            "AND NOT EXISTS (SELECT 1 FROM lifecycle_goals g WHERE g.from_stage_id = f.id AND g.to_stage_id = t.id)"));
        upsert.addBindValue(g.value(QStringLiteral("name")).toString());
        upsert.addBindValue(g.value(QStringLiteral("enabled")).toBool(true) ? 1 : 0);
        upsert.addBindValue(compact(goal.definitionJson()));
        upsert.addBindValue(g.value(QStringLiteral("from")).toString());
        upsert.addBindValue(g.value(QStringLiteral("to")).toString());
        QSqlQuery update(tx.db());
        update.prepare(QStringLiteral(
            "UPDATE lifecycle_goals SET name = ?, enabled = ?, definition = ? WHERE from_stage_id = "
            "(SELECT id FROM lifecycle_stages WHERE stage_key = ?) AND to_stage_id = "
            "(SELECT id FROM lifecycle_stages WHERE stage_key = ?)"));
        update.addBindValue(g.value(QStringLiteral("name")).toString());
        update.addBindValue(g.value(QStringLiteral("enabled")).toBool(true) ? 1 : 0);
        update.addBindValue(compact(goal.definitionJson()));
        update.addBindValue(g.value(QStringLiteral("from")).toString());
        update.addBindValue(g.value(QStringLiteral("to")).toString());
        if (!tx.exec(update) || !tx.exec(upsert))
            return false;
    }
    return AuditLog::record(tx, {actor, QStringLiteral("playbooks.import"), QStringLiteral("playbooks"), QString(),
                                 {{QStringLiteral("playbooks"), *imported}}});
}
