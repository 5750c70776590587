#include "MatchWorkbenchController.h"

#include "session/WorkspaceSession.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace {

QList<qint64> candidateIds(const QList<UnmatchedItem> &items)
{
    QList<qint64> ids;
    for (const UnmatchedItem &item : items) {
        if (item.ambiguous)
            ids += item.candidates;
    }
    return ids;
}

} // namespace

MatchWorkbenchController::MatchWorkbenchController(WorkspaceSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_fields(MatchFieldCatalog::defaults())
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &MatchWorkbenchController::startPreview);
    connect(&m_previewWatcher, &QFutureWatcher<PreviewResult>::finished, this,
            &MatchWorkbenchController::finishPreview);
    connect(&m_createWatcher, &QFutureWatcher<WriteResult>::finished, this, &MatchWorkbenchController::finishCreate);
    connect(&m_applyWatcher, &QFutureWatcher<WriteResult>::finished, this, &MatchWorkbenchController::finishApply);
    connect(&m_fieldsWatcher, &QFutureWatcher<MatchFieldCatalog>::finished, this, [this] {
        if (m_fieldsWatcher.future().resultCount() == 0)
            return;
        const MatchFieldCatalog fields = m_fieldsWatcher.result();
        if (fields == m_fields)
            return;
        m_fields = fields;
        Q_EMIT fieldsChanged();
    });
}

MatchWorkbenchController::~MatchWorkbenchController()
{
    // The jobs only hold the database and copies of the rules; wait so none outlives its owner.
    m_debounce.stop();
    m_previewWatcher.waitForFinished();
    m_createWatcher.waitForFinished();
    m_applyWatcher.waitForFinished();
    m_fieldsWatcher.waitForFinished();
}

bool MatchWorkbenchController::isPreviewing() const
{
    return m_previewRunning || m_debounce.isActive() || (m_rerun && (m_creating || m_applying));
}

qint64 MatchWorkbenchController::creatableContactCount() const
{
    if (!m_hasPreview)
        return 0;
    for (const MatchSuggestion &suggestion : m_preview.suggestions) {
        if (suggestion.action == MatchSuggestion::Action::CreateContacts)
            return suggestion.count;
    }
    qint64 count = 0;
    for (const UnmatchedItem &item : m_preview.unmatchedVisitors) {
        if (item.accountMatched && !item.ambiguous)
            ++count;
    }
    return count;
}

void MatchWorkbenchController::setRules(const MatchRules &rules)
{
    if (rules == m_rules)
        return;
    m_rules = rules;
    Q_EMIT rulesChanged(m_rules);
    scheduleRefresh();
}

void MatchWorkbenchController::refresh()
{
    if (!m_fieldsWatcher.isRunning())
        m_fieldsWatcher.setFuture(QtConcurrent::run([session = &m_session] {
            return MatchFieldCatalog::load(session->database());
        }));
    m_debounce.stop();
    startPreview();
}

void MatchWorkbenchController::edit(const MatchRules &rules)
{
    if (rules == m_rules)
        return;
    const bool keysChanged = rules.account != m_rules.account || rules.contact != m_rules.contact
                             || rules.matchBoth != m_rules.matchBoth;
    m_rules = rules;
    Q_EMIT rulesChanged(m_rules);
    Q_EMIT rulesEdited(m_rules);
    // Auto-creation only affects future syncs; the preview does not depend on it.
    if (keysChanged)
        scheduleRefresh();
}

void MatchWorkbenchController::setAccountKey(const MatchKey &key)
{
    MatchRules rules = m_rules;
    rules.account = key;
    edit(rules);
}

void MatchWorkbenchController::setContactKey(int index, const MatchKey &key)
{
    if (index < 0 || index >= m_rules.contact.size())
        return;
    MatchRules rules = m_rules;
    rules.contact[index] = key;
    edit(rules);
}

void MatchWorkbenchController::addContactKey(const MatchKey &key)
{
    MatchRules rules = m_rules;
    rules.contact.append(key);
    edit(rules);
}

void MatchWorkbenchController::removeContactKey(int index)
{
    // At least one way to recognise a visitor must remain.
    if (index < 0 || index >= m_rules.contact.size() || m_rules.contact.size() <= 1)
        return;
    MatchRules rules = m_rules;
    rules.contact.removeAt(index);
    edit(rules);
}

void MatchWorkbenchController::moveContactKey(int from, int to)
{
    if (from < 0 || to < 0 || from >= m_rules.contact.size() || to >= m_rules.contact.size() || from == to)
        return;
    MatchRules rules = m_rules;
    rules.contact.move(from, to);
    edit(rules);
}

void MatchWorkbenchController::setMatchBoth(bool on)
{
    MatchRules rules = m_rules;
    rules.matchBoth = on;
    edit(rules);
}

void MatchWorkbenchController::setAutoCreateEndUsers(bool on)
{
    MatchRules rules = m_rules;
    rules.autoCreateEndUsers = on;
    edit(rules);
}

