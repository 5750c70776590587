#include "ColumnMappingWidget.h"

#include <array>

#include <QComboBox>
#include <QTimeZone>
#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum Role { IgnoreRole, IdRole, ValueRole };
enum TableColumn { ColumnColumn, RoleColumn, TypeColumn, NameColumn };
constexpr std::array<ValueType, 4> types{ValueType::Number, ValueType::Text, ValueType::Bool, ValueType::Timestamp};

QString typeLabel(ValueType type)
{
    switch (type) {
    case ValueType::Number: return ColumnMappingWidget::tr("Number");
    case ValueType::Text: return ColumnMappingWidget::tr("Text");
    case ValueType::Bool: return ColumnMappingWidget::tr("Yes/no");
    case ValueType::Timestamp: return ColumnMappingWidget::tr("Date and time");
    }
    return {};
}

/** 2: an exact id column, 1: a metadata copy of one, 0: not an id. */
int idScore(const QString &column)
{
    const QString lower = column.toLower();
    for (const char *exact : {"accountid", "account_id", "visitorid", "visitor_id"}) {
        if (lower == QLatin1String(exact))
            return 2;
    }
    return lower.endsWith(QLatin1String("_auto_accountid")) ? 1 : 0;
}

bool isVisitorColumn(const QString &column)
{
    return column.contains(QLatin1String("visitor"), Qt::CaseInsensitive);
}

} // namespace

ColumnMappingWidget::ColumnMappingWidget(QWidget *parent)
    : QWidget(parent)
    , m_objectCombo(new QComboBox(this))
    , m_table(new QTableWidget(0, 4, this))
{
    m_objectCombo->setObjectName(QStringLiteral("objectComboBox"));
    m_objectCombo->addItem(tr("Accounts"), int(CsObject::Account));
    m_objectCombo->addItem(tr("Contacts"), int(CsObject::Contact));
    m_objectCombo->addItem(tr("Assets"), int(CsObject::Asset));
    m_objectCombo->addItem(tr("Projects"), int(CsObject::Project));
    m_table->setObjectName(QStringLiteral("columnsTableWidget"));
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Use as"), tr("Type"), tr("Metric name")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ColumnColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RoleColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(TypeColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    m_table->setColumnWidth(RoleColumn, m_table->fontMetrics().horizontalAdvance(tr("Id of the object")) + 40);
    m_table->setColumnWidth(TypeColumn, m_table->fontMetrics().horizontalAdvance(tr("Date and time")) + 40);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);

    auto *form = new QFormLayout;
    form->addRow(tr("Rows belong to:"), m_objectCombo);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    connect(m_objectCombo, &QComboBox::currentIndexChanged, this, &ColumnMappingWidget::changed);
}

void ColumnMappingWidget::clear()
{
    m_table->setRowCount(0);
}

void ColumnMappingWidget::addRow(const QString &column, ValueType type, int role, const QString &name)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *item = new QTableWidgetItem(column);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    m_table->setItem(row, ColumnColumn, item);
    auto *roleCombo = new QComboBox(m_table);
    roleCombo->setObjectName(QStringLiteral("roleComboBox"));
    roleCombo->addItems({tr("Leave out"), tr("Id of the object"), tr("Value")});
    roleCombo->setCurrentIndex(role);
    m_table->setCellWidget(row, RoleColumn, roleCombo);
    auto *typeCombo = new QComboBox(m_table);
    typeCombo->setObjectName(QStringLiteral("typeComboBox"));
    for (ValueType candidate : types)
        typeCombo->addItem(typeLabel(candidate), int(candidate));
    typeCombo->setCurrentIndex(typeCombo->findData(int(type)));
    m_table->setCellWidget(row, TypeColumn, typeCombo);
    m_table->setItem(row, NameColumn, new QTableWidgetItem(name));
    connect(roleCombo, &QComboBox::currentIndexChanged, this, [this, roleCombo](int index) {
        // Only one column can hold the id.
        if (index == IdRole) {
            for (int r = 0; r < m_table->rowCount(); ++r) {
                auto *other = qobject_cast<QComboBox *>(m_table->cellWidget(r, RoleColumn));
                if (other && other != roleCombo && other->currentIndex() == IdRole)
                    other->setCurrentIndex(IgnoreRole);
            }
        }
        Q_EMIT changed();
    });
    connect(typeCombo, &QComboBox::currentIndexChanged, this, &ColumnMappingWidget::changed);
}

