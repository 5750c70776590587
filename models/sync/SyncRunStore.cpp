#include "SyncRunStore.h"

#include "store/WriteTransaction.h"

#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include <cerrno>
#include <csignal>

bool SyncRunStore::holderIsDead(const QString &holder)
{
    const QStringList parts = holder.split(QLatin1Char('/'));
    if (parts.size() < 2 || parts[0] != QHostInfo::localHostName())
        return false;
    bool ok = false;
    const qint64 pid = parts[1].toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

bool SyncRunStore::begin(WriteTransaction &tx, const QString &holder, qint64 nowMs, qint64 leaseMs,
                         const SyncRequest &request, const QStringList &streamKeys, Begun *begun)
{
    QSqlQuery q(tx.db());
    if (!tx.exec(q, QStringLiteral("SELECT holder, expires_ms FROM sync_lease WHERE id = 1")))
        return false;
    if (q.next()) {
        const QString current = q.value(0).toString();
        const qint64 expires = q.value(1).toLongLong();
        if (current != holder && expires > nowMs && !holderIsDead(current))
            begun->otherHolder = current;
    }
    begun->leaseAcquired = begun->otherHolder.isEmpty();
    if (begun->leaseAcquired) {
        q.prepare(QStringLiteral("INSERT INTO sync_lease (id, holder, acquired_at, expires_ms) VALUES (1, :holder, "
                                 ":at, :expires) ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, "
                                 "acquired_at = excluded.acquired_at, expires_ms = excluded.expires_ms, run_id = NULL"));
        q.bindValue(QStringLiteral(":holder"), holder);
        q.bindValue(QStringLiteral(":at"), tx.nowText());
        q.bindValue(QStringLiteral(":expires"), nowMs + leaseMs);
        if (!tx.exec(q))
            return false;
        // Nobody else holds the lease, so a run still marked running was left by a holder that ended.
        q.prepare(QStringLiteral("UPDATE sync_runs SET status = 'interrupted', finished_at = COALESCE(finished_at, "
                                 ":at) WHERE status = 'running'"));
        q.bindValue(QStringLiteral(":at"), tx.nowText());
        if (!tx.exec(q))
            return false;
    }
    q.prepare(QStringLiteral("INSERT INTO sync_runs (kind, status, streams, backfill_days, holder, started_at, "
                             "finished_at, error_class, error) VALUES (:kind, :status, :streams, :days, :holder, :at, "
                             ":finished, :class, :error)"));
    q.bindValue(QStringLiteral(":kind"), SyncRequest::kindKey(request.kind));
    q.bindValue(QStringLiteral(":status"), begun->leaseAcquired ? QStringLiteral("running") : QStringLiteral("failed"));
    q.bindValue(QStringLiteral(":streams"), QString(QStringLiteral("") + streamKeys.join(QLatin1Char(','))));
    q.bindValue(QStringLiteral(":days"), request.kind == SyncRequest::Kind::Backfill ? request.backfillDays : 0);
    q.bindValue(QStringLiteral(":holder"), holder);
    q.bindValue(QStringLiteral(":at"), tx.nowText());
    q.bindValue(QStringLiteral(":finished"), begun->leaseAcquired ? QVariant() : QVariant(tx.nowText()));
    q.bindValue(QStringLiteral(":class"), begun->leaseAcquired ? QVariant() : QVariant(QStringLiteral("sync-running")));
    q.bindValue(QStringLiteral(":error"),
                begun->leaseAcquired
                    ? QVariant()
                    : QVariant(QCoreApplication::translate("SyncRunStore", "another sync is running on this "
                                                                           "workspace (%1)")
                                   .arg(begun->otherHolder)));
    if (!tx.exec(q))
        return false;
    begun->runId = q.lastInsertId().toLongLong();
    if (begun->leaseAcquired) {
        q.prepare(QStringLiteral("UPDATE sync_lease SET run_id = :run WHERE id = 1"));
        q.bindValue(QStringLiteral(":run"), begun->runId);
        return tx.exec(q);
    }
    return true;
}

bool SyncRunStore::renewLease(WriteTransaction &tx, const QString &holder, qint64 nowMs, qint64 leaseMs, bool *held)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("UPDATE sync_lease SET expires_ms = :expires WHERE id = 1 AND holder = :holder"));
    q.bindValue(QStringLiteral(":expires"), nowMs + leaseMs);
    q.bindValue(QStringLiteral(":holder"), holder);
    if (!tx.exec(q))
        return false;
    *held = q.numRowsAffected() == 1;
    return true;
}

