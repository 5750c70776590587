#include "RecordsView.h"

#include "items/QueryTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

RecordsView::RecordsView(QueryTableModel *model, const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
    , m_searchDelay(new QTimer(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setPlaceholderText(placeholder);
    m_search->setClearButtonEnabled(true);

    m_table->setObjectName(QStringLiteral("recordsTableView"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep scrolling through tens of thousands of rows smooth.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_count->setObjectName(QStringLiteral("countLabel"));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] {
        m_proxy->setFilterFixedString(m_search->text().trimmed());
        updateCount();
    });
    connect(model, &QueryTableModel::loaded, this, [this] {
        // Sizes from the rows in view (Qt samples a bounded number), so this stays cheap for big tables.
        m_table->resizeColumnsToContents();
        updateCount();
    });
    connect(model, &QueryTableModel::loadFailed, this, [this](const QString &message) {
        m_count->setText(tr("Cannot load: %1").arg(message));
    });
    updateCount();
}

void RecordsView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    if (shown == total)
        m_count->setText(tr("Records: %L1").arg(total));
    else
        m_count->setText(tr("Records: %L1 of %L2").arg(shown).arg(total));
}
