#include "TestSupport.h"

#include "playbooks/PlaybookRunner.h"
#include "store/WriteTransaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {

/** A loopback HTTP receiver: answers each POST with the next status of its list (then 200), keeps the bodies. */
class Receiver : public QObject
{
public:
    explicit Receiver(QList<int> statuses)
        : m_statuses(std::move(statuses))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffer[socket] += socket->readAll();
                    const QByteArray &data = m_buffer[socket];
                    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
                    if (headerEnd < 0)
                        return;
                    const qsizetype lengthAt = data.toLower().indexOf("content-length:");
                    const qsizetype length = lengthAt < 0 ? 0 : data.mid(lengthAt + 15, data.indexOf("\r\n", lengthAt) - lengthAt - 15).trimmed().toLongLong();
                    if (data.size() < headerEnd + 4 + length)
                        return;
                    bodies << data.mid(headerEnd + 4, length);
                    const int status = m_statuses.isEmpty() ? 200 : m_statuses.takeFirst();
                    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/hook").arg(m_server.serverPort()); }

    QList<QByteArray> bodies;

private:
    QTcpServer m_server;
    QList<int> m_statuses;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

QString actionJson(const PlaybookAction &a)
{
    return QString::fromUtf8(QJsonDocument(a.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace

/**
 * A firing's actions run in order; a webhook that fails is recorded (attempts, the error, the
 * audit log), holds back the actions after it and is retried by the next run, which then runs
 * the rest; the receiver gets the firing as JSON. Everything on loopback.
 */
class TestPlaybookActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFailedWebhookIsRecordedAndRetriedInOrder()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        Receiver receiver({500});
        PlaybookAction task;
        task.title = QStringLiteral("Call {account}");
        task.dueDays = 3;
        PlaybookAction hook;
        hook.kind = PlaybookAction::Kind::Webhook;
        hook.url = receiver.url();
        PlaybookAction tag;
        tag.kind = PlaybookAction::Kind::Tag;
        tag.tag = QStringLiteral("at-risk");
        PlaybookAction mail;
        mail.kind = PlaybookAction::Kind::Email;
        mail.title = QStringLiteral("About {account}");
        QVERIFY(!ws.write([&](WriteTransaction &tx) {
            const QString now = QStringLiteral("'2026-11-30T00:00:00Z'");
            if (!tx.exec(QStringLiteral("INSERT INTO accounts (id, external_id, name, owner, created_at, updated_at) "
                                        "VALUES (1, 'A-1', 'Acme', 'dana', %1, %1)").arg(now))
                || !tx.exec(QStringLiteral("INSERT INTO playbook_firings (id, playbook_id, account_id, day, status, evidence, "
                                           "created_at, updated_at) SELECT 7, id, 1, 2461000, 'open', "
                                           "'{\"text\":\"PES fell\"}', %1, %1 FROM playbooks LIMIT 1").arg(now)))
                return false;
            QSqlQuery q(tx.db());
            q.prepare(QStringLiteral("INSERT INTO firing_actions (firing_id, position, kind, definition, status) "
                                     "VALUES (7, ?, ?, ?, 'pending')"));
            const QList<PlaybookAction> actions{task, hook, tag, mail};
            for (int i = 0; i < actions.size(); ++i) {
                q.addBindValue(i);
                q.addBindValue(PlaybookAction::kindKey(actions[i].kind));
                q.addBindValue(actionJson(actions[i]));
                if (!tx.exec(q))
                    return false;
            }
            return true;
        }));

        PlaybookRunOptions options;
        options.webhookAttempts = 1;
        PlaybookRunSummary first = PlaybookRunner::runPendingActions(ws.database(), options);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.actionsDone, 1);     // the task
        QCOMPARE(first.actionsRetrying, 1); // the webhook; the tag and the e-mail wait behind it
        QSqlQuery q(ws.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT position, status, attempts, last_error FROM firing_actions ORDER BY position")));
        QStringList states;
        while (q.next())
            states << QStringLiteral("%1:%2:%3").arg(q.value(0).toInt()).arg(q.value(1).toString()).arg(q.value(2).toInt());
        QCOMPARE(states, (QStringList{QStringLiteral("0:done:1"), QStringLiteral("1:pending:1"), QStringLiteral("2:pending:0"),
                                      QStringLiteral("3:pending:0")}));
        QVERIFY(q.exec(QStringLiteral("SELECT last_error FROM firing_actions WHERE position = 1")) && q.next());
        QVERIFY2(q.value(0).toString().contains(QLatin1String("500")), qPrintable(q.value(0).toString()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'action.fail'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT title, assignee, due_day FROM tasks")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Call Acme"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("dana"));
        QCOMPARE(q.value(2).toInt(), 2461003);
        q.finish();

        const PlaybookRunSummary second = PlaybookRunner::runPendingActions(ws.database(), options);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.actionsDone, 3);
        QCOMPARE(receiver.bodies.size(), 2);
        const QJsonObject body = QJsonDocument::fromJson(receiver.bodies.back()).object();
        QCOMPARE(body.value(QStringLiteral("account")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("A-1"));
        QCOMPARE(body.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("PES fell"));
        QVERIFY(q.exec(QStringLiteral("SELECT tag FROM account_tags WHERE account_id = 1")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("at-risk"));
        QVERIFY(q.exec(QStringLiteral("SELECT recipient, subject, body FROM outbox")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("dana"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("About Acme"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("PES fell"));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM firing_actions WHERE status <> 'done'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // Nothing left: a third run does nothing.
        QCOMPARE(PlaybookRunner::runPendingActions(ws.database(), options).actionsDone, 0);
    }
};

QTEST_MAIN(TestPlaybookActions)
#include "tst_playbookactions.moc"
