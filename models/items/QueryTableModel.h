#pragma once

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

class Database;

/**
 * A read-only table over one SQL query, loaded on a worker thread so the UI never waits on it.
 * Rows are kept as plain values; sorting and searching happen in a proxy. Lives on the UI thread.
 * DisplayRole gives formatted text; Qt::UserRole gives the raw value (sort by it).
 */
class QueryTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    struct Column
    {
        QString title;
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
    };

    QueryTableModel(Database &database, QString sql, QList<Column> columns, QObject *parent = nullptr);
    ~QueryTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    /** Starts a reload in the background; loaded() follows. A reload while one runs is queued. */
    void reload();

Q_SIGNALS:
    void loaded(int rows);
    void loadFailed(const QString &message);

protected:
    /** Formats a raw value of `column` for display; the default prints it as is. */
    virtual QVariant display(int column, const QVariant &value) const;

private:
    struct LoadResult
    {
        QList<QList<QVariant>> rows;
        QString error;
    };
    static LoadResult load(Database &database, const QString &sql, int columns);
    void finishLoad();

    Database &m_database;
    const QString m_sql;
    const QList<Column> m_columns;
    QList<QList<QVariant>> m_rows;
    QFutureWatcher<LoadResult> m_watcher;
    bool m_loading = false;
    bool m_reloadPending = false;
    QString m_lastError;
};
