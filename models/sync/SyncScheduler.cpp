#include "SyncScheduler.h"

#include "pendo/Clock.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"

#include <QSqlQuery>

namespace {
// Wakes at least this often, so a changed wall clock (a sleep, a time-zone change) is noticed.
constexpr int maxSleepMs = 60 * 1000;
} // namespace

SyncScheduler::SyncScheduler(WorkspaceSettings &settings, Database &database, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_database(database)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncScheduler::check);
    connect(&m_settings, &WorkspaceSettings::changed, this, [this](WorkspaceSettings::Key key) {
        if (key == WorkspaceSettings::Key::ScheduleMode || key == WorkspaceSettings::Key::ScheduleTime)
            reschedule();
    });
}

void SyncScheduler::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (enabled) {
        QSqlQuery q(m_database.connection());
        if (q.exec(QStringLiteral("SELECT MAX(started_at) FROM sync_runs WHERE kind IN ('scheduled', 'manual')"))
            && q.next() && !q.value(0).isNull())
            m_lastRun = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
    }
    reschedule();
}

SyncScheduler::Mode SyncScheduler::modeFromKey(const QString &key)
{
    if (key == QLatin1String("hourly"))
        return Mode::Hourly;
    if (key == QLatin1String("daily"))
        return Mode::Daily;
    return Mode::Off;
}

QDateTime SyncScheduler::nextDue(Mode mode, const QTime &dailyAt, const QDateTime &lastRun, const QDateTime &now)
{
    switch (mode) {
    case Mode::Off:
        return {};
    case Mode::Hourly: {
        if (!lastRun.isValid())
            return now;
        const QDateTime next = lastRun.addSecs(3600);
        return next < now ? now : next; // missed slots fire once
    }
    case Mode::Daily: {
        const QTime at = dailyAt.isValid() ? dailyAt : QTime(6, 0);
        const QDateTime localNow = now.toLocalTime();
        // The most recent slot at or before now.
        QDateTime slot(localNow.date(), at);
        if (slot > localNow)
            slot = QDateTime(localNow.date().addDays(-1), at);
        const QDateTime following(slot.date().addDays(1), at);
        if (!lastRun.isValid())
            return following;
        return lastRun < slot ? now : following; // a missed slot fires once, at once
    }
    }
    return {};
}

QDateTime SyncScheduler::nextDue() const
{
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs());
    return nextDue(modeFromKey(m_settings.text(WorkspaceSettings::Key::ScheduleMode)),
                   QTime::fromString(m_settings.text(WorkspaceSettings::Key::ScheduleTime), QStringLiteral("HH:mm")),
                   m_lastRun, now);
}

void SyncScheduler::reschedule()
{
    m_timer.stop();
    const QDateTime next = m_enabled ? nextDue() : QDateTime();
    Q_EMIT nextDueChanged(next);
    if (!next.isValid())
        return;
    const qint64 wait = std::clamp<qint64>(next.toMSecsSinceEpoch() - m_clock.nowMs(), 0, maxSleepMs);
    m_timer.start(int(wait));
}

void SyncScheduler::noteRun(const QDateTime &startedAt)
{
    m_lastRun = startedAt;
    reschedule();
}

void SyncScheduler::check()
{
    const QDateTime next = nextDue();
    if (next.isValid() && next.toMSecsSinceEpoch() <= m_clock.nowMs()) {
        m_lastRun = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs());
        Q_EMIT due();
    }
    reschedule();
}
