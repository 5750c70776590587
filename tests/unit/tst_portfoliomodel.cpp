#include "items/PortfolioFilter.h"
#include "items/PortfolioModel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(PortfolioFilter::Criteria)

namespace {

const QDate today(2025, 3, 1);

PortfolioRow row(qint64 id, const QString &name, const QString &externalId, const QString &owner, const QString &stage,
                 std::optional<double> score, double mau, std::optional<double> arr, int renewalInDays)
{
    PortfolioRow r;
    r.accountId = id;
    r.name = name;
    r.externalId = externalId;
    r.owner = owner;
    r.stage = stage;
    r.score = score;
    if (score)
        r.band = *score < 40 ? HealthBand::Red : *score < 70 ? HealthBand::Yellow : HealthBand::Green;
    r.mau = mau;
    r.wau = mau / 2;
    r.arr = arr;
    if (renewalInDays != INT_MIN)
        r.renewalDate = today.addDays(renewalInDays);
    return r;
}

/**
 * Five accounts, worked out by hand: two red (Beta 120,000 and Echo 8,000 ARR), one yellow
 * (Cobalt 30,000), one green (Acme), one without a score (Delta, no ARR, no renewal date).
 */
QList<PortfolioRow> sampleRows()
{
    QList<PortfolioRow> rows{
        row(1, QStringLiteral("Acme"), QStringLiteral("A-1"), QStringLiteral("Maya"), QStringLiteral("Growth"), 82, 120,
            50000, 10),
        row(2, QStringLiteral("beta Labs"), QStringLiteral("B-2"), QStringLiteral("Omar"), QStringLiteral("Adoption"), 35,
            10, 120000, 45),
        row(3, QStringLiteral("Cobalt"), QStringLiteral("C-3"), QStringLiteral("Maya"), QString(), 55, 40, 30000, 200),
        row(4, QStringLiteral("Delta"), QStringLiteral("D-4"), QString(), QStringLiteral("Growth"), std::nullopt, 0,
            std::nullopt, INT_MIN),
        row(5, QStringLiteral("Echo"), QStringLiteral("ZX-9"), QStringLiteral("Omar"), QStringLiteral("Growth"), 12, 5,
            8000, -3),
    };
    rows[0].scoreDelta7 = 3;
    rows[1].scoreDelta7 = -4;
    rows[2].scoreDelta7 = 0.5;
    rows[4].scoreDelta7 = -10;
    rows[0].lastActiveDay = int(today.toJulianDay()) - 1;
    rows[1].lastActiveDay = int(today.toJulianDay()) - 20;
    rows[2].lastActiveDay = int(today.toJulianDay()) - 5;
    rows[4].lastActiveDay = int(today.toJulianDay()) - 60;
    rows[0].stickiness = 0.5;
    rows[0].pes = 71;
    rows[0].licenceUtilisation = 0.84;
    return rows;
}

QStringList names(const QAbstractItemModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.index(i, PortfolioModel::Name).data().toString();
    return out;
}

} // namespace

