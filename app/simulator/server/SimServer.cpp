#include "SimServer.h"

#include "Aggregation.h"
#include "Exchange.h"
#include "Json.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

namespace pendosim {

namespace {

const QByteArray kJson = QByteArrayLiteral("application/json");
const QByteArray kText = QByteArrayLiteral("text/plain; charset=utf-8");
const QByteArray kHtml = QByteArrayLiteral("text/html; charset=utf-8");

// What a load balancer in front of the API answers with, not the API itself.
const char kBadGatewayHtml[] =
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n"
    "</body>\r\n</html>\r\n";
const char kUnavailableHtml[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Service Unavailable</title></head>\n"
    "<body>\n<h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your request due to "
    "maintenance downtime or capacity problems. Please try again later.</p>\n</body>\n</html>\n";

constexpr std::size_t kChunkBytes = 64 * 1024;

std::string methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    default:
        return "OTHER";
    }
}

QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return {};
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

} // namespace

SimServer::SimServer(std::shared_ptr<const Dataset> data, ServerConfig config, FaultConfig faults, QObject *parent)
    : QObject(parent)
    , m_data(std::move(data))
    , m_config(std::move(config))
    , m_faults(std::move(faults))
{
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    if (m_config.keys.isEmpty() && m_config.readOnlyKeys.isEmpty())
        m_config.keys << QStringLiteral("pendo-sim-key");
    if (m_config.regions.isEmpty())
        m_config.regions << QStringLiteral("us");
    if (m_config.subscriptionRegion.isEmpty())
        m_config.subscriptionRegion = m_config.regions.front();
}

SimServer::~SimServer()
{
    for (const auto &weak : m_channels) {
        if (auto channel = weak.lock())
            channel->cancel();
    }
    m_servers.clear(); // closes connections; their exchanges cancel their producers
    m_pool.waitForDone();
}

bool SimServer::listen(QString *error)
{
    for (int i = 0; i < m_config.regions.size(); ++i) {
        const QString region = m_config.regions.at(i);
        auto server = std::make_unique<QHttpServer>();
        server->setMissingHandler([this, region](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(region, request, std::move(responder));
        });
        const quint16 wanted = m_config.port == 0 ? 0 : static_cast<quint16>(m_config.port + i);
        const quint16 port = server->listen(QHostAddress::LocalHost, wanted);
        if (port == 0) {
            if (error)
                *error = QStringLiteral("cannot listen on 127.0.0.1:") + QString::number(wanted);
            return false;
        }
        m_listeners.push_back({region, port});
        m_servers.push_back(std::move(server));
    }
    return true;
}

QByteArrayList SimServer::listeningLines() const
{
    QByteArrayList lines;
    for (const Listener &l : m_listeners) {
        Object o;
        o.emplace_back("listening", toStd(l.url()));
        o.emplace_back("region", toStd(l.region));
        lines << QByteArray::fromStdString(Value(std::move(o)).toJson());
    }
    return lines;
}

void SimServer::handle(const QString &region, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QUrl url = request.url();
    const QString rawPath = url.path(QUrl::FullyEncoded);
    QTcpSocket *socket = responder.socket();

    if (rawPath.startsWith(QLatin1StringView("/_sim/"))) {
        auto *exchange = new Exchange(std::move(responder), FaultKind::None, socket);
        handleAdmin(rawPath, request, exchange);
        return;
    }

    ++m_requestCount;
    Call call;
    call.method = request.method();
    call.query = QUrlQuery(url);
    const QString prefix = QStringLiteral("/api/v1/");
    const bool api = rawPath.startsWith(prefix);
    if (api) {
        const QStringList raw = rawPath.mid(prefix.size()).split(QLatin1Char('/'));
        for (const QString &segment : raw)
            call.segments << QUrl::fromPercentEncoding(segment.toUtf8());
        while (!call.segments.isEmpty() && call.segments.back().isEmpty())
            call.segments.removeLast();
    }
    const std::string route = methodName(call.method) + " " + toStd(api ? prefix + call.segments.value(0) : rawPath);
    ++m_routeCounts[route];

    // A key is checked before anything else; a key of another region is as good as no key.
    const QString key = QString::fromUtf8(headerValue(request, "x-pendo-integration-key"));
    const bool fullKey = m_config.keys.contains(key);
    const bool readOnly = m_config.readOnlyKeys.contains(key);
    if (key.isEmpty() || (!fullKey && !readOnly) || region != m_config.subscriptionRegion) {
        auto *exchange = new Exchange(std::move(responder), FaultKind::None, socket);
        exchange->send(403, QByteArray(), std::string());
        return;
    }
    call.writeAccess = fullKey;
    call.base64Ids = headerValue(request, "x-pendo-base64-encoded-params").compare("true", Qt::CaseInsensitive) == 0;
    call.body = request.body();

    const FaultKind fault = api ? m_faults.next(toStd(rawPath)) : FaultKind::None;
    auto *exchange = new Exchange(std::move(responder), fault, socket);
    if (!api) {
        sendNotFound(exchange);
        return;
    }
    switch (fault) {
    case FaultKind::TooMany:
        exchange->send(429, kText, "Too Many Requests\n");
        return;
    case FaultKind::ServerError:
        exchange->send(500, kText, "Internal Server Error\n");
        return;
    case FaultKind::BadGateway:
        exchange->send(502, kHtml, kBadGatewayHtml);
        return;
    case FaultKind::Unavailable:
        exchange->send(503, kHtml, kUnavailableHtml);
        return;
    case FaultKind::Hang:
        return; // the exchange keeps the connection open and never answers
    case FaultKind::Slow:
        QTimer::singleShot(m_faults.slowMs(), exchange, [this, exchange, call] { dispatch(exchange, call); });
        return;
    default:
        dispatch(exchange, call);
        return;
    }
}

