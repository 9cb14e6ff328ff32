#include "web/publication/read_model.hpp"

#include <fmt/format.h>

namespace pw::web {

std::string snapshot_note(const publication::Snapshot* snapshot) {
    if (!snapshot) {
        return "No figures have been published yet. Figures are published once a month, for the months that have "
               "ended.";
    }
    const auto& info = snapshot->info();
    return fmt::format("Figures published in {} for {} to {}. They change only when the next are published, "
                       "due in {}.",
                       info.published.label(), info.window_start.label(), info.period.label(),
                       publication::next_due(info).label());
}

}  // namespace pw::web
