#include "PlaybookEngine.h"

#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QDate>
#include <QPointer>
#include <QtConcurrent>

namespace {

/** Runs `read` on a pool thread with that thread's connection, then `deliver` on `context`'s thread. */
template <typename Result, typename Read, typename Deliver>
void readOnPool(QObject *owner, Database &database, QObject *context, Read read, Deliver deliver)
{
    QPointer<QObject> guard(context);
    Database *db = &database;
    QtConcurrent::run([db, read] {
        Result result;
        {
            ScopedConnection connection(*db);
            if (connection.isValid())
                result = read(connection.db());
        }
        return result;
    }).then(owner, [guard, deliver](const Result &result) {
        if (guard)
            deliver(result);
    });
}

} // namespace

PlaybookEngine::PlaybookEngine(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    qRegisterMetaType<PlaybookRunSummary>();
    connect(&m_watcher, &QFutureWatcher<PlaybookRunSummary>::finished, this, [this] {
        m_running = false;
        const PlaybookRunSummary summary = m_watcher.future().result();
        Q_EMIT finished(summary);
        if (summary.fired > 0 || summary.resolved > 0 || summary.stageMoves > 0 || summary.actionsDone > 0)
            Q_EMIT changed();
        startNext();
    });
}

PlaybookEngine::~PlaybookEngine()
{
    m_pending.reset();
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void PlaybookEngine::evaluate(const PlaybookRunOptions &options)
{
    m_pending = options;
    if (!m_running)
        startNext();
}

void PlaybookEngine::waitForIdle()
{
    while (m_running || m_pending) {
        m_watcher.waitForFinished();
        QCoreApplication::sendPostedEvents(&m_watcher);
        QCoreApplication::processEvents();
    }
}

void PlaybookEngine::startNext()
{
    if (!m_pending || m_running)
        return;
    const PlaybookRunOptions options = *m_pending;
    m_pending.reset();
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT started();
    Database *database = &m_database;
    const auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([database, options, cancel] {
        const PlaybookRunSummary summary = PlaybookRunner::run(*database, options, cancel.get());
        database->releaseThreadConnection();
        return summary;
    }));
}

void PlaybookEngine::dryRun(const QList<Playbook> &playbooks, int days, QObject *context,
                            std::function<void(const QList<DryRunResult> &, const QString &)> done)
{
    QPointer<QObject> guard(context);
    Database *database = &m_database;
    QtConcurrent::run([database, playbooks, days] {
        QString error;
        QList<DryRunResult> results = PlaybookRunner::dryRun(*database, playbooks, days, &error);
        database->releaseThreadConnection();
        return std::make_pair(results, error);
    }).then(this, [guard, done = std::move(done)](const std::pair<QList<DryRunResult>, QString> &out) {
        if (guard)
            done(out.first, out.second);
    });
}

void PlaybookEngine::write(const QString &label, std::function<bool(WriteTransaction &)> job, QObject *context, Done done)
{
    QPointer<QObject> guard(context);
    m_database.writer()
        .submit(label, [job = std::move(job)](WriteTransaction &tx) { return job(tx) ? StoreError() : tx.error(); })
        .then(this, [this, guard, done = std::move(done)](const StoreError &error) {
            if (!error)
                Q_EMIT changed();
            if (guard && done)
                done(error.message());
        });
}

void PlaybookEngine::save(const Playbook &playbook, const QString &actor, QObject *context,
                          std::function<void(qint64 id, const QString &error)> done)
{
    auto id = std::make_shared<qint64>(0);
    write(
        QStringLiteral("playbook.save"),
        [playbook, actor, id](WriteTransaction &tx) {
            const std::optional<qint64> saved = PlaybookStore::save(tx, playbook, actor);
            *id = saved.value_or(0);
            return saved.has_value();
        },
        context, [id, done = std::move(done)](const QString &error) { done(error.isEmpty() ? *id : 0, error); });
}

void PlaybookEngine::setEnabled(qint64 id, bool enabled, const QString &actor, QObject *context, Done done)
{
    write(QStringLiteral("playbook.enable"),
          [id, enabled, actor](WriteTransaction &tx) { return PlaybookStore::setEnabled(tx, id, enabled, actor); },
          context, std::move(done));
}

