#include "GuiTestSupport.h"
#include "SyntheticAnalytics.h"

#include "dashboard/AccountPanels.h"
#include "dashboard/AccountView.h"
#include "dashboard/BarChart.h"
#include "dashboard/DashboardReport.h"
#include "dashboard/DashboardWidgets.h"
#include "dashboard/HealthBacktestView.h"
#include "dashboard/PortfolioView.h"
#include "dashboard/TimeSeriesChart.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int countRows(const QList<PortfolioRow> &rows, const std::function<bool(const PortfolioRow &)> &keep)
{
    return int(std::count_if(rows.cbegin(), rows.cend(), keep));
}

} // namespace

/** The dashboards driven offscreen with synthetic accounts: filters, activation, ranges, explanation, exports. */
class TestDashboard : public QObject
{
    Q_OBJECT

    static void show(QWidget &widget)
    {
        widget.resize(1280, 800);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
    }

private Q_SLOTS:
    void portfolioFilterWidgetsChangeTheTable()
    {
        const QList<PortfolioRow> rows = synthetic::portfolio(200);
        const QDate today(2025, 4, 1);
        PortfolioView view;
        view.setToday(today);
        view.setRows(rows);
        view.setAsOf(QDate::fromJulianDay(synthetic::lastDay()));
        show(view);
        saveScreenshot(view, "portfolio");

        auto *table = requireChild<QTableView>(&view, QStringLiteral("portfolioTableView"));
        QCOMPARE(table->model()->rowCount(), 200);
        QCOMPARE(requireChild<QLabel>(&view, QStringLiteral("asOfLabel"))->text(),
                 QStringLiteral("as of %1").arg(QLocale().toString(QDate(2025, 3, 31), QLocale::ShortFormat)));
        // The tiles over all accounts, counted here from the rows themselves.
        const int red = countRows(rows, [](const PortfolioRow &r) { return r.score && r.band == HealthBand::Red; });
        double arrRed = 0;
        for (const PortfolioRow &r : rows) {
            if (r.score && r.band == HealthBand::Red)
                arrRed += r.arr.value_or(0);
        }
        QCOMPARE(requireChild<DashboardTile>(&view, QStringLiteral("redTile"))->value(), QLocale().toString(red));
        QCOMPARE(requireChild<DashboardTile>(&view, QStringLiteral("arrAtRiskTile"))->value(),
                 QLocale().toString(arrRed, 'f', 0));

        // Only red: uncheck the others.
        for (const char *name : {"greenCheckBox", "yellowCheckBox", "unscoredCheckBox"})
            requireChild<QCheckBox>(&view, QString::fromLatin1(name))->setChecked(false);
        QCOMPARE(table->model()->rowCount(), red);
        QCOMPARE(requireChild<DashboardTile>(&view, QStringLiteral("greenTile"))->value(), QStringLiteral("0"));
        QCOMPARE(requireChild<DashboardTile>(&view, QStringLiteral("redTile"))->value(), QLocale().toString(red));
        requireChild<QPushButton>(&view, QStringLiteral("clearFiltersButton"))->click();
        QCOMPARE(table->model()->rowCount(), 200);

        auto *owner = requireChild<QComboBox>(&view, QStringLiteral("ownerComboBox"));
        owner->setCurrentIndex(owner->findText(QStringLiteral("Maya Chen")));
        QCOMPARE(table->model()->rowCount(),
                 countRows(rows, [](const PortfolioRow &r) { return r.owner == QLatin1String("Maya Chen"); }));
        owner->setCurrentIndex(owner->findText(QStringLiteral("No owner")));
        QCOMPARE(table->model()->rowCount(), countRows(rows, [](const PortfolioRow &r) { return r.owner.isEmpty(); }));
        owner->setCurrentIndex(0);

        auto *stage = requireChild<QComboBox>(&view, QStringLiteral("stageComboBox"));
        stage->setCurrentIndex(stage->findText(QStringLiteral("Renewal")));
        QCOMPARE(table->model()->rowCount(),
                 countRows(rows, [](const PortfolioRow &r) { return r.stage == QLatin1String("Renewal"); }));
        stage->setCurrentIndex(0);

        auto *renewal = requireChild<QSpinBox>(&view, QStringLiteral("renewalSpinBox"));
        renewal->setValue(60);
        const int renewing = countRows(rows, [&today](const PortfolioRow &r) {
            const qint64 days = today.daysTo(r.renewalDate);
            return days >= 0 && days <= 60;
        });
        QVERIFY(renewing > 0 && renewing < 200);
        QCOMPARE(table->model()->rowCount(), renewing);
        renewal->setValue(0);

        auto *search = requireChild<QLineEdit>(&view, QStringLiteral("searchLineEdit"));
        QTest::keyClicks(search, QStringLiteral("hooli 13"));
        const int matching = countRows(rows, [](const PortfolioRow &r) {
            const QString key = (r.name + u' ' + r.externalId + u' ' + r.owner).toLower();
            return key.contains(QLatin1String("hooli")) && key.contains(QLatin1String("13"));
        });
        QVERIFY(matching > 0);
        QCOMPARE(table->model()->rowCount(), matching);
        QCOMPARE(requireChild<DashboardTile>(&view, QStringLiteral("mauTile"))->value(),
                 QLocale().toString(qint64(view.summary().mauTotal)));
        saveScreenshot(view, "portfolio-searched");
    }

