#include "ContactsModel.h"

ContactsModel::ContactsModel(Database &database, QObject *parent)
    : QueryTableModel(database,
                      QStringLiteral("SELECT c.external_id, c.name, c.email, c.role, a.name, a.external_id, "
                                     "c.created_by FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id "
                                     "ORDER BY c.name"),
                      {{tr("External ID")}, {tr("Name")}, {tr("Email")}, {tr("Role")}, {tr("Account")},
                       {tr("Account ID")}, {tr("Source")}},
                      parent)
{
}

QVariant ContactsModel::display(int column, const QVariant &value) const
{
    if (column == CreatedBy) {
        const QString source = value.toString();
        if (source == QLatin1String("import"))
            return tr("Imported");
        if (source == QLatin1String("integration"))
            return tr("Created by the integration");
        return source;
    }
    return value;
}
