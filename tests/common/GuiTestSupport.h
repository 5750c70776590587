#pragma once

#include <QString>
#include <QTest>
#include <QWidget>

/**
 * The child widget named `name`, for GUI tests. A missing one (a renamed widget, say) fails the
 * running test with its name and hands back a detached stand-in, so the test ends with that
 * failure instead of crashing the whole executable.
 */
template <typename T>
T *requireChild(QObject *parent, const QString &name, const char *file = __builtin_FILE(), int line = __builtin_LINE())
{
    if (T *found = parent->findChild<T *>(name))
        return found;
    QTest::qFail(qPrintable(QStringLiteral("no child widget named '%1'").arg(name)), file, line);
    return new T; // leaked on purpose: it only exists after a failure
}