void SimServer::handleAdmin(const QString &path, const QHttpServerRequest &request, Exchange *exchange)
{
    const auto method = request.method();
    if (path == QLatin1StringView("/_sim/faults")) {
        if (method == QHttpServerRequest::Method::Delete) {
            Object reset;
            reset.emplace_back("reset", true);
            m_faults.apply(Value(std::move(reset)));
        } else if (method == QHttpServerRequest::Method::Post || method == QHttpServerRequest::Method::Put) {
            std::string parseError;
            const QByteArray body = request.body();
            const auto update = parseJson(std::string_view(body.constData(), static_cast<std::size_t>(body.size())),
                                          &parseError);
            const std::string error = update ? m_faults.apply(*update) : parseError;
            if (!error.empty()) {
                exchange->send(400, kText, error + "\n");
                return;
            }
        }
        sendJson(exchange, m_faults.toValue());
        return;
    }
    if (path == QLatin1StringView("/_sim/keys")) {
        // Revoking a key mid-run is what an admin deleting it in Pendo's settings looks like to a client.
        if (method == QHttpServerRequest::Method::Post) {
            const QJsonObject update = QJsonDocument::fromJson(request.body()).object();
            const QString revoke = update.value(QStringLiteral("revoke")).toString();
            if (!revoke.isEmpty()) {
                m_config.keys.removeAll(revoke);
                m_config.readOnlyKeys.removeAll(revoke);
            }
            const QString add = update.value(QStringLiteral("add")).toString();
            if (!add.isEmpty() && !m_config.keys.contains(add))
                m_config.keys << add;
        }
        Object o;
        o.emplace_back("keys", static_cast<std::int64_t>(m_config.keys.size() + m_config.readOnlyKeys.size()));
        sendJson(exchange, Value(std::move(o)));
        return;
    }
    if (path == QLatin1StringView("/_sim/stats")) {
        Object routes;
        for (const auto &[route, count] : m_routeCounts)
            routes.emplace_back(route, count);
        Object o;
        o.emplace_back("requests", static_cast<std::int64_t>(m_requestCount));
        o.emplace_back("routes", std::move(routes));
        o.emplace_back("now", m_data->nowMs());
        o.emplace_back("seed", static_cast<std::int64_t>(m_data->config().seed));
        sendJson(exchange, Value(std::move(o)));
        return;
    }
    if (path == QLatin1StringView("/_sim/health")) {
        Object o;
        o.emplace_back("ok", true);
        sendJson(exchange, Value(std::move(o)));
        return;
    }
    sendNotFound(exchange);
}

void SimServer::sendJson(Exchange *exchange, const Value &value)
{
    exchange->send(200, kJson, value.toJson());
}

void SimServer::sendList(Exchange *exchange, const std::vector<Value> &values)
{
    std::string body = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            body += ',';
        values[i].appendJson(body);
    }
    body += ']';
    exchange->send(200, kJson, body);
}

void SimServer::sendNotFound(Exchange *exchange)
{
    exchange->send(404, kText, "404 page not found\n");
}

std::vector<std::int64_t> SimServer::appsFor(const Call &call) const
{
    if (call.query.queryItemValue(QStringLiteral("expand")) == QLatin1StringView("*"))
        return m_data->appIds();
    return {m_data->defaultAppId()};
}

