#include "EventPanels.h"

#include "CatalogChecklistModel.h"
#include "MappingController.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace {

const QStringList eventKinds{QStringLiteral("feature"), QStringLiteral("page"), QStringLiteral("track_type")};

QTableView *makeTable(QWidget *parent, CatalogChecklistFilter *filter)
{
    auto *table = new QTableView(parent);
    table->setObjectName(QStringLiteral("eventsTableView"));
    table->setModel(filter);
    table->setSortingEnabled(true);
    table->sortByColumn(CatalogChecklistModel::NameColumn, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->setColumnHidden(CatalogChecklistModel::GroupColumn, true);
    table->horizontalHeader()->setSectionResizeMode(CatalogChecklistModel::NameColumn, QHeaderView::Stretch);
    for (int column : {int(CatalogChecklistModel::KindColumn), int(CatalogChecklistModel::AppColumn),
                       int(CatalogChecklistModel::CoreColumn)})
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return table;
}

QLineEdit *makeSearch(QWidget *parent, CatalogChecklistFilter *filter)
{
    auto *search = new QLineEdit(parent);
    search->setObjectName(QStringLiteral("eventSearchLineEdit"));
    search->setPlaceholderText(QObject::tr("Search features, pages and track events"));
    search->setClearButtonEnabled(true);
    QObject::connect(search, &QLineEdit::textChanged, filter, &CatalogChecklistFilter::setSearchText);
    return search;
}

} // namespace

PesPanel::PesPanel(MappingController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new CatalogChecklistModel(
          [this](const MappableItem &item) { return m_controller.isCoreEvent(item); },
          [this](const MappableItem &item, bool on) { m_controller.setCoreEvent(eventRefOf(item), on); }, this))
    , m_filter(new CatalogChecklistFilter(this))
    , m_pendoRadio(new QRadioButton(tr("Use the core events marked in Pendo"), this))
    , m_chosenRadio(new QRadioButton(tr("Choose core events here"), this))
    , m_searchEdit(nullptr)
    , m_table(nullptr)
    , m_stickinessCombo(new QComboBox(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("pesPanelWidget"));
    m_filter->setSourceModel(m_model);
    m_searchEdit = makeSearch(this, m_filter);
    m_table = makeTable(this, m_filter);
    m_pendoRadio->setObjectName(QStringLiteral("pendoCoreEventsRadioButton"));
    m_chosenRadio->setObjectName(QStringLiteral("chosenCoreEventsRadioButton"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_pendoRadio);
    group->addButton(m_chosenRadio);
    m_stickinessCombo->setObjectName(QStringLiteral("stickinessComboBox"));
    m_stickinessCombo->addItem(tr("DAU / MAU — daily users out of monthly users"), int(Stickiness::DauMau));
    m_stickinessCombo->addItem(tr("WAU / MAU — weekly users out of monthly users"), int(Stickiness::WauMau));
    m_stickinessCombo->addItem(tr("DAU / WAU — daily users out of weekly users"), int(Stickiness::DauWau));
    m_countLabel->setObjectName(QStringLiteral("coreEventsCountLabel"));

    auto *intro = new QLabel(tr("The Product Engagement Score averages adoption (how many core events active users "
                                "use), stickiness and growth. Choose what counts as a core event and how "
                                "stickiness is measured."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Stickiness:"), m_stickinessCombo);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(new QLabel(tr("<b>Core events for adoption</b>"), this));
    layout->addWidget(m_pendoRadio);
    layout->addWidget(m_chosenRadio);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_countLabel);

    connect(m_pendoRadio, &QRadioButton::toggled, this, [this](bool on) { m_controller.setUsePendoCoreEvents(on); });
    connect(m_stickinessCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_controller.setStickiness(Stickiness(m_stickinessCombo->currentData().toInt())); });
    connect(&m_controller, &MappingController::loaded, this, [this] {
        m_model->setItems(m_controller.catalog().itemsOf(eventKinds), m_controller.catalog());
    });
    connect(&m_controller, &MappingController::configChanged, this, &PesPanel::sync);
    m_model->setItems(m_controller.catalog().itemsOf(eventKinds), m_controller.catalog());
    sync();
}

void PesPanel::sync()
{
    const PesConfig &pes = m_controller.config().pes;
    {
        const QSignalBlocker a(m_pendoRadio);
        const QSignalBlocker b(m_chosenRadio);
        const QSignalBlocker c(m_stickinessCombo);
        m_pendoRadio->setChecked(pes.usePendoCoreEvents);
        m_chosenRadio->setChecked(!pes.usePendoCoreEvents);
        m_stickinessCombo->setCurrentIndex(m_stickinessCombo->findData(int(pes.stickiness)));
    }
    m_model->setCheckable(!pes.usePendoCoreEvents);
    m_model->refreshChecks();
    m_searchEdit->setEnabled(!pes.usePendoCoreEvents);
    int core = 0;
    for (int row = 0; row < m_model->rowCount(); ++row)
        core += m_controller.isCoreEvent(m_model->item(row)) ? 1 : 0;
    m_countLabel->setText(pes.usePendoCoreEvents ? tr("Items marked as core events in Pendo: %1.").arg(core)
                                                 : tr("Core events chosen: %1.").arg(core));
}

FirstValuePanel::FirstValuePanel(MappingController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new CatalogChecklistModel(
          [this](const MappableItem &item) { return m_controller.config().firstValueEvents.contains(eventRefOf(item)); },
          [this](const MappableItem &item, bool on) { m_controller.setFirstValueEvent(eventRefOf(item), on); }, this))
    , m_filter(new CatalogChecklistFilter(this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("firstValuePanelWidget"));
    m_filter->setSourceModel(m_model);
    m_countLabel->setObjectName(QStringLiteral("firstValueCountLabel"));
    auto *intro = new QLabel(tr("Mark the milestones that show a customer got value — for example creating a first "
                                "project or inviting a teammate. The first time an account uses one is recorded as "
                                "its time to first value."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addWidget(makeSearch(this, m_filter));
    layout->addWidget(makeTable(this, m_filter), 1);
    layout->addWidget(m_countLabel);
    connect(&m_controller, &MappingController::loaded, this, [this] {
        m_model->setItems(m_controller.catalog().itemsOf(eventKinds), m_controller.catalog());
    });
    connect(&m_controller, &MappingController::configChanged, this, &FirstValuePanel::sync);
    m_model->setItems(m_controller.catalog().itemsOf(eventKinds), m_controller.catalog());
    sync();
}

void FirstValuePanel::sync()
{
    m_model->refreshChecks();
    m_countLabel->setText(tr("First-value events marked: %1.").arg(m_controller.config().firstValueEvents.size()));
}
