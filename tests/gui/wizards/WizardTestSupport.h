#pragma once

#include "SimProcess.h"

#include "pendo/Region.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

namespace wizardtest {

inline const QByteArray writeKey = QByteArrayLiteral("bridge-test-write-key");
inline const QByteArray readOnlyKey = QByteArrayLiteral("bridge-test-read-only-key");

/** The acceptance set-up: regions us, eu and jp, the subscription in eu, a small data set. */
inline std::unique_ptr<SimProcess> startSim()
{
    return std::make_unique<SimProcess>(QStringList{
        QStringLiteral("--regions"), QStringLiteral("us,eu,jp"), QStringLiteral("--subscription-region"),
        QStringLiteral("eu"), QStringLiteral("--key"), QString::fromLatin1(writeKey), QStringLiteral("--read-only-key"),
        QString::fromLatin1(readOnlyKey), QStringLiteral("--accounts"), QStringLiteral("5"),
        QStringLiteral("--history-days"), QStringLiteral("7")});
}

/** The region table a user of this simulator gets: the environment's overrides applied. */
inline RegionTable regionsFor(const SimProcess &sim, QString *error)
{
    qputenv("PENDO_BRIDGE_REGION_URLS", sim.regionOverrides().toUtf8());
    return RegionTable::fromEnvironment(error);
}

inline QStringList simRegions()
{
    return {QStringLiteral("us"), QStringLiteral("eu"), QStringLiteral("jp")};
}

/** Queues faults for the next API requests ({"script":["hang"]}), or resets them (empty body). */
inline bool setFaults(const SimProcess &sim, const QByteArray &json)
{
    QNetworkAccessManager network;
    QUrl url = sim.url(QStringLiteral("eu"));
    url.setPath(QStringLiteral("/_sim/faults"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = json.isEmpty() ? network.deleteResource(request) : network.post(request, json);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const bool ok = finished.wait(10000) && reply->error() == QNetworkReply::NoError;
    reply->deleteLater();
    return ok;
}

/** A loopback port nothing listens on (taken from the system, then released). */
inline quint16 refusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

inline QUrl refusedUrl()
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(refusedPort());
    return url;
}

} // namespace wizardtest
