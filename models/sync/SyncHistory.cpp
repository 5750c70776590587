#include "SyncHistory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

const QString runColumns = QStringLiteral(
    "id, kind, status, streams, from_day, to_day, backfill_days, started_at, finished_at, windows_total, "
    "windows_done, windows_failed, windows_split, rows_in, rows_skipped, skipped_reasons, requests, "
    "unmatched_visitors, unmatched_accounts, error_class, error");

QDate dayOf(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromJulianDay(value.toLongLong());
}

SyncRequest::Kind kindOf(const QString &key)
{
    for (auto kind : {SyncRequest::Kind::Scheduled, SyncRequest::Kind::Manual, SyncRequest::Kind::Backfill})
        if (SyncRequest::kindKey(kind) == key)
            return kind;
    return SyncRequest::Kind::Manual;
}

qint64 msBetween(const QString &from, const QString &to)
{
    const QDateTime a = QDateTime::fromString(from, Qt::ISODateWithMs);
    const QDateTime b = QDateTime::fromString(to, Qt::ISODateWithMs);
    return a.isValid() && b.isValid() ? a.msecsTo(b) : 0;
}

SyncRunSummary summaryFrom(const QSqlQuery &q)
{
    SyncRunSummary s;
    s.runId = q.value(0).toLongLong();
    s.kind = kindOf(q.value(1).toString());
    s.status = syncs::statusFromKey(q.value(2).toString()).value_or(SyncStatus::Failed);
    s.streams = q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    s.fromDay = dayOf(q.value(4));
    s.toDay = dayOf(q.value(5));
    s.backfillDays = q.value(6).toInt();
    s.startedAt = q.value(7).toString();
    s.finishedAt = q.value(8).toString();
    s.durationMs = msBetween(s.startedAt, s.finishedAt);
    s.windowsTotal = q.value(9).toInt();
    s.windowsDone = q.value(10).toInt();
    s.windowsFailed = q.value(11).toInt();
    s.windowsSplit = q.value(12).toInt();
    s.rowsIn = q.value(13).toLongLong();
    s.rowsSkipped = q.value(14).toLongLong();
    const QJsonObject reasons = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        s.skippedReasons.insert(it.key(), it.value().toInteger());
    s.requests = q.value(16).toInt();
    s.unmatchedVisitors = q.value(17).toInt();
    s.unmatchedAccounts = q.value(18).toInt();
    s.errorClass = q.value(19).toString();
    s.error = q.value(20).toString();
    return s;
}

} // namespace

QList<SyncRunSummary> SyncHistory::runs(QSqlDatabase db, int limit, QString *error)
{
    QList<SyncRunSummary> out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM sync_runs ORDER BY id DESC LIMIT :limit").arg(runColumns));
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << summaryFrom(q);
    return out;
}

std::optional<SyncRunSummary> SyncHistory::run(QSqlDatabase db, qint64 runId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM sync_runs WHERE id = :id").arg(runColumns));
    q.bindValue(QStringLiteral(":id"), runId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return summaryFrom(q);
}

std::optional<SyncRunSummary> SyncHistory::lastRun(QSqlDatabase db)
{
    const QList<SyncRunSummary> last = runs(db, 1);
    if (last.isEmpty())
        return std::nullopt;
    return last.front();
}

QList<SyncLogEntry> SyncHistory::log(QSqlDatabase db, qint64 runId, int limit)
{
    QList<SyncLogEntry> out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT at, level, stream, app_id, day, error_class, message FROM "
                             "(SELECT * FROM sync_log WHERE run_id = :run ORDER BY id DESC LIMIT :limit) "
                             "ORDER BY id"));
    q.bindValue(QStringLiteral(":run"), runId);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        SyncLogEntry e;
        e.runId = runId;
        e.at = q.value(0).toString();
        const QString level = q.value(1).toString();
        e.level = level == QLatin1String("error")     ? SyncLogEntry::Level::Error
                  : level == QLatin1String("warning") ? SyncLogEntry::Level::Warning
                                                      : SyncLogEntry::Level::Info;
        e.stream = q.value(2).toString();
        e.appId = q.value(3).toLongLong();
        e.day = dayOf(q.value(4));
        e.errorClass = q.value(5).toString();
        e.message = q.value(6).toString();
        out << e;
    }
    return out;
}

int SyncHistory::severity(DayState state)
{
    switch (state) {
    case DayState::Missing:
        return 0;
    case DayState::Synced:
        return 1;
    case DayState::Provisional:
        return 2;
    case DayState::Failed:
        return 3;
    }
    return 0;
}

SyncHistory::DayState SyncHistory::Coverage::state(const QString &stream, const QDate &day) const
{
    const auto it = days.constFind(stream);
    if (it == days.cend())
        return DayState::Missing;
    return it->value(day, DayState::Missing);
}

SyncHistory::Coverage SyncHistory::coverage(QSqlDatabase db, const QDate &from, const QDate &to)
{
    Coverage out;
    out.from = from;
    out.to = to;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT stream, day, status FROM sync_windows WHERE day BETWEEN :from AND :to"));
    q.bindValue(QStringLiteral(":from"), from.isValid() ? from.toJulianDay() : std::numeric_limits<qint64>::min());
    q.bindValue(QStringLiteral(":to"), to.isValid() ? to.toJulianDay() : std::numeric_limits<qint64>::max());
    if (!q.exec())
        return out;
    while (q.next()) {
        const QString stream = q.value(0).toString();
        const QDate day = QDate::fromJulianDay(q.value(1).toLongLong());
        const QString status = q.value(2).toString();
        const DayState state = status == QLatin1String("failed")        ? DayState::Failed
                               : status == QLatin1String("provisional") ? DayState::Provisional
                                                                        : DayState::Synced;
        if (state == DayState::Failed)
            ++out.failedWindows;
        DayState &slot = out.days[stream][day];
        if (severity(state) > severity(slot))
            slot = state;
        const auto kind = syncs::streamFromKey(stream);
        if (state != DayState::Failed && kind && syncs::activityKind(*kind) >= 0) {
            if (!out.coveredFrom.isValid() || day < out.coveredFrom)
                out.coveredFrom = day;
            if (!out.coveredTo.isValid() || day > out.coveredTo)
                out.coveredTo = day;
        }
    }
    if (!out.from.isValid())
        out.from = out.coveredFrom;
    if (!out.to.isValid())
        out.to = out.coveredTo;
    return out;
}

QList<SyncHistory::UnmatchedId> SyncHistory::unmatched(QSqlDatabase db, int limit)
{
    QList<UnmatchedId> out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT u.object, COALESCE(v.visitor_id, a.account_id), v.account_id, u.reason, u.events, u.minutes, "
        "u.active_days, u.last_day FROM sync_unmatched u "
        "LEFT JOIN pendo_visitors v ON u.object = 'contact' AND v.id = u.pendo_ref "
        "LEFT JOIN pendo_accounts a ON u.object = 'account' AND a.id = u.pendo_ref "
        "ORDER BY u.events DESC, u.object, COALESCE(v.visitor_id, a.account_id) LIMIT :limit"));
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        UnmatchedId u;
        u.object = q.value(0).toString();
        u.pendoId = q.value(1).toString();
        u.accountId = q.value(2).toString();
        u.reason = q.value(3).toString();
        u.events = q.value(4).toLongLong();
        u.minutes = q.value(5).toLongLong();
        u.activeDays = q.value(6).toInt();
        u.lastDay = dayOf(q.value(7));
        out << u;
    }
    return out;
}
