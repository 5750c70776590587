#pragma once

#include "QueryTableModel.h"

/** All accounts of the workspace with owner, ARR, renewal, seats, stage and contact count. */
class AccountsModel final : public QueryTableModel
{
    Q_OBJECT

public:
    enum ColumnIndex { ExternalId, Name, Owner, Arr, RenewalDate, LicensedSeats, LifecycleStage, Contacts };

    explicit AccountsModel(Database &database, QObject *parent = nullptr);

protected:
    QVariant display(int column, const QVariant &value) const override;
};