    void activatingARowEmitsItsAccount()
    {
        PortfolioView view;
        view.setRows(synthetic::portfolio(50));
        show(view);
        auto *table = requireChild<QTableView>(&view, QStringLiteral("portfolioTableView"));
        QSignalSpy activated(&view, &PortfolioView::accountActivated);
        QSignalSpy doubleClicked(table, &QTableView::doubleClicked);
        const QModelIndex third = table->model()->index(2, PortfolioModel::Name);
        const qint64 expected = third.data(PortfolioModel::AccountIdRole).toLongLong();
        const QPoint at = table->visualRect(third).center();
        QVERIFY(table->viewport()->rect().contains(at));
        // A double-click is a click followed by the second press: the view compares both presses' index.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(doubleClicked.size(), 1);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toLongLong(), expected);
    }

    void scoreCellShowsBandAndTrend()
    {
        PortfolioView view;
        view.setRows(synthetic::portfolio(30));
        const QModelIndex cell = view.filter()->index(0, PortfolioModel::Score);
        const QString arrow = cell.data(PortfolioModel::TrendArrowRole).toString();
        QCOMPARE(ScoreDelegate::cellText(cell, PortfolioModel::TrendArrowRole),
                 arrow.isEmpty() ? cell.data().toString() : cell.data().toString() + u' ' + arrow);
        // Worst first by default.
        QVERIFY(view.filter()->index(0, PortfolioModel::Score).data(PortfolioModel::SortRole).toDouble()
                <= view.filter()->index(29, PortfolioModel::Score).data(PortfolioModel::SortRole).toDouble()
                || !view.filter()->index(0, PortfolioModel::Score).data(PortfolioModel::SortRole).isValid());
    }

    void rangeSelectorChangesTheChartsXRange()
    {
        AccountView view;
        view.setDetail(synthetic::accountDetail(365));
        show(view);
        saveScreenshot(view, "account");
        const int last = synthetic::lastDay();
        QCOMPARE(view.rangeDays(), 90);
        QCOMPARE(view.activityChart()->xFrom(), last - 89);
        QCOMPARE(view.activityChart()->xTo(), last);
        auto *range = requireChild<QComboBox>(&view, QStringLiteral("rangeComboBox"));
        range->setCurrentIndex(range->findData(30));
        QCOMPARE(view.activityChart()->xFrom(), last - 29);
        QCOMPARE(view.healthChart()->xFrom(), last - 29);
        QCOMPARE(view.activityChart()->tableData().size(), 1 + 30);
        range->setCurrentIndex(range->findData(365));
        QCOMPARE(view.activityChart()->xFrom(), last - 364);
        QCOMPARE(view.activityChart()->tableData().size(), 1 + 365);
        QCOMPARE(view.customCharts().size(), 2);
        QCOMPARE(view.customCharts().first()->xFrom(), last - 364);
        saveScreenshot(view, "account-365");
        // The y axis fits the data shown: the 30 days hold the largest MAU, 365 days include smaller ones.
        QVERIFY(view.activityChart()->yRange().second >= 175);
        QCOMPARE(view.healthChart()->yRange(), std::make_pair(0.0, 100.0));
        QCOMPARE(view.healthChart()->markers().size(), 2);
    }

