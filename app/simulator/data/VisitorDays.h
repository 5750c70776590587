#pragma once

#include "Dataset.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <string>

namespace pendosim {

/** One identified visitor active on one local day in one app, attributed to one account (or none). */
struct VisitorDay
{
    std::uint32_t visitor = 0;
    std::int32_t account = -1; // -1: the visitor had no account that day
    unsigned app = 0; // index into Dataset::apps()
    int day = 0; // julian day in the subscription's time zone
};

/**
 * The ground truth of who was active when: every (visitor, account, app, day) with activity over the
 * whole history, as Pendo's event sources report it once every hour is processed. It mirrors what
 * the `events` source produces behind an `identified` step: Do-Not-Process visitors have no event
 * rows and anonymous visitors are dropped; a visitor in two accounts appears under the account each
 * day is attributed to. Uses that started after "now" do not exist yet; those of the last
 * late-data hours do (the API may still be missing some of them). Used on one thread.
 */
class VisitorDayExport final
{
public:
    explicit VisitorDayExport(const Dataset &data);

    /** Whether Pendo reports the visitor's activity as an identified visitor's. */
    static bool reportsIdentified(const VisitorInfo &visitor) { return !visitor.anonymous && !visitor.doNotProcess; }

    /**
     * The visitor's visitor-days in the file's order (account, app, day as text); `sink` returns
     * false to stop. Returns false when stopped.
     */
    bool forVisitor(std::uint32_t visitor, const std::function<bool(const VisitorDay &)> &sink) const;

    /** The CSV `visitor,account,app,day`, rows sorted by visitor, account, app and day (each as text). */
    std::string csv() const;
    /** The same CSV written to `file` as it is produced (it grows with the history, not the memory). */
    bool write(const QString &file, QString *error) const;

private:
    bool forEachRow(const std::function<bool(const std::string &row)> &sink) const;

    const Dataset &m_data;
    std::vector<std::uint32_t> m_order; // identified visitors sorted by id
};

} // namespace pendosim
