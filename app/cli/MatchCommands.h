#pragma once

#include <QCoreApplication>
#include <QTextStream>

class Database;

/**
 * `match preview`, `match apply` and `contacts create-unmatched`: run the workspace's current
 * matching rules over the raw Pendo layer. Main thread.
 */
class MatchCommands final
{
    Q_DECLARE_TR_FUNCTIONS(MatchCommands)
public:
    MatchCommands(Database &database, bool json, QTextStream &out, QTextStream &err);

    int preview();
    int apply();
    int createUnmatchedContacts();

private:
    Database &m_database;
    const bool m_json;
    QTextStream &m_out;
    QTextStream &m_err;
};