    void headerShowsTheAccount()
    {
        AccountView view;
        const AccountDetail detail = synthetic::accountDetail(365);
        view.setDetail(detail);
        QCOMPARE(requireChild<QLabel>(&view, QStringLiteral("accountNameLabel"))->text(), QStringLiteral("Acme Corporation"));
        QVERIFY(requireChild<QLabel>(&view, QStringLiteral("scoreChipLabel"))->text().startsWith(QStringLiteral("49 · Yellow")));
        const QString facts = requireChild<QLabel>(&view, QStringLiteral("accountFactsLabel"))->text();
        QVERIFY2(facts.contains(detail.summary.owner), qPrintable(facts));
        QVERIFY2(facts.contains(QLocale().toString(*detail.summary.arr, 'f', 0)), qPrintable(facts));
        QVERIFY2(facts.contains(QLocale().toString(QDate::fromJulianDay(*detail.firstValueDay), QLocale::ShortFormat)),
                 qPrintable(facts));
        QCOMPARE(requireChild<DashboardTile>(&view, QStringLiteral("pesTile"))->value(), QStringLiteral("55"));
        // Top features plus the core ones beyond them, most used first.
        const QList<BarItem> bars = view.featureChart()->bars();
        const int coreBeyondTop = int(std::count_if(detail.items.cbegin() + AccountView::topFeatureCount,
                                                    detail.items.cend(), [](const ItemUsage &item) { return item.core; }));
        QVERIFY(bars.size() >= AccountView::topFeatureCount);
        QVERIFY(bars.size() <= AccountView::topFeatureCount + coreBeyondTop);
        QCOMPARE(bars.first().label, QStringLiteral("Feature 1"));
        QVERIFY(bars.first().highlighted);
        QVERIFY(bars.constLast().highlighted); // Feature 26, core, beyond the top ten
        auto *users = requireChild<QTableView>(&view, QStringLiteral("usersTableView"));
        QCOMPARE(users->model()->rowCount(), 25);
        QCOMPARE(users->model()->index(0, AccountUsersModel::Name).data().toString(), QStringLiteral("User 1"));
        QCOMPARE(users->model()->index(24, AccountUsersModel::LastSeen).data().toString(), QStringLiteral("Never"));
    }

