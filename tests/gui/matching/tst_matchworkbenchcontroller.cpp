#include "MatchingTestSupport.h"

#include "matching/MatchWorkbenchController.h"

#include <QSignalSpy>

/** The workbench logic on real workspaces: previews in the background, suggestions, creation. */
class TestMatchWorkbenchController : public QObject
{
    Q_OBJECT

    static bool waitForPreview(MatchWorkbenchController &controller)
    {
        return QTest::qWaitFor([&controller] { return !controller.isBusy() && controller.hasPreview(); }, 10000);
    }

    static const MatchSuggestion *findSuggestion(const MatchPreview &preview, MatchSuggestion::Action action)
    {
        for (const MatchSuggestion &suggestion : preview.suggestions) {
            if (suggestion.action == action)
                return &suggestion;
        }
        return nullptr;
    }

    static QStringList ids(const QList<UnmatchedItem> &items)
    {
        QStringList list;
        for (const UnmatchedItem &item : items)
            list << item.pendoId;
        list.sort();
        return list;
    }

private Q_SLOTS:
    void previewCountsEachObject()
    {
        MatchingWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(ws.fillStandard());
        MatchWorkbenchController controller(ws.session());
        QSignalSpy ready(&controller, &MatchWorkbenchController::previewReady);
        QSignalSpy busy(&controller, &MatchWorkbenchController::busyChanged);
        controller.refresh();
        QVERIFY(controller.isBusy());
        QTRY_COMPARE(ready.count(), 1);
        QVERIFY(!controller.isBusy());
        QCOMPARE(busy.count(), 2);

        const MatchPreview &preview = controller.preview();
        QCOMPARE(preview.accounts.matched, 1);
        QCOMPARE(preview.accounts.unmatched, 2);
        QCOMPARE(preview.accounts.ambiguous, 0);
        QCOMPARE(preview.contacts.matched, 3);
        QCOMPARE(preview.contacts.unmatched, 3);
        QCOMPARE(ids(preview.unmatchedAccounts), QStringList({QStringLiteral("X-9"), QStringLiteral("a-2")}));
        QCOMPARE(ids(preview.unmatchedVisitors),
                 QStringList({QStringLiteral("v-new"), QStringLiteral("v-new2"), QStringLiteral("v-x")}));
        // Busiest first, with the activity volume.
        QCOMPARE(preview.unmatchedAccounts.first().pendoId, QStringLiteral("a-2"));
        QCOMPARE(preview.unmatchedAccounts.first().events30d, 300);
        QCOMPARE(controller.creatableContactCount(), 2);
    }

