// Measures pendo-sim at the size the acceptance criteria name: 5,000 accounts × 20 visitors × 400
// days. Prints the dataset's memory, the time of a one-day featureEvents aggregation grouped to
// (visitor, account, app, feature, day), and a 50,000-row page served over loopback with its body
// size, time and the server's peak memory growth (to show the body is never built twice).
#include "Aggregation.h"
#include "Dataset.h"
#include "SimServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

namespace {

long statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').front().toLong();
    }
    return -1;
}

/** Resets VmHWM to the current RSS, so the next peak belongs to what runs next. */
void resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

double mb(long kb)
{
    return kb / 1024.0;
}

QByteArray oneDayBody(const char *tail)
{
    return QByteArray(R"json({"response":{"mimeType":"application/json"},"request":{"pipeline":[
        {"source":{"featureEvents":{"appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"dayRange","first":"now()","count":-1}}})json")
           + tail + "]}}";
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    pendosim::DatasetConfig config;
    config.accounts = 5000;
    config.visitorsPerAccount = 20;
    config.historyDays = 400;
    config.nowMs = 1710948600000; // 2024-03-20T15:30:00Z
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 1)
        config.accounts = args.at(1).toInt();

    std::printf("rss at start: %.1f MB\n", mb(statusKb("VmRSS")));
    QElapsedTimer timer;
    timer.start();
    auto data = std::make_shared<const pendosim::Dataset>(config);
    std::printf("dataset: %d accounts, %zu visitors, %d days built in %lld ms; rss %.1f MB\n", config.accounts,
                data->visitors().size(), config.historyDays, static_cast<long long>(timer.elapsed()),
                mb(statusKb("VmRSS")));

    // 1. The grouped one-day aggregation, in process.
    const QByteArray grouped = oneDayBody(R"json(,{"group":{"group":["visitorId","accountId","appId","featureId","day"],
        "fields":{"numEvents":{"sum":"numEvents"},"numMinutes":{"sum":"numMinutes"}}}})json");
    for (int run = 0; run < 2; ++run) {
        std::size_t bytes = 0;
        timer.restart();
        const auto error = pendosim::runAggregation(*data, grouped.toStdString(),
                                                    [&](std::string_view chunk) { bytes += chunk.size(); });
        std::printf("one-day featureEvents grouped by (visitor, account, app, feature, day): %lld ms, %zu bytes%s\n",
                    static_cast<long long>(timer.elapsed()), bytes, error ? " (error)" : "");
    }

    // 2. A 50,000-row page over loopback, read and discarded by the client as it arrives.
    pendosim::ServerConfig serverConfig;
    serverConfig.keys << QStringLiteral("bench-key");
    pendosim::SimServer server(data, serverConfig, {});
    QString error;
    if (!server.listen(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(server.listeners().front().url() + QStringLiteral("/api/v1/aggregation")));
    request.setRawHeader("x-pendo-integration-key", "bench-key");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(300'000);
    // Streamed as the source produces rows, then with a sort that must hold every row first.
    const QList<std::pair<const char *, QByteArray>> pages = {
        {"50,000-row page", oneDayBody(R"json(,{"limit":50000})json")},
        {"50,000-row sorted page", oneDayBody(R"json(,{"sort":["visitorId","featureId"]},{"limit":50000})json")}};
    int index = 0;
    long rssBefore = 0;
    qint64 received = 0;
    qint64 rows = 0;
    std::function<void()> next = [&] {
        if (index == pages.size()) {
            std::printf("rss after: %.1f MB\n", mb(statusKb("VmRSS")));
            QCoreApplication::quit();
            return;
        }
        const auto &[label, body] = pages.at(index++);
        rssBefore = statusKb("VmRSS");
        received = 0;
        rows = 0;
        resetPeak();
        timer.restart();
        QNetworkReply *reply = nam.post(request, body);
        reply->setReadBufferSize(256 * 1024);
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [&, reply] {
            const QByteArray chunk = reply->readAll();
            received += chunk.size();
            rows += chunk.count("\"visitorId\"");
        });
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, label] {
            const QByteArray rest = reply->readAll();
            received += rest.size();
            rows += rest.count("\"visitorId\"");
            const long peak = statusKb("VmHWM");
            std::printf("%s over loopback: status %d, %lld rows, %lld body bytes (%.1f MB) in %lld ms\n", label,
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        static_cast<long long>(rows), static_cast<long long>(received), received / 1048576.0,
                        static_cast<long long>(timer.elapsed()));
            std::printf("  peak rss growth %.1f MB over %.1f MB before (body %.1f MB; growth/body = %.2f)\n",
                        mb(peak - rssBefore), mb(rssBefore), received / 1048576.0,
                        (peak - rssBefore) * 1024.0 / static_cast<double>(std::max<qint64>(1, received)));
            reply->deleteLater();
            QTimer::singleShot(0, &app, next);
        });
    };
    next();
    return QCoreApplication::exec();
}
