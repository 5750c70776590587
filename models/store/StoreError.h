#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlError;

/**
 * What went wrong with the workspace, as a kind the caller can act on (retry when busy, stop and
 * say so when the disk is full) and a sentence a user can read. Value type; any thread.
 */
class StoreError
{
    Q_DECLARE_TR_FUNCTIONS(StoreError)
public:
    enum class Kind {
        None,
        Busy,         // another program holds the workspace's write lock
        DiskFull,     // the disk or the quota is full
        ReadOnly,     // the file, its folder or the medium cannot be written
        Corrupt,      // not a workspace, or damaged
        SchemaTooNew, // written by a newer version of this program
        CannotOpen,   // missing folder, no permission, locked by the system
        Canceled,     // the unit of work was abandoned on purpose
        Failed,       // anything else the database refused (constraint, SQL error)
    };

    StoreError() = default;
    StoreError(Kind kind, QString detail);

    /** Classifies a Qt SQL error by the backend's native code (SQLite's result codes). */
    static StoreError fromSql(const QSqlError &error);
    static StoreError schemaTooNew(int found, int known);
    static StoreError failed(const QString &detail) { return {Kind::Failed, detail}; }
    static StoreError canceled(const QString &detail = {}) { return {Kind::Canceled, detail}; }

    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    Kind kind() const { return m_kind; }
    /** The database's own words (may be empty). */
    QString detail() const { return m_detail; }

    /** Why, in a few words, for "Cannot open the workspace X: <reason>" and similar sentences. */
    QString reason() const;
    /** The reason plus the database's own words when they add something. */
    QString message() const;
    /** "Cannot open the workspace PATH: REASON" */
    QString cannotOpen(const QString &path) const;
    /** "Cannot write to the workspace PATH: REASON" */
    QString cannotWrite(const QString &path) const;

    /**
     * A stable machine name for logs, the run log and JSON: "busy", "disk-full", "read-only",
     * "corrupt", "schema-too-new", "cannot-open", "canceled", "store-failed"; empty for None.
     */
    QString code() const;
    /** Whether `code` is one of code()'s names (a workspace failure rather than, say, Pendo's). */
    static bool isCode(const QString &code);

private:
    Kind m_kind = Kind::None;
    QString m_detail;
};
