#pragma once

#include "HealthModel.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class WriteTransaction;

/** A saved version of the health model. Version 0 is the built-in default, in effect until one is saved. */
struct HealthModelVersion
{
    int version = 0;
    int effectiveDay = 0; // Julian day from which it scores (0: from the start of the history)
    QString summary;
    QString actor;
    QString createdAt;
    HealthModel model;
};

/**
 * The versions of the health model in `health_models`. Saving takes the caller's unit of work
 * and records an audit entry in it. Any thread, on that thread's connection.
 */
namespace HealthModelStore {
/** Every version ascending, starting with the built-in version 0. */
QList<HealthModelVersion> versions(QSqlDatabase &db, QString *error = nullptr);
/** The version that scores `day`: the newest whose effective day is not after it. */
const HealthModelVersion &inEffect(const QList<HealthModelVersion> &versions, int day);
/** Saves a new version effective from `effectiveDay`; its number, or nullopt (the unit fails). */
std::optional<int> save(WriteTransaction &tx, const HealthModel &model, const QString &actor,
                        const QString &summary, int effectiveDay);
} // namespace HealthModelStore
