#include "UnmatchedListView.h"

#include <QApplication>
#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {

enum class Show { All, Ambiguous, AccountMatched };

/** Search over every column plus the "show" filter; adds the tint and icon of ambiguous rows. */
class UnmatchedFilterModel final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setShow(Show show)
    {
        // Qt 6.4 has no begin/endFilterChange; invalidateFilter() is the supported call here.
        m_show = show;
        invalidateFilter();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const auto *source = static_cast<const UnmatchedModel *>(sourceModel());
        if (role == Qt::DecorationRole && index.column() == source->columnOf(UnmatchedModel::Column::Account)
            && !index.data().toString().isEmpty()) {
            // The account column says at a glance whether the visitor's account matched.
            return QApplication::style()->standardIcon(index.data(UnmatchedModel::AccountMatchedRole).toBool()
                                                           ? QStyle::SP_DialogApplyButton
                                                           : QStyle::SP_DialogCancelButton);
        }
        if (role == Qt::BackgroundRole || role == Qt::DecorationRole || role == Qt::ForegroundRole) {
            if (!index.data(UnmatchedModel::AmbiguousRole).toBool())
                return QSortFilterProxyModel::data(index, role);
            const bool statusColumn = index.column() == source->columnOf(UnmatchedModel::Column::Status);
            if (role == Qt::BackgroundRole)
                return QColor(0xff, 0xf3, 0xd6);
            if (role == Qt::ForegroundRole && statusColumn)
                return QColor(0x8a, 0x4b, 0x00);
            if (role == Qt::DecorationRole && statusColumn)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex first = sourceModel()->index(sourceRow, 0, sourceParent);
        if (m_show == Show::Ambiguous && !first.data(UnmatchedModel::AmbiguousRole).toBool())
            return false;
        if (m_show == Show::AccountMatched
            && (!first.data(UnmatchedModel::AccountMatchedRole).toBool()
                || first.data(UnmatchedModel::AmbiguousRole).toBool()))
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    }

private:
    Show m_show = Show::All;
};

} // namespace

UnmatchedListView::UnmatchedListView(UnmatchedModel *model, const QString &name, const QString &placeholder,
                                     QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new UnmatchedFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_show(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    setObjectName(name + QStringLiteral("View"));
    m_proxy->setObjectName(name + QStringLiteral("ProxyModel"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_search->setObjectName(name + QStringLiteral("SearchLineEdit"));
    m_search->setPlaceholderText(placeholder);
    m_search->setClearButtonEnabled(true);

    m_show->setObjectName(name + QStringLiteral("ShowComboBox"));
    m_show->addItem(tr("All"), int(Show::All));
    m_show->addItem(tr("Ambiguous only"), int(Show::Ambiguous));
    if (model->kind() == UnmatchedModel::Kind::Visitors)
        m_show->addItem(tr("Account matched"), int(Show::AccountMatched));
    m_show->setToolTip(tr("Which unmatched rows to show"));
    m_count->setObjectName(name + QStringLiteral("CountLabel"));
    m_count->setForegroundRole(QPalette::PlaceholderText);

    m_table->setObjectName(name + QStringLiteral("TableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(model->columnOf(UnmatchedModel::Column::Events), Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    // The account column carries a matched / not matched icon; the yes/no column stays for sorting elsewhere.
    if (const int matched = model->columnOf(UnmatchedModel::Column::AccountMatched); matched >= 0)
        m_table->setColumnHidden(matched, true);

    m_empty->setObjectName(name + QStringLiteral("EmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(model->kind() == UnmatchedModel::Kind::Accounts
                         ? tr("Every Pendo account matches exactly one CS account.")
                         : tr("Every Pendo visitor matches exactly one contact."));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_show);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    auto *legend = new QLabel(tr("Events and minutes are the last 30 days of activity. Highlighted rows are "
                                 "ambiguous: point at one to see which records claim it."),
                              this);
    legend->setObjectName(name + QStringLiteral("LegendLabel"));
    legend->setWordWrap(true);
    legend->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(legend);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        m_proxy->setFilterFixedString(m_search->text().trimmed());
        updateCount();
    });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this] {
        static_cast<UnmatchedFilterModel *>(m_proxy)->setShow(Show(m_show->currentData().toInt()));
        updateCount();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        updateCount();
    });
    updateCount();
}

void UnmatchedListView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    const QLocale locale;
    if (shown == total)
        m_count->setText(total == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(total)));
    else
        m_count->setText(tr("%1 of %2").arg(locale.toString(shown), locale.toString(total)));
    m_stack->setCurrentWidget(total == 0 ? static_cast<QWidget *>(m_empty) : m_table);
}