/** The portfolio table and its filter: contents, roles, sorting, each filter, search and the tile figures. */
class TestPortfolioModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelShowsRowsWithRoles()
    {
        PortfolioModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(sampleRows());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.columnCount(), int(PortfolioModel::ColumnCount));
        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, PortfolioModel::Score).toString(), QStringLiteral("82"));
        QCOMPARE(cell(3, PortfolioModel::Score).toString(), QStringLiteral("—"));
        QCOMPARE(cell(0, PortfolioModel::Score, PortfolioModel::BandRole).toInt(), int(HealthBand::Green));
        QCOMPARE(cell(1, PortfolioModel::Score, PortfolioModel::BandRole).toInt(), int(HealthBand::Red));
        QVERIFY(!cell(3, PortfolioModel::Score, PortfolioModel::BandRole).isValid());
        QCOMPARE(cell(0, PortfolioModel::Score, PortfolioModel::TrendArrowRole).toString(), QStringLiteral("▲"));
        QCOMPARE(cell(1, PortfolioModel::Score, PortfolioModel::TrendArrowRole).toString(), QStringLiteral("▼"));
        QCOMPARE(cell(2, PortfolioModel::Score, PortfolioModel::TrendArrowRole).toString(), QString()); // +0.5: steady
        QCOMPARE(cell(2, PortfolioModel::Score, PortfolioModel::TrendRole).toInt(), 0);
        QCOMPARE(cell(4, PortfolioModel::Score, PortfolioModel::TrendRole).toInt(), -1);
        QCOMPARE(cell(0, PortfolioModel::Stickiness).toString(), MetricFields::format(MetricField::WauMau, 0.5));
        QCOMPARE(cell(0, PortfolioModel::LicenceUtilisation).toString(),
                 MetricFields::format(MetricField::LicenceUtilisation, 0.84));
        QCOMPARE(cell(1, PortfolioModel::Pes).toString(), QStringLiteral("—"));
        QCOMPARE(cell(0, PortfolioModel::LastActivity).toString(),
                 QLocale().toString(today.addDays(-1), QLocale::ShortFormat));
        QCOMPARE(cell(3, PortfolioModel::LastActivity).toString(), QStringLiteral("Never"));
        QCOMPARE(cell(1, PortfolioModel::Arr).toString(), QLocale().toString(120000.0, 'f', 0));
        QCOMPARE(cell(1, PortfolioModel::Arr, PortfolioModel::SortRole).toDouble(), 120000.0);
        QVERIFY(!cell(3, PortfolioModel::Arr, PortfolioModel::SortRole).isValid());
        QCOMPARE(cell(0, PortfolioModel::Renewal, PortfolioModel::SortRole).toLongLong(), today.addDays(10).toJulianDay());
        QCOMPARE(cell(4, PortfolioModel::Mau, PortfolioModel::AccountIdRole).toLongLong(), 5);
        QCOMPARE(cell(4, PortfolioModel::Mau, PortfolioModel::ExternalIdRole).toString(), QStringLiteral("ZX-9"));
        QCOMPARE(model.rowOf(3), 2);
        QCOMPARE(model.rowOf(99), -1);
        QCOMPARE(model.headerData(PortfolioModel::Arr, Qt::Horizontal).toString(), QStringLiteral("ARR"));
    }

    void sortsByRawValuesWithMissingFirst_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QStringList>("expected");
        const QString acme = QStringLiteral("Acme"), beta = QStringLiteral("beta Labs"), cobalt = QStringLiteral("Cobalt"),
                      delta = QStringLiteral("Delta"), echo = QStringLiteral("Echo");
        QTest::newRow("score ascending") << int(PortfolioModel::Score) << int(Qt::AscendingOrder)
                                         << QStringList{delta, echo, beta, cobalt, acme};
        QTest::newRow("score descending") << int(PortfolioModel::Score) << int(Qt::DescendingOrder)
                                          << QStringList{acme, cobalt, beta, echo, delta};
        QTest::newRow("ARR descending") << int(PortfolioModel::Arr) << int(Qt::DescendingOrder)
                                        << QStringList{beta, acme, cobalt, echo, delta};
        QTest::newRow("last activity ascending") << int(PortfolioModel::LastActivity) << int(Qt::AscendingOrder)
                                                 << QStringList{delta, echo, beta, cobalt, acme};
        QTest::newRow("name ignores case") << int(PortfolioModel::Name) << int(Qt::AscendingOrder)
                                           << QStringList{acme, beta, cobalt, delta, echo};
        QTest::newRow("owner, ties by name") << int(PortfolioModel::Owner) << int(Qt::AscendingOrder)
                                             << QStringList{delta, acme, cobalt, beta, echo};
        QTest::newRow("renewal ascending") << int(PortfolioModel::Renewal) << int(Qt::AscendingOrder)
                                           << QStringList{delta, echo, acme, beta, cobalt};
    }

    void sortsByRawValuesWithMissingFirst()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QStringList, expected);
        PortfolioModel model;
        model.setRows(sampleRows());
        PortfolioFilter filter(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.sort(column, Qt::SortOrder(order));
        QCOMPARE(names(filter), expected);
    }

    void eachFilterNarrowsTheRows_data()
    {
        QTest::addColumn<PortfolioFilter::Criteria>("criteria");
        QTest::addColumn<QStringList>("expected");
        const QString acme = QStringLiteral("Acme"), beta = QStringLiteral("beta Labs"), cobalt = QStringLiteral("Cobalt"),
                      delta = QStringLiteral("Delta"), echo = QStringLiteral("Echo");
        PortfolioFilter::Criteria c;
        QTest::newRow("nothing") << c << QStringList{acme, beta, cobalt, delta, echo};
        c.bands = PortfolioFilter::Band::Red;
        QTest::newRow("red") << c << QStringList{beta, echo};
        c.bands = PortfolioFilter::Band::Red | PortfolioFilter::Band::Unscored;
        QTest::newRow("red or no score") << c << QStringList{beta, delta, echo};
        c.bands = PortfolioFilter::Band::Yellow | PortfolioFilter::Band::Green;
        QTest::newRow("yellow and green") << c << QStringList{acme, cobalt};
        c = {};
        c.owner = QStringLiteral("Maya");
        QTest::newRow("owner") << c << QStringList{acme, cobalt};
        c.owner = QString();
        QTest::newRow("no owner") << c << QStringList{delta};
        c = {};
        c.stage = QStringLiteral("Growth");
        QTest::newRow("stage") << c << QStringList{acme, delta, echo};
        c.stage = QString();
        QTest::newRow("no stage") << c << QStringList{cobalt};
        c = {};
        c.renewalWithinDays = 30;
        QTest::newRow("renewal in 30 days (not the past one)") << c << QStringList{acme};
        c.renewalWithinDays = 45;
        QTest::newRow("renewal in 45 days, both ends included") << c << QStringList{acme, beta};
        c = {};
        c.search = QStringLiteral("maya");
        QTest::newRow("search owner") << c << QStringList{acme, cobalt};
        c.search = QStringLiteral("zx-");
        QTest::newRow("search external id") << c << QStringList{echo};
        c.search = QStringLiteral("LABS");
        QTest::newRow("search name, any case") << c << QStringList{beta};
        c.search = QStringLiteral("  acme   maya ");
        QTest::newRow("every word") << c << QStringList{acme};
        c.search = QStringLiteral("acme omar");
        QTest::newRow("words from different rows") << c << QStringList{};
        c.search = QStringLiteral("labs\tomar");
        QTest::newRow("any white space separates words") << c << QStringList{beta};
        c = {};
        c.owner = QStringLiteral("Omar");
        c.stage = QStringLiteral("Growth");
        c.bands = PortfolioFilter::Band::Red;
        QTest::newRow("combined") << c << QStringList{echo};
    }

    void eachFilterNarrowsTheRows()
    {
        QFETCH(PortfolioFilter::Criteria, criteria);
        QFETCH(QStringList, expected);
        PortfolioModel model;
        model.setRows(sampleRows());
        PortfolioFilter filter(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setToday(today);
        filter.sort(PortfolioModel::Name);
        filter.setCriteria(criteria);
        QCOMPARE(names(filter), expected);
    }

    void settersRefilterOnceAndOnlyOnChange()
    {
        PortfolioModel model;
        model.setRows(sampleRows());
        PortfolioFilter filter(&model);
        filter.setToday(today);
        QSignalSpy changed(&filter, &PortfolioFilter::filterChanged);
        filter.setOwner(QStringLiteral("Omar"));
        QCOMPARE(changed.size(), 1);
        filter.setOwner(QStringLiteral("Omar"));
        filter.setSearchText(QStringLiteral("  "));
        QCOMPARE(changed.size(), 1); // a blank search is no search
        filter.setBands(PortfolioFilter::Band::Red);
        filter.setStage(QStringLiteral("Growth"));
        filter.setRenewalWithinDays(400);
        QCOMPARE(changed.size(), 4);
        QCOMPARE(filter.rowCount(), 0); // Echo renewed 3 days ago
        filter.setToday(today.addDays(-5));
        QCOMPARE(changed.size(), 5);
        QCOMPARE(filter.rowCount(), 1);
        model.setRows(sampleRows().mid(0, 2));
        QCOMPARE(changed.size(), 6);
        QCOMPARE(filter.rowCount(), 0);
    }

    void summaryIsOverTheRowsShown()
    {
        PortfolioModel model;
        model.setRows(sampleRows());
        PortfolioFilter filter(&model);
        filter.setToday(today);
        PortfolioSummary all;
        all.accounts = 5;
        all.red = 2;
        all.yellow = 1;
        all.green = 1;
        all.unscored = 1;
        all.arrRed = 120000 + 8000;
        all.arrYellow = 30000;
        all.mauTotal = 120 + 10 + 40 + 0 + 5;
        QCOMPARE(filter.summary(), all);
        QCOMPARE(all.inBand(HealthBand::Red), 2);

        filter.setOwner(QStringLiteral("Maya"));
        PortfolioSummary maya;
        maya.accounts = 2;
        maya.yellow = 1;
        maya.green = 1;
        maya.arrYellow = 30000;
        maya.mauTotal = 160;
        QCOMPARE(filter.summary(), maya);

        filter.setCriteria({});
        filter.setSearchText(QStringLiteral("e")); // Acme, beta Labs, Delta, Echo
        PortfolioSummary e;
        e.accounts = 4;
        e.red = 2;
        e.green = 1;
        e.unscored = 1;
        e.arrRed = 128000;
        e.mauTotal = 135;
        QCOMPARE(filter.summary(), e);
    }

    void ownersAndStagesAreDistinctAndSorted()
    {
        PortfolioModel model;
        model.setRows(sampleRows());
        PortfolioFilter filter(&model);
        QCOMPARE(filter.owners(), (QStringList{QStringLiteral("Maya"), QStringLiteral("Omar")}));
        QCOMPARE(filter.stages(), (QStringList{QStringLiteral("Adoption"), QStringLiteral("Growth")}));
    }
};

QTEST_GUILESS_MAIN(TestPortfolioModel)
#include "tst_portfoliomodel.moc"
