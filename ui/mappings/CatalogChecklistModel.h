#pragma once

#include "sync/IntegrationConfigCatalog.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <functional>
#include <optional>

/**
 * Catalog items with a check box each; whether an item is checked, and what a click does, come
 * from the owner (the mapping controller), so the model never holds a second copy of the
 * selection. Call refreshChecks() after the selection changed elsewhere. UI thread.
 */
class CatalogChecklistModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, AppColumn, GroupColumn, CoreColumn, ColumnCount };
    using IsChecked = std::function<bool(const MappableItem &)>;
    using SetChecked = std::function<void(const MappableItem &, bool)>;

    CatalogChecklistModel(IsChecked isChecked, SetChecked setChecked, QObject *parent = nullptr);

    void setItems(const QList<MappableItem> &items, const MappingCatalog &catalog);
    const MappableItem &item(int row) const { return m_items.at(row); }
    void refreshChecks();
    void setCheckable(bool checkable);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** The app id of a row, for the proxy's per-app filter. */
    static constexpr int AppIdRole = Qt::UserRole + 1;

private:
    QString kindLabel(const QString &kind) const;

    IsChecked m_isChecked;
    SetChecked m_setChecked;
    QList<MappableItem> m_items;
    QList<QString> m_appNames;
    bool m_checkable = true;
};

/** Filters a CatalogChecklistModel by search text (name or group) and by app. */
class CatalogChecklistFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearchText(const QString &text);
    void setApp(std::optional<qint64> appId);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    std::optional<qint64> m_appId;
};
