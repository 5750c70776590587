#include "SyncPlanner.h"

#include "ConfigStore.h"
#include "store/WorkspaceSettings.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {

/** Requests a window takes on average when no earlier run says otherwise. */
constexpr double defaultRequestsPerWindow = 1.2;
/** Milliseconds of run time per request when no earlier run says otherwise (with 4 in flight). Earlier
 * runs' own pace already includes how many requests they had in flight. */
constexpr qint64 defaultMsPerRequest = 250;

bool isActivityStream(SyncStream stream)
{
    return syncs::activityKind(stream) >= 0;
}

StreamKind streamKind(SyncStream stream)
{
    switch (stream) {
    case SyncStream::Features:
        return StreamKind::Features;
    case SyncStream::Pages:
        return StreamKind::Pages;
    case SyncStream::Guides:
        return StreamKind::Guides;
    default:
        return StreamKind::TrackEvents;
    }
}

} // namespace

QString SyncPlanner::checkpointKey(const QString &streamKey, qint64 appId, const QDate &day)
{
    return streamKey + QLatin1Char('|') + QString::number(appId) + QLatin1Char('|') + QString::number(day.toJulianDay());
}

QList<SyncStream> SyncPlanner::streamsFor(const SyncRequest &request, const IntegrationConfig &config)
{
    QList<SyncStream> out;
    for (SyncStream stream : syncs::allStreams()) {
        bool wanted = false;
        switch (stream) {
        case SyncStream::Activity:
            wanted = true;
            break;
        case SyncStream::Features:
        case SyncStream::Pages:
        case SyncStream::Guides:
        case SyncStream::TrackEvents:
            wanted = request.streams.isEmpty() ? config.stream(streamKind(stream)).enabled : true;
            break;
        case SyncStream::Aggregations:
            wanted = !config.aggregations.isEmpty();
            break;
        case SyncStream::Reports:
            wanted = !config.reports.isEmpty();
            break;
        }
        if (!request.streams.isEmpty() && !request.streams.contains(stream))
            wanted = false;
        if (wanted)
            out << stream;
    }
    return out;
}

SyncPlan SyncPlanner::plan(const Inputs &in)
{
    SyncPlan plan;
    plan.today = in.today;
    plan.streams = streamsFor(in.request, in.config);
    plan.apps = in.apps;
    const int settle = std::max(1, in.settleDays);

    // The days asked for: a backfill reaches back N days; other runs continue from the last covered
    // day (a first run covers firstSyncDays); every run includes the settle window.
    QDate from;
    if (in.request.kind == SyncRequest::Kind::Backfill)
        from = in.today.addDays(-(std::clamp(in.request.backfillDays, 1, syncs::maxBackfillDays) - 1));
    else if (in.lastCovered.isValid())
        from = std::min(in.lastCovered.addDays(1), in.today);
    else
        from = in.today.addDays(-(syncs::firstSyncDays - 1));
    from = std::min(from, in.today.addDays(-(settle - 1)));
    from = std::max(from, in.today.addDays(-(syncs::maxBackfillDays - 1)));

    struct DayRange
    {
        QDate from, to;
        QList<SyncStream> streams; // empty: all of the plan's
    };
    QList<DayRange> ranges{{from, in.today, {}}};
    for (const Inputs::Resume &resume : in.resumes) {
        if (!resume.from.isValid() || !resume.to.isValid())
            continue;
        ranges << DayRange{std::max(resume.from, in.today.addDays(-(syncs::maxBackfillDays - 1))),
                           std::min(resume.to, in.today), resume.streams};
        plan.resumes << resume.runId;
    }

    QSet<QString> planned;
    const auto consider = [&](SyncStream stream, const QString &key, qint64 app, const QDate &day, int mapping,
                              bool inRange) {
        const QString ck = checkpointKey(key, app, day);
        if (planned.contains(ck))
            return;
        const auto found = in.checkpoints.constFind(ck);
        const bool young = in.today.toJulianDay() - day.toJulianDay() < settle;
        const bool settled = found != in.checkpoints.cend() && found->status == QLatin1String("synced");
        if (settled && !young) {
            if (inRange)
                ++plan.skipped;
            return;
        }
        // Outside the asked range only what is unfinished is pulled (provisional or failed windows).
        if (!inRange && found == in.checkpoints.cend())
            return;
        planned.insert(ck);
        SyncWindow w;
        w.stream = stream;
        w.appId = app;
        w.day = day;
        w.mapping = mapping;
        w.key = key;
        w.provisional = young;
        w.attempts = found != in.checkpoints.cend() ? found->attempts : 0;
        plan.windows << w;
    };

    const auto planDay = [&](const QDate &day, const QList<SyncStream> &only, bool inRange) {
        for (SyncStream stream : plan.streams) {
            if (!only.isEmpty() && !only.contains(stream))
                continue;
            if (isActivityStream(stream)) {
                for (qint64 app : in.apps)
                    consider(stream, syncs::key(stream), app, day, -1, inRange);
            } else if (stream == SyncStream::Aggregations) {
                for (int i = 0; i < in.config.aggregations.size(); ++i)
                    consider(stream, QStringLiteral("aggregation:") + in.config.aggregations[i].name, 0, day, i,
                             inRange);
            } else if (stream == SyncStream::Reports && day == in.today) {
                // A saved report answers for its own period as of now: one snapshot per run, dated today.
                for (int i = 0; i < in.config.reports.size(); ++i)
                    consider(stream, QStringLiteral("report:") + in.config.reports[i].reportId, 0, day, i, inRange);
            }
        }
    };

    for (const DayRange &range : ranges) {
        for (QDate day = range.to; day >= range.from; day = day.addDays(-1))
            planDay(day, range.streams, true);
        plan.from = plan.from.isValid() ? std::min(plan.from, range.from) : range.from;
    }
    plan.to = in.today;
    // Unfinished windows anywhere in the last year: provisional ones settle, failed ones are retried.
    QList<QDate> unfinishedDays;
    for (auto it = in.checkpoints.cbegin(); it != in.checkpoints.cend(); ++it) {
        if (it->status == QLatin1String("synced"))
            continue;
        const QDate day = QDate::fromJulianDay(it.key().section(QLatin1Char('|'), 2, 2).toLongLong());
        if (day.isValid() && day < plan.from && day >= in.today.addDays(-(syncs::maxBackfillDays - 1))
            && !unfinishedDays.contains(day))
            unfinishedDays << day;
    }
    std::sort(unfinishedDays.begin(), unfinishedDays.end(), std::greater<>());
    for (const QDate &day : unfinishedDays) {
        planDay(day, {}, false);
        plan.from = std::min(plan.from, day);
    }
    std::stable_sort(plan.windows.begin(), plan.windows.end(),
                     [](const SyncWindow &a, const SyncWindow &b) { return a.day > b.day; });
    return plan;
}