    void explanationContributionsAddUpToTheScore()
    {
        AccountView view;
        const AccountDetail detail = synthetic::accountDetail(365);
        view.setDetail(detail);
        auto *table = requireChild<QTableWidget>(&view, QStringLiteral("explanationTableWidget"));
        QCOMPARE(table->rowCount(), int(detail.explanation.inputs.size()));
        double sum = 0;
        for (int row = 0; row < table->rowCount(); ++row)
            sum += table->item(row, ExplanationPanel::Contribution)->data(Qt::UserRole).toDouble();
        QCOMPARE(sum, detail.explanation.score);
        QCOMPARE(sum, 49.0);
        QCOMPARE(table->item(0, ExplanationPanel::Input)->text(), QStringLiteral("MAU (biggest drag)"));
        QVERIFY(table->item(0, ExplanationPanel::Contribution)->font().bold());
        QVERIFY(!table->item(1, ExplanationPanel::Contribution)->font().bold());
        QCOMPARE(table->item(0, ExplanationPanel::Weight)->text(), QStringLiteral("40%"));
        QCOMPARE(table->item(1, ExplanationPanel::Value)->text(), QStringLiteral("50%"));
        QCOMPARE(table->item(4, ExplanationPanel::Value)->text(), QStringLiteral("no value"));
        QCOMPARE(view.explanationPanel()->highlightedRow(), 0);
        QCOMPARE(view.explanationPanel()->moveLines(),
                 (QStringList{QStringLiteral("To reach Green:"), QStringLiteral("• Raise MAU from 150 to 260")}));
        QCOMPARE(ExplanationPanel::moveText({QStringLiteral("days_since_active"), QStringLiteral("Days since last activity"),
                                             12, 3}),
                 QStringLiteral("Lower Days since last activity from %1 to %2")
                     .arg(MetricFields::format(MetricField::DaysSinceActive, 12),
                          MetricFields::format(MetricField::DaysSinceActive, 3)));
    }

    void chartsExportPngAndExactCsv()
    {
        QTemporaryDir dir;
        const int d0 = int(QDate(2025, 3, 1).toJulianDay());
        TimeSeriesChart chart;
        chart.setTitle(QStringLiteral("Activity"));
        chart.setSeries({{QStringLiteral("DAU"), {QPointF(d0, 1), QPointF(d0 + 2, 3)}},
                         {QStringLiteral("MAU"), {QPointF(d0, 10), QPointF(d0 + 1, 12), QPointF(d0 + 2, 0.5)}}});
        chart.setMarkers({{d0 + 1, QStringLiteral("Model v2")}});
        chart.resize(600, 360);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QString csv = dir.filePath(QStringLiteral("activity.csv"));
        QVERIFY(chart.exportCsv(csv));
        QCOMPARE(readAll(csv), QByteArray("date,DAU,MAU\r\n2025-03-01,1,10\r\n2025-03-02,,12\r\n2025-03-03,3,0.5\r\n"));
        chart.setXRange(d0 + 1, d0 + 2);
        QVERIFY(chart.exportCsv(csv));
        QCOMPARE(readAll(csv), QByteArray("date,DAU,MAU\r\n2025-03-02,,12\r\n2025-03-03,3,0.5\r\n"));
        const QString png = dir.filePath(QStringLiteral("activity.png"));
        QVERIFY(chart.exportPng(png));
        const QImage image(png);
        QCOMPARE(image.size(), chart.size() * chart.devicePixelRatio());

        BarChart bars;
        bars.setValueTitle(QStringLiteral("events"));
        bars.setHighlightTitle(QStringLiteral("core"));
        bars.setBars({{QStringLiteral("Reports, \"beta\""), 120, true}, {QStringLiteral("Search"), 45.5, false}});
        QVERIFY(bars.exportCsv(csv));
        QCOMPARE(readAll(csv), QByteArray("label,events,core\r\n\"Reports, \"\"beta\"\"\",120,true\r\nSearch,45.5,false\r\n"));
        QVERIFY(!bars.exportCsv(dir.filePath(QStringLiteral("missing/dir/x.csv"))));
    }

