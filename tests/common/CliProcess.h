#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

/** One run of pendo-bridge-cli (BRIDGE_CLI_PATH) as a script would make it. */
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

inline CliResult runCli(const QString &workspace, const QStringList &args,
                        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                        const QByteArray &standardInput = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(BRIDGE_CLI_PATH), QStringList{QStringLiteral("--workspace"), workspace} + args);
    process.write(standardInput);
    process.closeWriteChannel();
    CliResult result;
    if (!process.waitForFinished(120000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
