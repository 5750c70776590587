#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>
#include <QUrl>

#include "domain/ChildProcess.h"

/**
 * Runs pendo-sim on loopback port 0 for a test and reads the listening line of every region
 * ({"listening":"http://127.0.0.1:PORT","region":"us"}). Stops the simulator when destroyed, and
 * the simulator also ends when the test process dies without destroying it (a crash, a kill).
 * Requires BRIDGE_SIM_PATH (the pendo-sim executable) to be defined for the test.
 */
class SimProcess
{
public:
    explicit SimProcess(const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        endWithThisProcess(m_process); // a crashed test leaves no simulator behind
        m_process.start(QStringLiteral(BRIDGE_SIM_PATH), QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                                                     QStringLiteral("--exit-with-parent")}
                                                             + arguments);
        if (!m_process.waitForStarted(10000)) {
            m_error = m_process.errorString();
            return;
        }
        const int expected = expectedRegions(arguments);
        while (m_urls.size() < expected) {
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(30000)) {
                m_error = QStringLiteral("pendo-sim printed no listening line: ")
                          + QString::fromUtf8(m_process.readAllStandardError());
                return;
            }
            while (m_process.canReadLine()) {
                const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
                if (line.contains(QStringLiteral("listening")))
                    m_urls.insert(line.value(QStringLiteral("region")).toString(),
                                  QUrl(line.value(QStringLiteral("listening")).toString()));
            }
        }
    }

    ~SimProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool isReady() const { return m_error.isEmpty() && !m_urls.isEmpty(); }
    qint64 pid() const { return m_process.processId(); }
    QString error() const { return m_error; }
    QUrl url(const QString &region = QStringLiteral("us")) const { return m_urls.value(region); }
    const QHash<QString, QUrl> &urls() const { return m_urls; }

    /** POSTs `body` to one of the simulator's admin paths (/_sim/faults, /_sim/keys); true on a 2xx. */
    bool admin(const QString &path, const QJsonObject &body) const
    {
        QNetworkAccessManager network;
        QUrl target = url();
        target.setPath(path);
        QNetworkRequest request(target);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok = (reply->isFinished() || done.wait(10000)) && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }

    /** "us=http://127.0.0.1:1234,eu=…" for PENDO_BRIDGE_REGION_URLS. */
    QString regionOverrides() const
    {
        QStringList entries;
        for (auto it = m_urls.cbegin(); it != m_urls.cend(); ++it)
            entries << it.key() + u'=' + it.value().toString();
        entries.sort();
        return entries.join(u',');
    }

private:
    static int expectedRegions(const QStringList &arguments)
    {
        const qsizetype at = arguments.indexOf(QStringLiteral("--regions"));
        if (at < 0 || at + 1 >= arguments.size())
            return 1;
        return int(arguments.at(at + 1).split(u',', Qt::SkipEmptyParts).size());
    }

    QProcess m_process;
    QHash<QString, QUrl> m_urls;
    QString m_error;
};
