#include "SyncTypes.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

struct StreamName
{
    SyncStream stream;
    const char *key;
    int kind;
};

constexpr StreamName streamNames[] = {
    {SyncStream::Activity, "activity", 0},        {SyncStream::Features, "features", 1},
    {SyncStream::Pages, "pages", 2},              {SyncStream::Guides, "guides", 3},
    {SyncStream::TrackEvents, "track_events", 4}, {SyncStream::Aggregations, "aggregations", -1},
    {SyncStream::Reports, "reports", -1},
};

QString dayText(const QDate &day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString();
}

} // namespace

QString syncs::key(SyncStream stream)
{
    for (const StreamName &name : streamNames)
        if (name.stream == stream)
            return QString::fromLatin1(name.key);
    return {};
}

std::optional<SyncStream> syncs::streamFromKey(const QString &key)
{
    QString normalized = key.trimmed().toLower();
    normalized.replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const StreamName &name : streamNames)
        if (normalized == QLatin1String(name.key))
            return name.stream;
    return std::nullopt;
}

int syncs::activityKind(SyncStream stream)
{
    for (const StreamName &name : streamNames)
        if (name.stream == stream)
            return name.kind;
    return -1;
}

QString syncs::displayName(SyncStream stream)
{
    switch (stream) {
    case SyncStream::Activity:
        return QCoreApplication::translate("SyncStream", "Activity");
    case SyncStream::Features:
        return QCoreApplication::translate("SyncStream", "Features");
    case SyncStream::Pages:
        return QCoreApplication::translate("SyncStream", "Pages");
    case SyncStream::Guides:
        return QCoreApplication::translate("SyncStream", "Guides");
    case SyncStream::TrackEvents:
        return QCoreApplication::translate("SyncStream", "Track events");
    case SyncStream::Aggregations:
        return QCoreApplication::translate("SyncStream", "Aggregations");
    case SyncStream::Reports:
        return QCoreApplication::translate("SyncStream", "Reports");
    }
    return {};
}

const QList<SyncStream> &syncs::allStreams()
{
    static const QList<SyncStream> streams{SyncStream::Activity, SyncStream::Features,    SyncStream::Pages,
                                           SyncStream::Guides,   SyncStream::TrackEvents, SyncStream::Aggregations,
                                           SyncStream::Reports};
    return streams;
}

std::optional<QList<SyncStream>> syncs::parseStreams(const QString &list, QString *error)
{
    QList<SyncStream> streams;
    for (const QString &part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto stream = streamFromKey(part);
        if (!stream) {
            if (error)
                *error = QCoreApplication::translate("SyncStream",
                                                     "unknown stream \"%1\" (use activity, features, pages, guides, "
                                                     "track_events, aggregations or reports)")
                             .arg(part.trimmed());
            return std::nullopt;
        }
        if (!streams.contains(*stream))
            streams << *stream;
    }
    return streams;
}

QString SyncRequest::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Scheduled:
        return QStringLiteral("scheduled");
    case Kind::Manual:
        return QStringLiteral("manual");
    case Kind::Backfill:
        return QStringLiteral("backfill");
    }
    return {};
}

QString syncs::key(SyncStatus status)
{
    switch (status) {
    case SyncStatus::Running:
        return QStringLiteral("running");
    case SyncStatus::Completed:
        return QStringLiteral("completed");
    case SyncStatus::CompletedWithFailures:
        return QStringLiteral("completed_with_failures");
    case SyncStatus::Failed:
        return QStringLiteral("failed");
    case SyncStatus::Canceled:
        return QStringLiteral("canceled");
    case SyncStatus::Interrupted:
        return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<SyncStatus> syncs::statusFromKey(const QString &key)
{
    for (SyncStatus status : {SyncStatus::Running, SyncStatus::Completed, SyncStatus::CompletedWithFailures,
                              SyncStatus::Failed, SyncStatus::Canceled, SyncStatus::Interrupted})
        if (syncs::key(status) == key)
            return status;
    return std::nullopt;
}

QString SyncLogEntry::levelKey(Level level)
{
    switch (level) {
    case Level::Info:
        return QStringLiteral("info");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Error:
        return QStringLiteral("error");
    }
    return {};
}

QString SyncRunSummary::statusText() const
{
    switch (status) {
    case SyncStatus::Running:
        return QCoreApplication::translate("SyncRunSummary", "running");
    case SyncStatus::Completed:
        return QCoreApplication::translate("SyncRunSummary", "completed");
    case SyncStatus::CompletedWithFailures:
        return QCoreApplication::translate("SyncRunSummary", "completed with %n failed window(s)", nullptr,
                                           windowsFailed);
    case SyncStatus::Failed:
        return error.isEmpty() ? QCoreApplication::translate("SyncRunSummary", "failed")
                               : QCoreApplication::translate("SyncRunSummary", "failed: %1").arg(error);
    case SyncStatus::Canceled:
        return QCoreApplication::translate("SyncRunSummary", "canceled (the next run resumes it)");
    case SyncStatus::Interrupted:
        return QCoreApplication::translate("SyncRunSummary", "interrupted (the next run resumes it)");
    }
    return {};
}

QJsonObject SyncRunSummary::toJson() const
{
    QJsonObject reasons;
    for (auto it = skippedReasons.cbegin(); it != skippedReasons.cend(); ++it)
        reasons.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("runId"), runId},
        {QStringLiteral("kind"), SyncRequest::kindKey(kind)},
        {QStringLiteral("status"), syncs::key(status)},
        {QStringLiteral("statusText"), statusText()},
        {QStringLiteral("streams"), QJsonArray::fromStringList(streams)},
        {QStringLiteral("fromDay"), fromDay.isValid() ? QJsonValue(dayText(fromDay)) : QJsonValue()},
        {QStringLiteral("toDay"), toDay.isValid() ? QJsonValue(dayText(toDay)) : QJsonValue()},
        {QStringLiteral("backfillDays"), backfillDays},
        {QStringLiteral("startedAt"), startedAt},
        {QStringLiteral("finishedAt"), finishedAt.isEmpty() ? QJsonValue() : QJsonValue(finishedAt)},
        {QStringLiteral("durationMs"), durationMs},
        {QStringLiteral("windowsTotal"), windowsTotal},
        {QStringLiteral("windowsDone"), windowsDone},
        {QStringLiteral("failedWindows"), windowsFailed},
        {QStringLiteral("splitWindows"), windowsSplit},
        {QStringLiteral("rowsIn"), rowsIn},
        {QStringLiteral("rowsSkipped"), rowsSkipped},
        {QStringLiteral("skippedReasons"), reasons},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("unmatchedVisitors"), unmatchedVisitors},
        {QStringLiteral("unmatchedAccounts"), unmatchedAccounts},
        {QStringLiteral("errorClass"), errorClass.isEmpty() ? QJsonValue() : QJsonValue(errorClass)},
        {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)},
    };
}
