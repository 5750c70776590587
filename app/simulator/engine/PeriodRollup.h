#pragma once

#include "Pipeline.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace pendosim {

/**
 * Folds the day rows of an aggregated event source into week, month or quarter rows (weekRange,
 * monthRange, quarterRange): rows alike but for their day become one row whose counts are summed,
 * with the period's start in `week`, `month` or `quarter` instead of `day`. Rows without a day
 * (row-level sources such as guideEvents) pass unchanged. Expects rows in day order, as sources
 * deliver them, and emits each period as soon as the next one begins.
 */
class PeriodRollupStage final : public Stage
{
public:
    PeriodRollupStage(std::vector<std::int64_t> periodStarts, std::string field);

    bool push(Value &&row) override;
    void finish() override;

private:
    std::int64_t periodOf(std::int64_t day) const;
    bool flush();

    std::vector<std::int64_t> m_starts;
    std::string m_field;
    std::int64_t m_current = 0;
    bool m_any = false;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<Value> m_rows;
};

} // namespace pendosim
