#include "SyncProgressPrinter.h"

#include <QLocale>

namespace {

constexpr qint64 redrawMs = 200;
constexpr qint64 plainLineMs = 5000;

int percentOf(const SyncProgress &progress)
{
    return progress.windowsTotal > 0 ? int(qint64(progress.windowsDone) * 100 / progress.windowsTotal) : 0;
}

} // namespace

SyncProgressPrinter::SyncProgressPrinter(QTextStream &out, QTextStream &err, bool terminal)
    : m_out(out)
    , m_err(err)
    , m_terminal(terminal)
{
}

QString SyncProgressPrinter::duration(qint64 ms)
{
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
}

QString SyncProgressPrinter::describe(const SyncProgress &progress)
{
    if (progress.windowsTotal == 0) // before planning: the catalog, the time zone
        return progress.phase.isEmpty() ? tr("Starting…") : progress.phase;
    const QLocale locale;
    QString text = tr("%1% · %2/%3 windows").arg(percentOf(progress)).arg(progress.windowsDone).arg(progress.windowsTotal);
    if (progress.windowsFailed > 0)
        text += tr(" (%1 failed)").arg(progress.windowsFailed);
    text += tr(" · %1 rows").arg(locale.toString(progress.rowsIn));
    if (progress.rowsSkipped > 0)
        text += tr(" (%1 skipped)").arg(locale.toString(progress.rowsSkipped));
    if (progress.etaMs >= 0)
        text += tr(" · ETA %1").arg(duration(progress.etaMs));
    if (!progress.phase.isEmpty())
        text += tr(" · %1").arg(progress.phase);
    return text;
}

void SyncProgressPrinter::clearLine()
{
    if (!m_terminal || m_lineWidth == 0)
        return;
    m_out << u'\r' << QString(m_lineWidth, u' ') << u'\r' << Qt::flush;
    m_lineWidth = 0;
}

void SyncProgressPrinter::update(const SyncProgress &progress)
{
    const bool first = !m_sinceLine.isValid();
    const int step = percentOf(progress) / 10;
    m_last = progress;
    if (m_terminal) {
        if (!first && m_sinceLine.elapsed() < redrawMs && progress.windowsDone < progress.windowsTotal)
            return;
        m_sinceLine.start();
        const QString line = describe(progress);
        m_out << u'\r' << line;
        if (line.size() < m_lineWidth)
            m_out << QString(m_lineWidth - line.size(), u' ');
        m_out << Qt::flush;
        m_lineWidth = std::max(m_lineWidth, line.size());
        return;
    }
    const bool phaseChanged = progress.phase != m_lastPhase;
    if (!first && step == m_lastStep && !phaseChanged && m_sinceLine.elapsed() < plainLineMs)
        return;
    m_sinceLine.start();
    m_lastStep = step;
    m_lastPhase = progress.phase;
    m_out << describe(progress) << u'\n' << Qt::flush;
}

void SyncProgressPrinter::log(const SyncLogEntry &entry)
{
    if (entry.level == SyncLogEntry::Level::Info)
        return;
    clearLine();
    QStringList where;
    if (!entry.stream.isEmpty())
        where << entry.stream;
    if (entry.appId != 0)
        where << tr("app %1").arg(entry.appId);
    if (entry.day.isValid())
        where << entry.day.toString(Qt::ISODate);
    const QString level = entry.level == SyncLogEntry::Level::Error ? tr("error") : tr("warning");
    m_err << (where.isEmpty() ? tr("%1: %2").arg(level, entry.message)
                              : tr("%1 (%2): %3").arg(level, where.join(QStringLiteral(", ")), entry.message));
    if (!entry.errorClass.isEmpty())
        m_err << QStringLiteral(" [%1]").arg(entry.errorClass);
    m_err << u'\n' << Qt::flush;
    if (m_terminal && m_sinceLine.isValid()) {
        const QString line = describe(m_last);
        m_out << u'\r' << line << Qt::flush;
        m_lineWidth = line.size();
    }
}

void SyncProgressPrinter::finish()
{
    if (!m_terminal || m_lineWidth == 0)
        return;
    clearLine();
    m_out << describe(m_last) << u'\n' << Qt::flush;
}
