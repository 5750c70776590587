#include "SyncPresentation.h"

#include <QDateTime>
#include <QLocale>

QColor SyncPresentation::stateColor(SyncHistory::DayState state)
{
    // Distinguishable for the common colour-vision deficiencies: blue, amber, red, light grey.
    switch (state) {
    case SyncHistory::DayState::Synced:
        return QColor(0x2b, 0x83, 0xba);
    case SyncHistory::DayState::Provisional:
        return QColor(0xfd, 0xae, 0x61);
    case SyncHistory::DayState::Failed:
        return QColor(0xd7, 0x19, 0x1c);
    case SyncHistory::DayState::Missing:
        break;
    }
    return QColor(0xe3, 0xe6, 0xea);
}

QColor SyncPresentation::levelColor(SyncLogEntry::Level level)
{
    switch (level) {
    case SyncLogEntry::Level::Warning:
        return QColor(0x8a, 0x4b, 0x00);
    case SyncLogEntry::Level::Error:
        return stateColor(SyncHistory::DayState::Failed);
    case SyncLogEntry::Level::Info:
        break;
    }
    return {};
}

QList<SyncHistory::DayState> SyncPresentation::legendStates()
{
    return {SyncHistory::DayState::Synced, SyncHistory::DayState::Provisional, SyncHistory::DayState::Failed,
            SyncHistory::DayState::Missing};
}

QString SyncPresentation::stateName(SyncHistory::DayState state)
{
    switch (state) {
    case SyncHistory::DayState::Synced:
        return tr("synced");
    case SyncHistory::DayState::Provisional:
        return tr("provisional");
    case SyncHistory::DayState::Failed:
        return tr("failed");
    case SyncHistory::DayState::Missing:
        break;
    }
    return tr("missing");
}

QString SyncPresentation::kindName(SyncRequest::Kind kind)
{
    switch (kind) {
    case SyncRequest::Kind::Scheduled:
        return tr("Scheduled");
    case SyncRequest::Kind::Backfill:
        return tr("Backfill");
    case SyncRequest::Kind::Manual:
        break;
    }
    return tr("Manual");
}

QString SyncPresentation::levelName(SyncLogEntry::Level level)
{
    switch (level) {
    case SyncLogEntry::Level::Warning:
        return tr("Warning");
    case SyncLogEntry::Level::Error:
        return tr("Error");
    case SyncLogEntry::Level::Info:
        break;
    }
    return tr("Info");
}

std::optional<SyncStream> SyncPresentation::streamOfWindow(const QString &windowKey)
{
    if (windowKey.startsWith(QLatin1String("aggregation:")))
        return SyncStream::Aggregations;
    if (windowKey.startsWith(QLatin1String("report:")))
        return SyncStream::Reports;
    return syncs::streamFromKey(windowKey);
}

QString SyncPresentation::streamName(const QString &streamKey)
{
    if (const auto stream = syncs::streamFromKey(streamKey))
        return syncs::displayName(*stream);
    // Checkpoint keys of metric streams name the mapping: "aggregation:NAME", "report:ID".
    const qsizetype colon = streamKey.indexOf(u':');
    if (colon > 0) {
        const QString prefix = streamKey.left(colon);
        const QString name = streamKey.mid(colon + 1);
        if (prefix == QLatin1String("aggregation"))
            return tr("Aggregation: %1").arg(name);
        if (prefix == QLatin1String("report"))
            return tr("Report: %1").arg(name);
    }
    return streamKey;
}

QString SyncPresentation::duration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, (ms + 500) / 1000);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return seconds % 60 == 0 ? tr("%1 min").arg(minutes) : tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    return minutes % 60 == 0 ? tr("%1 h").arg(minutes / 60) : tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString SyncPresentation::localTime(const QString &isoUtc)
{
    const QDateTime at = QDateTime::fromString(isoUtc, Qt::ISODateWithMs);
    if (!at.isValid())
        return isoUtc;
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}
