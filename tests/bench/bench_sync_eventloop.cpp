// How late the desktop app's event loop gets while a backfill runs in the same process: a visible
// window, a 10 ms repeating timer on the UI thread that records how late each tick comes, and the
// workspace session's sync engine backfilling 90 days of a 2,000-account subscription (× 25 visitors
// × 2 apps) from pendo-sim on loopback, its progress and log lines shown in a label, a progress bar
// and a log view the way the sync monitor shows them. Prints the ticks, their lateness at p50, p99
// and max; the last line is "event loop p99 ms: X max ms: Y" (target: both under 50).
//   bench_sync_eventloop [--days N] [--accounts N]   (defaults 90, 2000; offscreen unless
//   QT_QPA_PLATFORM says otherwise)

#include "BenchSupport.h"
#include "SimProcess.h"
#include "TestSupport.h"

#include "sync/SyncEngine.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {

constexpr int tickMs = 10;

/** The timer's ticks: how much later than its interval each one came, in ms. */
class LatenessProbe final : public QObject
{
public:
    LatenessProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(tickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
            {
                m_lateness.push_back(std::max(0.0, (now - m_last) / 1e6 - tickMs));
                m_tickAt.push_back(now);
            }
            m_last = now;
        });
    }

    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    std::size_t samples() const { return m_lateness.size(); }
    std::size_t samplesOver(double ms) const
    {
        return std::size_t(std::count_if(m_lateness.begin(), m_lateness.end(), [ms](double late) { return late > ms; }));
    }
    /** When the latest tick came, in seconds after start(). */
    double worstAtSeconds() const
    {
        if (m_lateness.empty())
            return 0;
        const auto worst = std::max_element(m_lateness.begin(), m_lateness.end()) - m_lateness.begin();
        return m_tickAt[std::size_t(worst)] / 1e9;
    }
    /** The q-quantile (0…1) of the lateness, nearest rank. */
    double quantile(double q) const
    {
        if (m_lateness.empty())
            return 0;
        std::vector<double> sorted = m_lateness;
        std::sort(sorted.begin(), sorted.end());
        const auto rank = std::size_t(std::ceil(q * double(sorted.size())));
        return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_lateness;
    std::vector<qint64> m_tickAt;
};

/** What the sync monitor shows of a run: the phase, a progress bar and the log; updated on every signal. */
class MonitorWindow final : public QWidget
{
public:
    MonitorWindow()
    {
        auto *layout = new QVBoxLayout(this);
        m_phase = new QLabel(this);
        m_progress = new QProgressBar(this);
        m_log = new QPlainTextEdit(this);
        m_log->setReadOnly(true);
        m_log->setMaximumBlockCount(1000);
        layout->addWidget(m_phase);
        layout->addWidget(m_progress);
        layout->addWidget(m_log);
        resize(800, 600);
    }

    void showProgress(const SyncProgress &p)
    {
        QElapsedTimer timer;
        timer.start();
        m_phase->setText(QStringLiteral("%1 · %2/%3 windows · %4 rows · %5 requests in flight")
                             .arg(p.phase)
                             .arg(p.windowsDone)
                             .arg(p.windowsTotal)
                             .arg(p.rowsIn)
                             .arg(p.requestsInFlight));
        m_progress->setMaximum(std::max(1, p.windowsTotal));
        m_progress->setValue(p.windowsDone);
        ++m_progressSignals;
        m_busyNs += timer.nsecsElapsed();
    }

    void showLog(const SyncLogEntry &e)
    {
        QElapsedTimer timer;
        timer.start();
        m_log->appendPlainText(e.at + QLatin1Char(' ') + e.message);
        ++m_logSignals;
        m_busyNs += timer.nsecsElapsed();
    }

    int progressSignals() const { return m_progressSignals; }
    int logSignals() const { return m_logSignals; }
    double busyMs() const { return m_busyNs / 1e6; }

private:
    QLabel *m_phase;
    QProgressBar *m_progress;
    QPlainTextEdit *m_log;
    int m_progressSignals = 0;
    int m_logSignals = 0;
    qint64 m_busyNs = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int days = std::clamp(bench::intOption(argc, argv, "--days", 90), 1, syncs::maxBackfillDays);
    const int accounts = std::max(1, bench::intOption(argc, argv, "--accounts", 2000));

    SimProcess sim(bench::subscription(accounts));
    if (!sim.isReady()) {
        std::fprintf(stderr, "pendo-sim did not start: %s\n", qPrintable(sim.error()));
        return 1;
    }
    TestWorkspace workspace;
    if (!workspace.isOpen()) {
        std::fprintf(stderr, "cannot open a workspace: %s\n", qPrintable(workspace.error()));
        return 1;
    }
    MonitorWindow window;
    window.show();
    LatenessProbe probe;
    SyncEngine &engine = workspace.session().syncEngine();
    QObject::connect(&engine, &SyncEngine::progress, &window, &MonitorWindow::showProgress);
    QObject::connect(&engine, &SyncEngine::logged, &window, &MonitorWindow::showLog);
    QElapsedTimer wall;
    int status = 0;
    QObject::connect(&engine, &SyncEngine::finished, &window, [&](const SyncRunSummary &summary) {
        probe.stop();
        std::printf("backfill: %d days of %d accounts, status %s, %.1f s, %d windows, %lld rows, %d requests\n",
                    days, accounts, qPrintable(summary.statusText()), wall.elapsed() / 1e3, summary.windowsDone,
                    static_cast<long long>(summary.rowsIn), summary.requests);
        std::printf("ui work: %d progress and %d log signals, %.1f ms in their slots\n", window.progressSignals(),
                    window.logSignals(), window.busyMs());
        std::printf("ticks: %zu every %d ms; %zu over 16 ms late, %zu over 50 ms; the latest %.1f s after the start\n",
                    probe.samples(), tickMs, probe.samplesOver(16), probe.samplesOver(50), probe.worstAtSeconds());
        std::printf("lateness p50 ms: %.2f\n", probe.quantile(0.5));
        std::printf("lateness p99 ms: %.2f\n", probe.quantile(0.99));
        std::printf("lateness max ms: %.2f\n", probe.quantile(1.0));
        std::printf("event loop p99 ms: %.1f max ms: %.1f\n", probe.quantile(0.99), probe.quantile(1.0));
        std::fflush(stdout);
        status = summary.status == SyncStatus::Completed ? 0 : 1;
        QTimer::singleShot(0, &app, [&status] { QCoreApplication::exit(status); });
    });
    QTimer::singleShot(0, &window, [&] {
        SyncRequest request;
        request.kind = SyncRequest::Kind::Backfill;
        request.backfillDays = days;
        ClientConfig client;
        client.baseUrl = sim.url();
        client.integrationKey = "pendo-sim-key";
        QString problem;
        wall.start();
        probe.start();
        if (!engine.start(request, client, &problem)) {
            std::fprintf(stderr, "the engine did not start: %s\n", qPrintable(problem));
            QCoreApplication::exit(1);
        }
    });
    return app.exec();
}
