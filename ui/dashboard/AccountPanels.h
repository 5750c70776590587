#pragma once

#include "analytics/AnalyticsReader.h"
#include "analytics/HealthModel.h"

#include <QAbstractTableModel>
#include <QWidget>

class QLabel;
class QTableWidget;

/**
 * The contacts of an account with their activity: name, e-mail, last seen, active days, events
 * and minutes in the last 30 days. DisplayRole gives text, Qt::UserRole the raw value to sort by.
 * Filled with setContacts(); UI thread.
 */
class AccountUsersModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Email, LastSeen, ActiveDays, Events, Minutes, ColumnCount };
    Q_ENUM(Column)

    explicit AccountUsersModel(QObject *parent = nullptr);

    void setContacts(const QList<ContactUsage> &contacts);
    const QList<ContactUsage> &contacts() const { return m_contacts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ContactUsage> m_contacts;
};

/**
 * Why an account has its score: one row per input of the health model with its value, points,
 * normalised weight and contribution (the contributions add up to the score), the input that
 * costs the most points highlighted, and the single moves that would reach the next band
 * ("Raise MAU from 12 to 20"). UI thread.
 */
class ExplanationPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Column { Input, Value, Points, Weight, Contribution, ColumnCount };

    explicit ExplanationPanel(QWidget *parent = nullptr);

    void setExplanation(const HealthExplanation &explanation);
    QTableWidget *table() const { return m_table; }
    /** The "to reach <band>" lines as shown. */
    QStringList moveLines() const { return m_moveLines; }
    /** The row of the biggest drag, or -1. */
    int highlightedRow() const { return m_highlighted; }

    /** A metric's value as people read it: calculated fields by their unit, custom metrics as numbers. */
    static QString formatValue(const QString &metric, double value);
    /** "Raise MAU from 12 to 20" (or "Lower … " for inputs where lower is better). */
    static QString moveText(const HealthMove &move);

private:
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_moves = nullptr;
    QStringList m_moveLines;
    int m_highlighted = -1;
};
