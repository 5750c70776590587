#pragma once

#include "analytics/AnalyticsReader.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/**
 * Renders the dashboards without showing them and saves them as PNG files: the portfolio as
 * portfolio.png and each given account as account-<external id>.png (the id reduced to letters,
 * digits, '-', '_' and '.'). For the command line's `report --out DIR`, which must run a
 * QApplication (the offscreen platform is enough). UI thread.
 */
class DashboardReport final
{
    Q_DECLARE_TR_FUNCTIONS(DashboardReport)

public:
    /** The width the pictures are rendered at; the portfolio is 800 pixels high, accounts as high as they need. */
    static constexpr int width = 1280;
    static constexpr int portfolioHeight = 800;

    /** Writes the files into `dir` (made when missing); false with a reason in `error`. */
    static bool write(const QString &dir, const QList<PortfolioRow> &rows, const QList<AccountDetail> &accounts,
                      QString *error);
    /** "account-A-17.png" for external id "A/17"; distinct names for distinct ids are the caller's `taken` set. */
    static QString accountFileName(const AccountDetail &account, QStringList *taken = nullptr);
};
