#pragma once

#include <QDateTime>
#include <QObject>
#include <QTimer>

class Clock;
class Database;
class WorkspaceSettings;

/**
 * The in-app schedule: emits due() when a scheduled run should start, as the workspace's
 * `sync.schedule` (off, hourly, daily) and `sync.schedule_time` (HH:mm, local time) say. It
 * follows setting changes at once and, after a sleep or a long run, fires once for what it missed
 * rather than once per missed slot. Lives on the thread that created it (the UI thread).
 */
class SyncScheduler final : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Off, Hourly, Daily };

    SyncScheduler(WorkspaceSettings &settings, Database &database, Clock &clock, QObject *parent = nullptr);

    /** The desktop app enables it; the CLI leaves it off (cron or systemd run the CLI instead). */
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    /** The next due time after `lastRun` (invalid: never ran) as seen at `now`; invalid when off. */
    static QDateTime nextDue(Mode mode, const QTime &dailyAt, const QDateTime &lastRun, const QDateTime &now);
    static Mode modeFromKey(const QString &key);
    QDateTime nextDue() const;

    /** Re-reads the settings and re-arms the timer (also called on every setting change). */
    void reschedule();
    /** The start of the last scheduled or manual run, as recorded (the UI notes manual runs too). */
    void noteRun(const QDateTime &startedAt);

Q_SIGNALS:
    void due();
    void nextDueChanged(const QDateTime &next);

private:
    void check();

    WorkspaceSettings &m_settings;
    Database &m_database;
    Clock &m_clock;
    QTimer m_timer;
    QDateTime m_lastRun;
    bool m_enabled = false;
};
