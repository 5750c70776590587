// A page as a one-day featureEvents pull returns it: one row per (visitor, feature), so a visitor
// appears on about four rows, accounts and features on many.
// Decodes the same 50,000-row aggregation page two ways and prints both speeds side by side:
// the simdjson-based AggregationDecoder, and QJsonDocument followed by the same extraction.
//   bench_decode_page [ROWS]   (default 50000)

#include "pendo/AggregationDecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {

const QStringList fields{QStringLiteral("visitorId"), QStringLiteral("accountId"), QStringLiteral("appId"),
                         QStringLiteral("day"), QStringLiteral("featureId"), QStringLiteral("numEvents"),
                         QStringLiteral("numMinutes")};

QByteArray makePage(int rows)
{
    QByteArray body = "{\"startTime\":1763787600000,\"results\":[";
    for (int i = 0; i < rows; ++i) {
        if (i)
            body += ',';
        body += "{\"accountId\":\"ACME-" + QByteArray::number(i % 5000) + "\",\"appId\":-323232,\"day\":1763787600000,"
                "\"featureId\":\"feat" + QByteArray::number(i % 180) + "Xq9LmZp0aT3vB\",\"numEvents\":"
                + QByteArray::number(1 + i % 37) + ",\"numMinutes\":" + QByteArray::number(1 + i % 11)
                + ",\"remoteIp\":\"203.0.113." + QByteArray::number(i % 250)
                + "\",\"server\":\"app.example.com\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) "
                  "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36\",\"visitorId\":\"visitor-"
                + QByteArray::number(i / 4) + "@example.com\"}";
    }
    body += "]}";
    return body;
}

/** The baseline: a QJsonDocument, then the same typed rows the decoder produces. */
std::size_t decodeWithQJson(const QByteArray &body, AggregationPage *page)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject root = doc.object();
    page->startTime = root.value(QStringLiteral("startTime")).toInteger();
    page->rows.clear();
    const QJsonArray results = root.value(QStringLiteral("results")).toArray();
    page->rows.reserve(std::size_t(results.size()));
    for (const QJsonValue &value : results) {
        const QJsonObject object = value.toObject();
        std::vector<Cell> row;
        row.reserve(std::size_t(fields.size()));
        for (const QString &field : fields) {
            const QJsonValue cell = object.value(field);
            if (cell.isString())
                row.emplace_back(cell.toString());
            else if (cell.isDouble())
                row.emplace_back(qint64(cell.toInteger()));
            else
                row.emplace_back();
        }
        page->rows.push_back(std::move(row));
    }
    return page->rows.size();
}

template<typename F>
double bestOf(int runs, F &&run)
{
    double best = 1e9;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        run();
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 50000;
    const QByteArray body = makePage(rows);
    const double mb = body.size() / 1e6;

    AggregationDecoder decoder(fields);
    AggregationPage fast;
    QString error;
    const double fastSeconds = bestOf(5, [&] {
        if (!decoder.decode(body, &fast, &error))
            std::fprintf(stderr, "decode failed: %s\n", qPrintable(error));
    });
    AggregationPage slow;
    const double slowSeconds = bestOf(5, [&] { decodeWithQJson(body, &slow); });

    if (fast.rows.size() != std::size_t(rows) || slow.rows != fast.rows) {
        std::fprintf(stderr, "the two decoders disagree\n");
        return 1;
    }
    std::printf("page: %d rows, %.1f MB\n", rows, mb);
    std::printf("simdjson decoder:     %7.1f ms  %7.1f MB/s  %9.0f rows/s\n", fastSeconds * 1e3, mb / fastSeconds,
                rows / fastSeconds);
    std::printf("QJsonDocument + rows: %7.1f ms  %7.1f MB/s  %9.0f rows/s\n", slowSeconds * 1e3, mb / slowSeconds,
                rows / slowSeconds);
    std::printf("speed-up: %.1fx (target: at least 3x)\n", slowSeconds / fastSeconds);
    return 0;
}
