#include "StreamPanel.h"

#include "CatalogChecklistModel.h"
#include "MappingController.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString streamTitle(StreamKind stream)
{
    switch (stream) {
    case StreamKind::Features: return StreamPanel::tr("Map Pendo features");
    case StreamKind::Pages: return StreamPanel::tr("Map Pendo pages");
    case StreamKind::Guides: return StreamPanel::tr("Map Pendo guides");
    case StreamKind::TrackEvents: return StreamPanel::tr("Map Pendo track events");
    }
    return {};
}

QString objectLabel(CsObject object)
{
    switch (object) {
    case CsObject::Account: return StreamPanel::tr("Accounts");
    case CsObject::Contact: return StreamPanel::tr("Contacts");
    case CsObject::Asset: return StreamPanel::tr("Assets");
    case CsObject::Project: return StreamPanel::tr("Projects");
    }
    return {};
}

QString measureLabel(Measure measure)
{
    switch (measure) {
    case Measure::Events: return StreamPanel::tr("Events");
    case Measure::Minutes: return StreamPanel::tr("Minutes");
    case Measure::DistinctUsers: return StreamPanel::tr("Distinct users");
    }
    return {};
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

StreamPanel::StreamPanel(MappingController &controller, StreamKind stream, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_stream(stream)
    , m_model(new CatalogChecklistModel(
          [this](const MappableItem &item) { return m_controller.isItemSelected(m_stream, item); },
          [this](const MappableItem &item, bool on) { m_controller.setItemSelected(m_stream, item, on); }, this))
    , m_filter(new CatalogChecklistFilter(this))
    , m_enabledCheck(new QCheckBox(streamTitle(stream), this))
    , m_searchEdit(new QLineEdit(this))
    , m_appCombo(new QComboBox(this))
    , m_countLabel(new QLabel(this))
    , m_table(new QTableView(this))
    , m_activitiesCheck(new QCheckBox(tr("User activities — daily events and minutes per contact"), this))
    , m_splitRadio(new QRadioButton(tr("Keep apps separate (split by app)"), this))
    , m_combinedRadio(new QRadioButton(tr("Combine all apps"), this))
    , m_body(new QWidget(this))
{
    setObjectName(config::key(stream) + QStringLiteral("PanelWidget"));
    m_enabledCheck->setObjectName(QStringLiteral("streamEnabledCheckBox"));
    QFont bold = m_enabledCheck->font();
    bold.setBold(true);
    m_enabledCheck->setFont(bold);

    m_searchEdit->setObjectName(QStringLiteral("itemSearchLineEdit"));
    m_searchEdit->setPlaceholderText(tr("Search by name or product area"));
    m_searchEdit->setClearButtonEnabled(true);
    m_appCombo->setObjectName(QStringLiteral("appFilterComboBox"));
    m_appCombo->setToolTip(tr("Show the items of one app"));
    auto *allButton = new QPushButton(tr("Select all"), m_body);
    allButton->setObjectName(QStringLiteral("selectAllPushButton"));
    allButton->setToolTip(tr("Map every item, including items tagged later"));
    auto *coreButton = new QPushButton(tr("Core only"), m_body);
    coreButton->setObjectName(QStringLiteral("coreOnlyPushButton"));
    coreButton->setToolTip(tr("Map the items Pendo marks as core events, including ones marked later"));
    auto *noneButton = new QPushButton(tr("None"), m_body);
    noneButton->setObjectName(QStringLiteral("selectNonePushButton"));
    for (QPushButton *button : {allButton, coreButton, noneButton})
        button->setAutoDefault(false);
    m_countLabel->setObjectName(QStringLiteral("selectionCountLabel"));

    m_filter->setSourceModel(m_model);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("itemsTableView"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CatalogChecklistModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setColumnHidden(CatalogChecklistModel::KindColumn, true);
    m_table->horizontalHeader()->setSectionResizeMode(CatalogChecklistModel::NameColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CatalogChecklistModel::AppColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CatalogChecklistModel::GroupColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CatalogChecklistModel::CoreColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_searchEdit, 1);
    toolbar->addWidget(m_appCombo);
    toolbar->addSpacing(8);
    toolbar->addWidget(allButton);
    toolbar->addWidget(coreButton);
    toolbar->addWidget(noneButton);

    auto *targets = new QGroupBox(tr("Lands as"), m_body);
    targets->setObjectName(QStringLiteral("targetsGroupBox"));
    m_activitiesCheck->setObjectName(QStringLiteral("userActivitiesCheckBox"));
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Custom metrics per day:"), targets), 0, 0);
    int column = 1;
    for (Measure measure : {Measure::Events, Measure::Minutes, Measure::DistinctUsers})
        grid->addWidget(new QLabel(measureLabel(measure), targets), 0, column++, Qt::AlignCenter);
    int row = 1;
    for (CsObject object : {CsObject::Account, CsObject::Contact, CsObject::Asset, CsObject::Project}) {
        grid->addWidget(new QLabel(objectLabel(object), targets), row, 0);
        column = 1;
        for (Measure measure : {Measure::Events, Measure::Minutes, Measure::DistinctUsers}) {
            auto *check = new QCheckBox(targets);
            check->setObjectName(config::key(object) + capitalized(config::key(measure)) + QStringLiteral("CheckBox"));
            check->setToolTip(tr("%1 per %2 and day").arg(measureLabel(measure), objectLabel(object).toLower()));
            grid->addWidget(check, row, column++, Qt::AlignCenter);
            const MetricTarget target{object, measure};
            m_metricChecks.append({target, check});
            connect(check, &QCheckBox::toggled, this,
                    [this, target](bool on) { m_controller.setMetricTarget(m_stream, target, on); });
        }
        ++row;
    }
    grid->setColumnStretch(4, 1);
    auto *targetsLayout = new QVBoxLayout(targets);
    targetsLayout->addWidget(m_activitiesCheck);
    targetsLayout->addLayout(grid);

    auto *apps = new QGroupBox(tr("Apps"), m_body);
    apps->setObjectName(QStringLiteral("appsGroupBox"));
    m_splitRadio->setObjectName(QStringLiteral("appsSplitRadioButton"));
    m_combinedRadio->setObjectName(QStringLiteral("appsCombinedRadioButton"));
    auto *appGroup = new QButtonGroup(this);
    appGroup->addButton(m_splitRadio);
    appGroup->addButton(m_combinedRadio);
    auto *appsLayout = new QVBoxLayout(apps);
    appsLayout->addWidget(m_splitRadio);
    appsLayout->addWidget(m_combinedRadio);
    appsLayout->addStretch(1);

    auto *lower = new QHBoxLayout;
    lower->addWidget(targets, 3);
    lower->addWidget(apps, 1);

    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addLayout(toolbar);
    bodyLayout->addWidget(m_table, 1);
    bodyLayout->addWidget(m_countLabel);
    bodyLayout->addLayout(lower);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enabledCheck);
    layout->addWidget(m_body, 1);

    connect(m_enabledCheck, &QCheckBox::toggled, this, [this](bool on) { m_controller.setStreamEnabled(m_stream, on); });
    connect(m_searchEdit, &QLineEdit::textChanged, m_filter, &CatalogChecklistFilter::setSearchText);
    connect(m_appCombo, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant app = m_appCombo->currentData();
        m_filter->setApp(app.isValid() ? std::optional<qint64>(app.toLongLong()) : std::nullopt);
    });
    connect(allButton, &QPushButton::clicked, this, [this] { m_controller.selectAll(m_stream); });
    connect(coreButton, &QPushButton::clicked, this, [this] { m_controller.selectCoreOnly(m_stream); });
    connect(noneButton, &QPushButton::clicked, this, [this] { m_controller.selectNone(m_stream); });
    connect(m_activitiesCheck, &QCheckBox::toggled, this, [this](bool on) { m_controller.setUserActivities(m_stream, on); });
    connect(m_splitRadio, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_controller.setAppMode(m_stream, AppMode::Split);
    });
    connect(m_combinedRadio, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            m_controller.setAppMode(m_stream, AppMode::Combined);
    });
    connect(&m_controller, &MappingController::loaded, this, &StreamPanel::reloadItems);
    connect(&m_controller, &MappingController::configChanged, this, &StreamPanel::syncFromConfig);
    reloadItems();
    syncFromConfig();
}

