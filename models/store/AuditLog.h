#pragma once

#include <QJsonObject>
#include <QString>

class WriteTransaction;

/** One entry of the audit log: who did what to which object, with its details. */
struct AuditEntry
{
    QString actor;
    QString action;     // e.g. "import.accounts", "config.save", "match.apply"
    QString objectType; // e.g. "file", "config", "resolutions"
    QString objectId;   // may be empty
    QJsonObject details;
};

/**
 * The audit log repository: every change that a person or the integration makes to the
 * workspace is recorded here, inside the same unit of work as the change itself, stamped with
 * the transaction's time. Stateless; used on the writer thread.
 */
class AuditLog final
{
public:
    static bool record(WriteTransaction &tx, const AuditEntry &entry);
};
