#pragma once

class QProcess;

/**
 * Makes a child process that `process` will start end when this process dies, also when it is
 * killed or crashes (Linux: the kernel sends the child SIGTERM). Set in the child before exec, so
 * there is no window after exec; the child also gives up at once when this process died while it
 * was being created. Elsewhere a no-op. Call before QProcess::start(), on the thread that starts it
 * and that lives as long as the child should (the parent-death signal follows that thread).
 */
void endWithThisProcess(QProcess &process);