QDate SyncPlanner::today(qint64 nowMs, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
}

QTimeZone SyncPlanner::workspaceZone(QSqlDatabase db)
{
    const QString id = WorkspaceSettings::read(db, WorkspaceSettings::Key::TimeZone).toString();
    const QTimeZone zone(id.toUtf8());
    return id.isEmpty() || !zone.isValid() ? QTimeZone::utc() : zone;
}

bool SyncPlanner::read(QSqlDatabase db, const SyncRequest &request, qint64 nowMs, Inputs *in, QString *error)
{
    in->request = request;
    in->today = today(nowMs, workspaceZone(db));
    in->settleDays = WorkspaceSettings::read(db, WorkspaceSettings::Key::SettleDays).toInt();
    QString configError;
    in->config = ConfigStore::current(db, &configError);
    if (!configError.isEmpty()) {
        *error = configError;
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT app_id FROM pendo_apps WHERE deleted_at IS NULL ORDER BY app_id"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        in->apps << q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("SELECT stream, app_id, day, status, attempts FROM sync_windows"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const QDate day = QDate::fromJulianDay(q.value(2).toLongLong());
        in->checkpoints.insert(checkpointKey(q.value(0).toString(), q.value(1).toLongLong(), day),
                               WindowCheckpoint{q.value(3).toString(), q.value(4).toInt()});
    }
    if (q.exec(QStringLiteral("SELECT MAX(day) FROM sync_windows WHERE stream = 'activity' AND status <> 'failed'"))
        && q.next() && !q.value(0).isNull())
        in->lastCovered = QDate::fromJulianDay(q.value(0).toLongLong());
    if (!q.exec(QStringLiteral("SELECT id, from_day, to_day, streams FROM sync_runs WHERE status IN ('interrupted', "
                               "'canceled') AND resumed_by IS NULL AND from_day IS NOT NULL ORDER BY id"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        Inputs::Resume r;
        r.runId = q.value(0).toLongLong();
        r.from = QDate::fromJulianDay(q.value(1).toLongLong());
        r.to = QDate::fromJulianDay(q.value(2).toLongLong());
        for (const QString &key : q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (const auto stream = syncs::streamFromKey(key))
                r.streams << *stream;
        in->resumes << r;
    }
    return true;
}

SyncEstimate SyncPlanner::estimate(QSqlDatabase db, const SyncRequest &request, qint64 nowMs)
{
    SyncEstimate out;
    Inputs in;
    QString error;
    if (!read(db, request, nowMs, &in, &error))
        return out;
    const SyncPlan p = plan(in);
    out.windows = int(p.windows.size());
    out.windowsSkipped = p.skipped;
    out.apps = int(p.apps.size());
    out.streams = p.streams;
    out.fromDay = p.from;
    out.toDay = p.to;
    double requestsPerWindow = defaultRequestsPerWindow;
    double msPerRequest = double(defaultMsPerRequest);
    QSqlQuery q(db);
    // The pace of recent runs that pulled something: requests per window and run time per request.
    if (q.exec(QStringLiteral("SELECT SUM(requests), SUM(windows_done) FROM (SELECT requests, windows_done FROM "
                              "sync_runs WHERE status IN ('completed', 'completed_with_failures') AND windows_done > 0 "
                              "ORDER BY id DESC LIMIT 5)"))
        && q.next() && q.value(1).toLongLong() > 0)
        requestsPerWindow = std::max(1.0, q.value(0).toDouble() / q.value(1).toDouble());
    if (q.exec(QStringLiteral("SELECT started_at, finished_at, requests FROM sync_runs WHERE status IN ('completed', "
                              "'completed_with_failures') AND requests > 10 ORDER BY id DESC LIMIT 5"))) {
        qint64 ms = 0, requests = 0;
        while (q.next()) {
            const QDateTime a = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
            const QDateTime b = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
            if (a.isValid() && b.isValid()) {
                ms += a.msecsTo(b);
                requests += q.value(2).toLongLong();
            }
        }
        if (requests > 0)
            msPerRequest = double(ms) / double(requests);
    }
    out.requests = int(std::ceil(out.windows * requestsPerWindow));
    out.durationMs = qint64(out.requests * msPerRequest);
    return out;
}
