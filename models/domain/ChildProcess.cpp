#include "ChildProcess.h"

#include <QProcess>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

void endWithThisProcess(QProcess &process)
{
#ifdef Q_OS_LINUX
    const pid_t self = ::getpid();
    process.setChildProcessModifier([self] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != self)
            ::_exit(1);
    });
#else
    Q_UNUSED(process);
#endif
}
