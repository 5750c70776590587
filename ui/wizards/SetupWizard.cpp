#include "SetupWizard.h"

#include "KeyPage.h"
#include "RegionPage.h"

SetupWizard::SetupWizard(RegionTable regions, QStringList regionKeys, QWidget *parent)
    : QWizard(parent)
    , m_keyPage(new KeyPage(m_result, this))
    , m_regionPage(new RegionPage(m_result, std::move(regions), std::move(regionKeys), this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up Pendo Bridge"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(KeyPageId, m_keyPage);
    setPage(RegionPageId, m_regionPage);
    setStartId(KeyPageId);
    resize(720, 600);
}

void SetupWizard::prefill(const SetupResult &values)
{
    if (!values.integrationKey.isEmpty())
        m_keyPage->setKey(QString::fromLatin1(values.integrationKey));
    if (!values.regionKey.isEmpty())
        m_regionPage->preselect(values.regionKey, values.baseUrl);
}

void SetupWizard::done(int result)
{
    m_regionPage->controller().cancel();
    if (result != QDialog::Accepted) {
        // A canceled setup must not leave the secret behind in memory.
        m_keyPage->forgetKey();
        m_regionPage->controller().setKey({});
        m_result = {};
    }
    QWizard::done(result);
}
