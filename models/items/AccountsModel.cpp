#include "AccountsModel.h"

#include <QDate>
#include <QLocale>

namespace {

QList<QueryTableModel::Column> accountColumns()
{
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    return {
        {AccountsModel::tr("External ID")}, {AccountsModel::tr("Name")},
        {AccountsModel::tr("Owner")},       {AccountsModel::tr("ARR"), right},
        {AccountsModel::tr("Renewal")},     {AccountsModel::tr("Seats"), right},
        {AccountsModel::tr("Stage")},       {AccountsModel::tr("Contacts"), right},
    };
}

} // namespace

AccountsModel::AccountsModel(Database &database, QObject *parent)
    : QueryTableModel(database,
                      QStringLiteral("SELECT a.external_id, a.name, a.owner, a.arr, a.renewal_date, a.licensed_seats, "
                                     "s.name, (SELECT COUNT(*) FROM contacts c WHERE c.account_id = a.id) "
                                     "FROM accounts a LEFT JOIN lifecycle_stages s ON s.id = a.lifecycle_stage_id "
                                     "ORDER BY a.name"),
                      accountColumns(), parent)
{
}

QVariant AccountsModel::display(int column, const QVariant &value) const
{
    if (value.isNull())
        return QString();
    switch (column) {
    case Arr:
        return QLocale().toString(value.toDouble(), 'f', 0);
    case RenewalDate:
        return QLocale().toString(QDate::fromString(value.toString(), Qt::ISODate), QLocale::ShortFormat);
    case LicensedSeats:
    case Contacts:
        return QLocale().toString(value.toLongLong());
    default:
        return value;
    }
}
