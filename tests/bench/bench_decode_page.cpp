// A page as a one-day featureEvents pull returns it: one row per (visitor, feature), so a visitor
// appears on about four rows, accounts and features on many.
// Decodes the same 50,000-row aggregation page four ways in one run and prints their speeds:
//   - a bare simdjson on-demand walk that reads the same seven fields and sums them (the ceiling),
//   - AggregationDecoder into a reused AggregationBatch (the streaming path),
//   - AggregationDecoder into an AggregationPage (rows of Cells, what KeysetPager hands out),
//   - QJsonDocument followed by the same rows (the baseline the page path must beat 3x).
// The last line is "decoder vs bare simdjson: R", R = batch MB/s / bare MB/s (target: at least 0.7).
//   bench_decode_page [ROWS]   (default 50000)

#include "pendo/AggregationDecoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace {

std::atomic<long> heapAllocations {0};

} // namespace

// Counts heap allocations, to show that a steady run of batch decodes makes none per row.
void *operator new(std::size_t size)
{
    heapAllocations.fetch_add(1, std::memory_order_relaxed);
    if (void *block = std::malloc(size ? size : 1))
        return block;
    throw std::bad_alloc();
}

void operator delete(void *block) noexcept
{
    std::free(block);
}

void operator delete(void *block, std::size_t) noexcept
{
    std::free(block);
}