bool SyncRunStore::recordPlan(WriteTransaction &tx, qint64 runId, const SyncPlan &plan)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("UPDATE sync_runs SET from_day = :from, to_day = :to, windows_total = :total, "
                             "streams = :streams WHERE id = :run"));
    QStringList keys;
    for (SyncStream stream : plan.streams)
        keys << syncs::key(stream);
    q.bindValue(QStringLiteral(":from"), plan.from.isValid() ? QVariant(plan.from.toJulianDay()) : QVariant());
    q.bindValue(QStringLiteral(":to"), plan.to.isValid() ? QVariant(plan.to.toJulianDay()) : QVariant());
    q.bindValue(QStringLiteral(":total"), int(plan.windows.size()));
    q.bindValue(QStringLiteral(":streams"), QString(QStringLiteral("") + keys.join(QLatin1Char(','))));
    q.bindValue(QStringLiteral(":run"), runId);
    if (!tx.exec(q))
        return false;
    for (qint64 resumed : plan.resumes) {
        q.prepare(QStringLiteral("UPDATE sync_runs SET resumed_by = :run WHERE id = :resumed"));
        q.bindValue(QStringLiteral(":run"), runId);
        q.bindValue(QStringLiteral(":resumed"), resumed);
        if (!tx.exec(q))
            return false;
    }
    return true;
}

bool SyncRunStore::countWindow(WriteTransaction &tx, qint64 runId, qint64 rows, qint64 skipped,
                               const QMap<QString, qint64> &skippedReasons, int requests, bool failed, bool split)
{
    QSqlQuery q(tx.db());
    if (!skippedReasons.isEmpty()) {
        q.prepare(QStringLiteral("SELECT skipped_reasons FROM sync_runs WHERE id = :run"));
        q.bindValue(QStringLiteral(":run"), runId);
        if (!tx.exec(q))
            return false;
        QJsonObject reasons = q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object() : QJsonObject();
        for (auto it = skippedReasons.cbegin(); it != skippedReasons.cend(); ++it)
            reasons.insert(it.key(), reasons.value(it.key()).toInteger() + it.value());
        q.prepare(QStringLiteral("UPDATE sync_runs SET skipped_reasons = :reasons WHERE id = :run"));
        q.bindValue(QStringLiteral(":reasons"), QString::fromUtf8(QJsonDocument(reasons).toJson(QJsonDocument::Compact)));
        q.bindValue(QStringLiteral(":run"), runId);
        if (!tx.exec(q))
            return false;
    }
    q.prepare(QStringLiteral("UPDATE sync_runs SET windows_done = windows_done + 1, windows_failed = windows_failed "
                             "+ :failed, windows_split = windows_split + :split, rows_in = rows_in + :rows, "
                             "rows_skipped = rows_skipped + :skipped, requests = requests + :requests WHERE id = :run"));
    q.bindValue(QStringLiteral(":failed"), failed ? 1 : 0);
    q.bindValue(QStringLiteral(":split"), split ? 1 : 0);
    q.bindValue(QStringLiteral(":rows"), rows);
    q.bindValue(QStringLiteral(":skipped"), skipped);
    q.bindValue(QStringLiteral(":requests"), requests);
    q.bindValue(QStringLiteral(":run"), runId);
    return tx.exec(q);
}

bool SyncRunStore::log(WriteTransaction &tx, const SyncLogEntry &e)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("INSERT INTO sync_log (run_id, at, level, stream, app_id, day, error_class, message) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(e.runId);
    q.addBindValue(e.at.isEmpty() ? tx.nowText() : e.at);
    q.addBindValue(SyncLogEntry::levelKey(e.level));
    q.addBindValue(e.stream.isEmpty() ? QVariant() : QVariant(e.stream));
    q.addBindValue(e.appId == 0 ? QVariant() : QVariant(e.appId));
    q.addBindValue(e.day.isValid() ? QVariant(e.day.toJulianDay()) : QVariant());
    q.addBindValue(e.errorClass.isEmpty() ? QVariant() : QVariant(e.errorClass));
    q.addBindValue(e.message);
    return tx.exec(q);
}

bool SyncRunStore::finish(WriteTransaction &tx, const QString &holder, const SyncRunSummary &s)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("UPDATE sync_runs SET status = :status, finished_at = :at, error_class = :class, "
                             "error = :error, unmatched_visitors = :uv, unmatched_accounts = :ua WHERE id = :run"));
    q.bindValue(QStringLiteral(":status"), syncs::key(s.status));
    q.bindValue(QStringLiteral(":at"), tx.nowText());
    q.bindValue(QStringLiteral(":class"), s.errorClass.isEmpty() ? QVariant() : QVariant(s.errorClass));
    q.bindValue(QStringLiteral(":error"), s.error.isEmpty() ? QVariant() : QVariant(s.error));
    q.bindValue(QStringLiteral(":uv"), s.unmatchedVisitors);
    q.bindValue(QStringLiteral(":ua"), s.unmatchedAccounts);
    q.bindValue(QStringLiteral(":run"), s.runId);
    if (!tx.exec(q))
        return false;
    q.prepare(QStringLiteral("DELETE FROM sync_lease WHERE id = 1 AND holder = :holder"));
    q.bindValue(QStringLiteral(":holder"), holder);
    return tx.exec(q);
}
