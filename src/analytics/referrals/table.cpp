#include "analytics/referrals/table.hpp"

#include <fmt/format.h>

namespace pw::analytics {

std::optional<Decision> decision_from(std::string_view text) {
    if (text == "adverse") return Decision::adverse;
    if (text == "non-adverse") return Decision::non_adverse;
    if (text == "reserved") return Decision::reserved;
    if (text == "cancelled") return Decision::cancelled;
    if (text == "pending") return Decision::pending;
    return std::nullopt;
}

std::optional<Review> review_from(std::string_view text) {
    if (text.empty()) return Review::none;
    if (text == "upheld") return Review::upheld;
    if (text == "overturned") return Review::overturned;
    if (text == "pending") return Review::pending;
    return std::nullopt;
}

std::string_view decision_name(Decision d) {
    switch (d) {
        case Decision::adverse: return "adverse";
        case Decision::non_adverse: return "non-adverse";
        case Decision::reserved: return "reserved";
        case Decision::cancelled: return "cancelled";
        case Decision::pending: return "pending";
    }
    return "?";
}

std::string_view review_name(Review r) {
    switch (r) {
        case Review::none: return "";
        case Review::upheld: return "upheld";
        case Review::overturned: return "overturned";
        case Review::pending: return "pending";
    }
    return "?";
}

Dictionary& Dictionary::operator=(const Dictionary& other) {
    if (this == &other) return *this;
    names_.clear();
    index_.clear();
    for (const auto& name : other.names_) intern(name);
    return *this;
}

std::uint32_t Dictionary::intern(std::string_view text) {
    if (auto found = index_.find(text); found != index_.end()) return found->second;
    const auto id = static_cast<std::uint32_t>(names_.size());
    names_.emplace_back(text);
    index_.emplace(names_.back(), id);
    return id;
}

std::optional<std::uint32_t> Dictionary::find(std::string_view text) const {
    // A handful of names (reasons, decisions' areas): comparing beats hashing, row after row.
    if (names_.size() <= 8) {
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == text) return static_cast<std::uint32_t>(i);
        return std::nullopt;
    }
    if (auto found = index_.find(text); found != index_.end()) return found->second;
    return std::nullopt;
}

std::string period_label(PeriodKind kind, std::int32_t period, const Dictionary& spans) {
    switch (kind) {
        case PeriodKind::week: {
            const Civil c = civil_from_day(monday_of_week(period));
            return fmt::format("week of {:04}-{:02}-{:02}", c.year, c.month, c.day);
        }
        case PeriodKind::month: return fmt::format("{:04}-{:02}", period / 12, period % 12 + 1);
        case PeriodKind::span: return spans.name(static_cast<std::uint32_t>(period));
    }
    return {};
}

}  // namespace pw::analytics
