#pragma once

#include "Playbook.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class WriteTransaction;

/** A stored firing, with its playbook's and account's names for lists. */
struct PlaybookFiring
{
    qint64 id = 0;
    qint64 playbookId = 0;
    QString playbookName;
    qint64 accountId = 0;
    QString accountName;
    int day = 0;
    QString status; // open, snoozed, resolved, closed
    std::optional<int> snoozedUntil, resolvedDay;
    QString evidenceText;
    QJsonObject evidence;
    int actionsDone = 0, actionsPending = 0, actionsFailed = 0;
    QString lastActionError;
};

struct PlaybookTask
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString accountName;
    qint64 firingId = 0;
    QString title;
    QString body;
    QString assignee;
    std::optional<int> dueDay;
    QString status; // open, done
    QString createdAt;
    QString doneAt;
};

struct LifecycleStage
{
    qint64 id = 0;
    QString key;
    QString name;
};

struct StageVisit
{
    QString stageKey, stageName, fromStageName;
    int enteredDay = 0;
    std::optional<int> leftDay; // nullopt: the current stage
    QString actor;
    QString reason;
};

/** What the task list shows. */
struct TaskFilter
{
    std::optional<qint64> accountId;
    QString assignee;              // empty: anyone
    std::optional<int> overdueOn;  // only tasks due before this day and still open
    bool openOnly = true;
};

/**
 * The playbooks, their firings, tasks and the lifecycle in the workspace. Reads take a
 * connection of the calling thread; writes take the caller's unit of work and record an audit
 * entry in it. Any thread.
 */
namespace PlaybookStore {
QList<Playbook> playbooks(QSqlDatabase &db, QString *error = nullptr);
std::optional<Playbook> playbook(QSqlDatabase &db, qint64 id, QString *error = nullptr);
/** Inserts (id 0) or updates a playbook; its id. A changed definition keeps the evaluation state. */
std::optional<qint64> save(WriteTransaction &tx, const Playbook &playbook, const QString &actor);
bool setEnabled(WriteTransaction &tx, qint64 id, bool enabled, const QString &actor);
bool remove(WriteTransaction &tx, qint64 id, const QString &actor);

QList<PlaybookFiring> firings(QSqlDatabase &db, std::optional<qint64> accountId, bool openOnly,
                              QString *error = nullptr);
/** Snoozes an open firing until `untilDay`: it stays the account's one firing, hidden until then. */
bool snooze(WriteTransaction &tx, qint64 firingId, int untilDay, const QString &actor);
/** Closes a firing by hand; the playbook may fire again for the account after its cool-down. */
bool close(WriteTransaction &tx, qint64 firingId, const QString &actor);

QList<PlaybookTask> tasks(QSqlDatabase &db, const TaskFilter &filter, QString *error = nullptr);
bool setTaskDone(WriteTransaction &tx, qint64 taskId, bool done, const QString &actor);

QList<LifecycleStage> stages(QSqlDatabase &db);
QList<LifecycleGoal> goals(QSqlDatabase &db, QString *error = nullptr);
QList<StageVisit> stageHistory(QSqlDatabase &db, qint64 accountId);
/** Moves an account to a stage (a key) as of `day`, closing its current visit; false if unknown. */
bool moveStage(WriteTransaction &tx, qint64 accountId, const QString &stageKey, int day, const QString &actor,
               const QString &reason);

/** Every playbook and lifecycle goal, as the export file holds them. */
QJsonObject exportJson(QSqlDatabase &db, QString *error = nullptr);
/**
 * Imports an export: playbooks are matched by name (updated, or added disabled unless the file
 * enables them), goals by their stages. Refuses the whole file on the first invalid playbook.
 */
bool importJson(WriteTransaction &tx, const QJsonObject &json, const QString &actor, int *imported, QString *error);
} // namespace PlaybookStore
