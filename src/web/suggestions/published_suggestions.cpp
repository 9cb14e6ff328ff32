#include "web/suggestions/published_suggestions.hpp"

#include <spdlog/spdlog.h>

#include "core/suggestions/commands.hpp"
#include "web/app.hpp"
#include "web/suggestions/views.hpp"

namespace pw::web {

bool PublishedSuggestions::catch_up(store::Database& db) {
    std::lock_guard lock(updating_);
    const auto latest = store::last_suggestion_event(db);
    if (latest == seen_event_) return false;
    auto next = std::make_shared<Held>();
    next->rows = store::published_suggestions(db);
    for (std::size_t i = 0; i < next->rows.size(); ++i) {
        next->by_provider[next->rows[i].provider_id].push_back(i);
        next->by_ref.emplace(next->rows[i].public_ref, i);
    }
    for (const auto& [provider, rows] : next->by_provider) {
        auto& html = next->newest_html[provider];
        for (std::size_t k = 0; k < std::min(kNewestSuggestionsShown, rows.size()); ++k)
            html += renderer_.render("parts/provider_suggestion",
                                     suggestion_view(next->rows[rows[k]], Reader::everyone, ids_));
    }
    held_.store(std::move(next));
    seen_event_ = latest;
    return true;
}

void PublishedSuggestions::reload(store::Database& db) {
    {
        std::lock_guard lock(updating_);
        seen_event_ = -1;
    }
    catch_up(db);
}

std::optional<Month> implemented_month(const store::SuggestionRow& row) {
    for (const auto& step : row.steps) {
        if (step.to == suggestions::SuggestionState::implemented) return Month::parse(step.month);
    }
    return std::nullopt;
}

const store::SuggestionRow* change_to_ask_about(const PublishedSuggestions::Held& held, std::int64_t provider_id,
                                                Month now) {
    const auto found = held.by_provider.find(provider_id);
    if (found == held.by_provider.end()) return nullptr;
    const auto first = now.plus(1 - suggestions::kAskedForMonths);
    const store::SuggestionRow* newest = nullptr;
    std::optional<Month> newest_month;
    for (auto i : found->second) {
        const auto& row = held.rows[i];
        const auto made = implemented_month(row);
        if (!made || !first || *made < *first || *made > now) continue;
        if (!newest || *made > *newest_month || (*made == *newest_month && row.id > newest->id)) {
            newest = &row;
            newest_month = made;
        }
    }
    return newest;
}

void published_suggestions_changed(const AppContext& app) {
    try {
        app.suggestions.catch_up(app.db);
    } catch (const std::exception& e) {
        spdlog::error("event=suggestions_refresh_failed error=\"{}\"", store::describe(e));
    }
    app.cache.invalidate();
}

}  // namespace pw::web
