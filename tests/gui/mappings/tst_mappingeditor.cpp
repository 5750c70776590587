#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "mappings/CatalogChecklistModel.h"
#include "mappings/MappingController.h"
#include "mappings/MappingDialog.h"
#include "mappings/MappingEditor.h"
#include "mappings/MappingPage.h"
#include "pendo/PendoClient.h"
#include "sync/ConfigStore.h"

#ifdef BRIDGE_SIM_PATH
#include "SimProcess.h"
#endif

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>
#include <QWizard>

#include <memory>

namespace {

constexpr qint64 webApp = -323232;
constexpr qint64 mobileApp = 4000000000000123LL;

/** Fills the raw catalog as a catalog refresh would: two apps, features, pages and a report. */
bool seedCatalog(Database &database, const QString &reportId = QStringLiteral("rep-1"))
{
    QSqlQuery query(database.connection());
    const QString now = QStringLiteral("2026-11-18T15:00:00Z");
    bool ok = query.exec(QStringLiteral("INSERT INTO pendo_apps (app_id, name, is_default, first_seen_at, last_seen_at) "
                                        "VALUES (%1, 'Web app', 1, '%3', '%3'), (%2, 'Mobile app', 0, '%3', '%3')")
                             .arg(webApp)
                             .arg(mobileApp)
                             .arg(now));
    struct Row
    {
        const char *kind, *id;
        qint64 app;
        const char *name, *group;
        bool core;
    };
    const Row rows[] = {
        {"feature", "F-create", webApp, "Create Project", "Projects", true},
        {"feature", "F-invite", webApp, "Invite Teammate", "Team", true},
        {"feature", "F-export", webApp, "Export CSV", "Reports", false},
        {"feature", "F-filter", webApp, "Filter List", "Reports", false},
        {"feature", "F-m-scan", mobileApp, "Scan Receipt", "Mobile", true},
        {"feature", "F-m-share", mobileApp, "Share Receipt", "Mobile", false},
        {"page", "P-dash", webApp, "Dashboard", "Home", true},
        {"page", "P-settings", webApp, "Settings", "Admin", false},
        {"page", "P-m-home", mobileApp, "Mobile Home", "Mobile", false},
        {"track_type", "T-upgrade", webApp, "Upgrade Clicked", "", false},
        {"guide", "G-welcome", webApp, "Welcome tour", "", false},
    };
    for (const Row &row : rows) {
        query.prepare(QStringLiteral("INSERT INTO pendo_catalog_items (kind, pendo_id, app_id, name, is_core, group_name, "
                                     "first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(QLatin1String(row.kind)), QVariant(QLatin1String(row.id)), QVariant(row.app),
                                      QVariant(QLatin1String(row.name)), QVariant(row.core ? 1 : 0),
                                      QVariant(QLatin1String(row.group)), QVariant(now), QVariant(now)})
            query.addBindValue(value);
        ok = ok && query.exec();
    }
    query.prepare(QStringLiteral("INSERT INTO pendo_catalog_items (kind, pendo_id, name, first_seen_at, last_seen_at) "
                                 "VALUES ('report', ?, 'Active visitors (last 30 days)', ?, ?)"));
    query.addBindValue(reportId);
    query.addBindValue(now);
    query.addBindValue(now);
    return ok && query.exec();
}

MappableItem itemNamed(const MappingController &controller, const QString &name)
{
    for (const MappableItem &item : controller.catalog().items) {
        if (item.name == name)
            return item;
    }
    return {};
}

} // namespace

/** The mapping editor and its controller, driven offscreen like an admin would. */
class TestMappingEditor : public QObject
{
    Q_OBJECT


    template<typename T>
    static T *child(QWidget *parent, const QString &name, const char *file = __builtin_FILE(),
                    int line = __builtin_LINE())
    {
        return requireChild<T>(parent, name, file, line);
    }

    static QWidget *panel(MappingEditor &editor, MappingEditor::Section section)
    {
        editor.showSection(section);
        return child<QStackedWidget>(&editor, QStringLiteral("sectionStackedWidget"))->currentWidget();
    }

    /** Ticks or unticks the row of `name` in a panel's item table, as a click on its check box would. */
    static bool setChecked(QTableView *table, const QString &name, bool on)
    {
        QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, CatalogChecklistModel::NameColumn);
            if (index.data().toString() == name)
                return model->setData(index, on ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
        }
        return false;
    }

