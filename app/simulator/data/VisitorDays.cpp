#include "VisitorDays.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <string_view>
#include <tuple>

namespace pendosim {

namespace {

std::string isoDate(int julianDay)
{
    return QDate::fromJulianDay(julianDay).toString(Qt::ISODate).toStdString();
}

} // namespace

VisitorDayExport::VisitorDayExport(const Dataset &data)
    : m_data(data)
{
    const auto &visitors = m_data.visitors();
    for (std::uint32_t i = 0; i < visitors.size(); ++i) {
        if (reportsIdentified(visitors[i]))
            m_order.push_back(i);
    }
    // Ids are zero-padded today, but the file promises text order whatever their width.
    std::sort(m_order.begin(), m_order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return visitors[a].id < visitors[b].id; });
}

bool VisitorDayExport::forVisitor(std::uint32_t visitor, const std::function<bool(const VisitorDay &)> &sink) const
{
    const VisitorInfo &v = m_data.visitors()[visitor];
    if (!reportsIdentified(v))
        return true;
    const auto &apps = m_data.apps();
    const std::int64_t now = m_data.nowMs();
    std::vector<VisitorDay> days;
    std::vector<ItemUse> uses;
    for (int day = std::max(m_data.historyStart(), v.startDay); day <= m_data.today(); ++day) {
        const int account = m_data.dayActivity(visitor, day, 7u, ~0u, uses);
        if (account == -2)
            continue;
        unsigned seen = 0;
        for (const ItemUse &use : uses) {
            // A use that has not started yet does not exist; the events source drops it the same way.
            if (use.firstTime > now)
                continue;
            seen |= 1u << static_cast<unsigned>(m_data.items()[use.item].app);
        }
        for (unsigned app = 0; app < apps.size(); ++app) {
            if (seen & (1u << app))
                days.push_back({visitor, account, app, day});
        }
    }
    const auto &accounts = m_data.accounts();
    const auto key = [&](const VisitorDay &d) {
        const std::string_view account
            = d.account >= 0 ? std::string_view(accounts[static_cast<std::size_t>(d.account)].id) : std::string_view();
        return std::make_tuple(account, std::to_string(apps[d.app].id), d.day);
    };
    std::sort(days.begin(), days.end(), [&](const VisitorDay &a, const VisitorDay &b) { return key(a) < key(b); });
    for (const VisitorDay &d : days) {
        if (!sink(d))
            return false;
    }
    return true;
}

bool VisitorDayExport::forEachRow(const std::function<bool(const std::string &row)> &sink) const
{
    if (!sink("visitor,account,app,day\n"))
        return false;
    const auto &visitors = m_data.visitors();
    const auto &accounts = m_data.accounts();
    const auto &apps = m_data.apps();
    std::string row;
    for (const std::uint32_t visitor : m_order) {
        const bool more = forVisitor(visitor, [&](const VisitorDay &d) {
            // Pendo's visitor and account ids never hold commas, quotes or line breaks: no quoting.
            row.clear();
            row += visitors[d.visitor].id;
            row += ',';
            if (d.account >= 0)
                row += accounts[static_cast<std::size_t>(d.account)].id;
            row += ',';
            row += std::to_string(apps[d.app].id);
            row += ',';
            row += isoDate(d.day);
            row += '\n';
            return sink(row);
        });
        if (!more)
            return false;
    }
    return true;
}

std::string VisitorDayExport::csv() const
{
    std::string out;
    forEachRow([&](const std::string &row) {
        out += row;
        return true;
    });
    return out;
}

bool VisitorDayExport::write(const QString &file, QString *error) const
{
    const QString parent = QFileInfo(file).absolutePath();
    if (!QDir().mkpath(parent)) {
        if (error)
            *error = QStringLiteral("cannot create directory ") + parent;
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write ") + file + QStringLiteral(": ") + out.errorString();
        return false;
    }
    std::string buffer;
    const auto flush = [&] {
        const bool ok
            = out.write(buffer.data(), static_cast<qint64>(buffer.size())) == static_cast<qint64>(buffer.size());
        buffer.clear();
        return ok;
    };
    const bool written = forEachRow([&](const std::string &row) {
        buffer += row;
        return buffer.size() < (1u << 20) || flush();
    });
    if (!written || !flush() || !out.commit()) {
        if (error)
            *error = QStringLiteral("cannot write ") + file + QStringLiteral(": ") + out.errorString();
        return false;
    }
    return true;
}

} // namespace pendosim
