#pragma once

#include "CatalogSnapshot.h"
#include "pendo/PendoError.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include <functional>

class AggregationPage;
class Database;
class KeysetPager;
class PendoCall;
class PendoClient;

/**
 * Refreshes the raw Pendo layer: apps, features, pages, guides, track types and saved reports
 * (all apps), the visitor and account metadata schemas, and — for matching — Pendo's accounts and
 * visitors with their last 30 days of activity. Reads everything first, then writes it as one
 * unit of work through the workspace writer, so a failure part-way changes nothing. Lives on the
 * client's thread; never blocks it.
 */
class CatalogSync final : public QObject
{
    Q_OBJECT

public:
    CatalogSync(Database &database, PendoClient *client, QObject *parent = nullptr);
    ~CatalogSync() override;

    /** Also read accounts, visitors and their activity (default on). */
    void setIncludeIdentities(bool include) { m_identities = include; }
    void setPageSize(int rows) { m_pageSize = rows; }

    void start();
    void cancel();

    const CatalogChanges &changes() const { return m_changes; }
    const CatalogSnapshot &snapshot() const { return m_snapshot; }

Q_SIGNALS:
    void progress(const QString &message);
    /** Once: `error` for Pendo failures, `storeError` when writing the workspace failed. */
    void finished(const PendoError &error, const QString &storeError);

private:
    using Step = std::function<void()>;
    void next();
    void fail(const PendoError &error);
    void getList(const QString &path, const QString &kind, bool allApps);
    void page(const QJsonArray &stages, const QStringList &sortKeys, const QStringList &fields, int pageSize,
              std::function<void(const AggregationPage &)> onPage, bool optional = false);
    void getSchema(const QString &object);
    void write();

    Database &m_database;
    PendoClient *m_client;
    QList<Step> m_steps;
    CatalogSnapshot m_snapshot;
    CatalogChanges m_changes;
    QHash<QString, qsizetype> m_visitorIndex;
    QHash<QString, qsizetype> m_accountIndex;
    QPointer<PendoCall> m_call;
    QPointer<KeysetPager> m_pager;
    bool m_identities = true;
    int m_pageSize = 20000;
    bool m_done = false;
};
