#include "analytics/HealthModel.h"

#include <QTest>

namespace {

HealthModel twoInputs()
{
    HealthModel model;
    model.inputs = {{QStringLiteral("mau"), 3, 0, 10, 20, 40}, {QStringLiteral("days_since_active"), 1, 30, 7, 2, 0}};
    return model;
}

HealthModel::Lookup values(const QHash<QString, double> &v)
{
    return [v](const QString &metric) { return v.value(metric, MetricRow::missing()); };
}

} // namespace

/** Health model: points at the thresholds, bands at the cut-offs, missing inputs, explanations. */
class TestHealthModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pointsAtThresholds_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("points");
        // mau: 0 → 0, 10 → 40, 20 → 70, 40 → 100
        QTest::newRow("below zero anchor") << -5.0 << 0.0;
        QTest::newRow("zero anchor") << 0.0 << 0.0;
        QTest::newRow("half way to yellow") << 5.0 << 20.0;
        QTest::newRow("yellow threshold") << 10.0 << 40.0;
        QTest::newRow("green threshold") << 20.0 << 70.0;
        QTest::newRow("between green and full") << 30.0 << 85.0;
        QTest::newRow("full") << 40.0 << 100.0;
        QTest::newRow("beyond full") << 400.0 << 100.0;
    }

    void pointsAtThresholds()
    {
        QFETCH(double, value);
        QFETCH(double, points);
        const HealthInput mau = twoInputs().inputs.at(0);
        QCOMPARE(mau.points(value), points);
        if (points > 0 && points < 100)
            QCOMPARE(*mau.valueFor(points), value);
    }

    void descendingInput()
    {
        const HealthInput days = twoInputs().inputs.at(1); // 30 → 0, 7 → 40, 2 → 70, 0 → 100
        QCOMPARE(days.points(45), 0.0);
        QCOMPARE(days.points(30), 0.0);
        QCOMPARE(days.points(7), 40.0);
        QCOMPARE(days.points(2), 70.0);
        QCOMPARE(days.points(1), 85.0);
        QCOMPARE(days.points(0), 100.0);
        QCOMPARE(*days.valueFor(70), 2.0);
    }

    void bandsAtCutOffs_data()
    {
        QTest::addColumn<double>("score");
        QTest::addColumn<int>("band");
        QTest::newRow("0") << 0.0 << int(HealthBand::Red);
        QTest::newRow("just below yellow") << 39.999 << int(HealthBand::Red);
        QTest::newRow("yellow") << 40.0 << int(HealthBand::Yellow);
        QTest::newRow("just below green") << 69.999 << int(HealthBand::Yellow);
        QTest::newRow("green") << 70.0 << int(HealthBand::Green);
        QTest::newRow("100") << 100.0 << int(HealthBand::Green);
    }

    void bandsAtCutOffs()
    {
        QFETCH(double, score);
        QFETCH(int, band);
        QCOMPARE(int(HealthModel().bandOf(score)), band);
    }

    void weightsAndMissingInputs()
    {
        const HealthModel model = twoInputs();
        // mau 20 → 70 points (weight 3), days 7 → 40 points (weight 1): (210 + 40) / 4.
        QCOMPARE(*model.score(values({{QStringLiteral("mau"), 20}, {QStringLiteral("days_since_active"), 7}})), 62.5);
        // Without days since active, the weights re-normalise: the score is mau's points alone.
        QCOMPARE(*model.score(values({{QStringLiteral("mau"), 20}})), 70.0);
        QVERIFY(!model.score(values({})));
    }

    void explanationSumsToTheScore_data()
    {
        QTest::addColumn<double>("mau");
        QTest::addColumn<double>("days");
        QTest::newRow("red") << 2.0 << 20.0;
        QTest::newRow("yellow") << 12.0 << 5.0;
        QTest::newRow("green") << 35.0 << 1.0;
        QTest::newRow("one missing") << 12.0 << double(MetricRow::missing());
    }

    void explanationSumsToTheScore()
    {
        QFETCH(double, mau);
        QFETCH(double, days);
        const HealthModel model = twoInputs();
        QHash<QString, double> v{{QStringLiteral("mau"), mau}};
        if (!std::isnan(days))
            v.insert(QStringLiteral("days_since_active"), days);
        const HealthExplanation e = model.explain(values(v));
        QVERIFY(e.scored);
        QCOMPARE(e.score, *model.score(values(v)));
        double sum = 0, weights = 0;
        for (const HealthContribution &c : e.inputs) {
            sum += c.contribution;
            weights += c.weight;
            QCOMPARE(c.contribution, c.points * c.weight);
        }
        QVERIFY(qAbs(sum - e.score) < 1e-9);
        QVERIFY(qAbs(weights - 1.0) < 1e-9);
        QCOMPARE(e.inputs.at(1).present, !std::isnan(days));
        // The biggest drag loses the most points.
        QVERIFY(e.biggestDrag >= 0);
        for (const HealthContribution &c : e.inputs)
            QVERIFY(c.lostPoints <= e.inputs.at(e.biggestDrag).lostPoints);
        // Each move alone lifts the score exactly to the next band.
        QCOMPARE(e.nextBand.has_value(), e.band != HealthBand::Green);
        if (e.nextBand)
            QVERIFY(!e.toNextBand.isEmpty());
        for (const HealthMove &move : e.toNextBand) {
            QHash<QString, double> moved = v;
            moved[move.metric] = move.to;
            const double after = *model.score(values(moved));
            QVERIFY2(model.bandOf(after + 1e-9) == *e.nextBand, qPrintable(QString::number(after)));
            QVERIFY(qAbs(after - (e.band == HealthBand::Red ? model.yellowFrom : model.greenFrom)) < 1e-6);
        }
    }

    void unreachableMovesAreLeftOut()
    {
        // Days since active already at 0 cannot lift a red score to yellow on its own.
        const HealthModel model = twoInputs();
        const HealthExplanation e =
            model.explain(values({{QStringLiteral("mau"), 0}, {QStringLiteral("days_since_active"), 0}}));
        QCOMPARE(e.band, HealthBand::Red); // 100 × 1/4 = 25
        QCOMPARE(e.toNextBand.size(), 1);
        QCOMPARE(e.toNextBand.front().metric, QStringLiteral("mau"));
    }

    void jsonRoundTripAndValidation()
    {
        const HealthModel model = HealthModel::defaults();
        QVERIFY(model.validate().isEmpty());
        QString error;
        const std::optional<HealthModel> back = HealthModel::fromJson(model.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, model);

        HealthModel bad = model;
        bad.inputs[0].metric = QStringLiteral("nonsense");
        bad.inputs[1].yellowAt = bad.inputs[1].fullAt + 1; // not monotonic
        bad.inputs[2].weight = 0;
        const QStringList problems = bad.validate();
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.at(0).contains(QStringLiteral("nonsense")));
        QVERIFY(!HealthModel::fromJson(bad.toJson(), &error));
        QVERIFY(error.contains(QStringLiteral("nonsense")));
    }

    void customMetricInputs()
    {
        HealthModel model;
        model.inputs = {{QStringLiteral("custom:report:r1/nps"), 1, 0, 20, 40, 60}};
        QVERIFY(model.validate().isEmpty());
        MetricRow row;
        const auto lookup = HealthModel::lookupFor(row, [](const QString &metric) {
            return metric == QLatin1String("report:r1/nps") ? 40.0 : MetricRow::missing();
        });
        QCOMPARE(*model.score(lookup), 70.0);
        QCOMPARE(HealthModel::metricTitle(QStringLiteral("custom:report:r1/nps")), QStringLiteral("report:r1/nps"));
    }
};

QTEST_GUILESS_MAIN(TestHealthModel)
#include "tst_healthmodel.moc"
