#include "CatalogChecklistModel.h"

CatalogChecklistModel::CatalogChecklistModel(IsChecked isChecked, SetChecked setChecked, QObject *parent)
    : QAbstractTableModel(parent)
    , m_isChecked(std::move(isChecked))
    , m_setChecked(std::move(setChecked))
{
}

void CatalogChecklistModel::setItems(const QList<MappableItem> &items, const MappingCatalog &catalog)
{
    beginResetModel();
    m_items = items;
    m_appNames.clear();
    for (const MappableItem &item : m_items)
        m_appNames.append(catalog.appName(item.appId));
    endResetModel();
}

void CatalogChecklistModel::refreshChecks()
{
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, NameColumn), index(int(m_items.size()) - 1, NameColumn), {Qt::CheckStateRole});
}

void CatalogChecklistModel::setCheckable(bool checkable)
{
    if (m_checkable == checkable)
        return;
    beginResetModel();
    m_checkable = checkable;
    endResetModel();
}

int CatalogChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int CatalogChecklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CatalogChecklistModel::kindLabel(const QString &kind) const
{
    if (kind == QLatin1String("feature"))
        return tr("Feature");
    if (kind == QLatin1String("page"))
        return tr("Page");
    if (kind == QLatin1String("guide"))
        return tr("Guide");
    if (kind == QLatin1String("track_type"))
        return tr("Track event");
    if (kind == QLatin1String("report"))
        return tr("Report");
    return kind;
}

QVariant CatalogChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MappableItem &item = m_items.at(index.row());
    if (role == AppIdRole)
        return item.appId;
    if (role == Qt::CheckStateRole && index.column() == NameColumn && m_checkable)
        return m_isChecked(item) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return item.pendoId;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return item.name;
    case KindColumn: return kindLabel(item.kind);
    case AppColumn: return m_appNames.at(index.row());
    case GroupColumn: return item.group;
    case CoreColumn: return item.isCore ? tr("Core") : QString();
    default: return {};
    }
}

bool CatalogChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole || index.column() != NameColumn
        || !m_checkable)
        return false;
    m_setChecked(m_items.at(index.row()), value.value<Qt::CheckState>() == Qt::Checked);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    return true;
}

Qt::ItemFlags CatalogChecklistModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn && m_checkable)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant CatalogChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case AppColumn: return tr("App");
    case GroupColumn: return tr("Product area");
    case CoreColumn: return tr("Core in Pendo");
    default: return {};
    }
}

void CatalogChecklistFilter::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void CatalogChecklistFilter::setApp(std::optional<qint64> appId)
{
    m_appId = appId;
    invalidateFilter();
}

bool CatalogChecklistFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_appId && model->index(sourceRow, 0, sourceParent).data(CatalogChecklistModel::AppIdRole).toLongLong() != *m_appId)
        return false;
    if (m_search.isEmpty())
        return true;
    for (int column : {int(CatalogChecklistModel::NameColumn), int(CatalogChecklistModel::GroupColumn)}) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
