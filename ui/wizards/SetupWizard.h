#pragma once

#include "SetupResult.h"

#include "pendo/Region.h"

#include <QWizard>

class KeyPage;
class RegionPage;

/**
 * The first-run setup: the integration key, then the subscription's region (verified or
 * detected with that key). Owns the SetupResult the pages fill in validatePage(); read it with
 * setupResult() after exec() returns Accepted. Canceling aborts a running check and forgets the
 * key. UI thread.
 */
class SetupWizard final : public QWizard
{
    Q_OBJECT

public:
    /** Later pages (catalog, matching, mapping) are added by the owner with setPage() and these ids. */
    enum PageId { KeyPageId, RegionPageId, CatalogPageId, MatchingPageId, MappingPageId };

    /** `regionKeys`: the regions to offer and to detect in (default: every built-in region). */
    explicit SetupWizard(RegionTable regions, QStringList regionKeys = {}, QWidget *parent = nullptr);

    const SetupResult &setupResult() const { return m_result; }

    /** Pre-fills the pages (demo mode): the key, and the region or custom URL to select. */
    void prefill(const SetupResult &values);

    KeyPage *keyPage() const { return m_keyPage; }
    RegionPage *regionPage() const { return m_regionPage; }

public Q_SLOTS:
    void done(int result) override;

private:
    SetupResult m_result;
    KeyPage *m_keyPage;
    RegionPage *m_regionPage;
};
