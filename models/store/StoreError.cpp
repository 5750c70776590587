#include "StoreError.h"

#include <QDir>
#include <QSqlError>

namespace {

// SQLite primary result codes; extended codes keep the primary one in the low byte.
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteIoErr = 10;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteFull = 13;
constexpr int sqliteCantOpen = 14;
constexpr int sqlitePerm = 3;
constexpr int sqliteNotADb = 26;

} // namespace

StoreError::StoreError(Kind kind, QString detail)
    : m_kind(kind)
    , m_detail(std::move(detail))
{
}

StoreError StoreError::fromSql(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return {};
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return {Kind::Failed, detail};
    switch (code) {
    case sqliteBusy:
    case sqliteLocked:
        return {Kind::Busy, detail};
    case sqliteReadOnly:
    case sqlitePerm:
        return {Kind::ReadOnly, detail};
    case sqliteFull:
        return {Kind::DiskFull, detail};
    case sqliteCorrupt:
    case sqliteNotADb:
        return {Kind::Corrupt, detail};
    case sqliteCantOpen:
        return {Kind::CannotOpen, detail};
    case sqliteIoErr:
        // An I/O error while writing is most often a full disk on Linux (ENOSPC during a WAL write).
        if (detail.contains(QLatin1String("disk"), Qt::CaseInsensitive))
            return {Kind::DiskFull, detail};
        return {Kind::Failed, detail};
    default:
        return {Kind::Failed, detail};
    }
}

StoreError StoreError::schemaTooNew(int found, int known)
{
    return {Kind::SchemaTooNew,
            tr("schema version %1; this version of Pendo Bridge knows up to %2").arg(found).arg(known)};
}

QString StoreError::reason() const
{
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Busy:
        return tr("another program is writing to it and did not finish in time");
    case Kind::DiskFull:
        return tr("the disk is full");
    case Kind::ReadOnly:
        return tr("the file or its folder is read-only");
    case Kind::Corrupt:
        return tr("the file is not a Pendo Bridge workspace, or it is damaged");
    case Kind::SchemaTooNew:
        return tr("it was written by a newer version of Pendo Bridge; update Pendo Bridge to open it");
    case Kind::CannotOpen:
        return tr("the file cannot be opened (check that its folder exists and that you may read it)");
    case Kind::Canceled:
        return tr("the change was canceled");
    case Kind::Failed:
        return tr("the database refused the change");
    }
    return {};
}

QString StoreError::message() const
{
    if (!isError())
        return {};
    if (m_detail.isEmpty())
        return reason();
    return tr("%1 (%2)").arg(reason(), m_detail);
}

QString StoreError::cannotOpen(const QString &path) const
{
    return tr("Cannot open the workspace %1: %2").arg(QDir::toNativeSeparators(path), message());
}

QString StoreError::cannotWrite(const QString &path) const
{
    return tr("Cannot write to the workspace %1: %2").arg(QDir::toNativeSeparators(path), message());
}

QString StoreError::code() const
{
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::Busy:
        return QStringLiteral("busy");
    case Kind::DiskFull:
        return QStringLiteral("disk-full");
    case Kind::ReadOnly:
        return QStringLiteral("read-only");
    case Kind::Corrupt:
        return QStringLiteral("corrupt");
    case Kind::SchemaTooNew:
        return QStringLiteral("schema-too-new");
    case Kind::CannotOpen:
        return QStringLiteral("cannot-open");
    case Kind::Canceled:
        return QStringLiteral("canceled");
    case Kind::Failed:
        return QStringLiteral("store-failed");
    }
    return {};
}

bool StoreError::isCode(const QString &code)
{
    for (Kind kind : {Kind::Busy, Kind::DiskFull, Kind::ReadOnly, Kind::Corrupt, Kind::SchemaTooNew, Kind::CannotOpen,
                      Kind::Canceled, Kind::Failed})
        if (StoreError(kind, {}).code() == code)
            return true;
    return false;
}
