#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QueryTableModel;

/**
 * A searchable, sortable table over a QueryTableModel, with a row count. Searching matches any
 * column, case-insensitively, after a short pause in typing. UI thread.
 */
class RecordsView final : public QWidget
{
    Q_OBJECT

public:
    RecordsView(QueryTableModel *model, const QString &placeholder, QWidget *parent = nullptr);

    QTableView *tableView() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void updateCount();

    QueryTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_count;
    QTimer *m_searchDelay;
};
