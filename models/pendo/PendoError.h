#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

/**
 * Everything that can go wrong talking to Pendo, as one class each, with a message and a fix
 * hint a user can act on. The server's own text (capped) is kept in `detail` — never the key.
 */
class PendoError final
{
    Q_DECLARE_TR_FUNCTIONS(PendoError)
public:
    enum class Kind {
        None,
        InvalidKeyOrRegion, // 403 with an empty body: bad, revoked, or another region's key
        Unauthorized,       // 401
        BadRequest,         // 400: Pendo's text explains
        UnknownStage,       // 400 "unknown step type '…'"
        NotFound,           // 404
        Unprocessable,      // 422: malformed request body
        RateLimited,        // 429
        ServerError,        // 5xx with a JSON or text body
        HtmlErrorPage,      // an HTML page instead of JSON (proxies, WAF, maintenance)
        Timeout,
        ConnectionRefused,
        HostNotFound,
        TlsFailure,
        NetworkError,       // resets and other transport failures
        TruncatedBody,
        MalformedJson,
        RedirectRefused,    // a redirect to another host, which would leak the key
        Canceled,
    };

    PendoError() = default;
    PendoError(Kind kind, int httpStatus = 0, QString detail = {});

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    QString detail() const { return m_detail; }
    bool isError() const { return m_kind != Kind::None; }

    /** What happened, for a person. */
    QString message() const;
    /** What to do about it. */
    QString hint() const;
    /** A stable machine name ("invalid-key-or-region") for logs, JSON and exit codes. */
    QString code() const;
    /** Worth another attempt (429, 5xx, time-outs, resets, truncated bodies)? */
    bool isTransient() const;

    /** Classifies an HTTP answer; Kind::None for 2xx. */
    static PendoError fromHttp(int status, const QByteArray &contentType, const QByteArray &body);

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_detail;
};

Q_DECLARE_METATYPE(PendoError)
