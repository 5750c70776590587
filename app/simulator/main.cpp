// pendo-sim: builds the simulated subscription from the command line and serves it on 127.0.0.1.
#include "CrmExport.h"
#include "Dataset.h"
#include "Options.h"
#include "ParentWatch.h"
#include "SimServer.h"
#include "VisitorDays.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pendo-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BRIDGE_VERSION));

    QString message;
    bool help = false;
    const auto options = pendosim::parseSimOptions(QCoreApplication::arguments(),
                                                   QDateTime::currentMSecsSinceEpoch(), &message, &help);
    if (!options) {
        std::fputs(message.toUtf8().constData(), help ? stdout : stderr);
        std::fputs("\n", help ? stdout : stderr);
        return help ? 0 : 2;
    }

    pendosim::ParentWatch parentWatch;
    if (options->exitWithParent) {
        QObject::connect(&parentWatch, &pendosim::ParentWatch::parentGone, &app, [] { QCoreApplication::exit(0); });
        parentWatch.start();
    }

    auto data = std::make_shared<const pendosim::Dataset>(options->dataset);

    if (!options->exportCrmDir.isEmpty() || !options->exportTruthFile.isEmpty()) {
        const pendosim::CrmExport crm(*data);
        QString error;
        if (!options->exportCrmDir.isEmpty() && !crm.writeCsv(options->exportCrmDir, &error)) {
            std::fprintf(stderr, "pendo-sim: %s\n", error.toUtf8().constData());
            return 1;
        }
        if (!options->exportTruthFile.isEmpty() && !crm.writeTruth(options->exportTruthFile, &error)) {
            std::fprintf(stderr, "pendo-sim: %s\n", error.toUtf8().constData());
            return 1;
        }
    }
    if (!options->exportVisitorDaysFile.isEmpty()) {
        QString error;
        if (!pendosim::VisitorDayExport(*data).write(options->exportVisitorDaysFile, &error)) {
            std::fprintf(stderr, "pendo-sim: %s\n", error.toUtf8().constData());
            return 1;
        }
    }
    if (!options->serve)
        return 0;

    pendosim::SimServer server(data, options->server, options->faults);
    QString error;
    if (!server.listen(&error)) {
        std::fprintf(stderr, "pendo-sim: %s\n", error.toUtf8().constData());
        return 1;
    }
    for (const QByteArray &line : server.listeningLines())
        std::fprintf(stdout, "%s\n", line.constData());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
