#include "Database.h"

#include "Migrations.h"
#include "WorkspaceWriter.h"
#include "pendo/Clock.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThreadStorage>

Q_LOGGING_CATEGORY(lcStore, "bridge.store", QtInfoMsg)

namespace {

QAtomicInteger<quint64> databaseCounter;
QAtomicInteger<quint64> connectionCounter;

QString nextConnectionName(quint64 databaseId, const char *kind)
{
    return QStringLiteral("bridge-%1-%2-%3")
        .arg(databaseId)
        .arg(QLatin1String(kind))
        .arg(connectionCounter.fetchAndAddRelaxed(1) + 1);
}

/**
 * The connections one thread opened, by workspace. Kept in QThreadStorage: Qt destroys it on its
 * own thread as the thread finishes — before QThread::wait() returns — and it closes them there.
 */
struct ThreadConnections
{
    QHash<quint64, QString> byDatabase;

    ~ThreadConnections()
    {
        for (const QString &name : std::as_const(byDatabase))
            Database::closeConnection(name);
    }
};

QThreadStorage<ThreadConnections *> threadStorage;

ThreadConnections &threadConnections()
{
    if (!threadStorage.hasLocalData())
        threadStorage.setLocalData(new ThreadConnections);
    return *threadStorage.localData();
}

} // namespace

Database::Database(QString path)
    : Database(std::move(path), Clock::system())
{
}

Database::Database(QString path, Clock &clock)
    : m_path(std::move(path))
    , m_id(databaseCounter.fetchAndAddRelaxed(1) + 1)
    , m_clock(clock)
    , m_dialect(SqlDialect::forDriver(QStringLiteral("QSQLITE")))
    , m_writer(std::make_unique<WorkspaceWriter>(*this))
{
}

Database::~Database()
{
    // The writer finishes its queue and closes its own connection on its own thread.
    m_writer->shutdown();
    m_writer.reset();
    releaseThreadConnection();
}

StoreError Database::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return {StoreError::Kind::CannotOpen,
                QCoreApplication::translate("Database", "the folder %1 cannot be created")
                    .arg(QDir::toNativeSeparators(info.absolutePath()))};
    if (info.exists()) {
        // Look before touching: a workspace from a newer program, or a file that is no workspace,
        // is refused before anything (even the journal mode) is written to it.
        if (StoreError refused = probeExisting())
            return refused;
        if (!info.isWritable())
            return {StoreError::Kind::ReadOnly, {}};
    }
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return lastConnectionError();
    if (StoreError error = Migrations::apply(db, *m_dialect))
        return error;
    m_open = true;
    if (!m_writer->isRunning())
        m_writer->start();
    return {};
}

StoreError Database::probeExisting()
{
    const QString name = nextConnectionName(m_id, "probe");
    StoreError result;
    {
        QSqlDatabase probe = QSqlDatabase::addDatabase(m_dialect->driverName(), name);
        probe.setDatabaseName(m_path);
        probe.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!probe.open()) {
            result = StoreError::fromSql(probe.lastError());
        } else {
            int version = 0;
            result = Migrations::checkVersion(probe, *m_dialect, &version);
            probe.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

bool Database::open(QString *error)
{
    const StoreError result = open();
    if (result && error)
        *error = result.cannotOpen(m_path);
    return !result;
}

QSqlDatabase Database::connection()
{
    QHash<quint64, QString> &mine = threadConnections().byDatabase;
    const auto it = mine.constFind(m_id);
    if (it != mine.cend() && QSqlDatabase::contains(*it))
        return QSqlDatabase::database(*it, false);
    const QString name = nextConnectionName(m_id, "thread");
    StoreError error;
    QSqlDatabase db = createConnection(name, &error);
    mine.insert(m_id, name);
    if (!db.isOpen()) {
        qCWarning(lcStore) << "cannot open workspace connection:" << error.message();
        QMutexLocker lock(&m_mutex);
        m_lastConnectionError = error;
    }
    return db;
}

void Database::releaseThreadConnection()
{
    if (!threadStorage.hasLocalData())
        return;
    const QString name = threadConnections().byDatabase.take(m_id);
    if (!name.isEmpty())
        closeConnection(name);
}

StoreError Database::lastConnectionError() const
{
    QMutexLocker lock(&m_mutex);
    return m_lastConnectionError;
}

QSqlDatabase Database::openDedicatedConnection(StoreError *error)
{
    return createConnection(nextConnectionName(m_id, "job"), error);
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

QSqlDatabase Database::createConnection(const QString &name, StoreError *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect->driverName(), name);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = StoreError::fromSql(db.lastError());
        if (!error->isError())
            *error = {StoreError::Kind::CannotOpen, db.lastError().text()};
        return db;
    }
    for (const QString &statement : m_dialect->connectionSetup()) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            *error = StoreError::fromSql(query.lastError());
            query = QSqlQuery();
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
