// Opening an account's dashboard: setDetail() with a year of synthetic data and the first paint
// (grab()), in a fresh AccountView each run and again in a reused one. Target: under 100 ms. Reading
// the AccountDetail from a workspace is timed separately (readDetail() is where it goes). Run with
// QT_QPA_PLATFORM=offscreen or on a display. Prints figures; it is not a test.

#include "SyntheticAnalytics.h"

#include "dashboard/AccountView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

/**
 * The account the view opens. Synthetic here; the workspace read (AnalyticsReader::accountDetail on
 * a worker thread's connection) is timed by its own benchmark and would be added here to time both.
 */
AccountDetail readDetail(int days)
{
    return synthetic::accountDetail(days);
}

struct Figures
{
    double median = 0;
    double max = 0;
};

Figures summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.back()};
}

int intOption(int argc, char *argv[], const char *name, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0)
            return std::atoi(argv[i + 1]);
    }
    return fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int days = intOption(argc, argv, "--days", 365);
    const int runs = intOption(argc, argv, "--runs", 9);
    const AccountDetail detail = readDetail(days);
    std::printf("account view: %d days, %d contacts, %d items, %d custom metrics; %d runs (median / max)\n", days,
                int(detail.contacts.size()), int(detail.items.size()), int(detail.customMetrics.size()), runs);

    {
        // The first view of the process pays for fonts and styles once; not what opening an account costs.
        AccountView warmUp;
        warmUp.resize(1280, 800);
        warmUp.setDetail(detail);
        (void)warmUp.grab();
    }

    std::vector<double> fresh, reused, setOnly;
    AccountView kept;
    kept.resize(1280, 800);
    kept.show();
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        {
            AccountView view;
            view.resize(1280, 800);
            view.show();
            view.setDetail(detail);
            const QPixmap first = view.grab();
            fresh.push_back(timer.nsecsElapsed() / 1e6);
        }
        QCoreApplication::processEvents();

        timer.restart();
        kept.setDetail(detail);
        setOnly.push_back(timer.nsecsElapsed() / 1e6);
        const QPixmap again = kept.grab();
        reused.push_back(timer.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
    }
    const Figures f = summarise(fresh), r = summarise(reused), s = summarise(setOnly);
    std::printf("account view open ms: %.1f / %.1f  (new view: construct + setDetail + first paint)\n", f.median, f.max);
    std::printf("account view reopen ms: %.1f / %.1f  (same view: setDetail + paint)\n", r.median, r.max);
    std::printf("account view setDetail ms: %.1f / %.1f  (without painting)\n", s.median, s.max);
    std::printf("target < 100 ms\n");
    return 0;
}
