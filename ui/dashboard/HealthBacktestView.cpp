#include "HealthBacktestView.h"

#include "DashboardPresentation.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

BandChangesModel::BandChangesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BandChangesModel::setChanges(const QList<BandChange> &changes)
{
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

int BandChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int BandChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

std::optional<HealthBand> BandChangesModel::bandAt(const BandChange &change, int column) const
{
    switch (column) {
    case From:
        return change.from;
    case To:
        return change.to;
    case Stored:
        return change.stored;
    default:
        return std::nullopt;
    }
}

QVariant BandChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BandChange &change = m_changes.at(index.row());
    const int column = index.column();
    const std::optional<HealthBand> band = bandAt(change, column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == Account)
            return change.account;
        if (column == Day)
            return DashboardPresentation::day(change.day);
        if (column == Stored && !band)
            return tr("no stored score");
        return band ? DashboardPresentation::bandName(*band) : QString();
    case Qt::UserRole:
        if (column == Account)
            return change.account.toLower();
        if (column == Day)
            return change.day;
        return band ? QVariant(int(*band)) : QVariant(-1);
    case Qt::BackgroundRole:
        return band ? QVariant(DashboardPresentation::bandBackground(*band)) : QVariant();
    case Qt::ToolTipRole:
        if (column == Stored && band && *band != change.to)
            return tr("The stored scores gave a different band on this day.");
        return {};
    default:
        return {};
    }
}

QVariant BandChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Account:
        return tr("Account");
    case Day:
        return tr("Day");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Stored:
        return tr("Stored band");
    default:
        return {};
    }
}

HealthBacktestView::HealthBacktestView(QWidget *parent)
    : QDialog(parent)
    , m_model(new BandChangesModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("Health model backtest"));
    m_summary->setObjectName(QStringLiteral("backtestSummaryLabel"));
    m_summary->setWordWrap(true);
    auto *sort = new QSortFilterProxyModel(this);
    sort->setSourceModel(m_model);
    sort->setSortRole(Qt::UserRole);
    m_table->setObjectName(QStringLiteral("bandChangesTableView"));
    m_table->setModel(sort);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BandChangesModel::Day, Qt::AscendingOrder);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    const int line = fontMetrics().height();
    resize(line * 45, line * 30);
}

void HealthBacktestView::setResult(const BacktestResult &result)
{
    m_model->setChanges(result.changes);
    if (!result.error.isEmpty()) {
        m_summary->setText(tr("The backtest failed: %1").arg(result.error));
        return;
    }
    const QLocale locale;
    m_summary->setText(tr("From %1 to %2: %3 of %4 accounts would change band under this model; %5 differ from the "
                          "stored scores.")
                           .arg(DashboardPresentation::day(result.fromDay), DashboardPresentation::day(result.toDay),
                                locale.toString(result.accountsChangingBand), locale.toString(result.accounts.size()),
                                locale.toString(result.accountsDiffering)));
}

QString HealthBacktestView::summaryText() const
{
    return m_summary->text();
}