void StreamPanel::reloadItems()
{
    const MappingCatalog &catalog = m_controller.catalog();
    m_model->setItems(catalog.itemsOf({config::catalogKind(m_stream)}), catalog);
    const QSignalBlocker blocker(m_appCombo);
    m_appCombo->clear();
    m_appCombo->addItem(tr("All apps"));
    for (const MappableApp &app : catalog.apps)
        m_appCombo->addItem(app.label(), app.appId);
    m_appCombo->setVisible(catalog.apps.size() > 1);
    m_filter->setApp(std::nullopt);
    m_table->resizeColumnToContents(CatalogChecklistModel::GroupColumn);
}

void StreamPanel::syncFromConfig()
{
    const StreamMapping &mapping = m_controller.config().stream(m_stream);
    const auto set = [](QAbstractButton *button, bool on) {
        const QSignalBlocker blocker(button);
        button->setChecked(on);
    };
    set(m_enabledCheck, mapping.enabled);
    m_body->setEnabled(mapping.enabled);
    set(m_activitiesCheck, mapping.userActivities);
    for (const auto &[target, check] : m_metricChecks)
        set(check, mapping.metrics.contains(target));
    set(m_splitRadio, mapping.apps == AppMode::Split);
    set(m_combinedRadio, mapping.apps == AppMode::Combined);
    m_model->refreshChecks();

    const int total = m_controller.itemCount(m_stream);
    QString rule;
    switch (mapping.selection) {
    case SelectionMode::All: rule = tr("all items, including ones tagged later"); break;
    case SelectionMode::Core: rule = tr("core events only, as Pendo marks them"); break;
    case SelectionMode::Items: rule = tr("the items ticked"); break;
    }
    m_countLabel->setText(total == 0 ? tr("No items in the catalog yet — refresh the Pendo catalog. Mapping: %1.").arg(rule)
                                     : tr("%L1 of %L2 selected — %3.").arg(m_controller.selectedCount(m_stream)).arg(total).arg(rule));
}
