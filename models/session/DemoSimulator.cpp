#include "DemoSimulator.h"

#include "domain/ChildProcess.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QStringList regions{QStringLiteral("us"), QStringLiteral("us1"), QStringLiteral("eu"), QStringLiteral("jp"),
                          QStringLiteral("au")};

} // namespace

DemoSimulator::DemoSimulator(QString workDir, QObject *parent)
    : QObject(parent)
    , m_workDir(std::move(workDir))
{
    // The simulator must not outlive the app, also when the app is killed or crashes.
    endWithThisProcess(m_process);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoSimulator::readLines);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (!m_ready)
            Q_EMIT failed(tr("The Pendo simulator could not start: %1").arg(m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code) {
        if (!m_ready)
            Q_EMIT failed(tr("The Pendo simulator stopped (exit code %1): %2")
                              .arg(code)
                              .arg(QString::fromUtf8(m_process.readAllStandardError()).trimmed()));
    });
}

DemoSimulator::~DemoSimulator()
{
    m_process.disconnect(this);
    m_process.kill();
    m_process.waitForFinished(3000);
}

QString DemoSimulator::findExecutable()
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("pendo-sim")),
                                     here.filePath(QStringLiteral("../simulator/pendo-sim"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

QString DemoSimulator::crmDir() const
{
    return QDir(m_workDir).filePath(QStringLiteral("crm"));
}

void DemoSimulator::start()
{
    const QString executable = findExecutable();
    if (executable.isEmpty()) {
        Q_EMIT failed(tr("The Pendo simulator (pendo-sim) was not found next to this program."));
        return;
    }
    m_process.start(executable, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"),
                                 QStringLiteral("42"), QStringLiteral("--accounts"), QString::number(m_accounts),
                                 QStringLiteral("--key"), QString::fromLatin1(demoKey), QStringLiteral("--regions"),
                                 regions.join(u','), QStringLiteral("--subscription-region"), QStringLiteral("us"),
                                 QStringLiteral("--export-crm"), crmDir(), QStringLiteral("--exit-with-parent")});
}

void DemoSimulator::readLines()
{
    while (m_process.canReadLine()) {
        const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
        const QString region = line.value(QStringLiteral("region")).toString();
        const QString url = line.value(QStringLiteral("listening")).toString();
        if (region.isEmpty() || url.isEmpty())
            continue;
        m_overrides << region + u'=' + url;
        if (region == QLatin1String("us"))
            m_usUrl = QUrl(url);
    }
    if (!m_ready && m_overrides.size() == regions.size()) {
        m_ready = true;
        // Every region points at the simulator; the demo never reaches the internet.
        qputenv("PENDO_BRIDGE_REGION_URLS", m_overrides.join(u',').toUtf8());
        Q_EMIT ready();
    }
}
