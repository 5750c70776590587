#include "UnmatchedModel.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {

QList<UnmatchedModel::Column> columnsFor(UnmatchedModel::Kind kind)
{
    using C = UnmatchedModel::Column;
    if (kind == UnmatchedModel::Kind::Accounts)
        return {C::PendoId, C::Label, C::Events, C::Minutes, C::Status};
    return {C::PendoId, C::Label, C::Account, C::AccountMatched, C::Events, C::Minutes, C::Status};
}

} // namespace

UnmatchedModel::UnmatchedModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
    , m_columns(columnsFor(kind))
{
}

void UnmatchedModel::setItems(const QList<UnmatchedItem> &items, const QHash<qint64, QString> &candidateLabels)
{
    beginResetModel();
    m_items = items;
    m_candidateLabels = candidateLabels;
    endResetModel();
}

int UnmatchedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int UnmatchedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant UnmatchedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UnmatchedItem &item = m_items.at(index.row());
    const Column column = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(item, column);
    case Qt::UserRole:
        return sortValue(item, column);
    case Qt::ToolTipRole:
        if (column == Column::Account && !item.accountId.isEmpty())
            return item.accountMatched ? tr("This Pendo account matches one of your accounts.")
                                       : tr("This Pendo account does not match any of your accounts.");
        return statusExplanation(item);
    case Qt::TextAlignmentRole:
        if (column == Column::Events || column == Column::Minutes)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case AmbiguousRole:
        return item.ambiguous;
    case CandidatesRole:
        return candidateLabels(item);
    case AccountMatchedRole:
        return item.accountMatched;
    case PendoIdRole:
        return item.pendoId;
    default:
        return {};
    }
}

QVariant UnmatchedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column column = m_columns.at(section);
    if (role == Qt::TextAlignmentRole) {
        if (column == Column::Events || column == Column::Minutes)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role == Qt::ToolTipRole && (column == Column::Events || column == Column::Minutes))
        return tr("In the last 30 days");
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Column::PendoId:
        return m_kind == Kind::Accounts ? tr("Pendo account") : tr("Pendo visitor");
    case Column::Label:
        return m_kind == Kind::Accounts ? tr("Name") : tr("E-mail or name");
    case Column::Account:
        return tr("Pendo account");
    case Column::AccountMatched:
        return tr("Account matched");
    case Column::Events:
        return tr("Events");
    case Column::Minutes:
        return tr("Minutes");
    case Column::Status:
        return tr("Status");
    }
    return {};
}

QVariant UnmatchedModel::displayValue(const UnmatchedItem &item, Column column) const
{
    switch (column) {
    case Column::PendoId:
        return item.pendoId;
    case Column::Label:
        return item.label;
    case Column::Account:
        return item.accountId;
    case Column::AccountMatched:
        if (item.accountId.isEmpty())
            return tr("No account");
        return item.accountMatched ? tr("Yes") : tr("No");
    case Column::Events:
        return QLocale().toString(item.events30d);
    case Column::Minutes:
        return QLocale().toString(item.minutes30d);
    case Column::Status:
        return statusText(item);
    }
    return {};
}

QVariant UnmatchedModel::sortValue(const UnmatchedItem &item, Column column) const
{
    switch (column) {
    case Column::Events:
        return item.events30d;
    case Column::Minutes:
        return item.minutes30d;
    case Column::AccountMatched:
        return item.accountMatched;
    case Column::Status:
        // Ambiguous rows first when sorted descending: they need a decision.
        return item.ambiguous ? int(item.candidates.size()) : 0;
    default:
        return displayValue(item, column);
    }
}

QString UnmatchedModel::statusText(const UnmatchedItem &item) const
{
    if (item.ambiguous)
        return tr("Ambiguous: %n records claim it", nullptr, int(item.candidates.size()));
    return tr("No match");
}

QString UnmatchedModel::statusExplanation(const UnmatchedItem &item) const
{
    if (item.ambiguous) {
        const QString kindText = m_kind == Kind::Accounts ? tr("CS accounts") : tr("contacts");
        return tr("Not synced until one record remains. These %1 have the same key: %2")
            .arg(kindText, candidateLabels(item).join(QStringLiteral("; ")));
    }
    if (m_kind == Kind::Accounts)
        return tr("No CS account has this key. Its usage is kept and attaches as soon as a rule matches it.");
    if (!item.accountMatched)
        return tr("No contact has this key, and the visitor's account is not matched either.");
    return tr("No contact has this key. Its account is matched, so a contact can be created for it.");
}

QStringList UnmatchedModel::candidateLabels(const UnmatchedItem &item) const
{
    QStringList labels;
    for (const qint64 id : item.candidates) {
        // A negative id is a row an import skipped because its external id was already taken.
        if (id < 0)
            labels << tr("a row skipped on line %1 of the last import").arg(-id);
        else
            labels << m_candidateLabels.value(id, tr("record %1").arg(id));
    }
    return labels;
}

MatchFieldCatalog MatchFieldCatalog::defaults()
{
    MatchFieldCatalog catalog;
    catalog.pendoAccount = {{QStringLiteral("accountId"), labelFor(QStringLiteral("accountId"))}};
    catalog.pendoVisitor = {{QStringLiteral("visitorId"), labelFor(QStringLiteral("visitorId"))},
                            {QStringLiteral("metadata.agent.email"), labelFor(QStringLiteral("metadata.agent.email"))}};
    for (const QString &key : {QStringLiteral("external_id"), QStringLiteral("name")})
        catalog.csAccount.append({key, CsFields::label(*CsFields::find(RecordKind::Accounts, key))});
    for (const QString &key : {QStringLiteral("external_id"), QStringLiteral("email"), QStringLiteral("name")})
        catalog.csContact.append({key, CsFields::label(*CsFields::find(RecordKind::Contacts, key))});
    return catalog;
}

