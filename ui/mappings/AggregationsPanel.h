#pragma once

#include "sync/DryRun.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

class ColumnMappingWidget;
class MappingController;
class PendoClient;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

/**
 * Aggregations → custom metrics: a pipeline editor validated as you type, a dry run on one day
 * and one account (asynchronous, cancelable) showing the rows and inferred columns, and the
 * column mapping. UI thread.
 */
class AggregationsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AggregationsPanel(MappingController &controller, QWidget *parent = nullptr);
    void setClient(PendoClient *client);
    /** The subscription's time zone, for the day buckets of a dry run. */
    void setTimeZone(const QTimeZone &zone);

private:
    void validate();
    void startDryRun();
    void setBusy(bool busy);
    void syncMappedList();
    void keepMapping();
    void editMapping(const QString &name);

    MappingController &m_controller;
    QPointer<AggregationDryRun> m_dryRun;
    QTimeZone m_zone = QTimeZone::utc();
    QLineEdit *m_nameEdit;
    QPlainTextEdit *m_pipelineEdit;
    QLabel *m_validationLabel;
    QDateEdit *m_dayEdit;
    QLineEdit *m_accountEdit;
    QPushButton *m_dryRunButton;
    QPushButton *m_cancelButton;
    QLabel *m_statusLabel;
    QTableWidget *m_resultTable;
    ColumnMappingWidget *m_columns;
    QPushButton *m_keepButton;
    QListWidget *m_mappedList;
    QPushButton *m_removeButton;
    bool m_valid = false;
};
