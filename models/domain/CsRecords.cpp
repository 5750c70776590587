#include "CsRecords.h"

QString recordKindKey(RecordKind kind)
{
    return kind == RecordKind::Accounts ? QStringLiteral("accounts") : QStringLiteral("contacts");
}

bool recordKindFromKey(const QString &key, RecordKind *kind)
{
    if (key == QLatin1String("accounts") || key == QLatin1String("account")) {
        *kind = RecordKind::Accounts;
        return true;
    }
    if (key == QLatin1String("contacts") || key == QLatin1String("contact")) {
        *kind = RecordKind::Contacts;
        return true;
    }
    return false;
}

namespace {

QStringList aliases(std::initializer_list<const char *> names)
{
    QStringList out;
    for (const char *name : names)
        out << CsFields::normaliseHeader(QString::fromLatin1(name));
    return out;
}

} // namespace

const QList<FieldSpec> &CsFields::fields(RecordKind kind)
{
    static const QList<FieldSpec> accountFields = {
        {QStringLiteral("external_id"), QT_TR_NOOP("External ID"), FieldType::Identifier, true,
         aliases({"external_id", "externalid", "id", "account_id", "accountid", "account id", "account external id",
                  "crm id", "crm_id", "salesforce id", "sfdc id", "company id", "customer id", "record id"})},
        {QStringLiteral("name"), QT_TR_NOOP("Name"), FieldType::Text, true,
         aliases({"name", "account name", "company", "company name", "account", "customer", "customer name",
                  "organization", "organisation"})},
        {QStringLiteral("owner"), QT_TR_NOOP("Owner"), FieldType::Text, false,
         aliases({"owner", "account owner", "csm", "customer success manager", "cs owner", "account manager",
                  "owner name", "owner email"})},
        {QStringLiteral("arr"), QT_TR_NOOP("ARR"), FieldType::Money, false,
         aliases({"arr", "annual recurring revenue", "annual revenue", "contract value", "acv", "revenue"})},
        {QStringLiteral("renewal_date"), QT_TR_NOOP("Renewal date"), FieldType::Date, false,
         aliases({"renewal_date", "renewal date", "renewal", "renews on", "contract end", "contract end date",
                  "next renewal"})},
        {QStringLiteral("licensed_seats"), QT_TR_NOOP("Licensed seats"), FieldType::Integer, false,
         aliases({"licensed_seats", "licensed seats", "seats", "licenses", "licences", "license count",
                  "licence count", "user licenses"})},
        {QStringLiteral("lifecycle_stage"), QT_TR_NOOP("Lifecycle stage"), FieldType::LifecycleStage, false,
         aliases({"lifecycle_stage", "lifecycle stage", "lifecycle", "stage", "customer stage", "phase"})},
    };
    static const QList<FieldSpec> contactFields = {
        {QStringLiteral("external_id"), QT_TR_NOOP("External ID"), FieldType::Identifier, true,
         aliases({"external_id", "externalid", "id", "contact_id", "contactid", "contact id", "user id", "userid",
                  "visitor id", "crm id", "record id", "person id"})},
        {QStringLiteral("email"), QT_TR_NOOP("Email"), FieldType::Email, false,
         aliases({"email", "e-mail", "email address", "mail", "work email"})},
        {QStringLiteral("name"), QT_TR_NOOP("Name"), FieldType::Text, false,
         aliases({"name", "full name", "contact name", "display name"})},
        {QStringLiteral("role"), QT_TR_NOOP("Role"), FieldType::Text, false,
         aliases({"role", "title", "job title", "position", "persona"})},
        {QStringLiteral("account_external_id"), QT_TR_NOOP("Account external ID"), FieldType::AccountReference,
         false,
         aliases({"account_external_id", "account external id", "account_id", "accountid", "account id",
                  "company id", "account", "crm account id", "parent account id"})},
    };
    return kind == RecordKind::Accounts ? accountFields : contactFields;
}

const FieldSpec *CsFields::find(RecordKind kind, const QString &key)
{
    for (const FieldSpec &field : fields(kind)) {
        if (field.key == key)
            return &field;
    }
    return nullptr;
}

QString CsFields::label(const FieldSpec &field)
{
    return tr(field.label);
}

QString CsFields::kindLabel(RecordKind kind)
{
    return kind == RecordKind::Accounts ? tr("Accounts") : tr("Contacts");
}

QString CsFields::normaliseHeader(const QString &header)
{
    QString out;
    out.reserve(header.size());
    for (const QChar c : header) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    }
    return out;
}