private Q_SLOTS:
    void controllerEditsTheWorkingCopy()
    {
        TestWorkspace workspace;
        QVERIFY2(workspace.isOpen(), qPrintable(workspace.error()));
        QVERIFY(seedCatalog(workspace.database()));
        MappingController controller(workspace.session());
        QSignalSpy loaded(&controller, &MappingController::loaded);
        controller.load();
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(controller.catalog().items.size(), 12);
        QCOMPARE(controller.catalog().apps.first().name, QStringLiteral("Web app"));
        QVERIFY(!controller.isDirty());
        QCOMPARE(controller.selectedCount(StreamKind::Features), 6);

        controller.selectCoreOnly(StreamKind::Features);
        QCOMPARE(controller.selectedCount(StreamKind::Features), 3);
        QVERIFY(controller.isDirty());

        // Unticking one item turns "core only" into the explicit list it stood for, minus that item.
        controller.setItemSelected(StreamKind::Features, itemNamed(controller, QStringLiteral("Scan Receipt")), false);
        const StreamMapping &features = controller.config().stream(StreamKind::Features);
        QCOMPARE(features.selection, SelectionMode::Items);
        QCOMPARE(features.items.value(webApp), QStringList({QStringLiteral("F-create"), QStringLiteral("F-invite")}));
        QVERIFY(!features.items.contains(mobileApp));

        controller.setUsePendoCoreEvents(false);
        QCOMPARE(controller.config().pes.coreEvents.size(), 4); // Pendo's flags become the starting list
        controller.setFirstValueEvent({QStringLiteral("feature"), QStringLiteral("F-create")}, true);

        QSignalSpy saved(&controller, &MappingController::saved);
        QSignalSpy failed(&controller, &MappingController::saveFailed);
        controller.save(QStringLiteral("ana"), QString());
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
        QVERIFY(!controller.isSaving());
        QCOMPARE(failed.size(), 0);
        QCOMPARE(controller.baseVersion(), 1);
        QVERIFY(!controller.isDirty());
        QVERIFY(ConfigStore(workspace.database()).current() == controller.config());
    }

    void checklistModelIsWellBehaved()
    {
        TestWorkspace workspace;
        QVERIFY(workspace.isOpen());
        QVERIFY(seedCatalog(workspace.database()));
        MappingController controller(workspace.session());
        QSignalSpy loaded(&controller, &MappingController::loaded);
        controller.load();
        QTRY_COMPARE(loaded.count(), 1);
        CatalogChecklistModel model(
            [&](const MappableItem &item) { return controller.isItemSelected(StreamKind::Pages, item); },
            [&](const MappableItem &item, bool on) { controller.setItemSelected(StreamKind::Pages, item, on); });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(controller.catalog().itemsOf({QStringLiteral("page")}), controller.catalog());
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(controller.selectedCount(StreamKind::Pages), 2);
        CatalogChecklistFilter filter;
        filter.setSourceModel(&model);
        filter.setApp(mobileApp);
        QCOMPARE(filter.rowCount(), 1);
        filter.setApp(std::nullopt);
        filter.setSearchText(QStringLiteral("admin"));
        QCOMPARE(filter.rowCount(), 1);
    }

    void editorSavesWhatTheUserChose()
    {
        TestWorkspace workspace;
        QVERIFY(workspace.isOpen());
        QVERIFY(seedCatalog(workspace.database()));
        MappingDialog dialog(workspace.session());
        MappingEditor &editor = dialog.editor();
        QSignalSpy loaded(&editor.controller(), &MappingController::loaded);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE(loaded.count(), 1);
        auto *version = child<QLabel>(&dialog, QStringLiteral("versionLabel"));
        QVERIFY(version->text().contains(QStringLiteral("not saved yet")));
        saveScreenshot(dialog, "mapping-features-defaults");

        QWidget *features = panel(editor, MappingEditor::FeaturesSection);
        QCOMPARE(features->objectName(), QStringLiteral("featuresPanelWidget"));
        auto *count = child<QLabel>(features, QStringLiteral("selectionCountLabel"));
        QVERIFY2(count->text().startsWith(QStringLiteral("6 of 6")), qPrintable(count->text()));
        QTest::mouseClick(child<QPushButton>(features, QStringLiteral("coreOnlyPushButton")), Qt::LeftButton);
        QVERIFY2(count->text().startsWith(QStringLiteral("3 of 6")), qPrintable(count->text()));
        child<QCheckBox>(features, QStringLiteral("accountDistinctUsersCheckBox"))->click();
        child<QCheckBox>(features, QStringLiteral("contactMinutesCheckBox"))->click();
        child<QRadioButton>(features, QStringLiteral("appsCombinedRadioButton"))->click();
        // Search narrows the table; the per-app filter shows one app.
        auto *table = child<QTableView>(features, QStringLiteral("itemsTableView"));
        QCOMPARE(table->model()->rowCount(), 6);
        child<QLineEdit>(features, QStringLiteral("itemSearchLineEdit"))->setText(QStringLiteral("receipt"));
        QCOMPARE(table->model()->rowCount(), 2);
        child<QLineEdit>(features, QStringLiteral("itemSearchLineEdit"))->clear();
        auto *apps = child<QComboBox>(features, QStringLiteral("appFilterComboBox"));
        QVERIFY(apps->isVisible());
        apps->setCurrentIndex(apps->findText(QStringLiteral("Mobile app")));
        QCOMPARE(table->model()->rowCount(), 2);
        apps->setCurrentIndex(0);
        QVERIFY(version->text().contains(QStringLiteral("unsaved changes")));
        saveScreenshot(dialog, "mapping-features-core-only");

        QWidget *pages = panel(editor, MappingEditor::PagesSection);
        QVERIFY(setChecked(child<QTableView>(pages, QStringLiteral("itemsTableView")), QStringLiteral("Settings"), false));
        child<QCheckBox>(pages, QStringLiteral("userActivitiesCheckBox"))->click();

        QWidget *guides = panel(editor, MappingEditor::GuidesSection);
        auto *guideTargets = child<QCheckBox>(guides, QStringLiteral("contactEventsCheckBox"));
        QVERIFY(!guideTargets->isEnabled() || !guideTargets->isVisibleTo(guides) || !guideTargets->isChecked());
        child<QCheckBox>(guides, QStringLiteral("streamEnabledCheckBox"))->click();
        guideTargets->click();

        QWidget *pes = panel(editor, MappingEditor::PesSection);
        auto *stickiness = child<QComboBox>(pes, QStringLiteral("stickinessComboBox"));
        stickiness->setCurrentIndex(stickiness->findData(int(Stickiness::WauMau)));
        child<QRadioButton>(pes, QStringLiteral("chosenCoreEventsRadioButton"))->click();
        QVERIFY(setChecked(child<QTableView>(pes, QStringLiteral("eventsTableView")), QStringLiteral("Export CSV"), true));
        saveScreenshot(dialog, "mapping-pes");

        QWidget *firstValue = panel(editor, MappingEditor::FirstValueSection);
        QVERIFY(setChecked(child<QTableView>(firstValue, QStringLiteral("eventsTableView")), QStringLiteral("Invite Teammate"),
                           true));
        saveScreenshot(dialog, "mapping-first-value");

        QTest::mouseClick(child<QPushButton>(&dialog, QStringLiteral("savePushButton")), Qt::LeftButton);
        // Saved through the workspace writer: the label follows once it is committed.
        QTRY_VERIFY2(version->text().contains(QStringLiteral("version 1")), qPrintable(version->text()));
        QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("savePushButton"))->isEnabled());

        ConfigStore store(workspace.database());
        QCOMPARE(store.currentVersion(), 1);
        const IntegrationConfig saved = store.current();
        const StreamMapping &f = saved.stream(StreamKind::Features);
        QCOMPARE(f.selection, SelectionMode::Core);
        QCOMPARE(f.metrics, (QList<MetricTarget>{{CsObject::Account, Measure::DistinctUsers},
                                                 {CsObject::Contact, Measure::Minutes}}));
        QCOMPARE(f.apps, AppMode::Combined);
        QVERIFY(f.userActivities);
        const StreamMapping &p = saved.stream(StreamKind::Pages);
        QCOMPARE(p.selection, SelectionMode::Items);
        QCOMPARE(p.items.value(webApp), QStringList{QStringLiteral("P-dash")});
        QCOMPARE(p.items.value(mobileApp), QStringList{QStringLiteral("P-m-home")});
        QVERIFY(!p.userActivities);
        QVERIFY(saved.stream(StreamKind::Guides).enabled);
        QCOMPARE(saved.stream(StreamKind::Guides).metrics, (QList<MetricTarget>{{CsObject::Contact, Measure::Events}}));
        QCOMPARE(saved.pes.stickiness, Stickiness::WauMau);
        QVERIFY(!saved.pes.usePendoCoreEvents);
        QVERIFY(saved.pes.coreEvents.contains(EventRef{QStringLiteral("feature"), QStringLiteral("F-export")}));
        QCOMPARE(saved.firstValueEvents, (QList<EventRef>{{QStringLiteral("feature"), QStringLiteral("F-invite")}}));
        QCOMPARE(workspace.scalar(QStringLiteral("SELECT actor FROM audit_log WHERE action = 'config.save'")).toString(),
                 QStringLiteral("desktop"));
    }

    void wizardPageSavesOnNext()
    {
        TestWorkspace workspace;
        QVERIFY(workspace.isOpen());
        QVERIFY(seedCatalog(workspace.database()));
        QWizard wizard;
        auto *intro = new QWizardPage;
        intro->setTitle(QStringLiteral("Intro"));
        wizard.addPage(intro);
        auto *page = new MappingPage(workspace.session());
        wizard.addPage(page);
        wizard.addPage(new QWizardPage);
        wizard.resize(1000, 700);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.next();
        QCOMPARE(wizard.currentPage(), page);
        QSignalSpy loaded(&page->editor().controller(), &MappingController::loaded);
        QTRY_COMPARE(loaded.count(), 1);
        page->editor().controller().selectCoreOnly(StreamKind::Pages);
        saveScreenshot(wizard, "mapping-wizard-page");
        wizard.next();
        // The save is queued to the workspace writer; the page moves on once it is committed.
        QTRY_VERIFY(wizard.currentPage() != page);
        ConfigStore store(workspace.database());
        QCOMPARE(store.currentVersion(), 1);
        QCOMPARE(store.current().stream(StreamKind::Pages).selection, SelectionMode::Core);
        QCOMPARE(store.history().first().summary, QStringLiteral("Mappings chosen in the setup wizard"));
        // Back and Next again: nothing changed, so no new version.
        wizard.back();
        wizard.next();
        QCOMPARE(store.currentVersion(), 1);
    }

