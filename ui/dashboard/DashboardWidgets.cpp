#include "DashboardWidgets.h"

#include "DashboardPresentation.h"

#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

DashboardTile::DashboardTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_caption->setObjectName(QStringLiteral("captionLabel"));
    m_value->setObjectName(QStringLiteral("valueLabel"));
    m_detail->setObjectName(QStringLiteral("detailLabel"));
    m_value->setFont(DashboardPresentation::scaledFont(this, 1.7, true));
    m_detail->setVisible(false);
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch();
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setBand(std::nullopt);
}

void DashboardTile::setValue(const QString &value)
{
    m_value->setText(value);
}

void DashboardTile::setDetail(const QString &detail)
{
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

void DashboardTile::setBand(std::optional<HealthBand> band)
{
    QPalette tile = palette();
    tile.setColor(QPalette::Window, band ? DashboardPresentation::bandBackground(*band)
                                         : DashboardPresentation::panelBackground());
    setPalette(tile);
    QPalette value = m_value->palette();
    value.setColor(QPalette::WindowText,
                   band ? DashboardPresentation::bandInk(*band) : QApplication::palette().color(QPalette::WindowText));
    m_value->setPalette(value);
}

QString DashboardTile::value() const
{
    return m_value->text();
}

QString DashboardTile::detail() const
{
    return m_detail->text();
}

QString DashboardTile::caption() const
{
    return m_caption->text();
}

ScoreDelegate::ScoreDelegate(int bandRole, int arrowRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_bandRole(bandRole)
    , m_arrowRole(arrowRole)
{
}

QString ScoreDelegate::cellText(const QModelIndex &index, int arrowRole)
{
    const QString score = index.data(Qt::DisplayRole).toString();
    const QString arrow = index.data(arrowRole).toString();
    return arrow.isEmpty() ? score : score + u' ' + arrow;
}

void ScoreDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant band = index.data(m_bandRole);
    if (!band.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const auto healthBand = HealthBand(band.toInt());
    QStyleOptionViewItem plain = option;
    initStyleOption(&plain, index);
    plain.text.clear();
    // The selection and focus behind the chip, as for any other cell.
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &plain, painter, plain.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const int inset = std::max(2, option.fontMetrics.height() / 8);
    const QRectF chip = QRectF(option.rect).adjusted(inset, inset, -inset, -inset);
    painter->setPen(Qt::NoPen);
    painter->setBrush(DashboardPresentation::bandColor(healthBand));
    painter->drawRoundedRect(chip, inset * 1.5, inset * 1.5);
    painter->setPen(DashboardPresentation::bandText(healthBand));
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    painter->drawText(chip.adjusted(inset * 2, 0, -inset * 2, 0), Qt::AlignRight | Qt::AlignVCenter,
                      cellText(index, m_arrowRole));
    painter->restore();
}

QSize ScoreDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setBold(true);
    const int text = QFontMetrics(font).horizontalAdvance(cellText(index, m_arrowRole) + QStringLiteral("  "));
    size.setWidth(std::max(size.width(), text + option.fontMetrics.height()));
    return size;
}
