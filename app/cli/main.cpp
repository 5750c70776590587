#include "CliCommands.h"

#include "domain/Translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PendoBridge"));
    QCoreApplication::setApplicationName(QStringLiteral("pendo-bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BRIDGE_VERSION));
    installTranslations(app);
    CliCommands commands;
    return commands.run(QCoreApplication::arguments());
}
