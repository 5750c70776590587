#include "DesktopApplication.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("PendoBridge"));
    QApplication::setApplicationName(QStringLiteral("pendo-bridge"));
    QApplication::setApplicationDisplayName(QStringLiteral("Pendo Bridge"));
    QApplication::setApplicationVersion(QStringLiteral(BRIDGE_VERSION));
    DesktopApplication desktop;
    const int setup = desktop.start(QApplication::arguments());
    if (setup >= 0)
        return setup;
    return QApplication::exec();
}
