#include "Database.h"

#include "Migrations.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

Q_LOGGING_CATEGORY(lcStore, "bridge.store", QtInfoMsg)

namespace {

QString nextDatabaseId()
{
    static QAtomicInteger<quint64> counter;
    return QString::number(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
    , m_id(nextDatabaseId())
    , m_dialect(SqlDialect::forDriver(QStringLiteral("QSQLITE")))
{
}

Database::~Database()
{
    QSet<QString> names;
    {
        QMutexLocker lock(&m_mutex);
        names.swap(m_threadConnections);
    }
    for (const QString &name : std::as_const(names))
        closeConnection(name);
}

bool Database::open(QString *error)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = QCoreApplication::translate("Database", "Cannot create the folder %1.")
                     .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    QSqlDatabase db = connection();
    if (!db.isOpen()) {
        *error = QCoreApplication::translate("Database", "Cannot open the workspace %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), db.lastError().text());
        return false;
    }
    QString migrationError;
    if (!Migrations::apply(db, *m_dialect, &migrationError)) {
        *error = migrationError;
        return false;
    }
    m_open = true;
    return true;
}

QString Database::threadConnectionName() const
{
    return QStringLiteral("bridge-%1-thread-%2")
        .arg(m_id)
        .arg(reinterpret_cast<quintptr>(QThread::currentThreadId()));
}

QSqlDatabase Database::connection()
{
    const QString name = threadConnectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QString error;
    QSqlDatabase db = createConnection(name, &error);
    if (!db.isOpen())
        qCWarning(lcStore) << "cannot open workspace connection:" << error;
    QMutexLocker lock(&m_mutex);
    m_threadConnections.insert(name);
    return db;
}

void Database::releaseThreadConnection()
{
    const QString name = threadConnectionName();
    {
        QMutexLocker lock(&m_mutex);
        m_threadConnections.remove(name);
    }
    closeConnection(name);
}

QSqlDatabase Database::openDedicatedConnection(QString *error)
{
    static QAtomicInteger<quint64> counter;
    const QString name = QStringLiteral("bridge-%1-job-%2").arg(m_id).arg(counter.fetchAndAddRelaxed(1) + 1);
    return createConnection(name, error);
}

void Database::closeConnection(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QSqlDatabase Database::createConnection(const QString &name, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driverName(), name);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = db.lastError().text();
        return db;
    }
    for (const QString &statement : m_dialect->connectionSetup()) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            *error = query.lastError().text();
            db.close();
            return db;
        }
    }
    return db;
}

QString Database::defaultWorkspacePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("workspace.sqlite"));
}

ScopedConnection::ScopedConnection(Database &database)
    : m_db(database.openDedicatedConnection(&m_error))
{
}

ScopedConnection::~ScopedConnection()
{
    const QString name = m_db.connectionName();
    m_db = QSqlDatabase();
    Database::closeConnection(name);
}
