#pragma once

#include "ChartWidget.h"

#include <QList>
#include <QString>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

/** One bar: a label, its value and whether it stands out (a core feature). */
struct BarItem
{
    QString label;
    double value = 0;
    bool highlighted = false;
};

/**
 * Horizontal bars, first item at the top; highlighted bars in the highlight colour with their own
 * legend entry. The CSV export lists label, value and whether the bar is highlighted. UI thread.
 */
class BarChart final : public ChartWidget
{
    Q_OBJECT

public:
    explicit BarChart(QWidget *parent = nullptr);

    void setBars(const QList<BarItem> &bars);
    const QList<BarItem> &bars() const { return m_bars; }
    /** The legend names of plain and highlighted bars ("Other features", "Core features"). */
    void setLegendNames(const QString &plain, const QString &highlighted);
    /** The header of the value column and the value axis ("Events (30 days)"). */
    void setValueTitle(const QString &title);
    /** The header of the highlight column in the CSV ("core"). */
    void setHighlightTitle(const QString &title);

    QList<QStringList> tableData() const override;

private:
    void rebuild();

    QList<BarItem> m_bars;
    QString m_plainName;
    QString m_highlightedName;
    QString m_valueTitle;
    QString m_highlightTitle;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_values = nullptr;
};
