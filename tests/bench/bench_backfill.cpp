// Backfills a year of a 2,000-account subscription (× 25 visitors × 2 apps, 200 features, 100 pages)
// from pendo-sim on loopback into a fresh workspace with the real engine, the default mapping's
// streams (activity, features, pages), and prints its wall time, windows, rows, rows/s, requests and
// this process's peak memory (pendo-sim runs in a process of its own; its peak is shown apart).
//
// Then it pulls a sample of the same windows again (the same pipelines the engine sent, every 7th
// day or sparser so that the bodies stay within --sample-mb), keeps the raw bodies in memory and
// lands them twice, timing only the work on the bytes:
//   - the engine's path: AggregationDecoder, WindowFetch's id mapping, WindowRows::normalize() and
//     ActivityLanding::land() in units of the workspace writer, into a fresh workspace whose
//     catalog was refreshed first (as a run does before it pulls);
//   - a baseline: a bare simdjson on-demand walk, an in-memory id map, sorted rows and sqlite3
//     prepared inserts into the same WITHOUT ROWID table in a plain file with the same pragmas,
//     one transaction per window.
// The last two lines are "land vs bare: R" (engine rows/s ÷ baseline rows/s, target: at least 0.5)
// and "peak rss MB: N" (the whole run, target: under 300).
//   bench_backfill [--days N] [--accounts N] [--sample-mb N] [--concurrency N]
//   (defaults 365 days, 2000 accounts, 64 MB, the workspace's requests in flight)

#include "BenchSupport.h"
#include "LandingRace.h"
#include "SimProcess.h"
#include "TestSupport.h"

#include "pendo/KeysetPager.h"
#include "pendo/PendoClient.h"
#include "store/Database.h"
#include "sync/CatalogSync.h"
#include "sync/SyncEngine.h"
#include "sync/SyncPlanner.h"
#include "sync/WindowFetch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace {

const QByteArray integrationKey = "pendo-sim-key";

struct Options
{
    int days = syncs::maxBackfillDays;
    int accounts = 2000;
    int sampleMb = 64;
    int concurrency = 0; // requests in flight; 0: the workspace setting
};

/** A window the backfill landed, as its checkpoint tells. */
struct LandedCheckpoint
{
    SyncStream stream = SyncStream::Activity;
    qint64 appId = 0;
    QDate day;
    qint64 rows = 0;
};

/** The activity windows the backfill landed for good, grouped by day, newest day first. */
std::vector<std::vector<LandedCheckpoint>> landedDays(QSqlDatabase db)
{
    std::map<QDate, std::vector<LandedCheckpoint>, std::greater<>> days;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT stream, app_id, day, rows_in FROM sync_windows WHERE status = 'synced' "
                          "ORDER BY day DESC, stream, app_id"));
    while (q.next()) {
        const std::optional<SyncStream> stream = syncs::streamFromKey(q.value(0).toString());
        if (!stream || syncs::activityKind(*stream) < 0)
            continue;
        days[QDate::fromJulianDay(q.value(2).toLongLong())].push_back(
            {*stream, q.value(1).toLongLong(), QDate::fromJulianDay(q.value(2).toLongLong()), q.value(3).toLongLong()});
    }
    std::vector<std::vector<LandedCheckpoint>> out;
    for (auto &[day, windows] : days)
        out.push_back(std::move(windows));
    return out;
}

void printRace(const char *name, const RaceResult &race)
{
    std::printf("%s: %lld rows in %.3f s, %.0f rows/s\n", name, static_cast<long long>(race.rows), race.seconds,
                race.rowsPerSecond());
    for (const auto &[part, seconds] : race.parts)
        std::printf("  %-32s %8.3f s  %5.1f %%\n", part, seconds, race.seconds > 0 ? 100 * seconds / race.seconds : 0);
}

/**
 * The benchmark's steps, one after another on the main thread: the backfill, the sample pull, the
 * sample workspace's catalog refresh, then the two timed landings.
 */
class BackfillBench final : public QObject
{
public:
    explicit BackfillBench(Options options)
        : m_options(options)
    {
    }

