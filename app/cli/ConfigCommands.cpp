#include "ConfigCommands.h"

#include "CliCommands.h"
#include "store/Database.h"
#include "sync/ConfigStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

void printJson(QTextStream &out, const QJsonObject &object)
{
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    out.flush();
}

int exportConfig(Database &db, const QString &path, bool json, QTextStream &out, QTextStream &err)
{
    ConfigStore store(db);
    QString error;
    const QByteArray body = store.exportJson(&error);
    const int version = store.currentVersion(&error);
    if (!error.isEmpty()) {
        err << QCoreApplication::translate("ConfigCommands", "Cannot read the configuration: %1").arg(error) << u'\n';
        return ExitWorkspace;
    }
    if (path == QLatin1String("-")) {
        out << QString::fromUtf8(body);
        out.flush();
        return ExitOk;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size() || !file.commit()) {
        err << QCoreApplication::translate("ConfigCommands", "Cannot write %1: %2")
                   .arg(QDir::toNativeSeparators(path), file.errorString())
            << u'\n';
        return ExitBadInput;
    }
    if (json)
        printJson(out, {{QStringLiteral("exported"), path}, {QStringLiteral("version"), version}});
    else
        out << QCoreApplication::translate("ConfigCommands", "Exported configuration version %1 to %2\n")
                   .arg(version)
                   .arg(QDir::toNativeSeparators(path));
    return ExitOk;
}

int importConfig(Database &db, const QString &path, bool json, QTextStream &out, QTextStream &err)
{
    QByteArray body;
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err << QCoreApplication::translate("ConfigCommands", "Cannot read %1: %2")
                   .arg(QDir::toNativeSeparators(path), file.errorString())
            << u'\n';
        return ExitBadInput;
    }
    body = file.readAll();

    ConfigStore store(db);
    QString error;
    if (!IntegrationConfig::fromJsonBytes(body, &error)) {
        if (json)
            printJson(out, {{QStringLiteral("imported"), false}, {QStringLiteral("error"), error}});
        err << QCoreApplication::translate("ConfigCommands",
                                           "%1 is not a valid configuration; nothing was changed.\n  %2")
                   .arg(QDir::toNativeSeparators(path), error)
            << u'\n';
        return ExitBadInput;
    }
    const auto result = store.importJson(body, QStringLiteral("cli"), &error);
    if (!result) {
        err << QCoreApplication::translate("ConfigCommands", "Cannot save the configuration: %1").arg(error) << u'\n';
        return ExitWorkspace;
    }
    if (json) {
        printJson(out,
                  {{QStringLiteral("imported"), true},
                   {QStringLiteral("version"), result->version},
                   {QStringLiteral("created"), result->created},
                   {QStringLiteral("changes"), QJsonArray::fromStringList(result->changes)}});
    } else if (!result->created) {
        out << QCoreApplication::translate("ConfigCommands", "The configuration is unchanged (version %1).\n")
                   .arg(result->version);
    } else {
        out << QCoreApplication::translate("ConfigCommands", "Saved configuration version %1.\n").arg(result->version);
        for (const QString &change : result->changes)
            out << QStringLiteral("  ") << change << u'\n';
    }
    return ExitOk;
}

} // namespace

int runConfigCommand(Database &db, const QStringList &args, bool json, QTextStream &out, QTextStream &err)
{
    if (args.size() != 2 || (args.at(0) != QLatin1String("export") && args.at(0) != QLatin1String("import"))) {
        err << QCoreApplication::translate("ConfigCommands", "Usage: pendo-bridge-cli config export|import FILE")
            << u'\n';
        return ExitUsage;
    }
    if (args.at(0) == QLatin1String("export"))
        return exportConfig(db, args.at(1), json, out, err);
    return importConfig(db, args.at(1), json, out, err);
}
