#include "ConfigCommands.h"
#include "FakeClock.h"
#include "TestSupport.h"

#include "sync/ConfigStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

/** Versions of the integration configuration, their audit entries, and export/import through the CLI command. */
class TestConfigStore : public QObject
{
    Q_OBJECT

    static QDateTime fixedNow() { return QDateTime(QDate(2026, 11, 18), QTime(15, 0), QTimeZone::utc()); }

    static int run(Database &db, const QStringList &args, QString *out = nullptr, QString *err = nullptr,
                   bool json = false)
    {
        QString outText;
        QString errText;
        QTextStream outStream(&outText);
        QTextStream errStream(&errText);
        const int code = runConfigCommand(db, args, json, outStream, errStream);
        outStream.flush();
        errStream.flush();
        if (out)
            *out = outText;
        if (err)
            *err = errText;
        return code;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void newWorkspaceUsesTheDefaults()
    {
        TestWorkspace workspace;
        QVERIFY2(workspace.isOpen(), qPrintable(workspace.error()));
        ConfigStore store(workspace.database());
        QCOMPARE(store.currentVersion(), 0);
        QVERIFY(store.current() == IntegrationConfig::defaults());
        QVERIFY(store.history().isEmpty());
    }

    void everyChangeIsAVersionWithAnAuditEntry()
    {
        FakeClock clock;
        clock.setNowMs(fixedNow().toMSecsSinceEpoch());
        TestWorkspace workspace(clock);
        QVERIFY(workspace.isOpen());
        ConfigStore store(workspace.database());
        QString error;

        auto first = store.save(IntegrationConfig::defaults(), QStringLiteral("ana"), QStringLiteral("Initial setup"), &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->version, 1);
        QVERIFY(first->created);

        auto same = store.save(IntegrationConfig::defaults(), QStringLiteral("ben"), QString(), &error);
        QVERIFY2(same, qPrintable(error));
        QCOMPARE(same->version, 1);
        QVERIFY(!same->created);
        QCOMPARE(store.currentVersion(), 1);

        IntegrationConfig changed = IntegrationConfig::defaults();
        changed.stream(StreamKind::Features).selection = SelectionMode::Core;
        changed.stream(StreamKind::Features).metrics.append({CsObject::Account, Measure::DistinctUsers});
        auto second = store.save(changed, QStringLiteral("ben"), QString(), &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->version, 2);
        QCOMPARE(second->changedSections, QStringList{QStringLiteral("streams.features")});
        QCOMPARE(second->recompute.streams, QList<StreamKind>{StreamKind::Features});
        QVERIFY(store.current() == changed);

        QCOMPARE(workspace.scalar(QStringLiteral("SELECT COUNT(*) FROM config_versions")).toInt(), 2);
        QCOMPARE(workspace.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'config.save'")).toInt(), 2);
        QCOMPARE(workspace.scalar(QStringLiteral("SELECT actor FROM audit_log WHERE object_id = '2'")).toString(),
                 QStringLiteral("ben"));
        QCOMPARE(workspace.scalar(QStringLiteral("SELECT at FROM audit_log WHERE object_id = '2'")).toString(),
                 QStringLiteral("2026-11-18T15:00:00.000Z"));
        const QJsonObject details = QJsonDocument::fromJson(
            workspace.scalar(QStringLiteral("SELECT details FROM audit_log WHERE object_id = '2'")).toString().toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("version")).toInt(), 2);
        QCOMPARE(details.value(QStringLiteral("changes")).toArray().first().toString(),
                 QStringLiteral("streams.features: selection, targets"));
        QVERIFY(details.value(QStringLiteral("summary")).toString().contains(QStringLiteral("streams.features")));

        const QList<ConfigVersionInfo> history = store.history();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).version, 2);
        QCOMPARE(history.at(1).summary, QStringLiteral("Initial setup"));
        QCOMPARE(history.at(1).actor, QStringLiteral("ana"));
        QCOMPARE(history.at(1).createdAt, fixedNow());

