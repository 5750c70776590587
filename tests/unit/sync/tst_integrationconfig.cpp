#include "sync/IntegrationConfig.h"

#include <QJsonDocument>
#include <QTest>

namespace {

IntegrationConfig richConfig()
{
    IntegrationConfig config = IntegrationConfig::defaults();
    config.matching.account.caseInsensitive = true;
    StreamMapping &features = config.stream(StreamKind::Features);
    features.selection = SelectionMode::Items;
    features.items.insert(-323232, {QStringLiteral("f2"), QStringLiteral("f1"), QStringLiteral("f2")});
    features.items.insert(4000000000000123LL, {QStringLiteral("m1")});
    features.metrics = {{CsObject::Project, Measure::Minutes}, {CsObject::Account, Measure::DistinctUsers},
                        {CsObject::Account, Measure::DistinctUsers}};
    features.apps = AppMode::Combined;
    StreamMapping &guides = config.stream(StreamKind::Guides);
    guides.enabled = true;
    guides.selection = SelectionMode::Core;
    guides.metrics = {{CsObject::Contact, Measure::Events}};
    config.reports.append({QStringLiteral("r1"), QStringLiteral("Account activity"), QStringLiteral("account_id"),
                           CsObject::Account,
                           {{QStringLiteral("num_events"), QStringLiteral("Events 30d"), ValueType::Number},
                            {QStringLiteral("last_visit"), QStringLiteral("Last visit"), ValueType::Timestamp}}});
    const QJsonArray pipeline = QJsonDocument::fromJson(
                                    "[{\"source\":{\"featureEvents\":null,\"timeSeries\":{\"period\":\"dayRange\","
                                    "\"first\":\"now()\",\"count\":-1}}},{\"group\":{\"group\":[\"accountId\"],"
                                    "\"fields\":{\"clicks\":{\"sum\":\"numEvents\"}}}}]")
                                    .array();
    config.aggregations.append({QStringLiteral("Clicks"), pipeline, CsObject::Account, QStringLiteral("accountId"),
                                {{QStringLiteral("clicks"), QStringLiteral("Clicks"), ValueType::Number}}});
    config.pes.usePendoCoreEvents = false;
    config.pes.coreEvents = {{QStringLiteral("page"), QStringLiteral("p1")}, {QStringLiteral("feature"), QStringLiteral("f1")}};
    config.pes.stickiness = Stickiness::WauMau;
    config.firstValueEvents = {{QStringLiteral("feature"), QStringLiteral("f9")}, {QStringLiteral("feature"), QStringLiteral("f1")}};
    return config;
}

QByteArray withChange(const char *path, const QJsonValue &value)
{
    // Sets a dot path (numeric parts index lists) in the rich configuration's JSON.
    const QStringList parts = QString::fromLatin1(path).split(u'.');
    std::function<QJsonValue(const QJsonValue &, int)> set = [&](const QJsonValue &node, int i) -> QJsonValue {
        if (i == parts.size())
            return value;
        bool isIndex = false;
        const int index = parts.at(i).toInt(&isIndex);
        if (isIndex) {
            QJsonArray array = node.toArray();
            array.replace(index, set(array.at(index), i + 1));
            return array;
        }
        QJsonObject object = node.toObject();
        if (value.isUndefined() && i + 1 == parts.size())
            object.remove(parts.at(i));
        else
            object.insert(parts.at(i), set(object.value(parts.at(i)), i + 1));
        return object;
    };
    return QJsonDocument(set(richConfig().toJson(), 0).toObject()).toJson();
}

} // namespace

