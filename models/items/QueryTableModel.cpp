#include "QueryTableModel.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

QueryTableModel::QueryTableModel(Database &database, QString sql, QList<Column> columns, QObject *parent)
    : QAbstractTableModel(parent)
    , m_database(database)
    , m_sql(std::move(sql))
    , m_columns(std::move(columns))
{
    connect(&m_watcher, &QFutureWatcher<LoadResult>::finished, this, &QueryTableModel::finishLoad);
}

QueryTableModel::~QueryTableModel()
{
    m_watcher.waitForFinished();
}

int QueryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant QueryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant &value = m_rows.at(index.row()).at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(index.column(), value);
    case Qt::UserRole:
        return value;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(m_columns.at(index.column()).alignment);
    default:
        return {};
    }
}

QVariant QueryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return m_columns.at(section).title;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(m_columns.at(section).alignment);
    return {};
}

QVariant QueryTableModel::display(int, const QVariant &value) const
{
    return value;
}

void QueryTableModel::reload()
{
    // Our own flag, not the watcher's isRunning(): a job can have finished while its finished()
    // signal is still queued, and replacing the future then would drop that result.
    if (m_loading) {
        m_reloadPending = true;
        return;
    }
    m_loading = true;
    m_watcher.setFuture(QtConcurrent::run(&QueryTableModel::load, std::ref(m_database), m_sql, int(m_columns.size())));
}

QueryTableModel::LoadResult QueryTableModel::load(Database &database, const QString &sql, int columns)
{
    LoadResult result;
    ScopedConnection connection(database);
    if (!connection.isValid()) {
        result.error = connection.error();
        return result;
    }
    QSqlQuery query(connection.db());
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        result.error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        QList<QVariant> row;
        row.reserve(columns);
        for (int column = 0; column < columns; ++column)
            row.append(query.value(column));
        result.rows.append(std::move(row));
    }
    return result;
}

void QueryTableModel::finishLoad()
{
    m_loading = false;
    LoadResult result = m_watcher.result();
    if (!result.error.isEmpty()) {
        m_lastError = result.error;
        Q_EMIT loadFailed(result.error);
    } else {
        m_lastError.clear();
        beginResetModel();
        m_rows = std::move(result.rows);
        endResetModel();
        Q_EMIT loaded(int(m_rows.size()));
    }
    if (m_reloadPending) {
        m_reloadPending = false;
        reload();
    }
}