namespace {

const QStringList fields {QStringLiteral("visitorId"), QStringLiteral("accountId"), QStringLiteral("appId"),
                          QStringLiteral("day"),       QStringLiteral("featureId"), QStringLiteral("numEvents"),
                          QStringLiteral("numMinutes")};

QByteArray makePage(int rows)
{
    QByteArray body = "{\"startTime\":1763787600000,\"results\":[";
    for (int i = 0; i < rows; ++i) {
        if (i)
            body += ',';
        body += "{\"accountId\":\"ACME-" + QByteArray::number(i % 5000)
            + "\",\"appId\":-323232,\"day\":1763787600000,"
              "\"featureId\":\"feat"
            + QByteArray::number(i % 180) + "Xq9LmZp0aT3vB\",\"numEvents\":" + QByteArray::number(1 + i % 37)
            + ",\"numMinutes\":" + QByteArray::number(1 + i % 11) + ",\"remoteIp\":\"203.0.113."
            + QByteArray::number(i % 250)
            + "\",\"server\":\"app.example.com\",\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) "
              "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36\",\"visitorId\":\"visitor-"
            + QByteArray::number(i / 4) + "@example.com\"}";
    }
    body += "]}";
    // Room for simdjson's padding behind the text, so both simdjson readers parse it in place.
    body.reserve(body.size() + qsizetype(simdjson::SIMDJSON_PADDING));
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

/** What both simdjson readers reduce the page to: string lengths and first bytes, and integers. */
struct Checksum
{
    quint64 sum = 0;
    std::size_t rows = 0;

    void addText(std::string_view text) { sum += text.size() + (text.empty() ? 0u : quint8(text.front())); }
    void addInteger(qint64 value) { sum += quint64(value); }
    bool operator==(const Checksum &) const = default;
};

/**
 * The ceiling: a plain on-demand walk over the same page with the same simdjson kernels, reading the
 * same seven fields by raw key comparison and consuming every value. False on any simdjson error.
 */
bool bareWalk(simdjson::ondemand::parser &parser, const QByteArray &body, Checksum *checksum)
{
    namespace od = simdjson::ondemand;
    *checksum = {};
    // makePage() reserved the padding behind the text.
    const simdjson::padded_string_view json(body.constData(), std::size_t(body.size()),
                                            std::size_t(body.size()) + simdjson::SIMDJSON_PADDING);
    od::document doc;
    od::object answer;
    if (parser.iterate(json).get(doc) || doc.get_object().get(answer))
        return false;
    for (auto field : answer) {
        od::raw_json_string key;
        if (field.key().get(key))
            return false;
        if (key == "startTime") {
            int64_t start = 0;
            if (field.value().get_int64().get(start))
                return false;
            checksum->addInteger(start);
            continue;
        }
        if (key != "results")
            continue;
        od::array rows;
        if (field.value().get_array().get(rows))
            return false;
        for (auto element : rows) {
            od::object row;
            if (element.get_object().get(row))
                return false;
            ++checksum->rows;
            for (auto cell : row) {
                od::raw_json_string name;
                if (cell.key().get(name))
                    return false;
                if (name == "visitorId" || name == "accountId" || name == "featureId") {
                    std::string_view text;
                    if (cell.value().get_string().get(text))
                        return false;
                    checksum->addText(text);
                } else if (name == "appId" || name == "day" || name == "numEvents" || name == "numMinutes") {
                    int64_t number = 0;
                    if (cell.value().get_int64().get(number))
                        return false;
                    checksum->addInteger(number);
                }
            }
        }
    }
    return true;
}

/** The decoder's batch reduced the way bareWalk reduces the page, to prove both read the same values. */
Checksum checksumOf(const AggregationBatch &batch)
{
    Checksum checksum;
    checksum.addInteger(batch.startTime());
    checksum.rows = batch.rowCount();
    for (int field = 0; field < batch.fieldCount(); ++field) {
        for (const BatchValue value : batch.column(field)) {
            if (value.isText())
                checksum.addText(batch.utf8(value));
            else
                checksum.addInteger(value.integer());
        }
    }
    return checksum;
}

/** Runs `run` once and keeps the best time so far in *best. */
template<typename F> void lap(double *best, F &&run)
{
    QElapsedTimer timer;
    timer.start();
    run();
    *best = std::min(*best, timer.nsecsElapsed() / 1e9);
}

void printSpeed(const char *label, double seconds, double mb, int rows)
{
    std::printf("%-30s %7.1f ms  %7.1f MB/s  %9.0f rows/s\n", label, seconds * 1e3, mb / seconds, rows / seconds);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 50000;
    const QByteArray body = makePage(rows);
    const double mb = body.size() / 1e6;

    AggregationDecoder decoder(fields);
    AggregationBatch batch;
    AggregationPage fast;
    AggregationPage slow;
    simdjson::ondemand::parser bareParser;
    Checksum bare;
    QString error;
    bool failed = false;
    double bareSeconds = 1e9, batchSeconds = 1e9, pageSeconds = 1e9, qjsonSeconds = 1e9;
    // Each contender runs many times in a row, with warm caches as for a stream of pages, and its best run
    // counts: on a shared machine the best is the run that nothing else disturbed.
    constexpr int runs = 15;
    for (int run = 0; run < runs; ++run)
        lap(&bareSeconds, [&] { failed |= !bareWalk(bareParser, body, &bare); });
    for (int run = 0; run < runs; ++run)
        lap(&batchSeconds, [&] { failed |= !decoder.decode(body, &batch, &error); });
    for (int run = 0; run < runs; ++run)
        lap(&pageSeconds, [&] { failed |= !decoder.decode(body, &fast, &error); });
    for (int run = 0; run < 5; ++run)
        lap(&qjsonSeconds, [&] { decodeWithQJson(body, &slow); });
    if (failed) {
        std::fprintf(stderr, "decode failed: %s\n", qPrintable(error));
        return 1;
    }

    const long before = heapAllocations.load();
    decoder.decode(body, &batch, &error);
    const long steadyAllocations = heapAllocations.load() - before;

    if (fast.rows.size() != std::size_t(rows) || slow.rows != fast.rows) {
        std::fprintf(stderr, "the decoder and QJsonDocument disagree\n");
        return 1;
    }
    if (!(checksumOf(batch) == bare)) {
        std::fprintf(stderr, "the decoder and the bare simdjson walk disagree\n");
        return 1;
    }

    std::printf("page: %d rows, %.1f MB\n", rows, mb);
    std::printf("simdjson kernel: %s, chosen at run time (structural indexing, string unescaping); "
                "on-demand iteration and numbers compiled as %s\n",
                qPrintable(AggregationDecoder::structuralKernel()), qPrintable(AggregationDecoder::valueKernel()));
    printSpeed("bare simdjson on-demand walk:", bareSeconds, mb, rows);
    printSpeed("decoder into a batch:", batchSeconds, mb, rows);
    printSpeed("simdjson decoder:", pageSeconds, mb, rows);
    printSpeed("QJsonDocument + rows:", qjsonSeconds, mb, rows);
    std::printf("heap allocations in a steady-state batch decode: %ld\n", steadyAllocations);
    std::printf("speed-up: %.1fx (target: at least 3x)\n", qjsonSeconds / pageSeconds);
    std::printf("rows of Cells vs bare simdjson: %.2f\n", bareSeconds / pageSeconds);
    std::printf("decoder vs bare simdjson: %.2f\n", bareSeconds / batchSeconds);
    return 0;
}
