#include "AccountView.h"

#include "AccountPanels.h"
#include "BarChart.h"
#include "DashboardPresentation.h"
#include "DashboardWidgets.h"
#include "LifecyclePanel.h"
#include "TimeSeriesChart.h"

#include "items/PortfolioModel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int defaultRangeDays = 90;
constexpr int markerLabelLength = 28;

ChartSeries seriesOf(const QList<MetricRow> &rows, MetricField field)
{
    ChartSeries series{MetricFields::title(field), {}};
    series.points.reserve(rows.size());
    for (const MetricRow &row : rows) {
        if (row.has(field))
            series.points.append(QPointF(row.day, row.value(field)));
    }
    return series;
}

QGroupBox *section(const QString &title, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    box->setFlat(false);
    return box;
}

} // namespace

AccountView::AccountView(QWidget *parent)
    : QWidget(parent)
{
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("accountScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(m_scroll);
    m_content->setObjectName(QStringLiteral("accountContent"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);

    const int line = fontMetrics().height();
    m_activity = new TimeSeriesChart(m_content);
    m_activity->setObjectName(QStringLiteral("activityChart"));
    m_activity->setTitle(tr("Active users"));
    m_activity->setMinimumHeight(line * 17);
    m_health = new TimeSeriesChart(m_content);
    m_health->setObjectName(QStringLiteral("healthChart"));
    m_health->setTitle(tr("Health score"));
    m_health->setMinimumHeight(line * 17);
    m_health->setBands(ChartBands{m_yellowFrom, m_greenFrom, 100});

    m_features = new BarChart(m_content);
    m_features->setObjectName(QStringLiteral("featureChart"));
    m_features->setTitle(tr("Feature adoption (30 days)"));
    m_features->setLegendNames(tr("Other features"), tr("Core features"));
    m_features->setValueTitle(tr("events"));
    m_features->setHighlightTitle(tr("core"));

    auto *explanationBox = section(tr("Why this score"), m_content);
    m_explanation = new ExplanationPanel(explanationBox);
    m_explanation->setObjectName(QStringLiteral("explanationPanel"));
    (new QVBoxLayout(explanationBox))->addWidget(m_explanation);

    m_customBox = section(tr("Custom metrics"), m_content);
    m_customGrid = new QGridLayout(m_customBox);
    m_noCustom = new QLabel(tr("No custom metrics are mapped for this account."), m_customBox);
    m_customGrid->addWidget(m_noCustom, 0, 0);

    auto *lifecycleBox = section(tr("Lifecycle and playbooks"), m_content);
    m_lifecycle = new LifecyclePanel(lifecycleBox);
    (new QVBoxLayout(lifecycleBox))->addWidget(m_lifecycle);

    m_notFound = new QLabel(tr("This account has no computed health data yet. Run a sync, or wait for the "
                               "recompute after the current one."),
                            m_content);
    m_notFound->setObjectName(QStringLiteral("notFoundLabel"));
    m_notFound->setWordWrap(true);
    m_notFound->setVisible(false);

    auto *grid = new QGridLayout;
    grid->addWidget(m_activity, 0, 0);
    grid->addWidget(m_health, 0, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(buildPes());
    left->addWidget(explanationBox);
    left->addStretch();
    grid->addLayout(left, 1, 0);
    grid->addWidget(m_features, 1, 1);
    grid->addWidget(lifecycleBox, 2, 0, 1, 2);
    grid->addWidget(buildUsers(), 3, 0, 1, 2);
    grid->addWidget(m_customBox, 4, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->addWidget(buildHeader());
    layout->addWidget(m_notFound);
    layout->addLayout(grid);
    layout->addStretch();
    m_scroll->setWidget(m_content);
}

AccountView::~AccountView() = default;

QWidget *AccountView::buildHeader()
{
    auto *header = new QWidget(m_content);
    m_name = new QLabel(header);
    m_name->setObjectName(QStringLiteral("accountNameLabel"));
    m_name->setFont(DashboardPresentation::scaledFont(this, 1.6, true));
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_scoreChip = new QLabel(header);
    m_scoreChip->setObjectName(QStringLiteral("scoreChipLabel"));
    m_scoreChip->setFont(DashboardPresentation::scaledFont(this, 1.3, true));
    const int pad = fontMetrics().height() / 3;
    m_scoreChip->setContentsMargins(pad * 2, pad, pad * 2, pad);
    m_facts = new QLabel(header);
    m_facts->setObjectName(QStringLiteral("accountFactsLabel"));
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_range = new QComboBox(header);
    m_range->setObjectName(QStringLiteral("rangeComboBox"));
    for (const int days : rangeChoices())
        m_range->addItem(tr("Last %1 days").arg(days), days);
    m_range->setCurrentIndex(m_range->findData(defaultRangeDays));
    connect(m_range, &QComboBox::currentIndexChanged, this, &AccountView::applyRange);

    auto *top = new QHBoxLayout;
    top->addWidget(m_name);
    top->addSpacing(fontMetrics().height());
    top->addWidget(m_scoreChip);
    top->addStretch();
    top->addWidget(new QLabel(tr("Show:"), header));
    top->addWidget(m_range);
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_facts);
    return header;
}

QWidget *AccountView::buildPes()
{
    auto *box = section(tr("Product engagement score"), m_content);
    auto *row = new QHBoxLayout(box);
    for (const MetricField field :
         {MetricField::PesAdoption, MetricField::PesStickiness, MetricField::PesGrowth, MetricField::Pes}) {
        auto *tile = new DashboardTile(MetricFields::title(field), box);
        tile->setObjectName(MetricFields::column(field) + QStringLiteral("Tile"));
        row->addWidget(tile);
        m_pesTiles.append(tile);
    }
    return box;
}

QWidget *AccountView::buildUsers()
{
    auto *box = section(tr("Users"), m_content);
    m_users = new AccountUsersModel(this);
    m_usersSort = new QSortFilterProxyModel(this);
    m_usersSort->setSourceModel(m_users);
    m_usersSort->setSortRole(Qt::UserRole);
    m_usersTable = new QTableView(box);
    m_usersTable->setObjectName(QStringLiteral("usersTableView"));
    m_usersTable->setModel(m_usersSort);
    m_usersTable->setSortingEnabled(true);
    m_usersTable->sortByColumn(AccountUsersModel::LastSeen, Qt::DescendingOrder);
    m_usersTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usersTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usersTable->setAlternatingRowColors(true);
    m_usersTable->verticalHeader()->setVisible(false);
    m_usersTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_usersTable->setMinimumHeight(fontMetrics().height() * 12);
    (new QVBoxLayout(box))->addWidget(m_usersTable);
    return box;
}

void AccountView::setHealthBands(double yellowFrom, double greenFrom)
{
    m_yellowFrom = yellowFrom;
    m_greenFrom = greenFrom;
    m_health->setBands(ChartBands{m_yellowFrom, m_greenFrom, 100});
    applyRange();
}

void AccountView::setRangeDays(int days)
{
    const int index = m_range->findData(days);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

int AccountView::rangeDays() const
{
    return m_range->currentData().toInt();
}

void AccountView::setDetail(const AccountDetail &detail)
{
    m_detail = detail;
    m_notFound->setVisible(!detail.found);
    showHeader();
    showActivity();
    showHealth();
    showPes();
    showFeatures();
    m_users->setContacts(detail.contacts);
    m_explanation->setExplanation(detail.explanation);
    showCustomMetrics();
    applyRange();
}

void AccountView::showHeader()
{
    const PortfolioRow &s = m_detail.summary;
    m_name->setText(s.name.isEmpty() ? s.externalId : s.name);
    m_name->setToolTip(s.externalId);
    if (s.score) {
        const QString arrow = PortfolioModel::trendArrow(PortfolioModel::trendOf(s));
        m_scoreChip->setText(tr("%1 · %2").arg(QLocale().toString(*s.score, 'f', 0), DashboardPresentation::bandName(s.band))
                             + (arrow.isEmpty() ? QString() : u' ' + arrow));
        m_scoreChip->setToolTip(s.scoreDelta7 ? tr("%1 over the last 7 days").arg(DashboardPresentation::signedNumber(*s.scoreDelta7))
                                              : QString());
        DashboardPresentation::paintChip(m_scoreChip, s.band);
    } else {
        m_scoreChip->setText(tr("No score"));
        m_scoreChip->setToolTip({});
        DashboardPresentation::paintChip(m_scoreChip, std::nullopt);
    }
    const QString none = tr("—");
    QStringList facts;
    facts << tr("Owner: %1").arg(s.owner.isEmpty() ? none : s.owner)
          << tr("Stage: %1").arg(s.stage.isEmpty() ? none : s.stage)
          << tr("Renewal: %1").arg(s.renewalDate.isValid() ? DashboardPresentation::date(s.renewalDate) : none)
          << tr("ARR: %1").arg(s.arr ? DashboardPresentation::money(*s.arr) : none)
          << tr("First value: %1").arg(m_detail.firstValueDay ? DashboardPresentation::day(*m_detail.firstValueDay)
                                                               : tr("not reached yet"));
    if (m_detail.lastDay > 0)
        facts << tr("as of %1").arg(DashboardPresentation::day(m_detail.lastDay));
    m_facts->setText(facts.join(QStringLiteral("   ·   ")));
}

void AccountView::showActivity()
{
    m_activity->setSeries({seriesOf(m_detail.series, MetricField::Dau), seriesOf(m_detail.series, MetricField::Wau),
                           seriesOf(m_detail.series, MetricField::Mau)});
}

void AccountView::showHealth()
{
    ChartSeries score{tr("Health score"), {}};
    score.points.reserve(m_detail.health.size());
    for (const HealthPoint &point : std::as_const(m_detail.health))
        score.points.append(QPointF(point.day, point.score));
    QList<ChartMarker> markers;
    for (const ModelChange &change : std::as_const(m_detail.modelChanges)) {
        QString label = tr("Model v%1").arg(change.version);
        if (!change.summary.isEmpty())
            label += QStringLiteral(": ")
                + (change.summary.size() > markerLabelLength ? change.summary.left(markerLabelLength - 1) + u'…'
                                                             : change.summary);
        markers.append({change.effectiveDay, label});
    }
    m_health->setSeries({score});
    m_health->setMarkers(markers);
}

void AccountView::showPes()
{
    const MetricRow *last = m_detail.series.isEmpty() ? nullptr : &m_detail.series.constLast();
    const QList<MetricField> fields{MetricField::PesAdoption, MetricField::PesStickiness, MetricField::PesGrowth,
                                    MetricField::Pes};
    for (int i = 0; i < fields.size(); ++i)
        m_pesTiles.at(i)->setValue(MetricFields::format(fields.at(i), last ? last->value(fields.at(i)) : MetricRow::missing()));
}

void AccountView::showFeatures()
{
    QList<ItemUsage> items = m_detail.items;
    std::stable_sort(items.begin(), items.end(),
                     [](const ItemUsage &a, const ItemUsage &b) { return a.events30d > b.events30d; });
    QList<BarItem> bars;
    int top = 0;
    for (const ItemUsage &item : std::as_const(items)) {
        // The most used features, then the core features (and pages) beyond them.
        const bool isFeature = item.kind != QLatin1String("page");
        const bool inTop = isFeature && top < topFeatureCount;
        if (inTop)
            ++top;
        else if (!item.core)
            continue;
        const QString label = isFeature ? item.name : tr("%1 (page)").arg(item.name);
        bars.append({label, double(item.events30d), item.core});
    }
    m_features->setBars(bars);
    const int line = fontMetrics().height();
    m_features->setMinimumHeight(std::max(line * 17, int(bars.size()) * line * 2 + line * 6));
}

void AccountView::showCustomMetrics()
{
    qDeleteAll(m_customCharts);
    m_customCharts.clear();
    m_noCustom->setVisible(m_detail.customMetrics.isEmpty());
    const int line = fontMetrics().height();
    for (int i = 0; i < m_detail.customMetrics.size(); ++i) {
        const CustomSeries &custom = m_detail.customMetrics.at(i);
        auto *chart = new TimeSeriesChart(m_customBox);
        chart->setObjectName(QStringLiteral("customMetricChart"));
        chart->setTitle(custom.metric);
        chart->setMinimumHeight(line * 14);
        ChartSeries series{custom.metric, {}};
        series.points.reserve(custom.points.size());
        for (const auto &[day, value] : custom.points)
            series.points.append(QPointF(day, value));
        chart->setSeries({series});
        m_customGrid->addWidget(chart, 1 + i / 2, i % 2);
        m_customCharts.append(chart);
    }
}

void AccountView::applyRange()
{
    const int days = rangeDays();
    const int last = m_detail.lastDay > 0 ? m_detail.lastDay : int(QDate::currentDate().toJulianDay());
    const int first = last - days + 1;
    m_activity->setXRange(first, last);
    m_health->setXRange(first, last);
    for (TimeSeriesChart *chart : std::as_const(m_customCharts))
        chart->setXRange(first, last);
}

int AccountView::fullHeight(int width) const
{
    QLayout *layout = m_content->layout();
    const int content = layout->hasHeightForWidth() ? layout->totalHeightForWidth(width) : layout->totalSizeHint().height();
    return std::max(content, layout->totalMinimumSize().height());
}
