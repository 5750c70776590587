#pragma once

#include "analytics/HealthModel.h"

#include <QFrame>
#include <QStyledItemDelegate>

#include <optional>

class QLabel;

/**
 * A summary tile: a caption, a large value and a line of detail, optionally tinted by a health
 * band (from DashboardPresentation's palette). UI thread.
 */
class DashboardTile final : public QFrame
{
    Q_OBJECT

public:
    explicit DashboardTile(const QString &caption = {}, QWidget *parent = nullptr);

    void setValue(const QString &value);
    void setDetail(const QString &detail);
    void setBand(std::optional<HealthBand> band);
    QString value() const;
    QString detail() const;
    QString caption() const;

private:
    QLabel *m_caption = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
};

/**
 * Paints a health score cell as a chip in its band's colour with the score and its trend arrow
 * (the model's BandRole and TrendArrowRole); cells without a band paint as usual. UI thread.
 */
class ScoreDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /** The roles that carry the band (an int HealthBand) and the arrow text. */
    ScoreDelegate(int bandRole, int arrowRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /** "72 ▲": what the cell shows. */
    static QString cellText(const QModelIndex &index, int arrowRole);

private:
    const int m_bandRole;
    const int m_arrowRole;
};
