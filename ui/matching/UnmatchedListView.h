#pragma once

#include "items/UnmatchedModel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

/**
 * A searchable list of unmatched Pendo accounts or visitors, busiest first, with a filter for
 * ambiguous rows (and, for visitors, those whose account matched). Ambiguous rows are tinted
 * and explain which CS records claim them. UI thread.
 */
class UnmatchedListView final : public QWidget
{
    Q_OBJECT

public:
    /** `name` prefixes the children's objectNames ("unmatchedVisitors" → unmatchedVisitorsSearchLineEdit, …). */
    UnmatchedListView(UnmatchedModel *model, const QString &name, const QString &placeholder,
                      QWidget *parent = nullptr);

    UnmatchedModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }

private:
    void updateCount();

    UnmatchedModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_show;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_empty;
    QTimer *m_searchDelay;
};
