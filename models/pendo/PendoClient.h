#pragma once

#include "Clock.h"
#include "PendoError.h"
#include "RetryPolicy.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

Q_DECLARE_LOGGING_CATEGORY(lcNet)

class QNetworkAccessManager;
class QNetworkReply;

/** How a client reaches one Pendo subscription. The key is a secret: never log or persist it. */
struct ClientConfig
{
    QUrl baseUrl; // e.g. https://app.eu.pendo.io (no /api/v1)
    QByteArray integrationKey;
    std::chrono::milliseconds timeout{120000};
    RetryPolicy retry;
};

/**
 * One logical request to Pendo, including its retries. Finishes exactly once with either a body
 * (already accepted by the call's body check) or a typed error. Owned by the client until the
 * caller takes it; lives on the client's thread.
 */
class PendoCall final : public QObject
{
    Q_OBJECT

public:
    /** Checks (and may decode) a 2xx body; returns false with *error to mark it malformed. */
    using BodyCheck = std::function<bool(const QByteArray &body, QString *error)>;

    bool isFinished() const { return m_finished; }
    const PendoError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    int attempts() const { return m_attempts; }
    /** Attempts Pendo answered with 429 Too Many Requests. */
    int rateLimitedAttempts() const { return m_rateLimited; }
    const QByteArray &body() const { return m_body; }

public Q_SLOTS:
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class PendoClient;
    PendoCall(class PendoClient *client, QByteArray method, QUrl url, QByteArray body, BodyCheck check);
    void start();
    void onReplyFinished();
    void finish(const PendoError &error);
    void retryOrFinish(const PendoError &error, std::optional<std::chrono::milliseconds> retryAfter);

    class PendoClient *m_client;
    const QByteArray m_method;
    const QUrl m_url;
    const QByteArray m_requestBody;
    const BodyCheck m_check;
    QPointer<QNetworkReply> m_reply;
    PendoError m_error;
    QByteArray m_body;
    int m_httpStatus = 0;
    int m_attempts = 0;
    int m_rateLimited = 0;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_redirectRefused = false;
    bool m_encrypted = false;
};

/**
 * Asynchronous access to Pendo's REST API (v1) with one QNetworkAccessManager of its own; create
 * it on the thread that will use it (the UI thread or a sync worker). Sends the integration key
 * only to the configured host, maps every failure to a PendoError and retries transient ones.
 */
class PendoClient final : public QObject
{
    Q_OBJECT

public:
    explicit PendoClient(ClientConfig config, Clock &clock = Clock::system(), QObject *parent = nullptr);
    /** The clock every call of this client reads "now" and waits with. */
    Clock &clock() const { return m_clock; }
    ~PendoClient() override;

    const ClientConfig &config() const { return m_config; }

    /** GET /api/v1/<path>; the body must be JSON. */
    PendoCall *get(const QString &path, const QUrlQuery &query = {}, PendoCall::BodyCheck check = {});
    /** POST /api/v1/aggregation with {"response":…, "request":{"pipeline":…}}; `check` decodes the page. */
    PendoCall *aggregate(const QJsonObject &request, PendoCall::BodyCheck check = {});

    /** A body check that accepts any well-formed JSON document. */
    static PendoCall::BodyCheck jsonCheck();

    /**
     * Holds every attempt of this client — new calls and retries — until `untilMs`: a 429 or a
     * back-off slows the whole client down, not just the request that met it.
     */
    void holdUntil(qint64 untilMs);
    qint64 heldUntil() const { return m_holdUntilMs; }

Q_SIGNALS:
    /** Pendo asked this client to slow down (429); every attempt waits `delayMs`. */
    void throttled(qint64 delayMs);

private:
    friend class PendoCall;
    QUrl apiUrl(const QString &path, const QUrlQuery &query) const;
    PendoCall *startCall(QByteArray method, const QUrl &url, QByteArray body, PendoCall::BodyCheck check);

    const ClientConfig m_config;
    Clock &m_clock;
    QNetworkAccessManager *m_network;
    qint64 m_holdUntilMs = 0;
};
