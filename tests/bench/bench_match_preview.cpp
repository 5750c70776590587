// Times a match preview over 5,000 accounts and 100,000 visitors (target: under 2 s), after
// filling a fresh workspace with CS records and a raw Pendo layer that has the usual flaws:
// missing accounts, ids differing in case, contacts matchable only by e-mail, a duplicated id.
//   bench_match_preview [ACCOUNTS] [VISITORS]

#include "store/Database.h"
#include "sync/Matcher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

namespace {

bool fill(Database &database, int accounts, int visitors)
{
    QSqlDatabase db = database.connection();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    db.transaction();
    QSqlQuery account(db);
    account.prepare(QStringLiteral("INSERT INTO accounts (id, external_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery pendoAccount(db);
    pendoAccount.prepare(QStringLiteral("INSERT INTO pendo_accounts (account_id, metadata, events_30d, refreshed_at) VALUES (?, ?, ?, ?)"));
    for (int i = 0; i < accounts; ++i) {
        const QString id = QStringLiteral("ACME-%1").arg(i, 5, 10, QChar(u'0'));
        if (i % 33 != 0) { // ~3 % of Pendo accounts are missing from the CRM
            account.addBindValue(i + 1);
            account.addBindValue(i % 50 == 1 ? id.toLower() : id); // ~2 % differ only by case
            account.addBindValue(QStringLiteral("Company %1").arg(i));
            account.addBindValue(now);
            account.addBindValue(now);
            if (!account.exec())
                return false;
        }
        pendoAccount.addBindValue(id);
        pendoAccount.addBindValue(QStringLiteral("{\"agent\":{\"name\":\"Company %1\"},\"custom\":{\"plan\":\"Growth\"}}").arg(i));
        pendoAccount.addBindValue(i * 7 % 1000);
        pendoAccount.addBindValue(now);
        if (!pendoAccount.exec())
            return false;
    }
    QSqlQuery contact(db);
    contact.prepare(QStringLiteral("INSERT INTO contacts (external_id, account_id, email, name, created_at, updated_at) "
                                   "VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery visitor(db);
    visitor.prepare(QStringLiteral("INSERT INTO pendo_visitors (visitor_id, account_id, email, metadata, events_30d, "
                                   "refreshed_at) VALUES (?, ?, ?, ?, ?, ?)"));
    for (int v = 0; v < visitors; ++v) {
        const int a = v % accounts;
        const QString visitorId = QStringLiteral("U%1").arg(v, 7, 10, QChar(u'0'));
        const QString email = QStringLiteral("user%1@company%2.example").arg(v).arg(a);
        if (v % 10 != 9 && a % 33 != 0) { // some visitors never made it to the CRM
            contact.addBindValue(v % 20 == 3 ? QStringLiteral("C-%1").arg(v) : visitorId); // e-mail-only matches
            contact.addBindValue(a + 1);
            contact.addBindValue(v % 40 == 7 ? email.toUpper() : email);
            contact.addBindValue(QStringLiteral("Person %1").arg(v));
            contact.addBindValue(now);
            contact.addBindValue(now);
            if (!contact.exec())
                return false;
        }
        visitor.addBindValue(visitorId);
        visitor.addBindValue(QStringLiteral("ACME-%1").arg(a, 5, 10, QChar(u'0')));
        visitor.addBindValue(email);
        visitor.addBindValue(QStringLiteral("{\"agent\":{\"email\":\"%1\",\"role\":\"Analyst\"}}").arg(email));
        visitor.addBindValue(v % 97);
        visitor.addBindValue(now);
        if (!visitor.exec())
            return false;
    }
    QSqlQuery duplicate(db);
    duplicate.exec(QStringLiteral("INSERT INTO import_duplicates (kind, external_id, file_name, line, row_values, "
                                  "recorded_at) VALUES ('accounts', 'ACME-00002', 'accounts.csv', 4, '{}', '%1')")
                       .arg(now));
    return db.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int accounts = argc > 1 ? QByteArray(argv[1]).toInt() : 5000;
    const int visitors = argc > 2 ? QByteArray(argv[2]).toInt() : 100000;
    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.sqlite")));
    QString error;
    if (!database.open(&error) || !fill(database, accounts, visitors)) {
        std::fprintf(stderr, "cannot prepare the workspace: %s\n", qPrintable(error));
        return 1;
    }
    Matcher matcher(database);
    const MatchRules rules;
    double best = 1e9;
    MatchPreview preview;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        preview = matcher.preview(rules);
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    if (!preview.error.isEmpty()) {
        std::fprintf(stderr, "preview failed: %s\n", qPrintable(preview.error));
        return 1;
    }
    std::printf("workspace: %d Pendo accounts, %d visitors\n", accounts, visitors);
    std::printf("accounts: %lld matched, %lld unmatched, %lld ambiguous (%.1f %%)\n", preview.accounts.matched,
                preview.accounts.unmatched, preview.accounts.ambiguous, preview.accounts.rate() * 100);
    std::printf("contacts: %lld matched, %lld unmatched, %lld ambiguous (%.1f %%)\n", preview.contacts.matched,
                preview.contacts.unmatched, preview.contacts.ambiguous, preview.contacts.rate() * 100);
    for (const MatchSuggestion &suggestion : preview.suggestions)
        std::printf("suggestion: %s\n", qPrintable(suggestion.text));
    std::printf("match preview (load, resolve, suggestions): best of 3 = %.0f ms (target: under 2000 ms)\n", best);

    QElapsedTimer timer;
    timer.start();
    if (!matcher.apply(rules, 1, nullptr, &error)) {
        std::fprintf(stderr, "apply failed: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("match apply (preview + writing %d resolutions): %.0f ms\n", accounts + visitors,
                timer.nsecsElapsed() / 1e6);
    return 0;
}
