#include "PortfolioView.h"

#include "DashboardPresentation.h"
#include "DashboardWidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QString bandObjectName(HealthBand band)
{
    switch (band) {
    case HealthBand::Green:
        return QStringLiteral("green");
    case HealthBand::Yellow:
        return QStringLiteral("yellow");
    case HealthBand::Red:
        break;
    }
    return QStringLiteral("red");
}

} // namespace

PortfolioView::PortfolioView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PortfolioModel(this))
    , m_filter(new PortfolioFilter(m_model, this))
{
    auto *title = new QLabel(tr("Portfolio"), this);
    title->setFont(DashboardPresentation::scaledFont(this, 1.5, true));
    m_asOf = new QLabel(this);
    m_asOf->setObjectName(QStringLiteral("asOfLabel"));
    m_shown = new QLabel(this);
    m_shown->setObjectName(QStringLiteral("shownLabel"));
    auto *heading = new QHBoxLayout;
    heading->addWidget(title);
    heading->addSpacing(fontMetrics().height());
    heading->addWidget(m_asOf);
    heading->addStretch();
    heading->addWidget(m_shown);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(heading);
    layout->addWidget(buildTiles());
    layout->addWidget(buildFilterBar());
    buildTable();
    layout->addWidget(m_table, 1);

    connect(m_filter, &PortfolioFilter::filterChanged, this, &PortfolioView::updateTiles);
    setAsOf({});
    updateTiles();
}

PortfolioView::~PortfolioView() = default;

QWidget *PortfolioView::buildTiles()
{
    auto *tiles = new QWidget(this);
    auto *row = new QHBoxLayout(tiles);
    row->setContentsMargins(0, 0, 0, 0);
    for (const HealthBand band : DashboardPresentation::bands()) {
        auto *tile = new DashboardTile(DashboardPresentation::bandName(band), tiles);
        tile->setObjectName(bandObjectName(band) + QStringLiteral("Tile"));
        tile->setBand(band);
        row->addWidget(tile);
        m_bandTiles.append(tile);
    }
    m_unscoredTile = new DashboardTile(tr("No score yet"), tiles);
    m_unscoredTile->setObjectName(QStringLiteral("unscoredTile"));
    m_arrTile = new DashboardTile(tr("ARR at risk (red)"), tiles);
    m_arrTile->setObjectName(QStringLiteral("arrAtRiskTile"));
    m_arrTile->setBand(HealthBand::Red);
    m_mauTile = new DashboardTile(tr("Monthly active users"), tiles);
    m_mauTile->setObjectName(QStringLiteral("mauTile"));
    row->addWidget(m_unscoredTile);
    row->addWidget(m_arrTile);
    row->addWidget(m_mauTile);
    return tiles;
}

QWidget *PortfolioView::buildFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Health:"), bar));
    for (const HealthBand band : DashboardPresentation::bands()) {
        auto *check = new QCheckBox(DashboardPresentation::bandName(band), bar);
        check->setObjectName(bandObjectName(band) + QStringLiteral("CheckBox"));
        m_bandChecks.append(check);
    }
    auto *unscored = new QCheckBox(tr("No score"), bar);
    unscored->setObjectName(QStringLiteral("unscoredCheckBox"));
    m_bandChecks.append(unscored);
    for (QCheckBox *check : std::as_const(m_bandChecks)) {
        check->setChecked(true);
        row->addWidget(check);
        connect(check, &QCheckBox::toggled, this, &PortfolioView::applyFilterBar);
    }

    m_owner = new QComboBox(bar);
    m_owner->setObjectName(QStringLiteral("ownerComboBox"));
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_stage = new QComboBox(bar);
    m_stage->setObjectName(QStringLiteral("stageComboBox"));
    m_stage->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fillChoices(m_owner, tr("All owners"), {}, false, {});
    fillChoices(m_stage, tr("All stages"), {}, false, {});
    connect(m_owner, &QComboBox::currentIndexChanged, this, &PortfolioView::applyFilterBar);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &PortfolioView::applyFilterBar);

    m_renewal = new QSpinBox(bar);
    m_renewal->setObjectName(QStringLiteral("renewalSpinBox"));
    m_renewal->setRange(0, 730);
    m_renewal->setSingleStep(30);
    m_renewal->setSpecialValueText(tr("any time"));
    m_renewal->setSuffix(tr(" days"));
    m_renewal->setToolTip(tr("Only accounts that renew between today and this many days from today"));
    connect(m_renewal, &QSpinBox::valueChanged, this, &PortfolioView::applyFilterBar);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setPlaceholderText(tr("Search name, ID or owner"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &PortfolioView::applyFilterBar);

    auto *clear = new QPushButton(tr("Clear filters"), bar);
    clear->setObjectName(QStringLiteral("clearFiltersButton"));
    connect(clear, &QPushButton::clicked, this, &PortfolioView::clearFilters);

    row->addSpacing(fontMetrics().height());
    row->addWidget(m_owner);
    row->addWidget(m_stage);
    row->addWidget(new QLabel(tr("Renews within:"), bar));
    row->addWidget(m_renewal);
    row->addWidget(m_search, 1);
    row->addWidget(clear);
    return bar;
}

