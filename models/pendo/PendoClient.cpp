#include "PendoClient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcNet, "bridge.net", QtInfoMsg)

namespace {

const QByteArray keyHeader = QByteArrayLiteral("x-pendo-integration-key");

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
           && a.port(a.scheme() == QLatin1String("https") ? 443 : 80) == b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

PendoError transportError(QNetworkReply::NetworkError error, const QString &text)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return PendoError(PendoError::Kind::ConnectionRefused, 0, text);
    case QNetworkReply::HostNotFoundError:
        return PendoError(PendoError::Kind::HostNotFound, 0, text);
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownNetworkError:
        if (error == QNetworkReply::SslHandshakeFailedError || text.contains(QLatin1String("SSL"), Qt::CaseInsensitive))
            return PendoError(PendoError::Kind::TlsFailure, 0, text);
        return PendoError(PendoError::Kind::NetworkError, 0, text);
    case QNetworkReply::TimeoutError:
        return PendoError(PendoError::Kind::Timeout, 0, text);
    default:
        return PendoError(PendoError::Kind::NetworkError, 0, text);
    }
}

} // namespace

PendoCall::PendoCall(PendoClient *client, QByteArray method, QUrl url, QByteArray body, BodyCheck check)
    : QObject(client)
    , m_client(client)
    , m_method(std::move(method))
    , m_url(std::move(url))
    , m_requestBody(std::move(body))
    , m_check(std::move(check))
{
}

void PendoCall::start()
{
    if (m_finished)
        return;
    const qint64 held = m_client->m_holdUntilMs - m_client->m_clock.nowMs();
    if (held > 0) {
        m_client->m_clock.callAfter(std::chrono::milliseconds(held), this, [this] { start(); });
        return;
    }
    ++m_attempts;
    m_timedOut = false;
    m_redirectRefused = false;
    m_encrypted = false;

    QNetworkRequest request(m_url);
    request.setRawHeader(keyHeader, m_client->m_config.integrationKey);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("PendoBridge/" BRIDGE_VERSION));
    // Every redirect is checked: the key may follow only to the same scheme, host and port.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);

    m_reply = m_method == "POST" ? m_client->m_network->post(request, m_requestBody)
                                 : m_client->m_network->get(request);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::redirected, this, [this, reply](const QUrl &target) {
        if (sameOrigin(m_url, target)) {
            Q_EMIT reply->redirectAllowed();
        } else {
            m_redirectRefused = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &PendoCall::onReplyFinished);
    connect(reply, &QNetworkReply::encrypted, this, [this] { m_encrypted = true; });

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, reply] {
        m_timedOut = true;
        reply->abort();
    });
    // Restart the clock whenever data arrives: a slow but steady big page is not a time-out.
    connect(reply, &QNetworkReply::downloadProgress, timer, qOverload<>(&QTimer::start));
    timer->start(m_client->m_config.timeout);
    qCDebug(lcNet) << m_method.constData() << m_url.path() << "attempt" << m_attempts;
}

void PendoCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    reply->deleteLater();
    m_reply.clear();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError networkError = reply->error();
    qCDebug(lcNet) << m_method.constData() << m_url.path() << "status" << m_httpStatus << "error" << networkError;

    if (m_redirectRefused)
        return finish(PendoError(PendoError::Kind::RedirectRefused, m_httpStatus));
    if (m_timedOut)
        return retryOrFinish(PendoError(PendoError::Kind::Timeout), std::nullopt);
    if (m_httpStatus == 0) {
        PendoError error = transportError(networkError, reply->errorString());
        // An HTTPS connection that closed before the handshake completed never spoke TLS with us.
        if (m_url.scheme() == QLatin1String("https") && !m_encrypted
            && error.kind() == PendoError::Kind::NetworkError)
            error = PendoError(PendoError::Kind::TlsFailure, 0, reply->errorString());
        return retryOrFinish(error, std::nullopt);
    }

    QByteArray body = reply->readAll();
    if (m_httpStatus >= 200 && m_httpStatus < 300) {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (networkError != QNetworkReply::NoError || (length.isValid() && body.size() < length.toLongLong()))
            return retryOrFinish(PendoError(PendoError::Kind::TruncatedBody, m_httpStatus), std::nullopt);
        QString problem;
        if (m_check && !m_check(body, &problem))
            return retryOrFinish(PendoError(PendoError::Kind::MalformedJson, m_httpStatus, problem), std::nullopt);
        m_body = std::move(body);
        return finish(PendoError());
    }
    const PendoError error =
        PendoError::fromHttp(m_httpStatus, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), body);
    retryOrFinish(error, RetryPolicy::parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")),
                                                      m_client->m_clock.nowMs()));
}

void PendoCall::retryOrFinish(const PendoError &error, std::optional<std::chrono::milliseconds> retryAfter)
{
    const std::optional<std::chrono::milliseconds> delay =
        m_client->m_config.retry.delayAfter(m_attempts, error, m_client->m_clock.random(), retryAfter);
    if (!delay)
        return finish(error);
    if (error.kind() == PendoError::Kind::RateLimited) {
        ++m_rateLimited;
        m_client->holdUntil(m_client->m_clock.nowMs() + delay->count());
        Q_EMIT m_client->throttled(delay->count());
    }
    qCInfo(lcNet) << m_method.constData() << m_url.path() << error.code() << "- retrying in" << delay->count() << "ms";
    m_client->m_clock.callAfter(*delay, this, [this] { start(); });
}

void PendoCall::finish(const PendoError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
}

void PendoCall::abort()
{
    if (m_finished)
        return;
    if (QNetworkReply *reply = m_reply) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        m_reply.clear();
    }
    finish(PendoError(PendoError::Kind::Canceled));
}

PendoClient::PendoClient(ClientConfig config, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(false);
}

PendoClient::~PendoClient() = default;

QUrl PendoClient::apiUrl(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_config.baseUrl;
    url.setPath(url.path() + QStringLiteral("/api/v1/") + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

PendoCall *PendoClient::startCall(QByteArray method, const QUrl &url, QByteArray body, PendoCall::BodyCheck check)
{
    auto *call = new PendoCall(this, std::move(method), url, std::move(body), std::move(check));
    call->start();
    return call;
}

PendoCall *PendoClient::get(const QString &path, const QUrlQuery &query, PendoCall::BodyCheck check)
{
    return startCall(QByteArrayLiteral("GET"), apiUrl(path, query), {}, check ? std::move(check) : jsonCheck());
}

PendoCall *PendoClient::aggregate(const QJsonObject &request, PendoCall::BodyCheck check)
{
    const QJsonObject envelope{{QStringLiteral("response"),
                                QJsonObject{{QStringLiteral("mimeType"), QStringLiteral("application/json")}}},
                               {QStringLiteral("request"), request}};
    return startCall(QByteArrayLiteral("POST"), apiUrl(QStringLiteral("aggregation"), {}),
                     QJsonDocument(envelope).toJson(QJsonDocument::Compact), check ? std::move(check) : jsonCheck());
}

void PendoClient::holdUntil(qint64 untilMs)
{
    m_holdUntilMs = std::max(m_holdUntilMs, untilMs);
}

PendoCall::BodyCheck PendoClient::jsonCheck()
{
    return [](const QByteArray &body, QString *error) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(body, &parseError);
        if (parseError.error == QJsonParseError::NoError)
            return true;
        *error = QStringLiteral("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
        return false;
    };
}
