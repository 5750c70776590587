#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

/**
 * Turns SIGINT and SIGTERM into a Qt signal on the thread that created it: the handler only
 * writes the signal number to a pipe (async-signal-safe), a QSocketNotifier reads it in the event
 * loop. A second signal of the same kind gets the default action, so a second Ctrl-C stops the
 * program at once (every unit of work it committed stays; the rest rolls back). The previous
 * handlers are restored when it is destroyed. One at a time per process. Main thread.
 */
class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

    /** The signal received first (SIGINT or SIGTERM), 0 when none yet. */
    int received() const { return m_received; }

Q_SIGNALS:
    void requested(int signalNumber);

private:
    void readPipe();

    std::unique_ptr<QSocketNotifier> m_notifier;
    int m_received = 0;
};