        const auto old = store.load(1, &error);
        QVERIFY2(old, qPrintable(error));
        QVERIFY(*old == IntegrationConfig::defaults());
        QVERIFY(!store.load(7, &error));
        QVERIFY(error.contains(QStringLiteral("no configuration version 7")));
    }

    void exportImportRoundTrip()
    {
        TestWorkspace source;
        QVERIFY(source.isOpen());
        IntegrationConfig config = IntegrationConfig::defaults();
        config.stream(StreamKind::TrackEvents).enabled = true;
        config.stream(StreamKind::TrackEvents).metrics = {{CsObject::Asset, Measure::Events}};
        config.pes.stickiness = Stickiness::DauWau;
        config.firstValueEvents = {{QStringLiteral("feature"), QStringLiteral("F1")}};
        QString error;
        QVERIFY(ConfigStore(source.database()).save(config, QStringLiteral("ana"), QString(), &error));

        const QString exported = source.dir() + QStringLiteral("/config.json");
        QString out;
        QString err;
        QCOMPARE(run(source.database(), {QStringLiteral("export"), exported}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("version 1")), qPrintable(out));
        const QByteArray first = readFile(exported);
        QCOMPARE(first, config.toJsonBytes());

        TestWorkspace target;
        QVERIFY(target.isOpen());
        QCOMPARE(run(target.database(), {QStringLiteral("import"), exported}, &out, &err, true), 0);
        const QJsonObject report = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(report.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(report.value(QStringLiteral("created")).toBool());
        QCOMPARE(target.scalar(QStringLiteral("SELECT actor FROM config_versions WHERE version = 1")).toString(),
                 QStringLiteral("cli"));

        const QString again = target.dir() + QStringLiteral("/again.json");
        QCOMPARE(run(target.database(), {QStringLiteral("export"), again}), 0);
        QCOMPARE(readFile(again), first);

        // Importing the same file again changes nothing.
        QCOMPARE(run(target.database(), {QStringLiteral("import"), exported}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("unchanged")), qPrintable(out));
        QCOMPARE(ConfigStore(target.database()).currentVersion(), 1);
    }

    void invalidImportChangesNothing()
    {
        TestWorkspace workspace;
        QVERIFY(workspace.isOpen());
        QJsonObject json = IntegrationConfig::defaults().toJson();
        QJsonObject streams = json.value(QStringLiteral("streams")).toObject();
        QJsonObject pages = streams.value(QStringLiteral("pages")).toObject();
        pages.insert(QStringLiteral("targets"),
                     QJsonArray{QJsonObject{{QStringLiteral("object"), QStringLiteral("account")},
                                            {QStringLiteral("measure"), QStringLiteral("clicks")}}});
        streams.insert(QStringLiteral("pages"), pages);
        json.insert(QStringLiteral("streams"), streams);
        const QString path = workspace.writeFile(QStringLiteral("bad.json"), QJsonDocument(json).toJson());
        QString out;
        QString err;
        QCOMPARE(run(workspace.database(), {QStringLiteral("import"), path}, &out, &err), 3);
        QVERIFY2(err.contains(QStringLiteral("streams.pages.targets[0].measure: unknown measure 'clicks'")), qPrintable(err));
        QVERIFY(err.contains(QStringLiteral("nothing was changed")));
        QCOMPARE(workspace.scalar(QStringLiteral("SELECT COUNT(*) FROM config_versions")).toInt(), 0);
        QCOMPARE(workspace.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 0);

        QCOMPARE(run(workspace.database(), {QStringLiteral("import"), workspace.dir() + QStringLiteral("/missing.json")},
                     &out, &err),
                 3);
        QCOMPARE(run(workspace.database(), {QStringLiteral("push")}, &out, &err), 1);
        QVERIFY(err.contains(QStringLiteral("config export|import FILE")));
    }
};

QTEST_GUILESS_MAIN(TestConfigStore)
#include "tst_configstore.moc"
