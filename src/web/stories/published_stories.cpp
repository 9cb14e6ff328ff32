#include "web/stories/published_stories.hpp"

#include <spdlog/spdlog.h>

#include "store/stories/stories.hpp"
#include "web/app.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

std::shared_ptr<const PublishedStories::Rendered> PublishedStories::of(std::int64_t provider_id) const {
    static const auto none = std::make_shared<const Rendered>();
    const auto map = by_provider_.load();
    const auto found = map->find(provider_id);
    return found == map->end() ? none : found->second;
}

bool PublishedStories::catch_up(store::Database& db) {
    std::lock_guard lock(updating_);
    const auto changes = store::story_changes_since(db, seen_event_);
    if (changes.everything || !changes.providers.empty()) read(db, changes.providers, changes.everything);
    seen_event_ = changes.up_to;
    return changes.everything || !changes.providers.empty();
}

void PublishedStories::reload(store::Database& db) {
    std::lock_guard lock(updating_);
    const auto changes = store::story_changes_since(db, -1);
    read(db, {}, true);
    seen_event_ = changes.up_to;
}

// Reads the stories of these providers (or all) and swaps in a map where only they differ.
void PublishedStories::read(store::Database& db, const std::vector<std::int64_t>& providers, bool everything) {
    const auto rows = store::all_published_stories(db, everything ? std::span<const std::int64_t>{} : providers);
    std::unordered_map<std::int64_t, Rendered> fresh;
    for (auto id : providers) fresh[id];  // a provider whose last story went stays, with none
    for (const auto& row : rows)
        fresh[row.provider_id].push_back(renderer_.render("parts/published_story", story_view(row, ids_)));
    auto next = everything ? std::make_shared<ByProvider>() : std::make_shared<ByProvider>(*by_provider_.load());
    for (auto& [id, rendered] : fresh) (*next)[id] = std::make_shared<const Rendered>(std::move(rendered));
    by_provider_.store(std::move(next));
}

void published_stories_changed(const AppContext& app) {
    try {
        app.stories.catch_up(app.db);
    } catch (const std::exception& e) {
        spdlog::error("event=stories_refresh_failed error=\"{}\"", store::describe(e));
    }
    app.cache.invalidate();
}

}  // namespace pw::web