/** The integration configuration as JSON: defaults, a stable round trip and errors that name the path. */
class TestIntegrationConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsFollowTheFirstRunPromise()
    {
        const IntegrationConfig config = IntegrationConfig::defaults();
        QCOMPARE(config.matching.account.pendoField, QStringLiteral("accountId"));
        QCOMPARE(config.matching.account.csField, QStringLiteral("external_id"));
        QCOMPARE(config.matching.contact.size(), 2);
        QCOMPARE(config.matching.contact.at(1).csField, QStringLiteral("email"));
        for (StreamKind kind : {StreamKind::Features, StreamKind::Pages}) {
            QVERIFY(config.stream(kind).enabled);
            QCOMPARE(config.stream(kind).selection, SelectionMode::All);
            QVERIFY(config.stream(kind).userActivities);
        }
        QVERIFY(!config.stream(StreamKind::Guides).enabled);
        QVERIFY(!config.stream(StreamKind::TrackEvents).enabled);
        for (const StreamMapping &stream : config.streams)
            QCOMPARE(stream.apps, AppMode::Split);
        QVERIFY(config.pes.usePendoCoreEvents);
        QCOMPARE(config.pes.stickiness, Stickiness::DauMau);
    }

    void roundTrip_data()
    {
        QTest::addColumn<bool>("rich");
        QTest::newRow("defaults") << false;
        QTest::newRow("rich") << true;
    }

    void roundTrip()
    {
        QFETCH(bool, rich);
        IntegrationConfig config = rich ? richConfig() : IntegrationConfig::defaults();
        const QByteArray bytes = config.toJsonBytes();
        QString error;
        const auto read = IntegrationConfig::fromJsonBytes(bytes, &error);
        QVERIFY2(read, qPrintable(error));
        config.normalize();
        QVERIFY(*read == config);
        QCOMPARE(read->toJsonBytes(), bytes);
    }

    void exportIsReadableAndDeterministic()
    {
        const QByteArray bytes = richConfig().toJsonBytes();
        QVERIFY(bytes.contains("\n    \"formatVersion\": 1,\n"));
        QVERIFY(bytes.endsWith("}\n"));
        // Sets come out sorted and without duplicates, whatever order they were built in.
        const QJsonObject json = QJsonDocument::fromJson(bytes).object();
        const QJsonObject features = json.value(QStringLiteral("streams")).toObject().value(QStringLiteral("features")).toObject();
        QCOMPARE(features.value(QStringLiteral("items")).toObject().value(QStringLiteral("-323232")).toArray(),
                 QJsonArray({QStringLiteral("f1"), QStringLiteral("f2")}));
        QCOMPARE(features.value(QStringLiteral("targets")).toArray().size(), 2);
        QCOMPARE(features.value(QStringLiteral("targets")).toArray().at(0).toObject().value(QStringLiteral("object")),
                 QJsonValue(QStringLiteral("account")));
        QCOMPARE(json.value(QStringLiteral("firstValueEvents")).toArray().at(0).toObject().value(QStringLiteral("id")),
                 QJsonValue(QStringLiteral("f1")));
        QCOMPARE(json.value(QStringLiteral("pes")).toObject().value(QStringLiteral("stickiness")),
                 QJsonValue(QStringLiteral("wau/mau")));
    }

    void validationNamesThePath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{\n  \"formatVersion\": 1,\n  oops\n}")
                                  << QStringLiteral("not valid JSON at line 3");
        QTest::newRow("newer format") << withChange("formatVersion", 2)
                                      << QStringLiteral("formatVersion: version 2 was written by a newer");
        QTest::newRow("no format") << withChange("formatVersion", QJsonValue::Undefined)
                                   << QStringLiteral("formatVersion: missing");
        QTest::newRow("unknown top key") << withChange("colour", 1) << QStringLiteral("unknown key 'colour'");
        QTest::newRow("unknown stream") << withChange("streams.polls", QJsonObject())
                                        << QStringLiteral("streams: unknown key 'polls'");
        QTest::newRow("bad measure") << withChange("streams.features.targets.1.measure", QStringLiteral("clicks"))
                                     << QStringLiteral("streams.features.targets[1].measure: unknown measure 'clicks'");
        QTest::newRow("bad object") << withChange("streams.guides.targets.0.object", QStringLiteral("team"))
                                    << QStringLiteral("streams.guides.targets[0].object: unknown object 'team'");
        QTest::newRow("bad selection") << withChange("streams.pages.selection", QStringLiteral("some"))
                                       << QStringLiteral("streams.pages.selection: unknown selection 'some'");
        QTest::newRow("bad apps") << withChange("streams.pages.apps", QStringLiteral("merged"))
                                  << QStringLiteral("streams.pages.apps: unknown app mode 'merged'");
        QTest::newRow("enabled not bool") << withChange("streams.pages.enabled", QStringLiteral("yes"))
                                          << QStringLiteral("streams.pages.enabled: expected true or false");
        QTest::newRow("bad app id") << withChange("streams.features.items.web", QJsonArray{QStringLiteral("x")})
                                    << QStringLiteral("streams.features.items.web: 'web' is not an app id");
        QTest::newRow("report without id") << withChange("reports.0.reportId", QString())
                                           << QStringLiteral("reports[0].reportId: must not be empty");
        QTest::newRow("report value type") << withChange("reports.0.values.1.type", QStringLiteral("date"))
                                           << QStringLiteral("reports[0].values[1].type: unknown type 'date'");
        QTest::newRow("report no values") << withChange("reports.0.values", QJsonArray())
                                          << QStringLiteral("reports[0].values: map at least one value column");
        QTest::newRow("pipeline not list") << withChange("aggregations.0.pipeline", QJsonObject())
                                           << QStringLiteral("aggregations[0].pipeline: the pipeline must be a list");
        QTest::newRow("pipeline first stage")
            << withChange("aggregations.0.pipeline.0", QJsonObject{{QStringLiteral("filter"), QStringLiteral("true")}})
            << QStringLiteral("aggregations[0].pipeline[0]: the first stage must be a 'source'");
        QTest::newRow("object source")
            << withChange("aggregations.0.pipeline.0.source",
                          QJsonObject{{QStringLiteral("accounts"), QJsonValue::Null}})
            << QStringLiteral("aggregations[0].pipeline[0].source.accounts: 'accounts' is not an event source");
        QTest::newRow("no time series")
            << withChange("aggregations.0.pipeline.0.source",
                          QJsonObject{{QStringLiteral("featureEvents"), QJsonValue::Null}})
            << QStringLiteral("aggregations[0].pipeline[0].source.timeSeries: an event source needs a timeSeries");
        QTest::newRow("two operators")
            << withChange("aggregations.0.pipeline.1.limit", 5)
            << QStringLiteral("aggregations[0].pipeline[1]: a stage has exactly one operator, found 2");
        QTest::newRow("pes core events word") << withChange("pes.coreEvents", QStringLiteral("mine"))
                                              << QStringLiteral("pes.coreEvents: use \"pendo\"");
        QTest::newRow("pes stickiness") << withChange("pes.stickiness", QStringLiteral("mau/dau"))
                                        << QStringLiteral("pes.stickiness: unknown stickiness 'mau/dau'");
        QTest::newRow("first value kind") << withChange("firstValueEvents.1.kind", QStringLiteral("poll"))
                                          << QStringLiteral("firstValueEvents[1].kind: unknown kind 'poll'");
        QTest::newRow("matching") << withChange("matching.account.csField", QString())
                                  << QStringLiteral("matching: the account rule needs");
    }

    void validationNamesThePath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!IntegrationConfig::fromJsonBytes(json, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void changesAreNamedBySection()
    {
        const IntegrationConfig before = IntegrationConfig::defaults();
        IntegrationConfig after = before;
        QVERIFY(IntegrationConfig::changedSections(before, after).isEmpty());
        QVERIFY(IntegrationConfig::recomputeScope(before, after).isEmpty());

        after.stream(StreamKind::Pages).selection = SelectionMode::Core;
        after.stream(StreamKind::Pages).metrics.append({CsObject::Account, Measure::Events});
        after.pes.stickiness = Stickiness::DauWau;
        QCOMPARE(IntegrationConfig::changedSections(before, after),
                 QStringList({QStringLiteral("streams.pages"), QStringLiteral("pes")}));
        QCOMPARE(IntegrationConfig::describeChanges(before, after).first(),
                 QStringLiteral("streams.pages: selection, targets"));
        const RecomputeScope scope = IntegrationConfig::recomputeScope(before, after);
        QVERIFY(!scope.identities);
        QCOMPARE(scope.streams, QList<StreamKind>{StreamKind::Pages});
        QVERIFY(scope.pes);

        after = before;
        after.matching.autoCreateEndUsers = true;
        QVERIFY(IntegrationConfig::recomputeScope(before, after).identities);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationConfig)
#include "tst_integrationconfig.moc"