void SimServer::dispatch(Exchange *exchange, const Call &call)
{
    const QStringList &s = call.segments;
    const QString first = s.value(0);
    const bool get = call.method == QHttpServerRequest::Method::Get;
    const auto methodNotAllowed = [exchange] { exchange->send(405, kText, "Method Not Allowed\n"); };

    if (first == QLatin1StringView("aggregation") && s.size() == 1) {
        if (call.method != QHttpServerRequest::Method::Post)
            return methodNotAllowed();
        auto data = m_data;
        auto body = std::make_shared<std::string>(call.body.toStdString());
        runStreamed(exchange, [data, body](const std::function<void(std::string_view)> &write) {
            return runAggregation(*data, *body, write);
        });
        return;
    }
    if (!get)
        return s.isEmpty() ? sendNotFound(exchange) : methodNotAllowed();

    if (first == QLatin1StringView("token") && s.size() == 2 && s.at(1) == QLatin1StringView("verify")) {
        Object o;
        o.emplace_back("valid", true);
        o.emplace_back("writeAccess", call.writeAccess);
        return sendJson(exchange, Value(std::move(o)));
    }
    if (first == QLatin1StringView("page") || first == QLatin1StringView("feature")
        || first == QLatin1StringView("guide")) {
        const std::string kind = toStd(first);
        if (s.size() == 2) {
            const auto object = m_data->catalogObject(kind, toStd(s.at(1)));
            return object ? sendJson(exchange, *object) : sendNotFound(exchange);
        }
        if (s.size() != 1)
            return sendNotFound(exchange);
        std::vector<Value> list = m_data->catalogObjects(kind, appsFor(call));
        const QString id = call.query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded);
        const QString state = call.query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
        if (!id.isEmpty() || !state.isEmpty()) {
            const std::string wantedId = toStd(id);
            const std::string wantedState = toStd(state);
            std::erase_if(list, [&](const Value &v) {
                return (!wantedId.empty() && v.find("id")->toString() != wantedId)
                       || (!wantedState.empty() && (!v.find("state") || v.find("state")->toString() != wantedState));
            });
        }
        return sendList(exchange, list);
    }
    if (first == QLatin1StringView("segment")) {
        if (s.size() == 1)
            return sendList(exchange, m_data->segmentObjects());
        const auto object = s.size() == 2 ? m_data->segmentObject(toStd(s.at(1))) : std::nullopt;
        return object ? sendJson(exchange, *object) : sendNotFound(exchange);
    }
    if (first == QLatin1StringView("report")) {
        if (s.size() == 1)
            return sendList(exchange, m_data->reports());
        const Value *report = m_data->report(toStd(s.at(1)));
        if (!report || s.size() != 3 || s.at(2) != QLatin1StringView("results.json"))
            return sendNotFound(exchange);
        const Value *pipeline = report->path("aggregation.pipeline");
        auto data = m_data;
        auto steps = std::make_shared<Value>(pipeline ? *pipeline : Value(Array{}));
        runStreamed(exchange, [data, steps](const std::function<void(std::string_view)> &write) {
            std::string buffer = "[";
            bool firstRow = true;
            auto error = runPipeline(*data, *steps, [&](Value &&row) {
                if (!firstRow)
                    buffer += ',';
                firstRow = false;
                row.appendJson(buffer);
                if (buffer.size() >= kChunkBytes) {
                    write(buffer);
                    buffer.clear();
                }
                return true;
            });
            if (error)
                return error;
            buffer += ']';
            write(buffer);
            return std::optional<HttpError>();
        });
        return;
    }
    if (first == QLatin1StringView("metadata") && s.size() == 3 && s.at(1) == QLatin1StringView("schema")) {
        const QString kind = s.at(2);
        if (kind == QLatin1StringView("visitor") || kind == QLatin1StringView("VisitorMetadata"))
            return sendJson(exchange, m_data->metadataSchema("visitor"));
        if (kind == QLatin1StringView("account") || kind == QLatin1StringView("AccountMetadata"))
            return sendJson(exchange, m_data->metadataSchema("account"));
        return sendNotFound(exchange);
    }
    if ((first == QLatin1StringView("visitor") || first == QLatin1StringView("account")) && s.size() == 2) {
        QString id = s.at(1);
        if (call.base64Ids) {
            const auto decoded = QByteArray::fromBase64Encoding(
                id.toUtf8(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return sendNotFound(exchange);
            id = QString::fromUtf8(*decoded);
        }
        const auto object = first == QLatin1StringView("visitor") ? m_data->visitorObject(toStd(id))
                                                                   : m_data->accountObject(toStd(id));
        return object ? sendJson(exchange, *object) : sendNotFound(exchange);
    }
    sendNotFound(exchange);
}

void SimServer::runStreamed(Exchange *exchange, Job job)
{
    std::shared_ptr<StreamChannel> channel = exchange->openStream(kJson);
    std::erase_if(m_channels, [](const std::weak_ptr<StreamChannel> &w) { return w.expired(); });
    m_channels.push_back(channel);
    m_pool.start([this, channel, job = std::move(job)] {
        const auto write = [this, channel](std::string_view chunk) {
            if (chunk.empty() || !channel->reserve(chunk.size()))
                return;
            QMetaObject::invokeMethod(
                this,
                [channel, data = std::string(chunk)]() mutable {
                    if (Exchange *target = channel->exchange.data())
                        target->chunk(std::move(data));
                    else
                        channel->delivered(data.size(), 0);
                },
                Qt::QueuedConnection);
        };
        std::optional<HttpError> error = job(write);
        std::optional<std::pair<int, std::string>> failure;
        QByteArray errorType;
        if (error) {
            failure = std::make_pair(error->status, std::move(error->body));
            errorType = QByteArray::fromStdString(error->contentType);
        }
        QMetaObject::invokeMethod(
            this,
            [channel, failure, errorType] {
                if (Exchange *target = channel->exchange.data())
                    target->finish(failure, errorType);
            },
            Qt::QueuedConnection);
    });
}

} // namespace pendosim
