#include "PendoError.h"

namespace {

constexpr qsizetype maxDetail = 500;

QString capped(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(maxDetail * 2)).simplified();
    if (text.size() > maxDetail)
        text = text.left(maxDetail) + QStringLiteral("…");
    return text;
}

bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body)
{
    if (contentType.contains("text/html"))
        return true;
    const QByteArray start = body.left(256).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

} // namespace

PendoError::PendoError(Kind kind, int httpStatus, QString detail)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_detail(std::move(detail))
{
}

PendoError PendoError::fromHttp(int status, const QByteArray &contentType, const QByteArray &body)
{
    if (status >= 200 && status < 300)
        return {};
    if (looksLikeHtml(contentType, body) && status != 403)
        return {Kind::HtmlErrorPage, status, capped(body)};
    const QString text = capped(body);
    switch (status) {
    case 400:
        if (text.contains(QLatin1String("unknown step type")))
            return {Kind::UnknownStage, status, text};
        return {Kind::BadRequest, status, text};
    case 401:
        return {Kind::Unauthorized, status, text};
    case 403:
        return {Kind::InvalidKeyOrRegion, status, text};
    case 404:
        return {Kind::NotFound, status, text};
    case 408:
        return {Kind::Timeout, status, text};
    case 422:
        return {Kind::Unprocessable, status, text};
    case 429:
        return {Kind::RateLimited, status, text};
    default:
        break;
    }
    if (status >= 500)
        return {Kind::ServerError, status, text};
    return {Kind::BadRequest, status, text};
}

bool PendoError::isTransient() const
{
    switch (m_kind) {
    case Kind::RateLimited:
    case Kind::ServerError:
    case Kind::HtmlErrorPage:
    case Kind::Timeout:
    case Kind::NetworkError:
    case Kind::TruncatedBody:
    case Kind::MalformedJson: // a cut or garbled answer is worth another try
        return m_kind != Kind::HtmlErrorPage || m_httpStatus >= 500 || m_httpStatus == 429;
    default:
        return false;
    }
}

QString PendoError::code() const
{
    switch (m_kind) {
    case Kind::None: return QStringLiteral("ok");
    case Kind::InvalidKeyOrRegion: return QStringLiteral("invalid-key-or-region");
    case Kind::Unauthorized: return QStringLiteral("unauthorized");
    case Kind::BadRequest: return QStringLiteral("bad-request");
    case Kind::UnknownStage: return QStringLiteral("unknown-stage");
    case Kind::NotFound: return QStringLiteral("not-found");
    case Kind::Unprocessable: return QStringLiteral("unprocessable");
    case Kind::RateLimited: return QStringLiteral("rate-limited");
    case Kind::ServerError: return QStringLiteral("server-error");
    case Kind::HtmlErrorPage: return QStringLiteral("html-error-page");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::ConnectionRefused: return QStringLiteral("connection-refused");
    case Kind::HostNotFound: return QStringLiteral("host-not-found");
    case Kind::TlsFailure: return QStringLiteral("tls-failure");
    case Kind::NetworkError: return QStringLiteral("network-error");
    case Kind::TruncatedBody: return QStringLiteral("truncated-body");
    case Kind::MalformedJson: return QStringLiteral("malformed-json");
    case Kind::RedirectRefused: return QStringLiteral("redirect-refused");
    case Kind::Canceled: return QStringLiteral("canceled");
    }
    return QStringLiteral("unknown");
}

QString PendoError::message() const
{
    switch (m_kind) {
    case Kind::None:
        return tr("No error.");
    case Kind::InvalidKeyOrRegion:
        return tr("Pendo did not accept the integration key in this region. The key is wrong, revoked, or belongs "
                  "to a subscription in another region.");
    case Kind::Unauthorized:
        return tr("Pendo refused the request as unauthorized.");
    case Kind::BadRequest:
        return tr("Pendo rejected the request: %1").arg(m_detail.isEmpty() ? tr("no reason given") : m_detail);
    case Kind::UnknownStage:
        return tr("Pendo does not know a stage of the aggregation: %1").arg(m_detail);
    case Kind::NotFound:
        return tr("Pendo has no such object (or the key may not see it).");
    case Kind::Unprocessable:
        return tr("Pendo could not process the request body: %1").arg(m_detail);
    case Kind::RateLimited:
        return tr("Pendo is limiting the request rate (HTTP 429).");
    case Kind::ServerError:
        return tr("Pendo had a server error (HTTP %1).").arg(m_httpStatus);
    case Kind::HtmlErrorPage:
        return tr("An error page came back instead of data (HTTP %1), probably from a proxy or during maintenance.")
            .arg(m_httpStatus);
    case Kind::Timeout:
        return tr("Pendo did not answer in time.");
    case Kind::ConnectionRefused:
        return tr("The connection was refused: nothing is listening at that address.");
    case Kind::HostNotFound:
        return tr("The Pendo host name could not be resolved.");
    case Kind::TlsFailure:
        return tr("A secure (TLS) connection could not be established.");
    case Kind::NetworkError:
        return tr("The network connection failed: %1").arg(m_detail);
    case Kind::TruncatedBody:
        return tr("The answer from Pendo was cut off before its end.");
    case Kind::MalformedJson:
        return tr("The answer from Pendo is not valid JSON: %1").arg(m_detail);
    case Kind::RedirectRefused:
        return tr("Pendo's address redirected to another host; the key was not sent there.");
    case Kind::Canceled:
        return tr("Canceled.");
    }
    return {};
}

QString PendoError::hint() const
{
    switch (m_kind) {
    case Kind::InvalidKeyOrRegion:
        return tr("Check the key (Pendo: Settings → Integrations → Integration Keys) and the region, or use Detect "
                  "automatically to try every region.");
    case Kind::Unauthorized:
        return tr("Create a new integration key in Pendo and enter it again.");
    case Kind::BadRequest:
    case Kind::UnknownStage:
    case Kind::Unprocessable:
        return tr("Correct the aggregation or mapping that sent this request.");
    case Kind::NotFound:
        return tr("The item may have been deleted in Pendo; refresh the catalog.");
    case Kind::RateLimited:
        return tr("Wait a moment; syncs retry automatically with increasing pauses.");
    case Kind::ServerError:
    case Kind::HtmlErrorPage:
    case Kind::TruncatedBody:
        return tr("Usually temporary: try again in a few minutes.");
    case Kind::Timeout:
        return tr("Try again; for large syncs use smaller day windows.");
    case Kind::ConnectionRefused:
    case Kind::HostNotFound:
        return tr("Check the region or custom URL and your network or proxy settings.");
    case Kind::TlsFailure:
        return tr("Check the system clock, proxy and certificate settings.");
    case Kind::NetworkError:
        return tr("Check the network connection and try again.");
    case Kind::MalformedJson:
        return tr("Try again; if it persists, a proxy may be altering the answers.");
    case Kind::RedirectRefused:
        return tr("Enter the final API address as a custom URL.");
    case Kind::None:
    case Kind::Canceled:
        break;
    }
    return {};
}
