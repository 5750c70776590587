#include "SyncRunsModel.h"

#include "SyncPresentation.h"

#include <QLocale>
#include <QStringList>

namespace {

bool isNumeric(int column)
{
    return column == SyncRunsModel::Windows || column == SyncRunsModel::Failed || column == SyncRunsModel::RowsIn
           || column == SyncRunsModel::RowsSkipped || column == SyncRunsModel::Unmatched
           || column == SyncRunsModel::Duration;
}

} // namespace

SyncRunsModel::SyncRunsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SyncRunsModel::setItems(const QList<SyncRunSummary> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

int SyncRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int SyncRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncRunSummary &run = m_runs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(run, index.column());
    case Qt::UserRole:
        return sortValue(run, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(run, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment((isNumeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft)
                                                 | Qt::AlignVCenter));
    case RunIdRole:
        return run.runId;
    default:
        return {};
    }
}

QVariant SyncRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft)
                                                 | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        if (section == Windows)
            return tr("Windows done of planned: one window is one stream of one app on one day");
        if (section == Unmatched)
            return tr("Pendo visitors and accounts whose activity reaches no CS record");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Started:
        return tr("Started");
    case Kind:
        return tr("Kind");
    case Duration:
        return tr("Duration");
    case Windows:
        return tr("Windows");
    case Failed:
        return tr("Failed");
    case RowsIn:
        return tr("Rows in");
    case RowsSkipped:
        return tr("Rows skipped");
    case Unmatched:
        return tr("Unmatched");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

QVariant SyncRunsModel::displayValue(const SyncRunSummary &run, int column) const
{
    const QLocale locale;
    switch (column) {
    case Started:
        return SyncPresentation::localTime(run.startedAt);
    case Kind:
        if (run.kind == SyncRequest::Kind::Backfill && run.backfillDays > 0)
            return tr("Backfill (%n days)", nullptr, run.backfillDays);
        return SyncPresentation::kindName(run.kind);
    case Duration:
        return run.finishedAt.isEmpty() ? QString() : SyncPresentation::duration(run.durationMs);
    case Windows:
        return tr("%1 / %2").arg(locale.toString(run.windowsDone), locale.toString(run.windowsTotal));
    case Failed:
        return locale.toString(run.windowsFailed);
    case RowsIn:
        return locale.toString(run.rowsIn);
    case RowsSkipped:
        return locale.toString(run.rowsSkipped);
    case Unmatched:
        return locale.toString(run.unmatchedVisitors + run.unmatchedAccounts);
    case Status:
        return run.statusText();
    default:
        return {};
    }
}

QVariant SyncRunsModel::sortValue(const SyncRunSummary &run, int column) const
{
    switch (column) {
    case Started:
        return run.startedAt;
    case Duration:
        return run.durationMs;
    case Windows:
        return run.windowsDone;
    case Failed:
        return run.windowsFailed;
    case RowsIn:
        return run.rowsIn;
    case RowsSkipped:
        return run.rowsSkipped;
    case Unmatched:
        return run.unmatchedVisitors + run.unmatchedAccounts;
    default:
        return displayValue(run, column);
    }
}

QString SyncRunsModel::toolTip(const SyncRunSummary &run, int column) const
{
    const QLocale locale;
    switch (column) {
    case RowsSkipped: {
        if (run.skippedReasons.isEmpty())
            return {};
        QStringList lines;
        for (auto it = run.skippedReasons.cbegin(); it != run.skippedReasons.cend(); ++it)
            lines << tr("%1: %2").arg(it.key(), locale.toString(it.value()));
        return lines.join(u'\n');
    }
    case Unmatched:
        return tr("%1 visitors, %2 accounts")
            .arg(locale.toString(run.unmatchedVisitors), locale.toString(run.unmatchedAccounts));
    case Windows:
        return run.windowsSplit > 0 ? tr("%n windows split into hours after a time-out", nullptr, run.windowsSplit)
                                    : QString();
    case Status:
        return run.error.isEmpty() ? QString() : run.error;
    case Started: {
        if (!run.fromDay.isValid())
            return {};
        QStringList streams;
        for (const QString &key : run.streams)
            streams << SyncPresentation::streamName(key);
        return tr("Days %1 to %2: %3")
            .arg(run.fromDay.toString(Qt::ISODate), run.toDay.toString(Qt::ISODate), streams.join(QStringLiteral(", ")));
    }
    default:
        return {};
    }
}