    void start()
    {
        std::printf("subscription: %d accounts x 25 visitors x 2 apps, 200 features, 100 pages, 400 days of history\n",
                    m_options.accounts);
        QElapsedTimer simStart;
        simStart.start();
        m_sim = std::make_unique<SimProcess>(bench::subscription(m_options.accounts));
        if (!m_sim->isReady())
            return fail("pendo-sim did not start: " + m_sim->error().toStdString());
        std::printf("pendo-sim ready in %.1f s, its rss %.0f MB\n", simStart.elapsed() / 1e3,
                    bench::mb(bench::statusKb("VmRSS", m_sim->pid())));
        std::fflush(stdout);
        m_workspace = std::make_unique<TestWorkspace>();
        if (!m_workspace->isOpen())
            return fail("cannot open a workspace: " + m_workspace->error().toStdString());
        SyncEngine &engine = m_workspace->session().syncEngine();
        SyncEngine::Options engineOptions = engine.options();
        engineOptions.concurrency = m_options.concurrency;
        engine.setOptions(engineOptions);
        connect(&engine, &SyncEngine::progress, this, [this](const SyncProgress &p) { reportProgress(p); });
        connect(&engine, &SyncEngine::logged, this, [this](const SyncLogEntry &) { m_memory.sample(); });
        connect(&engine, &SyncEngine::finished, this, [this](const SyncRunSummary &summary) {
            // The engine is still emitting: let go of its workspace only after it returned.
            QTimer::singleShot(0, this, [this, summary] { onBackfilled(summary); });
        });
        SyncRequest request;
        request.kind = SyncRequest::Kind::Backfill;
        request.backfillDays = m_options.days;
        QString problem;
        m_wall.start();
        m_memory.start();
        if (!engine.start(request, clientConfig(), &problem))
            return fail("the engine did not start: " + problem.toStdString());
    }

private:
    ClientConfig clientConfig() const
    {
        ClientConfig client;
        client.baseUrl = m_sim->url();
        client.integrationKey = integrationKey;
        return client;
    }

    void reportProgress(const SyncProgress &p)
    {
        m_memory.enter(p.phase);
        if (p.windowsTotal <= 0)
            return;
        const int tenth = 10 * p.windowsDone / p.windowsTotal;
        if (tenth <= m_reportedTenth)
            return;
        m_reportedTenth = tenth;
        std::fprintf(stderr, "  %d/%d windows, %lld rows, %.0f s, rss %.0f MB\n", p.windowsDone, p.windowsTotal,
                     static_cast<long long>(p.rowsIn), p.elapsedMs / 1e3, bench::mb(bench::statusKb("VmRSS")));
    }

    void onBackfilled(const SyncRunSummary &summary)
    {
        const double wall = m_wall.elapsed() / 1e3;
        m_memory.stop();
        m_backfillPeakKb = bench::statusKb("VmHWM");
        const double simCpu = bench::cpuSeconds(m_sim->pid());
        const int inFlight = m_workspace->session().syncEngine().options().concurrency;
        std::printf("backfill: %d days (requests in flight: %s), status %s\n", m_options.days,
                    inFlight > 0 ? qPrintable(QString::number(inFlight)) : "the workspace's setting",
                    qPrintable(summary.statusText()));
        std::printf("  wall time       %.1f s\n", wall);
        std::printf("  windows         %d (%d failed, %d split)\n", summary.windowsDone, summary.windowsFailed,
                    summary.windowsSplit);
        std::printf("  rows            %lld (%lld skipped)\n", static_cast<long long>(summary.rowsIn),
                    static_cast<long long>(summary.rowsSkipped));
        std::printf("  rows/s          %.0f\n", summary.rowsIn / wall);
        std::printf("  requests        %d\n", summary.requests);
        std::printf("  peak rss        %.0f MB (this process; pendo-sim's own peak: %.0f MB)\n",
                    bench::mb(m_backfillPeakKb), bench::mb(bench::statusKb("VmHWM", m_sim->pid())));
        std::printf("  cpu             %.1f s in this process, %.1f s in pendo-sim\n", bench::cpuSeconds(), simCpu);
        m_memory.print();
        std::fflush(stdout);
        if (summary.status != SyncStatus::Completed)
            return fail("the backfill did not complete");
        {
            QSqlDatabase db = m_workspace->database().connection();
            m_days = landedDays(db);
            m_zone = SyncPlanner::workspaceZone(db);
        }
        m_workspace.reset();
        if (m_days.empty())
            return fail("the backfill landed no activity window");
        bench::trimHeap();
        m_peakResettable = bench::resetPeak();
        m_client = std::make_unique<PendoClient>(clientConfig());
        m_fetchTimer.start();
        m_queue = m_days.front();
        m_afterFirstDay = [this] { planSample(); };
        fetchNext();
    }