void ColumnMappingWidget::setColumns(const QList<InferredColumn> &columns)
{
    clear();
    QString id;
    int best = 0;
    for (const InferredColumn &column : columns) {
        if (idScore(column.name) > best) {
            best = idScore(column.name);
            id = column.name;
        }
    }
    if (!id.isEmpty())
        m_objectCombo->setCurrentIndex(m_objectCombo->findData(int(isVisitorColumn(id) ? CsObject::Contact : CsObject::Account)));
    for (const InferredColumn &column : columns) {
        int role = IgnoreRole;
        if (column.name == id)
            role = IdRole;
        else if (column.type == ValueType::Number)
            role = ValueRole;
        addRow(column.name, column.type, role, column.name);
    }
    Q_EMIT changed();
}

void ColumnMappingWidget::setMapping(CsObject object, const QString &idColumn, const QList<ValueColumn> &values)
{
    clear();
    m_objectCombo->setCurrentIndex(m_objectCombo->findData(int(object)));
    addRow(idColumn, ValueType::Text, IdRole, idColumn);
    for (const ValueColumn &value : values)
        addRow(value.column, value.type, ValueRole, value.name);
    Q_EMIT changed();
}

bool ColumnMappingWidget::mapping(CsObject *object, QString *idColumn, QList<ValueColumn> *values, QString *error) const
{
    *object = CsObject(m_objectCombo->currentData().toInt());
    idColumn->clear();
    values->clear();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString column = m_table->item(row, ColumnColumn)->text();
        const int role = qobject_cast<QComboBox *>(m_table->cellWidget(row, RoleColumn))->currentIndex();
        const auto type = ValueType(qobject_cast<QComboBox *>(m_table->cellWidget(row, TypeColumn))->currentData().toInt());
        const QString name = m_table->item(row, NameColumn) ? m_table->item(row, NameColumn)->text().trimmed() : QString();
        if (role == IdRole)
            *idColumn = column;
        else if (role == ValueRole)
            values->append({column, name.isEmpty() ? column : name, type});
    }
    if (idColumn->isEmpty()) {
        *error = tr("Choose the column that holds the id.");
        return false;
    }
    if (values->isEmpty()) {
        *error = tr("Choose at least one value column.");
        return false;
    }
    return true;
}

void ColumnMappingWidget::fillPreview(QTableWidget *table, const PreviewResult &result, int maxRows)
{
    table->clear();
    QStringList headers;
    for (const InferredColumn &column : result.columns)
        headers << column.name;
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    const int rows = int(qMin<qsizetype>(result.rows.size(), maxRows));
    table->setRowCount(rows);
    for (int row = 0; row < rows; ++row) {
        const QJsonObject object = result.rows.at(row).toObject();
        for (int column = 0; column < result.columns.size(); ++column) {
            const InferredColumn &info = result.columns.at(column);
            const QJsonValue value = object.value(info.name);
            QString text;
            if (info.type == ValueType::Timestamp && value.isDouble())
                text = QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), QTimeZone::utc()).toString(Qt::ISODate);
            else if (value.isString())
                text = value.toString();
            else if (value.isDouble())
                text = QString::number(value.toDouble(), 'g', 15);
            else if (value.isBool())
                text = value.toBool() ? tr("yes") : tr("no");
            else if (value.isObject() || value.isArray())
                text = QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
            auto *item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            table->setItem(row, column, item);
        }
    }
    table->resizeColumnsToContents();
}
