#pragma once

#include "analytics/HealthModel.h"

#include <QDialog>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

/**
 * Edits a health model as a new version: its weighted inputs (a calculated field or a custom
 * metric, the weight and the values that earn 0, 40, 70 and 100 points), the score cut-offs of
 * the yellow and green bands and a summary of the change. Problems are listed as they appear and
 * keep Save disabled. Backtest asks for a replay of the draft, Save for the new version; the page
 * that opened it does both through the session. UI thread.
 */
class HealthModelEditor final : public QDialog
{
    Q_OBJECT

public:
    HealthModelEditor(const HealthModel &initial, int version, const QStringList &customMetrics,
                      QWidget *parent = nullptr);

    HealthModel model() const;
    QString summary() const;
    QStringList problems() const { return model().validate(); }

    QTableWidget *inputsTable() const { return m_table; }
    void addInput(const HealthInput &input);

Q_SIGNALS:
    void backtestRequested(const HealthModel &model);
    void saveRequested(const HealthModel &model, const QString &summary);

private:
    void revalidate();

    QStringList m_metrics; // the combo's metric keys, in its order
    QTableWidget *m_table;
    QDoubleSpinBox *m_yellowFrom;
    QDoubleSpinBox *m_greenFrom;
    QLineEdit *m_summary;
    QLabel *m_problems;
    QPushButton *m_save;
};