#ifdef BRIDGE_SIM_PATH
    void dryRunAndReportPreviewInTheEditor()
    {
        SimProcess sim({QStringLiteral("--key"), QStringLiteral("K"), QStringLiteral("--accounts"), QStringLiteral("20"),
                        QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--now"),
                        QStringLiteral("2026-11-18T15:00:00Z")});
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        ClientConfig clientConfig;
        clientConfig.baseUrl = sim.url();
        clientConfig.integrationKey = QByteArrayLiteral("K");
        PendoClient client(clientConfig);

        PendoCall *list = client.get(QStringLiteral("report"));
        QSignalSpy listed(list, &PendoCall::finished);
        QVERIFY(listed.wait(30000));
        QString reportId;
        for (const QJsonValue &report : QJsonDocument::fromJson(list->body()).array()) {
            if (report.toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Active visitors")))
                reportId = report.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!reportId.isEmpty());

        TestWorkspace workspace;
        QVERIFY(workspace.isOpen());
        QVERIFY(seedCatalog(workspace.database(), reportId));
        MappingDialog dialog(workspace.session(), &client);
        MappingEditor &editor = dialog.editor();
        const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
        editor.setTimeZone(newYork);
        QSignalSpy loaded(&editor.controller(), &MappingController::loaded);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_COMPARE(loaded.count(), 1);

        // Reports: preview, keep the suggested columns.
        QWidget *reports = panel(editor, MappingEditor::ReportsSection);
        QCOMPARE(child<QComboBox>(reports, QStringLiteral("reportComboBox"))->count(), 1);
        QTest::mouseClick(child<QPushButton>(reports, QStringLiteral("previewPushButton")), Qt::LeftButton);
        auto *previewStatus = child<QLabel>(reports, QStringLiteral("previewStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(previewStatus->text().contains(QStringLiteral("Rows in the report")), 30000);
        QVERIFY(child<QTableWidget>(reports, QStringLiteral("previewTableWidget"))->rowCount() > 0);
        QTest::mouseClick(child<QPushButton>(reports, QStringLiteral("keepMappingPushButton")), Qt::LeftButton);
        QCOMPARE(editor.controller().config().reports.size(), 1);
        QCOMPARE(editor.controller().config().reports.first().idColumn, QStringLiteral("visitor_id"));
        QCOMPARE(editor.controller().config().reports.first().object, CsObject::Contact);
        saveScreenshot(dialog, "mapping-reports");

        // Aggregations: an invalid pipeline is reported as you type; a valid one runs for one day and account.
        QWidget *aggregations = panel(editor, MappingEditor::AggregationsSection);
        auto *pipeline = child<QPlainTextEdit>(aggregations, QStringLiteral("pipelineTextEdit"));
        auto *validation = child<QLabel>(aggregations, QStringLiteral("pipelineStatusLabel"));
        auto *runButton = child<QPushButton>(aggregations, QStringLiteral("dryRunPushButton"));
        const QString good = pipeline->toPlainText();
        pipeline->setPlainText(QStringLiteral("[{\"source\": {\"accounts\": null}}]"));
        QVERIFY2(validation->text().contains(QStringLiteral("not an event source")), qPrintable(validation->text()));
        saveScreenshot(dialog, "mapping-aggregation-invalid");
        pipeline->setPlainText(good);
        QVERIFY(validation->text().contains(QStringLiteral("valid")));
        QVERIFY(!runButton->isEnabled()); // no account yet

        child<QDateEdit>(aggregations, QStringLiteral("dryRunDateEdit"))->setDate(QDate(2026, 11, 17));
        child<QLineEdit>(aggregations, QStringLiteral("dryRunAccountLineEdit"))->setText(QStringLiteral("NO-SUCH"));
        QVERIFY(runButton->isEnabled());
        QTest::mouseClick(runButton, Qt::LeftButton);
        auto *status = child<QLabel>(aggregations, QStringLiteral("dryRunStatusLabel"));
        QVERIFY(child<QPushButton>(aggregations, QStringLiteral("cancelDryRunPushButton"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("No rows")), 30000);

        // An account that was active that day (the first one the day's features list).
        const QJsonArray find{
            QJsonObject{{QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("featureEvents"), QJsonValue::Null},
                                     {QStringLiteral("timeSeries"),
                                      QJsonObject{{QStringLiteral("period"), QStringLiteral("dayRange")},
                                                  {QStringLiteral("first"),
                                                   double(QDate(2026, 11, 17).startOfDay(newYork).toMSecsSinceEpoch())},
                                                  {QStringLiteral("count"), 1}}}}}},
            QJsonObject{{QStringLiteral("identified"), QStringLiteral("accountId")}},
            QJsonObject{{QStringLiteral("sort"), QJsonArray{QStringLiteral("accountId")}}},
            QJsonObject{{QStringLiteral("limit"), 1}}};
        PendoCall *call = client.aggregate(QJsonObject{{QStringLiteral("pipeline"), find}});
        QSignalSpy found(call, &PendoCall::finished);
        QVERIFY(found.wait(30000));
        const QString account = QJsonDocument::fromJson(call->body()).object().value(QStringLiteral("results")).toArray()
                                    .first().toObject().value(QStringLiteral("accountId")).toString();
        QVERIFY(!account.isEmpty());

        child<QLineEdit>(aggregations, QStringLiteral("dryRunAccountLineEdit"))->setText(account);
        QTest::mouseClick(runButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("inferred")), 30000);
        QCOMPARE(child<QTableWidget>(aggregations, QStringLiteral("resultTableWidget"))->rowCount(), 1);
        child<QLineEdit>(aggregations, QStringLiteral("aggregationNameLineEdit"))->setText(QStringLiteral("Feature clicks"));
        QTest::mouseClick(child<QPushButton>(aggregations, QStringLiteral("keepMappingPushButton")), Qt::LeftButton);
        QCOMPARE(editor.controller().config().aggregations.size(), 1);
        const AggregationMapping &mapping = editor.controller().config().aggregations.first();
        QCOMPARE(mapping.idColumn, QStringLiteral("accountId"));
        QStringList values;
        for (const ValueColumn &value : mapping.values)
            values << value.column;
        QCOMPARE(values, QStringList({QStringLiteral("activeUsers"), QStringLiteral("featureClicks")}));
        saveScreenshot(dialog, "mapping-aggregation-dry-run");

        QSignalSpy saved(&editor.controller(), &MappingController::saved);
        dialog.save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
        QCOMPARE(ConfigStore(workspace.database()).current().aggregations.size(), 1);
    }
#endif
};

QTEST_MAIN(TestMappingEditor)
#include "tst_mappingeditor.moc"
