#include "CliCommands.h"
#include "ReportCommand.h"

#include "domain/Translations.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // Only `report` draws (offscreen, no display needed); every other command stays a console program.
    std::unique_ptr<QCoreApplication> application;
    if (ReportCommand::requested(argc, argv)) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("PendoBridge"));
    QCoreApplication::setApplicationName(QStringLiteral("pendo-bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BRIDGE_VERSION));
    installTranslations(app);
    CliCommands commands;
    return commands.run(QCoreApplication::arguments());
}