void PortfolioView::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("portfolioTableView"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PortfolioModel::Score, Qt::AscendingOrder); // the accounts that need attention first
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + fontMetrics().height() / 2);
    m_table->setItemDelegateForColumn(PortfolioModel::Score,
                                      new ScoreDelegate(PortfolioModel::BandRole, PortfolioModel::TrendArrowRole, this));
    // Widths from the font, not from the contents: measuring 10,000 rows would stall every reload.
    const QFontMetrics metrics = fontMetrics();
    const int em = metrics.horizontalAdvance(u'M');
    const int date = metrics.horizontalAdvance(DashboardPresentation::date(QDate(2025, 12, 28))) + em * 2;
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const QList<std::pair<int, int>> widths{
        {PortfolioModel::Name, 16 * em},     {PortfolioModel::Owner, 9 * em},
        {PortfolioModel::Stage, 7 * em},     {PortfolioModel::Score, 5 * em},
        {PortfolioModel::Mau, 4 * em},       {PortfolioModel::Wau, 4 * em},
        {PortfolioModel::Stickiness, 6 * em}, {PortfolioModel::Pes, 4 * em},
        {PortfolioModel::LicenceUtilisation, 7 * em}, {PortfolioModel::LastActivity, date},
        {PortfolioModel::Renewal, date},     {PortfolioModel::Arr, 7 * em}};
    for (const auto &[column, width] : widths)
        header->resizeSection(column, std::max(width, header->sectionSizeHint(column)));
    // The name keeps its width (a narrow window scrolls sideways instead of squeezing it); ARR takes what is left.
    connect(m_table, &QTableView::activated, this, &PortfolioView::activate);
}

void PortfolioView::fillChoices(QComboBox *combo, const QString &all, const QStringList &values, bool hasEmpty,
                                const QString &emptyText)
{
    const QVariant current = combo->currentData();
    const bool hadChoice = combo->currentIndex() > 0;
    combo->clear();
    combo->addItem(all);
    for (const QString &value : values)
        combo->addItem(value, value);
    if (hasEmpty)
        combo->addItem(emptyText, QStringLiteral(""));
    const int keep = hadChoice ? combo->findData(current) : -1;
    combo->setCurrentIndex(std::max(0, keep));
}

void PortfolioView::setRows(const QList<PortfolioRow> &rows)
{
    m_model->setRows(rows);
    bool noOwner = false, noStage = false;
    for (const PortfolioRow &row : rows) {
        noOwner = noOwner || row.owner.isEmpty();
        noStage = noStage || row.stage.isEmpty();
    }
    m_filling = true;
    fillChoices(m_owner, tr("All owners"), m_filter->owners(), noOwner, tr("No owner"));
    fillChoices(m_stage, tr("All stages"), m_filter->stages(), noStage, tr("No stage"));
    m_filling = false;
    applyFilterBar();
    updateTiles();
}

void PortfolioView::setAsOf(const QDate &day)
{
    m_asOf->setText(day.isValid() ? tr("as of %1").arg(DashboardPresentation::date(day))
                                  : tr("no health data computed yet"));
}

void PortfolioView::setToday(const QDate &today)
{
    m_filter->setToday(today);
}

void PortfolioView::applyFilterBar()
{
    if (m_filling)
        return;
    PortfolioFilter::Criteria criteria;
    criteria.bands = {};
    const QList<HealthBand> bands = DashboardPresentation::bands();
    for (int i = 0; i < bands.size(); ++i) {
        if (m_bandChecks.at(i)->isChecked())
            criteria.bands |= PortfolioFilter::bandFlag(bands.at(i));
    }
    if (m_bandChecks.constLast()->isChecked())
        criteria.bands |= PortfolioFilter::Band::Unscored;
    if (m_owner->currentIndex() > 0)
        criteria.owner = m_owner->currentData().toString();
    if (m_stage->currentIndex() > 0)
        criteria.stage = m_stage->currentData().toString();
    if (m_renewal->value() > 0)
        criteria.renewalWithinDays = m_renewal->value();
    criteria.search = m_search->text();
    m_filter->setCriteria(criteria);
}

void PortfolioView::clearFilters()
{
    m_filling = true;
    for (QCheckBox *check : std::as_const(m_bandChecks))
        check->setChecked(true);
    m_owner->setCurrentIndex(0);
    m_stage->setCurrentIndex(0);
    m_renewal->setValue(0);
    m_search->clear();
    m_filling = false;
    applyFilterBar();
}

void PortfolioView::updateTiles()
{
    const PortfolioSummary s = m_filter->summary();
    const QLocale locale;
    const QList<HealthBand> bands = DashboardPresentation::bands();
    for (int i = 0; i < bands.size(); ++i) {
        const int count = s.inBand(bands.at(i));
        m_bandTiles.at(i)->setValue(locale.toString(count));
        m_bandTiles.at(i)->setDetail(tr("accounts"));
    }
    m_unscoredTile->setValue(locale.toString(s.unscored));
    m_unscoredTile->setDetail(tr("accounts"));
    m_arrTile->setValue(DashboardPresentation::money(s.arrRed));
    m_arrTile->setDetail(tr("Yellow: %1").arg(DashboardPresentation::money(s.arrYellow)));
    m_mauTile->setValue(locale.toString(qint64(std::llround(s.mauTotal))));
    m_mauTile->setDetail(tr("accounts shown"));
    m_shown->setText(tr("Showing %1 of %2 accounts").arg(locale.toString(s.accounts), locale.toString(m_model->rowCount())));
}

void PortfolioView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    Q_EMIT accountActivated(index.data(PortfolioModel::AccountIdRole).toLongLong());
}
