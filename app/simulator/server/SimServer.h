#pragma once

#include "Dataset.h"
#include "Faults.h"

#include <QHttpServerRequest>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QUrlQuery>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QHttpServer;
class QHttpServerResponder;

namespace pendosim {

class Exchange;
class StreamChannel;
struct HttpError;

/** Who may call the simulated API and where it listens. */
struct ServerConfig
{
    QStringList regions{QStringLiteral("us")};
    QString subscriptionRegion = QStringLiteral("us");
    /** 0 = any free port; otherwise region i listens on port + i. */
    quint16 port = 0;
    QStringList keys;         // full-access integration keys
    QStringList readOnlyKeys; // keys without "Allow Write Access"
};

struct Listener
{
    QString region;
    quint16 port = 0;
    QString url() const { return QStringLiteral("http://127.0.0.1:") + QString::number(port); }
};

/**
 * The simulated Pendo API over HTTP on 127.0.0.1: one listener per region, integration-key
 * checks, Pendo's paths and JSON bodies, the fault plan and its admin endpoint under /_sim/.
 * Cheap requests are answered on the server thread; aggregations and report results run on a
 * thread pool and stream back through a bounded channel, so a slow query or a hung connection
 * never stops other requests. Lives on the thread that created it (the main thread).
 */
class SimServer final : public QObject
{
    Q_OBJECT

public:
    SimServer(std::shared_ptr<const Dataset> data, ServerConfig config, FaultConfig faults,
              QObject *parent = nullptr);
    ~SimServer() override;

    /** Opens every region's listener; false (with a message) when a port cannot be bound. */
    bool listen(QString *error);
    const std::vector<Listener> &listeners() const { return m_listeners; }
    /** The first listening line for each region, as printed on stdout. */
    QByteArrayList listeningLines() const;

    FaultPlan &faults() { return m_faults; }
    const Dataset &dataset() const { return *m_data; }
    std::uint64_t requestCount() const { return m_requestCount; }

private:
    struct Call
    {
        QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
        QStringList segments; // path after /api/v1, percent-decoded one by one
        QUrlQuery query;
        bool base64Ids = false;
        bool writeAccess = false;
        QByteArray body;
    };
    using Job = std::function<std::optional<HttpError>(const std::function<void(std::string_view)> &write)>;

    void handle(const QString &region, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleAdmin(const QString &path, const QHttpServerRequest &request, Exchange *exchange);
    void dispatch(Exchange *exchange, const Call &call);
    void sendJson(Exchange *exchange, const Value &value);
    void sendList(Exchange *exchange, const std::vector<Value> &values);
    void sendNotFound(Exchange *exchange);
    void runStreamed(Exchange *exchange, Job job);
    std::vector<std::int64_t> appsFor(const Call &call) const;

    std::shared_ptr<const Dataset> m_data;
    ServerConfig m_config;
    FaultPlan m_faults;
    std::vector<std::unique_ptr<QHttpServer>> m_servers;
    std::vector<Listener> m_listeners;
    std::vector<std::weak_ptr<StreamChannel>> m_channels;
    QThreadPool m_pool;
    std::uint64_t m_requestCount = 0;
    std::map<std::string, std::int64_t> m_routeCounts;
};

} // namespace pendosim
