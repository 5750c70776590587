#pragma once

#include "sync/SyncTypes.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * A run's log as it grows: time, level, stream, day and message per line, oldest first. Keeps at
 * most maxLines() lines, dropping the oldest, so a long run cannot grow it without bound. QtCore
 * only; lives on the UI thread. LevelRole gives the SyncLogEntry::Level as an int.
 */
class SyncLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Level, Stream, Day, Message, ColumnCount };
    Q_ENUM(Column)

    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit SyncLogModel(QObject *parent = nullptr);

    void setMaxLines(int lines) { m_maxLines = std::max(1, lines); }
    int maxLines() const { return m_maxLines; }

    /** Replaces every line (a finished run's log read from the workspace). */
    void setItems(const QList<SyncLogEntry> &entries);
    /** Adds a live line at the end, dropping the oldest ones beyond maxLines(). */
    void append(const SyncLogEntry &entry);
    void clear();
    const QList<SyncLogEntry> &items() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SyncLogEntry> m_entries;
    int m_maxLines = 2000;
};
