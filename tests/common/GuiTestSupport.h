#pragma once

#include <QCoreApplication>
#include <QDir>
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

/**
 * With BRIDGE_SCREENSHOT_DIR set, saves a picture of the window that holds `widget` as NAME.png,
 * so a person can look at what a test step shows.
 */
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("BRIDGE_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QDir().mkpath(dir);
    // Let queued shows and layout requests settle, so the picture is what a user would see.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    widget->window()->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

inline void saveScreenshot(QWidget &widget, const char *name)
{
    saveScreenshot(&widget, QString::fromUtf8(name));
}

inline void saveScreenshot(QWidget *widget, const char *name)
{
    saveScreenshot(widget, QString::fromUtf8(name));
}
