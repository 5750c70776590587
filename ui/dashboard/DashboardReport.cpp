#include "DashboardReport.h"

#include "AccountView.h"
#include "PortfolioView.h"

#include <QApplication>
#include <QDate>
#include <QDir>
#include <QPixmap>

namespace {

void settle()
{
    // Layouts and chart geometry are applied by posted events; a picture taken before them is empty.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

bool save(QWidget &widget, const QString &path, QString *error)
{
    settle();
    if (widget.grab().save(path, "PNG"))
        return true;
    if (error)
        *error = DashboardReport::tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
    return false;
}

int lastDayOf(const QList<AccountDetail> &accounts)
{
    int last = 0;
    for (const AccountDetail &account : accounts)
        last = std::max(last, account.lastDay);
    return last;
}

} // namespace

QString DashboardReport::accountFileName(const AccountDetail &account, QStringList *taken)
{
    QString id = account.summary.externalId;
    for (QChar &c : id) {
        const bool safe = (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'-' || c == u'_' || c == u'.';
        if (!safe)
            c = u'_';
    }
    if (id.isEmpty() || id.startsWith(u'.'))
        id = QString::number(account.summary.accountId) + id;
    QString name = QStringLiteral("account-%1.png").arg(id);
    if (taken) {
        for (int n = 2; taken->contains(name, Qt::CaseInsensitive); ++n)
            name = QStringLiteral("account-%1-%2.png").arg(id).arg(n);
        taken->append(name);
    }
    return name;
}

bool DashboardReport::write(const QString &dir, const QList<PortfolioRow> &rows, const QList<AccountDetail> &accounts,
                            QString *error)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = tr("Rendering the dashboards needs a QApplication (the offscreen platform will do).");
        return false;
    }
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    const QDir out(dir);

    PortfolioView portfolio;
    portfolio.setAttribute(Qt::WA_DontShowOnScreen);
    portfolio.setRows(rows);
    const int last = lastDayOf(accounts);
    portfolio.setAsOf(last > 0 ? QDate::fromJulianDay(last) : QDate());
    portfolio.resize(width, portfolioHeight);
    portfolio.show();
    if (!save(portfolio, out.filePath(QStringLiteral("portfolio.png")), error))
        return false;

    QStringList taken;
    for (const AccountDetail &account : accounts) {
        AccountView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setDetail(account);
        view.resize(width, portfolioHeight);
        view.show();
        settle();
        view.resize(width, view.fullHeight(width));
        if (!save(view, out.filePath(accountFileName(account, &taken)), error))
            return false;
    }
    return true;
}