QString MatchFieldCatalog::labelFor(const QString &key)
{
    if (key == QLatin1String("accountId"))
        return MatchFieldCatalog::tr("Account ID");
    if (key == QLatin1String("visitorId"))
        return MatchFieldCatalog::tr("Visitor ID");
    if (key == QLatin1String("metadata.agent.email"))
        return MatchFieldCatalog::tr("E-mail (agent)");
    if (key.startsWith(QLatin1String("metadata."))) {
        const QString path = key.mid(9);
        const qsizetype dot = path.indexOf(u'.');
        if (dot > 0)
            return MatchFieldCatalog::tr("%1 (%2)").arg(path.mid(dot + 1), path.left(dot));
        return path;
    }
    if (key.startsWith(QLatin1String("custom.")))
        return MatchFieldCatalog::tr("Custom: %1").arg(key.mid(7));
    for (const RecordKind kind : {RecordKind::Accounts, RecordKind::Contacts}) {
        if (const FieldSpec *field = CsFields::find(kind, key))
            return CsFields::label(*field);
    }
    return key;
}

namespace {

void addCustomFields(QSqlDatabase &db, const QString &table, QList<MatchFieldOption> *options, QString *error)
{
    // Parsed here rather than with JSON SQL functions, so the same code serves every backend.
    // A sample is enough to learn the field names an import wrote.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT custom_fields FROM %1 WHERE custom_fields <> '{}' LIMIT 5000").arg(table))) {
        if (error)
            *error = query.lastError().text();
        return;
    }
    QSet<QString> names;
    while (query.next()) {
        const QJsonObject object = QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        for (auto it = object.begin(); it != object.end(); ++it)
            names.insert(it.key());
    }
    QStringList sorted(names.begin(), names.end());
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    for (const QString &name : sorted) {
        const QString key = QStringLiteral("custom.") + name;
        options->append({key, MatchFieldCatalog::labelFor(key)});
    }
}

} // namespace

MatchFieldCatalog MatchFieldCatalog::load(Database &database, QString *error)
{
    MatchFieldCatalog catalog = defaults();
    ScopedConnection connection(database);
    if (!connection.isValid()) {
        if (error)
            *error = connection.error();
        return catalog;
    }
    QSqlQuery query(connection.db());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT object, field_group, field, display_name FROM pendo_metadata_fields "
                                   "ORDER BY object, field_group, field"))) {
        if (error)
            *error = query.lastError().text();
        return catalog;
    }
    while (query.next()) {
        const QString key = QStringLiteral("metadata.%1.%2").arg(query.value(1).toString(), query.value(2).toString());
        const QString display = query.value(3).toString();
        const MatchFieldOption option{key, display.isEmpty() ? labelFor(key)
                                                             : MatchFieldCatalog::tr("%1 (%2)").arg(display, query.value(1).toString())};
        QList<MatchFieldOption> &list
            = query.value(0).toString() == QLatin1String("account") ? catalog.pendoAccount : catalog.pendoVisitor;
        const auto same = [&key](const MatchFieldOption &existing) { return existing.key == key; };
        if (std::none_of(list.cbegin(), list.cend(), same))
            list.append(option);
    }
    query.finish();
    addCustomFields(connection.db(), QStringLiteral("accounts"), &catalog.csAccount, error);
    addCustomFields(connection.db(), QStringLiteral("contacts"), &catalog.csContact, error);
    return catalog;
}

QHash<qint64, QString> CsRecordLabels::load(Database &database, RecordKind kind, const QList<qint64> &ids,
                                            QString *error)
{
    QHash<qint64, QString> labels;
    if (ids.isEmpty())
        return labels;
    ScopedConnection connection(database);
    if (!connection.isValid()) {
        if (error)
            *error = connection.error();
        return labels;
    }
    const QString sql = kind == RecordKind::Accounts
                            ? QStringLiteral("SELECT id, external_id, name, NULL FROM accounts WHERE id = :id")
                            : QStringLiteral("SELECT id, external_id, name, email FROM contacts WHERE id = :id");
    QSqlQuery query(connection.db());
    if (!query.prepare(sql)) {
        if (error)
            *error = query.lastError().text();
        return labels;
    }
    QList<qint64> unique;
    for (const qint64 id : ids) {
        if (id > 0)
            unique.append(id);
    }
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    for (const qint64 id : std::as_const(unique)) {
        query.bindValue(QStringLiteral(":id"), id);
        if (!query.exec()) {
            if (error)
                *error = query.lastError().text();
            return labels;
        }
        if (!query.next())
            continue;
        const QString externalId = query.value(1).toString();
        const QString name = query.value(2).toString();
        const QString email = query.value(3).toString();
        QString label = name.isEmpty() ? email : name;
        if (kind == RecordKind::Contacts && !name.isEmpty() && !email.isEmpty())
            label = CsRecordLabels::tr("%1 <%2>").arg(name, email);
        labels.insert(id, label.isEmpty() ? externalId
                                          : CsRecordLabels::tr("%1 (%2)").arg(label, externalId));
        query.finish();
    }
    return labels;
}