bool MatchWorkbenchController::applySuggestion(const MatchSuggestion &suggestion)
{
    MatchRules rules = m_rules;
    switch (suggestion.action) {
    case MatchSuggestion::Action::CaseInsensitiveAccounts:
        // The suggestion's count was measured with both relaxations.
        rules.account.caseInsensitive = true;
        rules.account.trim = true;
        break;
    case MatchSuggestion::Action::TrimAccounts:
        rules.account.trim = true;
        break;
    case MatchSuggestion::Action::AddEmailRule: {
        const auto isEmail = [](const MatchKey &key) { return key.csField == QLatin1String("email"); };
        if (std::none_of(rules.contact.cbegin(), rules.contact.cend(), isEmail))
            rules.contact.append(
                MatchKey{QStringLiteral("metadata.agent.email"), QStringLiteral("email"), true, true});
        break;
    }
    case MatchSuggestion::Action::CaseInsensitiveContacts:
        for (MatchKey &key : rules.contact)
            key.caseInsensitive = true;
        break;
    case MatchSuggestion::Action::CreateContacts:
        if (m_creating)
            return false;
        createContacts();
        return true;
    }
    if (rules == m_rules)
        return false;
    edit(rules);
    // A click is a deliberate choice: show its effect without the typing pause.
    m_debounce.stop();
    startPreview();
    return true;
}

void MatchWorkbenchController::scheduleRefresh()
{
    m_debounce.start();
    updateBusy();
}

MatchWorkbenchController::PreviewResult MatchWorkbenchController::runPreview(WorkspaceSession *session,
                                                                             const MatchRules &rules)
{
    PreviewResult result;
    result.preview = session->previewMatching(rules);
    if (result.preview.error.isEmpty()) {
        result.accountLabels = CsRecordLabels::load(session->database(), RecordKind::Accounts,
                                                    candidateIds(result.preview.unmatchedAccounts));
        result.contactLabels = CsRecordLabels::load(session->database(), RecordKind::Contacts,
                                                    candidateIds(result.preview.unmatchedVisitors));
    }
    return result;
}

void MatchWorkbenchController::startPreview()
{
    // One preview at a time (they compete for two cores); a request during a run or a write
    // reruns afterwards with the rules of that moment.
    if (m_previewRunning || m_creating || m_applying) {
        m_rerun = true;
        updateBusy();
        return;
    }
    m_rerun = false;
    m_previewRunning = true;
    m_runningRules = m_rules;
    m_previewWatcher.setFuture(QtConcurrent::run(&MatchWorkbenchController::runPreview, &m_session, m_rules));
    Q_EMIT previewStarted();
    updateBusy();
}

void MatchWorkbenchController::finishPreview()
{
    m_previewRunning = false;
    const bool superseded = m_rerun || m_runningRules != m_rules;
    if (superseded) {
        if (!m_debounce.isActive())
            startPreview();
        updateBusy();
        return;
    }
    if (m_previewWatcher.future().resultCount() == 0) {
        updateBusy();
        return;
    }
    PreviewResult result = m_previewWatcher.result();
    if (!result.preview.error.isEmpty()) {
        updateBusy();
        Q_EMIT failed(tr("The matches could not be checked: %1").arg(result.preview.error));
        return;
    }
    m_preview = std::move(result.preview);
    m_accountLabels = std::move(result.accountLabels);
    m_contactLabels = std::move(result.contactLabels);
    m_hasPreview = true;
    updateBusy();
    Q_EMIT previewReady(m_preview);
}

void MatchWorkbenchController::createContacts()
{
    if (m_creating || m_applying)
        return;
    m_creating = true;
    // Whatever preview is running now describes the workspace before the new contacts.
    if (m_previewRunning)
        m_rerun = true;
    m_createWatcher.setFuture(QtConcurrent::run(
        [session = &m_session, rules = m_rules, version = m_configVersion, actor = m_actor] {
            WriteResult result;
            result.count = session->createContactsForUnmatched(rules, version, actor, &result.error);
            result.ok = result.count >= 0;
            return result;
        }));
    updateBusy();
}

void MatchWorkbenchController::finishCreate()
{
    m_creating = false;
    const WriteResult result
        = m_createWatcher.future().resultCount() > 0 ? m_createWatcher.result() : WriteResult{};
    m_debounce.stop();
    startPreview();
    if (result.ok)
        Q_EMIT contactsCreated(result.count);
    else
        Q_EMIT failed(tr("No contacts were created: %1").arg(result.error));
}

void MatchWorkbenchController::applyRules()
{
    if (m_creating || m_applying)
        return;
    m_applying = true;
    if (m_previewRunning)
        m_rerun = true;
    m_applyWatcher.setFuture(QtConcurrent::run([session = &m_session, rules = m_rules, version = m_configVersion] {
        WriteResult result;
        MatchPreview preview;
        result.ok = session->applyMatching(rules, version, &preview, &result.error);
        return result;
    }));
    updateBusy();
}

void MatchWorkbenchController::finishApply()
{
    m_applying = false;
    const WriteResult result = m_applyWatcher.future().resultCount() > 0 ? m_applyWatcher.result() : WriteResult{};
    if (m_rerun && !m_debounce.isActive())
        startPreview();
    updateBusy();
    if (result.ok)
        Q_EMIT rulesApplied();
    else
        Q_EMIT failed(tr("The rules could not be applied: %1").arg(result.error));
}

void MatchWorkbenchController::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}
