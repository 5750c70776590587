#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

/** A catalog item the mapping editor offers (feature, page, guide, track type or saved report). */
struct MappableItem
{
    QString kind; // feature | page | guide | track_type | report
    QString pendoId;
    qint64 appId = 0;
    QString name;
    QString group;
    bool isCore = false;
};

/** An app of the subscription, for the per-app filter. */
struct MappableApp
{
    qint64 appId = 0;
    QString name;
    bool isDefault = false;

    /** The app's name, or a readable stand-in while Pendo has not named it. */
    QString label() const;
};

/** What the mapping editor chooses from, as the last catalog refresh left it. */
struct MappingCatalog
{
    QList<MappableItem> items; // sorted by kind, name, app
    QList<MappableApp> apps;   // default app first

    QList<MappableItem> itemsOf(const QStringList &kinds) const;
    QString appName(qint64 appId) const;
};

namespace mappingcatalog {
/**
 * Reads the live (not deleted) catalog items and apps of the raw Pendo layer with `db`; for a
 * worker thread with its own connection (ScopedConnection). Returns false with *error.
 */
bool read(QSqlDatabase &db, MappingCatalog *catalog, QString *error);
} // namespace mappingcatalog
