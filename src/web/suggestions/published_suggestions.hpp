#pragma once
// The published suggestions a server process shows, held in memory like the published stories:
// no query runs on a public request, and the newest of each provider's, which its page lists, are
// rendered once when they are read. Read again whenever an event about a suggestion or a note
// is newer than the last read: at once after this process's own change, within --reload-ms
// after another's (the snapshot keeper).
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/common/month.hpp"
#include "crypto/id_mask.hpp"
#include "store/database.hpp"
#include "store/suggestions/suggestions.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// How many of a provider's suggestions its page lists, newest first; each has its own page.
inline constexpr std::size_t kNewestSuggestionsShown = 10;

class PublishedSuggestions {
public:
    struct Held {
        std::vector<store::SuggestionRow> rows;  // by provider, newest first
        std::map<std::int64_t, std::vector<std::size_t>> by_provider;
        std::map<std::string, std::size_t, std::less<>> by_ref;
        std::map<std::int64_t, std::string> newest_html;  // by provider: its page's list items
    };

    PublishedSuggestions(const Renderer& renderer, const crypto::IdMask& ids) : renderer_(renderer), ids_(ids) {}

    std::shared_ptr<const Held> current() const { return held_.load(); }
    // Returns whether anything changed. Throws when the store does; what is shown stays.
    bool catch_up(store::Database& db);
    // Reads them all again (the registry's names changed).
    void reload(store::Database& db);

private:
    const Renderer& renderer_;
    const crypto::IdMask& ids_;
    std::atomic<std::shared_ptr<const Held>> held_{std::make_shared<const Held>()};
    std::mutex updating_;
    std::int64_t seen_event_ = -1;  // guarded by updating_
};

// The month a suggestion's change was made (its step to implemented), if it was.
std::optional<Month> implemented_month(const store::SuggestionRow& row);

// The change a rating of this provider asks about: its newest made in the last 6 months.
const store::SuggestionRow* change_to_ask_about(const PublishedSuggestions::Held& held, std::int64_t provider_id,
                                                Month now);

struct AppContext;
// After this process changed a suggestion or a note: shows it at once (a failure is logged).
void published_suggestions_changed(const AppContext& app);

}  // namespace pw::web
