#pragma once

#include "items/UnmatchedModel.h"
#include "sync/MatchRules.h"
#include "sync/Matcher.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

class WorkspaceSession;

/**
 * The logic behind the match workbench: holds the editable MatchRules, previews them on a worker
 * job whenever they change (debounced; a newer request supersedes a running one, whose result is
 * dropped), applies suggestions by changing the rules, and creates contacts for unmatched
 * visitors of matched accounts in the background. It never saves the rules: the owner reads
 * rules() and saves on rulesEdited(). Lives on the UI thread and never blocks it.
 */
class MatchWorkbenchController final : public QObject
{
    Q_OBJECT

public:
    explicit MatchWorkbenchController(WorkspaceSession &session, QObject *parent = nullptr);
    ~MatchWorkbenchController() override;

    const MatchRules &rules() const { return m_rules; }
    /** The latest preview of rules(); check hasPreview() first. */
    const MatchPreview &preview() const { return m_preview; }
    bool hasPreview() const { return m_hasPreview; }
    /** Labels of the CS accounts / contacts that ambiguous rows of the preview list, by id. */
    const QHash<qint64, QString> &accountLabels() const { return m_accountLabels; }
    const QHash<qint64, QString> &contactLabels() const { return m_contactLabels; }
    /** The fields rule editors offer (defaults until the workspace's fields are loaded). */
    const MatchFieldCatalog &fields() const { return m_fields; }

    /** A preview is scheduled or running. */
    bool isPreviewing() const;
    bool isCreatingContacts() const { return m_creating; }
    bool isApplying() const { return m_applying; }
    bool isBusy() const { return isPreviewing() || m_creating || m_applying; }

    /** How many contacts "create contacts" would add under the current preview. */
    qint64 creatableContactCount() const;

    /** The configuration version written with resolutions and created contacts. */
    int configVersion() const { return m_configVersion; }
    void setConfigVersion(int version) { m_configVersion = version; }
    /** Who created contacts, for the audit log (default "desktop"). */
    void setActor(const QString &actor) { m_actor = actor; }
    /** The pause after an edit before previewing, in milliseconds (default 300). */
    void setDebounceInterval(int milliseconds) { m_debounce.setInterval(milliseconds); }

public Q_SLOTS:
    /** Replaces the rules (the owner loaded them): rulesChanged() follows, rulesEdited() does not. */
    void setRules(const MatchRules &rules);
    /** Reloads the field choices and previews now (after a sync, an import or on first show). */
    void refresh();

    // Edits made by the user: each emits rulesChanged() and rulesEdited() and schedules a preview.
    void setAccountKey(const MatchKey &key);
    void setContactKey(int index, const MatchKey &key);
    /** Appends a contact rule; by default the visitor's agent e-mail against the contact e-mail. */
    void addContactKey(const MatchKey &key = MatchKey{QStringLiteral("metadata.agent.email"), QStringLiteral("email"),
                                                      true, true});
    void removeContactKey(int index);
    void moveContactKey(int from, int to);
    void setMatchBoth(bool on);
    void setAutoCreateEndUsers(bool on);
    /**
     * Changes the rules as the suggestion says and previews at once; CreateContacts starts
     * createContacts() instead (confirm with the user first). Returns whether anything changed.
     */
    bool applySuggestion(const MatchSuggestion &suggestion);

    /** Creates a contact for each unmatched visitor of a matched account, then previews again. */
    void createContacts();
    /** Writes the resolutions of the current rules (after the owner saved them as configVersion()). */
    void applyRules();

Q_SIGNALS:
    /** rules() changed, by any means (editors resync from it). */
    void rulesChanged(const MatchRules &rules);
    /** The user changed the rules (an editor or a suggestion): the owner saves them. */
    void rulesEdited(const MatchRules &rules);
    void fieldsChanged();
    void previewStarted();
    void previewReady(const MatchPreview &preview);
    void busyChanged(bool busy);
    void contactsCreated(qint64 count);
    void rulesApplied();
    /** A preview, creation or apply failed; the message is for people. */
    void failed(const QString &message);

private:
    struct PreviewResult
    {
        MatchPreview preview;
        QHash<qint64, QString> accountLabels;
        QHash<qint64, QString> contactLabels;
    };
    struct WriteResult
    {
        qint64 count = 0;
        bool ok = false;
        QString error;
    };
    static PreviewResult runPreview(WorkspaceSession *session, const MatchRules &rules);

    void edit(const MatchRules &rules);
    void scheduleRefresh();
    void startPreview();
    void finishPreview();
    void finishCreate();
    void finishApply();
    void updateBusy();

    WorkspaceSession &m_session;
    MatchRules m_rules;
    MatchRules m_runningRules;
    MatchPreview m_preview;
    bool m_hasPreview = false;
    QHash<qint64, QString> m_accountLabels;
    QHash<qint64, QString> m_contactLabels;
    MatchFieldCatalog m_fields;
    int m_configVersion = 0;
    QString m_actor = QStringLiteral("desktop");

    QTimer m_debounce;
    QFutureWatcher<PreviewResult> m_previewWatcher;
    QFutureWatcher<WriteResult> m_createWatcher;
    QFutureWatcher<WriteResult> m_applyWatcher;
    QFutureWatcher<MatchFieldCatalog> m_fieldsWatcher;
    bool m_previewRunning = false;
    bool m_rerun = false;
    bool m_creating = false;
    bool m_applying = false;
    bool m_busy = false;
};
