#pragma once

// What the benchmarks share: their command line, the median and maximum of repeated timings, the
// simulated subscription the sync benchmarks pull and the memory figures Linux keeps for a process.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>

#include <QTimer>

#include <malloc.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

namespace bench {

/** The value after `name` on the command line ("--days 30"), or `fallback`. */
inline int intOption(int argc, char *argv[], const char *name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0)
            return std::atoi(argv[i + 1]);
    }
    return fallback;
}

/** The median and the maximum of repeated timings. */
struct Figures
{
    double median = 0;
    double max = 0;
};

inline Figures summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.back()};
}

/** pendo-sim's flags for `accounts` accounts × 25 visitors × 2 apps with 400 days of history. */
inline QStringList subscription(int accounts)
{
    return {QStringLiteral("--accounts"),      QString::number(accounts), QStringLiteral("--visitors-per-account"),
            QStringLiteral("25"),              QStringLiteral("--apps"),  QStringLiteral("2"),
            QStringLiteral("--features"),      QStringLiteral("200"),     QStringLiteral("--pages"),
            QStringLiteral("100"),             QStringLiteral("--history-days"), QStringLiteral("400")};
}

/** A "VmHWM"-style field of /proc/PID/status (or self) in kB; -1 when it cannot be read. */
inline long statusKb(const char *field, qint64 pid = 0)
{
    QFile status(pid > 0 ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').front().toLong();
    }
    return -1;
}

/** Resets VmHWM to the current RSS, so the next peak belongs to what runs next; false when not allowed. */
inline bool resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    return refs.open(QIODevice::WriteOnly) && refs.write("5") == 1;
}

inline double mb(long kb)
{
    return kb / 1024.0;
}

/** Gives the heap malloc keeps free back to the system, so that the next peak is the next step's own. */
inline void trimHeap()
{
    malloc_trim(0);
}

/** CPU time (user + system) of this process, or of another one from /proc/PID/stat, in seconds. */
inline double cpuSeconds(qint64 pid = 0)
{
    if (pid <= 0) {
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // After "pid (name) ": state is field 3, utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/**
 * The largest resident size seen in each phase of a run (sampled every 100 ms and whenever asked),
 * in the order the phases came: where a run's memory grows.
 */
class PhaseMemory final
{
public:
    PhaseMemory()
    {
        m_timer.setInterval(100);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { sample(); });
    }

    void start()
    {
        enter(QStringLiteral("starting"));
        m_timer.start();
    }
    void stop()
    {
        sample();
        m_timer.stop();
    }
    void enter(const QString &phase)
    {
        if (m_phases.empty() || m_phases.back().name != phase)
            m_phases.push_back({phase, 0});
        sample();
    }
    void sample()
    {
        if (m_phases.empty())
            return;
        m_phases.back().rssKb = std::max(m_phases.back().rssKb, statusKb("VmRSS"));
    }
    void print() const
    {
        std::printf("  rss by phase (largest seen, MB):\n");
        for (const Phase &phase : m_phases)
            std::printf("    %6.0f  %s\n", mb(phase.rssKb), qPrintable(phase.name));
    }

private:
    struct Phase
    {
        QString name;
        long rssKb = 0;
    };
    QTimer m_timer;
    std::vector<Phase> m_phases;
};

} // namespace bench
