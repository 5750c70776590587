#pragma once

// What Linux's /proc tells about other processes, for tests of process lifetimes.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QSet>
#include <QString>

#include <unistd.h>

namespace procfs {

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** State letter and parent pid from /proc/PID/stat; the name in parentheses may itself hold spaces. */
struct Stat
{
    char state = 0;
    qint64 parent = 0;
};

inline Stat stat(qint64 pid)
{
    const QByteArray text = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() < 2 || fields.at(0).isEmpty())
        return {};
    return Stat {fields.at(0).at(0), fields.at(1).toLongLong()};
}

/** True while the process exists and has not exited (a zombie waiting to be reaped has). */
inline bool isRunning(qint64 pid)
{
    const char state = stat(pid).state;
    return state != 0 && state != 'Z' && state != 'X';
}

inline qint64 parentOf(qint64 pid)
{
    return stat(pid).parent;
}

inline QByteArray commandName(qint64 pid)
{
    return readFile(QStringLiteral("/proc/%1/comm").arg(pid)).trimmed();
}

/** The running children of pid called name (found through every process's parent pid). */
inline QList<qint64> childrenNamed(qint64 pid, const QByteArray &name)
{
    QList<qint64> out;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 candidate = entry.toLongLong(&ok);
        if (ok && parentOf(candidate) == pid && isRunning(candidate) && commandName(candidate) == name)
            out << candidate;
    }
    return out;
}

/** True when pid holds a TCP socket in the LISTEN state. */
inline bool isListening(qint64 pid)
{
    QSet<QByteArray> inodes;
    const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
    for (const QString &fd : QDir(fdDir).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char target[128] = {};
        const QByteArray path = QFile::encodeName(fdDir + u'/' + fd);
        const ssize_t length = ::readlink(path.constData(), target, sizeof(target) - 1);
        const QByteArray link(target, length > 0 ? qsizetype(length) : 0);
        if (link.startsWith("socket:[") && link.endsWith(']'))
            inodes.insert(link.mid(8, link.size() - 9));
    }
    for (const QString &table : {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        const QList<QByteArray> lines = readFile(table).split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> columns = lines.at(i).simplified().split(' ');
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            if (columns.size() > 9 && columns.at(3) == "0A" && inodes.contains(columns.at(9)))
                return true;
        }
    }
    return false;
}

} // namespace procfs
