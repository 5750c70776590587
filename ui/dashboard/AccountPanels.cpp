#include "AccountPanels.h"

#include "DashboardPresentation.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

AccountUsersModel::AccountUsersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AccountUsersModel::setContacts(const QList<ContactUsage> &contacts)
{
    beginResetModel();
    m_contacts = contacts;
    endResetModel();
}

int AccountUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_contacts.size());
}

int AccountUsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant AccountUsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContactUsage &c = m_contacts.at(index.row());
    const QLocale locale;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(index.column() >= ActiveDays ? Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)
                                                                : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return c.name;
        case Email:
            return c.email;
        case LastSeen:
            return c.lastSeenDay ? DashboardPresentation::day(*c.lastSeenDay) : tr("Never");
        case ActiveDays:
            return locale.toString(c.activeDays30d);
        case Events:
            return locale.toString(c.events30d);
        case Minutes:
            return locale.toString(c.minutes30d);
        default:
            return {};
        }
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Name:
            return c.name.toLower();
        case Email:
            return c.email.toLower();
        case LastSeen:
            return c.lastSeenDay.value_or(0);
        case ActiveDays:
            return c.activeDays30d;
        case Events:
            return c.events30d;
        case Minutes:
            return c.minutes30d;
        default:
            return {};
        }
    }
    return {};
}

QVariant AccountUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Email:
        return tr("E-mail");
    case LastSeen:
        return tr("Last seen");
    case ActiveDays:
        return tr("Active days (30 d)");
    case Events:
        return tr("Events (30 d)");
    case Minutes:
        return tr("Minutes (30 d)");
    default:
        return {};
    }
}

ExplanationPanel::ExplanationPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_moves(new QLabel(this))
{
    m_summary->setObjectName(QStringLiteral("explanationSummaryLabel"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("explanationTableWidget"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Input"), tr("Value"), tr("Points"), tr("Weight"), tr("Contribution")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Input, QHeaderView::Stretch);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_moves->setObjectName(QStringLiteral("explanationMovesLabel"));
    m_moves->setWordWrap(true);
    m_moves->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    layout->addWidget(m_moves);
}

QString ExplanationPanel::formatValue(const QString &metric, double value)
{
    if (const auto field = MetricFields::fromColumn(metric))
        return MetricFields::format(*field, value);
    if (std::isnan(value))
        return QStringLiteral("—");
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    return QLocale().toString(value, 'f', whole ? 0 : 2);
}

QString ExplanationPanel::moveText(const HealthMove &move)
{
    const QString from = formatValue(move.metric, move.from);
    const QString to = formatValue(move.metric, move.to);
    return move.to >= move.from ? tr("Raise %1 from %2 to %3").arg(move.title, from, to)
                                : tr("Lower %1 from %2 to %3").arg(move.title, from, to);
}

void ExplanationPanel::setExplanation(const HealthExplanation &explanation)
{
    const QLocale locale;
    m_highlighted = -1;
    m_table->clearContents();
    m_table->setRowCount(int(explanation.inputs.size()));
    if (!explanation.scored) {
        m_summary->setText(tr("No score: none of the health model's inputs has a value on this day."));
    } else {
        m_summary->setText(tr("Score %1 (%2) is the sum of the contributions: each input's points × its weight.")
                               .arg(locale.toString(explanation.score, 'f', 1),
                                    DashboardPresentation::bandName(explanation.band)));
    }
    const auto item = [](const QString &text, const QVariant &raw, bool right) {
        auto *cell = new QTableWidgetItem(text);
        cell->setData(Qt::UserRole, raw);
        cell->setTextAlignment(right ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
        return cell;
    };
    for (int row = 0; row < explanation.inputs.size(); ++row) {
        const HealthContribution &input = explanation.inputs.at(row);
        m_table->setItem(row, Input, item(input.title, input.metric, false));
        if (!input.present) {
            m_table->setItem(row, Value, item(tr("no value"), QVariant(), true));
            for (const int column : {Points, Weight, Contribution})
                m_table->setItem(row, column, item(QStringLiteral("—"), 0.0, true));
            for (int column = 0; column < ColumnCount; ++column)
                m_table->item(row, column)->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            continue;
        }
        m_table->setItem(row, Value, item(formatValue(input.metric, input.value), input.value, true));
        m_table->setItem(row, Points, item(locale.toString(input.points, 'f', 0), input.points, true));
        m_table->setItem(row, Weight,
                         item(tr("%1%").arg(locale.toString(input.weight * 100.0, 'f', 0)), input.weight, true));
        m_table->setItem(row, Contribution, item(locale.toString(input.contribution, 'f', 1), input.contribution, true));
        m_table->item(row, Input)->setToolTip(tr("Costs the score %1 points").arg(locale.toString(input.lostPoints, 'f', 1)));
    }
    if (explanation.biggestDrag >= 0 && explanation.biggestDrag < explanation.inputs.size()) {
        m_highlighted = explanation.biggestDrag;
        for (int column = 0; column < ColumnCount; ++column) {
            QTableWidgetItem *cell = m_table->item(m_highlighted, column);
            QFont font = cell->font();
            font.setBold(true);
            cell->setFont(font);
            cell->setBackground(DashboardPresentation::bandBackground(HealthBand::Red));
        }
        m_table->item(m_highlighted, Input)->setText(tr("%1 (biggest drag)").arg(explanation.inputs.at(m_highlighted).title));
    }

    m_moveLines.clear();
    if (explanation.nextBand && !explanation.toNextBand.isEmpty()) {
        m_moveLines << tr("To reach %1:").arg(DashboardPresentation::bandName(*explanation.nextBand));
        for (const HealthMove &move : explanation.toNextBand)
            m_moveLines << QStringLiteral("• ") + moveText(move);
    } else if (explanation.nextBand) {
        m_moveLines << tr("No single input reaches %1 on its own.").arg(DashboardPresentation::bandName(*explanation.nextBand));
    } else if (explanation.scored) {
        m_moveLines << tr("In the best band.");
    }
    m_moves->setText(m_moveLines.join(u'\n'));
    m_table->resizeRowsToContents();
}
