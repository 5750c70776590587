#include "BarChart.h"

#include "DashboardPresentation.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QSet>
#include <QValueAxis>

namespace {

constexpr int maxLabelLength = 36;

} // namespace

BarChart::BarChart(QWidget *parent)
    : ChartWidget(parent)
    , m_plainName(tr("Other"))
    , m_highlightedName(tr("Highlighted"))
    , m_valueTitle(tr("value"))
    , m_highlightTitle(tr("highlighted"))
    , m_categories(new QBarCategoryAxis(this))
    , m_values(new QValueAxis(this))
{
    m_values->setLabelFormat(QStringLiteral("%.0f"));
    chart()->addAxis(m_categories, Qt::AlignLeft);
    chart()->addAxis(m_values, Qt::AlignBottom);
}

void BarChart::setBars(const QList<BarItem> &bars)
{
    m_bars = bars;
    rebuild();
}

void BarChart::setLegendNames(const QString &plain, const QString &highlighted)
{
    m_plainName = plain;
    m_highlightedName = highlighted;
    rebuild();
}

void BarChart::setValueTitle(const QString &title)
{
    m_valueTitle = title;
    rebuild();
}

void BarChart::setHighlightTitle(const QString &title)
{
    m_highlightTitle = title;
}

void BarChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    m_categories->clear();

    // One stacked series with a plain and a highlighted set: each bar has its value in one of
    // them, so a bar is one colour and there is one legend entry per kind.
    auto *series = new QHorizontalStackedBarSeries;
    auto *plain = new QBarSet(m_plainName);
    auto *highlighted = new QBarSet(m_highlightedName);
    plain->setColor(DashboardPresentation::seriesColor(0));
    plain->setBorderColor(DashboardPresentation::seriesColor(0));
    highlighted->setColor(DashboardPresentation::highlightColor());
    highlighted->setBorderColor(DashboardPresentation::highlightColor());

    // The series draws its first category at the bottom: add the bars last to first.
    QStringList categories;
    QSet<QString> seen;
    double top = 0;
    bool anyHighlighted = false, anyPlain = false;
    for (qsizetype i = m_bars.size() - 1; i >= 0; --i) {
        const BarItem &bar = m_bars.at(i);
        QString label = bar.label.size() > maxLabelLength ? bar.label.left(maxLabelLength - 1) + u'…' : bar.label;
        // The category axis merges equal labels; keep every bar.
        for (int n = 2; seen.contains(label); ++n)
            label = bar.label.left(maxLabelLength - 4) + QStringLiteral(" (%1)").arg(n);
        seen.insert(label);
        categories << label;
        *plain << (bar.highlighted ? 0.0 : bar.value);
        *highlighted << (bar.highlighted ? bar.value : 0.0);
        top = std::max(top, bar.value);
        (bar.highlighted ? anyHighlighted : anyPlain) = true;
    }
    series->append(plain);
    series->append(highlighted);
    series->setBarWidth(0.7);
    c->addSeries(series);
    m_categories->append(categories);
    series->attachAxis(m_categories);
    series->attachAxis(m_values);
    m_values->setRange(0, top > 0 ? top : 1);
    m_values->applyNiceNumbers();
    m_values->setTitleText(m_valueTitle);

    const QList<QLegendMarker *> markers = c->legend()->markers(series);
    if (markers.size() == 2) {
        markers.at(0)->setVisible(anyPlain);
        markers.at(1)->setVisible(anyHighlighted);
    }
    c->legend()->setVisible(anyHighlighted);
}

QList<QStringList> BarChart::tableData() const
{
    QList<QStringList> rows{{tr("label"), m_valueTitle, m_highlightTitle}};
    for (const BarItem &bar : m_bars)
        rows.append({bar.label, csvNumber(bar.value), bar.highlighted ? QStringLiteral("true") : QStringLiteral("false")});
    return rows;
}
