#pragma once

#include "Dataset.h"
#include "Json.h"
#include "SimServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

#include <memory>
#include <optional>

namespace simtest {

inline const QByteArray kKey = QByteArrayLiteral("test-key");
inline const QByteArray kReadOnlyKey = QByteArrayLiteral("test-read-key");
/** 2024-03-20T15:30:00Z: a Wednesday afternoon in New York, ten days after the DST switch. */
constexpr std::int64_t kNow = 1710948600000;

inline pendosim::DatasetConfig smallConfig(std::uint64_t seed = 7)
{
    pendosim::DatasetConfig c;
    c.seed = seed;
    c.accounts = 20;
    c.visitorsPerAccount = 6;
    c.historyDays = 120;
    c.nowMs = kNow;
    return c;
}

/** What a test needs of a reply: status, body, headers, transport error. */
struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QList<QNetworkReply::RawHeaderPair> headers;

    std::optional<pendosim::Value> json() const
    {
        std::string message;
        return pendosim::parseJson(std::string_view(body.constData(), static_cast<std::size_t>(body.size())), &message);
    }
};

/** An in-process simulator on free loopback ports plus a client; lives on the test thread. */
class SimFixture
{
public:
    explicit SimFixture(const pendosim::DatasetConfig &config = smallConfig(), pendosim::ServerConfig server = {},
                        pendosim::FaultConfig faults = {})
    {
        if (server.keys.isEmpty()) {
            server.keys << QString::fromLatin1(kKey);
            server.readOnlyKeys << QString::fromLatin1(kReadOnlyKey);
        }
        m_data = std::make_shared<const pendosim::Dataset>(config);
        m_server = std::make_unique<pendosim::SimServer>(m_data, server, faults);
        QString error;
        m_ok = m_server->listen(&error);
    }

    bool ok() const { return m_ok; }
    pendosim::SimServer &server() { return *m_server; }
    const pendosim::Dataset &data() const { return *m_data; }
    QNetworkAccessManager &nam() { return m_nam; }

    QUrl url(const QString &path, int listener = 0) const
    {
        return QUrl(m_server->listeners().at(static_cast<std::size_t>(listener)).url() + path);
    }

    QNetworkRequest request(const QString &path, const QByteArray &key = kKey, int listener = 0) const
    {
        QNetworkRequest r(url(path, listener));
        if (!key.isNull())
            r.setRawHeader("x-pendo-integration-key", key);
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        r.setTransferTimeout(60'000);
        return r;
    }

    static Reply wait(QNetworkReply *reply, int timeoutMs = 60'000)
    {
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(timeoutMs);
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.error = reply->error();
        r.contentType = reply->rawHeader("Content-Type");
        r.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return r;
    }

    Reply get(const QString &path, const QByteArray &key = kKey, int listener = 0)
    {
        return wait(m_nam.get(request(path, key, listener)));
    }

    Reply post(const QString &path, const QByteArray &body, const QByteArray &key = kKey)
    {
        return wait(m_nam.post(request(path, key), body));
    }

    Reply aggregate(const QByteArray &body) { return post(QStringLiteral("/api/v1/aggregation"), body); }

    /** Admin: queue exact faults for the next requests. */
    Reply script(const QByteArray &json)
    {
        QNetworkRequest r(url(QStringLiteral("/_sim/faults")));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return wait(m_nam.post(r, json));
    }

private:
    std::shared_ptr<const pendosim::Dataset> m_data;
    std::unique_ptr<pendosim::SimServer> m_server;
    QNetworkAccessManager m_nam;
    bool m_ok = false;
};

/** Results of an aggregation reply, or an empty array. */
inline pendosim::Array results(const Reply &reply)
{
    const auto v = reply.json();
    if (!v || !v->find("results"))
        return {};
    return v->find("results")->toArray();
}

} // namespace simtest