    void contextMenuExportsThroughAFileDialog()
    {
        QTemporaryDir dir;
        BarChart bars;
        bars.setBars({{QStringLiteral("Search"), 3, false}});
        bars.show();
        QCOMPARE(bars.contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(bars.actions().size(), 2);
        QCOMPARE(bars.exportPngAction()->text(), QStringLiteral("Export as PNG…"));
        QCOMPARE(bars.exportCsvAction()->text(), QStringLiteral("Export data as CSV…"));
        const QString path = dir.filePath(QStringLiteral("bars.csv"));
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()), 5000);
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            dialog->selectFile(path);
            static_cast<QDialog *>(dialog)->accept();
            answered = true;
        });
        bars.exportCsvAction()->trigger();
        QVERIFY(answered);
        QCOMPARE(readAll(path), QByteArray("label,value,highlighted\r\nSearch,3,false\r\n"));
    }

    void timeSeriesChartReadsAnItemModel()
    {
        const int d0 = int(QDate(2025, 1, 1).toJulianDay());
        QStandardItemModel model(3, 2);
        model.setHorizontalHeaderLabels({QStringLiteral("day"), QStringLiteral("Tickets")});
        for (int row = 0; row < 3; ++row) {
            model.setData(model.index(row, 0), d0 + row);
            model.setData(model.index(row, 1), row * 2);
        }
        TimeSeriesChart chart;
        chart.setModel(&model, 0, {1});
        QCOMPARE(chart.series().size(), 1);
        QCOMPARE(chart.series().first().name, QStringLiteral("Tickets"));
        QCOMPARE(chart.series().first().points.size(), 3);
        model.setData(model.index(2, 1), 9);
        QCOMPARE(chart.series().first().points.at(2).y(), 9.0);
        QCOMPARE(chart.tableData().constLast(), (QStringList{QStringLiteral("2025-01-03"), QStringLiteral("9")}));
    }

    void reportWritesPictures()
    {
        QTemporaryDir dir;
        QList<AccountDetail> accounts{synthetic::accountDetail(120)};
        AccountDetail second = synthetic::accountDetail(30);
        second.summary.externalId = QStringLiteral("ACME:001"); // the same file name once sanitised
        accounts << second;
        QString error;
        QVERIFY2(DashboardReport::write(dir.path(), synthetic::portfolio(80), accounts, &error), qPrintable(error));
        if (const QString shots = qEnvironmentVariable("BRIDGE_SCREENSHOT_DIR"); !shots.isEmpty())
            DashboardReport::write(QDir(shots).filePath(QStringLiteral("report")), synthetic::portfolio(80), accounts, &error);
        const QImage portfolio(dir.filePath(QStringLiteral("portfolio.png")));
        // In device pixels: 1280 × 800 logical pixels on a screen scaled by its ratio.
        const qreal ratio = qApp->devicePixelRatio();
        QCOMPARE(portfolio.size(), QSize(DashboardReport::width, DashboardReport::portfolioHeight) * ratio);
        const QImage account(dir.filePath(QStringLiteral("account-ACME_001.png")));
        QCOMPARE(account.width(), qRound(DashboardReport::width * ratio));
        QVERIFY(account.height() > DashboardReport::portfolioHeight * ratio);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("account-ACME_001-2.png"))));
        AccountDetail odd;
        odd.summary.accountId = 7;
        odd.summary.externalId = QStringLiteral("../x");
        QCOMPARE(DashboardReport::accountFileName(odd), QStringLiteral("account-7.._x.png"));
        QVERIFY(!DashboardReport::write(QStringLiteral("/proc/no-such-dir"), {}, {}, &error));
        QVERIFY(!error.isEmpty());
    }

    void backtestViewListsBandChanges()
    {
        BacktestResult result;
        result.fromDay = synthetic::lastDay() - 30;
        result.toDay = synthetic::lastDay();
        result.changes = {{1, QStringLiteral("Acme"), result.fromDay + 3, HealthBand::Green, HealthBand::Yellow,
                           HealthBand::Green},
                          {2, QStringLiteral("Globex"), result.fromDay + 9, HealthBand::Yellow, HealthBand::Red,
                           std::nullopt}};
        result.accounts.resize(5);
        result.accountsChangingBand = 2;
        result.accountsDiffering = 1;
        HealthBacktestView view;
        view.setResult(result);
        QCOMPARE(view.model()->rowCount(), 2);
        QCOMPARE(view.model()->index(0, BandChangesModel::To).data().toString(), QStringLiteral("Yellow"));
        QCOMPARE(view.model()->index(1, BandChangesModel::Stored).data().toString(), QStringLiteral("no stored score"));
        QVERIFY(view.summaryText().contains(QStringLiteral("2 of 5 accounts")));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
