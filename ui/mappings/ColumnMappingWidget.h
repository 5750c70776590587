#pragma once

#include "sync/DryRun.h"
#include "sync/IntegrationConfig.h"

#include <QWidget>

class QComboBox;
class QTableWidget;

/**
 * Maps the columns of a preview to a custom metric: which column holds the CS object's id,
 * which become values (with their inferred type, changeable, and a metric name) and which are
 * left out; plus the CS object the rows belong to. Also fills a preview table. UI thread.
 */
class ColumnMappingWidget final : public QWidget
{
    Q_OBJECT

public:
    explicit ColumnMappingWidget(QWidget *parent = nullptr);

    /** Offers `columns`, guessing the id column and marking numbers as values. */
    void setColumns(const QList<InferredColumn> &columns);
    /** Shows an existing mapping (its columns are offered even before a preview ran). */
    void setMapping(CsObject object, const QString &idColumn, const QList<ValueColumn> &values);
    void clear();

    /** The chosen mapping, or false with *error saying what is missing. */
    bool mapping(CsObject *object, QString *idColumn, QList<ValueColumn> *values, QString *error) const;

    /** Shows the first rows of a preview in `table`. */
    static void fillPreview(QTableWidget *table, const PreviewResult &result, int maxRows = 50);

Q_SIGNALS:
    void changed();

private:
    void addRow(const QString &column, ValueType type, int role, const QString &name);

    QComboBox *m_objectCombo;
    QTableWidget *m_table;
};
