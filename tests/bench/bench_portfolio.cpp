// Sorting and filtering the portfolio table: 10,000 synthetic accounts in PortfolioModel behind
// PortfolioFilter, each sort column and each filter change timed over several runs. Targets: under
// 50 ms each. Prints figures; it is not a test.

#include "BenchSupport.h"
#include "SyntheticAnalytics.h"

#include "items/PortfolioFilter.h"
#include "items/PortfolioModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

using bench::Figures;
using bench::intOption;
using bench::summarise;

Figures time(int runs, const std::function<void(int run)> &step)
{
    std::vector<double> ms;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        step(run);
        ms.push_back(timer.nsecsElapsed() / 1e6);
    }
    return summarise(std::move(ms));
}


} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int accounts = intOption(argc, argv, "--accounts", 10000);
    const int runs = intOption(argc, argv, "--runs", 9);
    const QList<PortfolioRow> rows = synthetic::portfolio(accounts);

    PortfolioModel model;
    PortfolioFilter filter(&model);
    filter.setToday(QDate(2025, 4, 1));
    std::printf("portfolio: %d accounts, %d runs each (median / max)\n", accounts, runs);

    const Figures load = time(runs, [&](int) { model.setRows(rows); });
    std::printf("portfolio setRows ms: %.1f / %.1f\n", load.median, load.max);

    double worstSort = 0;
    const QList<std::pair<int, const char *>> columns{{PortfolioModel::Score, "score"},
                                                      {PortfolioModel::Arr, "arr"},
                                                      {PortfolioModel::LastActivity, "last activity"},
                                                      {PortfolioModel::Name, "name"},
                                                      {PortfolioModel::Renewal, "renewal"}};
    for (const auto &[column, name] : columns) {
        // Alternate the order, so that no run sorts rows that are already in order.
        const Figures f = time(runs, [&, col = column](int run) {
            filter.sort(col, run % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        });
        std::printf("portfolio sort ms: %.1f / %.1f  (%s)\n", f.median, f.max, name);
        worstSort = std::max(worstSort, f.max);
    }

    filter.sort(PortfolioModel::Score, Qt::AscendingOrder);
    double worstFilter = 0;
    using Criteria = PortfolioFilter::Criteria;
    QList<std::pair<const char *, Criteria>> changes;
    Criteria c;
    c.bands = PortfolioFilter::Band::Red;
    changes.append({"band red", c});
    c = {};
    c.owner = QStringLiteral("Maya Chen");
    changes.append({"owner", c});
    c = {};
    c.stage = QStringLiteral("Renewal");
    changes.append({"stage", c});
    c = {};
    c.renewalWithinDays = 90;
    changes.append({"renewal 90 days", c});
    c = {};
    c.search = QStringLiteral("hooli");
    changes.append({"search 'hooli'", c});
    c.search = QStringLiteral("acc-0012");
    changes.append({"search 'acc-0012'", c});
    c.search = QStringLiteral("stark 77");
    changes.append({"search 'stark 77'", c});
    c = {};
    c.bands = PortfolioFilter::Band::Red | PortfolioFilter::Band::Yellow;
    c.owner = QStringLiteral("Omar Haddad");
    c.search = QStringLiteral("a");
    changes.append({"band + owner + search", c});
    std::vector<double> clearing;
    for (const auto &[name, criteria] : changes) {
        int shown = 0;
        std::vector<double> applying;
        // Each run applies the change and clears it again, timed apart (clearing brings all rows back, sorted).
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            filter.setCriteria(criteria);
            applying.push_back(timer.nsecsElapsed() / 1e6);
            shown = filter.rowCount();
            timer.restart();
            filter.setCriteria({});
            clearing.push_back(timer.nsecsElapsed() / 1e6);
        }
        const Figures apply = summarise(applying);
        std::printf("portfolio filter ms: %.1f / %.1f  (%s, %d rows shown)\n", apply.median, apply.max, name, shown);
        worstFilter = std::max(worstFilter, apply.max);
    }
    const Figures cleared = summarise(clearing);
    std::printf("portfolio filter ms: %.1f / %.1f  (clearing any of them: all %d rows back, sorted)\n", cleared.median,
                cleared.max, accounts);
    worstFilter = std::max(worstFilter, cleared.max);
    // The search as it is typed: one filter change per key.
    const QString typed = QStringLiteral("umbrella 4");
    const Figures typing = time(runs, [&](int) {
        for (qsizetype n = 1; n <= typed.size(); ++n)
            filter.setSearchText(typed.left(n));
        filter.setSearchText({});
    });
    std::printf("portfolio typing ms per key: %.1f / %.1f  ('%s')\n", typing.median / (typed.size() + 1),
                typing.max / (typed.size() + 1), qPrintable(typed));

    const Figures summary = time(runs, [&](int) { (void)filter.summary(); });
    std::printf("portfolio summary ms: %.1f / %.1f\n", summary.median, summary.max);
    std::printf("worst: sort %.1f ms, filter %.1f ms (target < 50 ms)\n", worstSort, worstFilter);
    return 0;
}