    void newerRulesSupersedeARunningPreview()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbenchController controller(ws.session());
        QSignalSpy ready(&controller, &MatchWorkbenchController::previewReady);
        QSignalSpy edited(&controller, &MatchWorkbenchController::rulesEdited);
        controller.setDebounceInterval(0);
        controller.refresh();
        MatchKey key = controller.rules().account;
        key.caseInsensitive = true;
        controller.setAccountKey(key);
        QVERIFY(controller.isBusy());
        QCOMPARE(edited.count(), 1);
        QVERIFY(waitForPreview(controller));
        // Only the preview of the latest rules is shown.
        QCOMPARE(ready.count(), 1);
        QCOMPARE(controller.preview().accounts.matched, 2);
    }

    void setRulesDoesNotCountAsAnEdit()
    {
        MatchingWorkspace ws;
        MatchWorkbenchController controller(ws.session());
        QSignalSpy changed(&controller, &MatchWorkbenchController::rulesChanged);
        QSignalSpy edited(&controller, &MatchWorkbenchController::rulesEdited);
        MatchRules rules;
        rules.autoCreateEndUsers = true;
        controller.setRules(rules);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(edited.count(), 0);
        controller.setAutoCreateEndUsers(false);
        QCOMPARE(edited.count(), 1);
        QVERIFY(!controller.rules().autoCreateEndUsers);
        QVERIFY(waitForPreview(controller));
    }

    void caseOnlyMismatchSuggestsIgnoringCase()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbenchController controller(ws.session());
        controller.refresh();
        QVERIFY(waitForPreview(controller));
        const MatchSuggestion *suggestion
            = findSuggestion(controller.preview(), MatchSuggestion::Action::CaseInsensitiveAccounts);
        QVERIFY(suggestion);
        QCOMPARE(suggestion->count, 1);
        QVERIFY(suggestion->text.contains(QStringLiteral("case")));

        QSignalSpy edited(&controller, &MatchWorkbenchController::rulesEdited);
        QVERIFY(controller.applySuggestion(*suggestion));
        QCOMPARE(edited.count(), 1);
        QVERIFY(controller.rules().account.caseInsensitive);
        QVERIFY(waitForPreview(controller));
        QCOMPARE(controller.preview().accounts.matched, 2);
        QCOMPARE(ids(controller.preview().unmatchedAccounts), QStringList({QStringLiteral("X-9")}));
        QVERIFY(!findSuggestion(controller.preview(), MatchSuggestion::Action::CaseInsensitiveAccounts));
    }

    void emailOnlyContactsSuggestAnEmailRule()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbenchController controller(ws.session());
        MatchRules rules;
        rules.contact = {MatchKey{QStringLiteral("visitorId"), QStringLiteral("external_id"), true, false}};
        controller.setRules(rules);
        controller.refresh();
        QVERIFY(waitForPreview(controller));
        QCOMPARE(controller.preview().contacts.matched, 1);
        const MatchSuggestion *suggestion = findSuggestion(controller.preview(), MatchSuggestion::Action::AddEmailRule);
        QVERIFY(suggestion);
        QCOMPARE(suggestion->count, 2);

        QVERIFY(controller.applySuggestion(*suggestion));
        QCOMPARE(controller.rules().contact.size(), 2);
        QCOMPARE(controller.rules().contact.at(1).csField, QStringLiteral("email"));
        QVERIFY(waitForPreview(controller));
        QCOMPARE(controller.preview().contacts.matched, 3);
        QVERIFY(!findSuggestion(controller.preview(), MatchSuggestion::Action::AddEmailRule));
    }

    void sameKeyAfterNormalisationIsAmbiguous()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.importCs("Account ID,Account Name\nDUP-1,Dup Upper\ndup-1,Dup Lower\nB-1,Bravo\n",
                            "Contact ID,Email,Name,Account ID\nC-4,Dee@Bravo.com,Dee,B-1\nC-5,dee@bravo.com,Dee "
                            "Again,B-1\n"));
        QVERIFY(ws.addAccount(QStringLiteral("Dup-1"), QStringLiteral("Dup"), 70));
        QVERIFY(ws.addAccount(QStringLiteral("B-1"), QStringLiteral("Bravo"), 60));
        QVERIFY(ws.addVisitor(QStringLiteral("v-dee"), QStringLiteral("B-1"), QStringLiteral("DEE@bravo.com"), 10));
        MatchWorkbenchController controller(ws.session());
        MatchRules rules;
        rules.account.caseInsensitive = true;
        controller.setRules(rules);
        controller.refresh();
        QVERIFY(waitForPreview(controller));
        const MatchPreview &preview = controller.preview();
        QCOMPARE(preview.accounts.ambiguous, 1);
        QCOMPARE(preview.accounts.matched, 1);
        QCOMPARE(preview.unmatchedAccounts.size(), 1);
        const UnmatchedItem &account = preview.unmatchedAccounts.first();
        QCOMPARE(account.pendoId, QStringLiteral("Dup-1"));
        QVERIFY(account.ambiguous);
        QCOMPARE(account.candidates.size(), 2);
        QStringList accountLabels;
        for (const qint64 id : account.candidates)
            accountLabels << controller.accountLabels().value(id);
        accountLabels.sort();
        QCOMPARE(accountLabels, QStringList({QStringLiteral("Dup Lower (dup-1)"), QStringLiteral("Dup Upper (DUP-1)")}));

        QCOMPARE(preview.contacts.ambiguous, 1);
        const UnmatchedItem &visitor = preview.unmatchedVisitors.first();
        QVERIFY(visitor.ambiguous);
        QCOMPARE(visitor.candidates.size(), 2);
        QStringList contactLabels;
        for (const qint64 id : visitor.candidates)
            contactLabels << controller.contactLabels().value(id);
        contactLabels.sort();
        QCOMPARE(contactLabels, QStringList({QStringLiteral("Dee <Dee@Bravo.com> (C-4)"),
                                             QStringLiteral("Dee Again <dee@bravo.com> (C-5)")}));
        // Ambiguous visitors never get a contact of their own.
        QCOMPARE(controller.creatableContactCount(), 0);
    }

    void createsContactsForUnmatchedVisitorsOfMatchedAccounts()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbenchController controller(ws.session());
        controller.setActor(QStringLiteral("tester"));
        controller.refresh();
        QVERIFY(waitForPreview(controller));
        const double rateBefore = controller.preview().contacts.rate();
        const qint64 contactsBefore = ws.scalar(QStringLiteral("SELECT COUNT(*) FROM contacts")).toLongLong();

        QSignalSpy created(&controller, &MatchWorkbenchController::contactsCreated);
        QSignalSpy ready(&controller, &MatchWorkbenchController::previewReady);
        controller.createContacts();
        QVERIFY(controller.isCreatingContacts());
        QTRY_COMPARE(created.count(), 1);
        QCOMPARE(created.first().first().toLongLong(), 2);
        QTRY_COMPARE(ready.count(), 1);
        QVERIFY(waitForPreview(controller));

        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM contacts")).toLongLong(), contactsBefore + 2);
        QCOMPARE(ws.dump(QStringLiteral("contacts"), QStringLiteral("external_id")).filter(QStringLiteral("integration")).size(), 2);
        QSqlQuery query(ws.database().connection());
        QVERIFY(query.exec(QStringLiteral("SELECT c.external_id, a.external_id FROM contacts c JOIN accounts a ON "
                                          "a.id = c.account_id WHERE c.created_by = 'integration' ORDER BY 1")));
        QStringList createdRows;
        while (query.next())
            createdRows << query.value(0).toString() + u'@' + query.value(1).toString();
        QCOMPARE(createdRows, QStringList({QStringLiteral("v-new@A-1"), QStringLiteral("v-new2@A-1")}));

        const MatchPreview &preview = controller.preview();
        QCOMPARE(preview.contacts.matched, 5);
        QCOMPARE(ids(preview.unmatchedVisitors), QStringList({QStringLiteral("v-x")}));
        QVERIFY(preview.contacts.rate() > rateBefore);
        QCOMPARE(controller.creatableContactCount(), 0);
    }
};

QTEST_MAIN(TestMatchWorkbenchController)
#include "tst_matchworkbenchcontroller.moc"
