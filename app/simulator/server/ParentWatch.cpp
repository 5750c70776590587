#include "ParentWatch.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace pendosim {

namespace {

qint64 parentPid()
{
#ifdef Q_OS_UNIX
    return qint64(::getppid());
#else
    return 0;
#endif
}

} // namespace

ParentWatch::ParentWatch(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &ParentWatch::check);
}

void ParentWatch::start()
{
#ifdef Q_OS_LINUX
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
    m_parentPid = parentPid();
    m_timer.start();
}

void ParentWatch::check()
{
    // An orphan is adopted by init or a subreaper, so its parent pid changes when the parent ends.
    if (parentPid() != m_parentPid) {
        m_timer.stop();
        Q_EMIT parentGone();
    }
}

} // namespace pendosim
