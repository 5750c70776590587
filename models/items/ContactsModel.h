#pragma once

#include "QueryTableModel.h"

/** All contacts of the workspace with their account. */
class ContactsModel final : public QueryTableModel
{
    Q_OBJECT

public:
    enum ColumnIndex { ExternalId, Name, Email, Role, Account, AccountExternalId, CreatedBy };

    explicit ContactsModel(Database &database, QObject *parent = nullptr);

protected:
    QVariant display(int column, const QVariant &value) const override;
};
