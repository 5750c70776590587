#pragma once

#include <QObject>
#include <QTimer>

namespace pendosim {

/**
 * --exit-with-parent: tells when the process that started pendo-sim is gone, however it ended
 * (killed or crashed included). On Linux the kernel then sends SIGTERM at once (PR_SET_PDEATHSIG);
 * a check of the parent pid twice a second also covers systems without that signal. Launchers that
 * can should set the signal in the child before exec as well, which also covers a parent dying
 * while pendo-sim starts. Lives on the main thread.
 */
class ParentWatch final : public QObject
{
    Q_OBJECT

public:
    explicit ParentWatch(QObject *parent = nullptr);

    /** Starts watching the current parent process. */
    void start();

Q_SIGNALS:
    void parentGone();

private:
    void check();

    qint64 m_parentPid = 0;
    QTimer m_timer;
};

} // namespace pendosim