void PlaybookEngine::remove(qint64 id, const QString &actor, QObject *context, Done done)
{
    write(QStringLiteral("playbook.delete"),
          [id, actor](WriteTransaction &tx) { return PlaybookStore::remove(tx, id, actor); }, context, std::move(done));
}

void PlaybookEngine::snooze(qint64 firingId, int untilDay, const QString &actor, QObject *context, Done done)
{
    write(QStringLiteral("firing.snooze"),
          [firingId, untilDay, actor](WriteTransaction &tx) { return PlaybookStore::snooze(tx, firingId, untilDay, actor); },
          context, std::move(done));
}

void PlaybookEngine::closeFiring(qint64 firingId, const QString &actor, QObject *context, Done done)
{
    write(QStringLiteral("firing.close"),
          [firingId, actor](WriteTransaction &tx) { return PlaybookStore::close(tx, firingId, actor); }, context,
          std::move(done));
}

void PlaybookEngine::setTaskDone(qint64 taskId, bool isDone, const QString &actor, QObject *context, Done done)
{
    write(QStringLiteral("task.done"),
          [taskId, isDone, actor](WriteTransaction &tx) { return PlaybookStore::setTaskDone(tx, taskId, isDone, actor); },
          context, std::move(done));
}

void PlaybookEngine::moveStage(qint64 accountId, const QString &stageKey, const QString &actor, const QString &reason,
                               QObject *context, Done done)
{
    write(QStringLiteral("lifecycle.move"),
          [accountId, stageKey, actor, reason](WriteTransaction &tx) {
              const int today = int(tx.now().date().toJulianDay());
              return PlaybookStore::moveStage(tx, accountId, stageKey, today, actor, reason);
          },
          context, std::move(done));
}

void PlaybookEngine::readPlaybooks(QObject *context,
                                   std::function<void(const QList<Playbook> &, const QString &)> done)
{
    using Result = std::pair<QList<Playbook>, QString>;
    readOnPool<Result>(
        this, m_database, context,
        [](QSqlDatabase &db) {
            Result r;
            r.first = PlaybookStore::playbooks(db, &r.second);
            return r;
        },
        [done = std::move(done)](const Result &r) { done(r.first, r.second); });
}

void PlaybookEngine::readFirings(std::optional<qint64> accountId, bool openOnly, QObject *context,
                                 std::function<void(const QList<PlaybookFiring> &, const QString &)> done)
{
    using Result = std::pair<QList<PlaybookFiring>, QString>;
    readOnPool<Result>(
        this, m_database, context,
        [accountId, openOnly](QSqlDatabase &db) {
            Result r;
            r.first = PlaybookStore::firings(db, accountId, openOnly, &r.second);
            return r;
        },
        [done = std::move(done)](const Result &r) { done(r.first, r.second); });
}

void PlaybookEngine::readTasks(const TaskFilter &filter, QObject *context,
                               std::function<void(const QList<PlaybookTask> &, const QString &)> done)
{
    using Result = std::pair<QList<PlaybookTask>, QString>;
    readOnPool<Result>(
        this, m_database, context,
        [filter](QSqlDatabase &db) {
            Result r;
            r.first = PlaybookStore::tasks(db, filter, &r.second);
            return r;
        },
        [done = std::move(done)](const Result &r) { done(r.first, r.second); });
}

void PlaybookEngine::readStages(QObject *context, std::function<void(const QList<LifecycleStage> &)> done)
{
    readOnPool<QList<LifecycleStage>>(
        this, m_database, context, [](QSqlDatabase &db) { return PlaybookStore::stages(db); }, std::move(done));
}

void PlaybookEngine::readStageHistory(qint64 accountId, QObject *context,
                                      std::function<void(const QList<StageVisit> &)> done)
{
    readOnPool<QList<StageVisit>>(
        this, m_database, context, [accountId](QSqlDatabase &db) { return PlaybookStore::stageHistory(db, accountId); },
        std::move(done));
}