    /** After the first sampled day: every stride-th day, the stride chosen to keep the bodies in budget. */
    void planSample()
    {
        qint64 firstRows = 0, allRows = 0;
        for (const LandedCheckpoint &w : m_days.front())
            firstRows += w.rows;
        for (const auto &day : m_days)
            for (const LandedCheckpoint &w : day)
                allRows += w.rows;
        const double bytesPerRow = firstRows > 0 ? double(m_sampleBytes) / firstRows : 0;
        const double budget = m_options.sampleMb * 1e6;
        m_stride = std::max<qsizetype>(7, qsizetype(std::ceil(allRows * bytesPerRow / budget)));
        m_queue.clear();
        for (std::size_t i = std::size_t(m_stride); i < m_days.size(); i += std::size_t(m_stride))
            m_queue.insert(m_queue.end(), m_days[i].begin(), m_days[i].end());
        m_afterFirstDay = nullptr;
        fetchNext();
    }

    void fetchNext()
    {
        if (m_queue.empty()) {
            if (m_afterFirstDay)
                return m_afterFirstDay();
            return refreshSampleCatalog();
        }
        const LandedCheckpoint w = m_queue.front();
        m_queue.erase(m_queue.begin());
        SampleWindow sample;
        sample.stream = w.stream;
        sample.appId = w.appId;
        sample.day = w.day;
        m_sample.push_back(std::move(sample));
        m_decoder = std::make_unique<AggregationDecoder>(WindowFetch::activityFields(w.stream));
        m_after.clear();
        fetchPage();
    }

    void fetchPage()
    {
        const SampleWindow &w = m_sample.back();
        const qint64 firstMs = QDateTime(w.day, QTime(0, 0), m_zone).toMSecsSinceEpoch();
        const QJsonArray pipeline =
            WindowFetch::activityPipeline(w.stream, w.appId, firstMs, 24, m_after, SyncEngine::Options().pageSize);
        PendoCall *call = m_client->aggregate(QJsonObject{{QStringLiteral("pipeline"), pipeline}});
        connect(call, &PendoCall::finished, this, [this, call] {
            call->deleteLater();
            if (call->error().isError())
                return fail("a sample page failed: " + call->error().message().toStdString());
            onPage(call->body());
        });
    }

    void onPage(const QByteArray &body)
    {
        SampleWindow &w = m_sample.back();
        w.pages.push_back(body);
        m_sampleBytes += body.size();
        QString error;
        if (!m_decoder->decode(body, &m_batch, &error))
            return fail("a sample page does not decode: " + error.toStdString());
        const std::size_t n = m_batch.rowCount();
        m_sampleRows += qint64(n);
        if (n >= std::size_t(SyncEngine::Options().pageSize)) {
            QStringList keys = WindowFetch::activityFields(w.stream);
            keys.resize(keys.size() - 2); // the sort keys: the fields before numEvents and numMinutes
            std::vector<Cell> last;
            for (int field = 0; field < keys.size(); ++field)
                last.push_back(m_batch.cell(n - 1, field));
            m_after = Pipeline::after(keys, last);
            return fetchPage();
        }
        fetchNext();
    }

