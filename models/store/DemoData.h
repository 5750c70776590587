#pragma once

#include "CsImporter.h"

class Database;

/** Fills a workspace with the bundled demo customers (accounts, then contacts). */
struct DemoData
{
    static QString accountsFile() { return QStringLiteral(":/demo/accounts.csv"); }
    static QString contactsFile() { return QStringLiteral(":/demo/contacts.csv"); }

    /** Imports both files; false with *error when either import fails. */
    static bool seed(Database &database, ImportReport *accounts, ImportReport *contacts, QString *error);
};