    void refreshSampleCatalog()
    {
        qsizetype pages = 0;
        for (const SampleWindow &w : m_sample)
            pages += qsizetype(w.pages.size());
        std::printf("sample: every %lldth day of %zu, %zu windows, %lld pages, %lld rows, %.1f MB of bodies "
                    "(pulled in %.1f s)\n",
                    static_cast<long long>(m_stride), m_days.size(), m_sample.size(), static_cast<long long>(pages),
                    static_cast<long long>(m_sampleRows), m_sampleBytes / 1e6, m_fetchTimer.elapsed() / 1e3);
        std::fflush(stdout);
        m_batch = AggregationBatch();
        m_decoder.reset();
        m_client.reset();
        m_raceWorkspace = std::make_unique<TestWorkspace>();
        if (!m_raceWorkspace->isOpen())
            return fail("cannot open the sample workspace: " + m_raceWorkspace->error().toStdString());
        WorkspaceSession &session = m_raceWorkspace->session();
        m_raceClient = session.createClient(m_sim->url(), integrationKey);
        CatalogSync *catalog = session.createCatalogSync(m_raceClient.get(), this);
        connect(catalog, &CatalogSync::finished, this, [this, catalog](const PendoError &error, const QString &store) {
            catalog->deleteLater();
            if (error.isError() || !store.isEmpty())
                return fail("the sample workspace's catalog refresh failed: "
                            + (store.isEmpty() ? error.message() : store).toStdString());
            QTimer::singleShot(0, this, [this] { race(); });
        });
        catalog->start();
    }

    void race()
    {
        const RaceResult engine = LandingRace::engine(m_raceWorkspace->database(), m_sample);
        if (!engine.error.isEmpty())
            return fail("the engine's path failed: " + engine.error.toStdString());
        const RaceResult bare = LandingRace::bare(m_raceWorkspace->dir() + QStringLiteral("/bare.sqlite"), m_sample);
        if (!bare.error.isEmpty())
            return fail("the baseline failed: " + bare.error.toStdString());
        printRace("engine decode + land", engine);
        printRace("bare simdjson + sqlite3", bare);
        if (engine.rows != bare.rows || engine.events != bare.events) {
            std::printf("the two paths landed different rows: %lld/%lld vs %lld/%lld (rows/events)\n",
                        static_cast<long long>(engine.rows), static_cast<long long>(engine.events),
                        static_cast<long long>(bare.rows), static_cast<long long>(bare.events));
            return fail("mismatch");
        }
        const long racePeakKb = bench::statusKb("VmHWM");
        if (m_peakResettable)
            std::printf("peak rss of the sample and the race: %.0f MB\n", bench::mb(racePeakKb));
        std::printf("land vs bare: %.2f\n", engine.rowsPerSecond() / bare.rowsPerSecond());
        std::printf("peak rss MB: %.0f\n", bench::mb(std::max(m_backfillPeakKb, racePeakKb)));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    void fail(const std::string &why)
    {
        std::fprintf(stderr, "bench_backfill: %s\n", why.c_str());
        QCoreApplication::exit(1);
    }

    const Options m_options;
    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<TestWorkspace> m_workspace;
    QElapsedTimer m_wall;
    bench::PhaseMemory m_memory;
    int m_reportedTenth = 0;
    long m_backfillPeakKb = 0;
    bool m_peakResettable = false;

    std::vector<std::vector<LandedCheckpoint>> m_days;
    QTimeZone m_zone;
    std::unique_ptr<PendoClient> m_client;
    std::vector<LandedCheckpoint> m_queue;
    std::function<void()> m_afterFirstDay;
    qsizetype m_stride = 1;
    std::unique_ptr<AggregationDecoder> m_decoder;
    AggregationBatch m_batch;
    QString m_after;
    std::vector<SampleWindow> m_sample;
    qint64 m_sampleBytes = 0;
    qint64 m_sampleRows = 0;
    QElapsedTimer m_fetchTimer;

    std::unique_ptr<TestWorkspace> m_raceWorkspace;
    std::unique_ptr<PendoClient> m_raceClient;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options;
    options.days = std::clamp(bench::intOption(argc, argv, "--days", options.days), 1, syncs::maxBackfillDays);
    options.accounts = std::max(1, bench::intOption(argc, argv, "--accounts", options.accounts));
    options.sampleMb = std::max(1, bench::intOption(argc, argv, "--sample-mb", options.sampleMb));
    options.concurrency = std::max(0, bench::intOption(argc, argv, "--concurrency", options.concurrency));
    BackfillBench bench(options);
    QTimer::singleShot(0, &bench, [&bench] { bench.start(); });
    return app.exec();
}
