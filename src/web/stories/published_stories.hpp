#pragma once
// The published stories a server process shows, held in memory like the snapshot: each story's
// HTML is rendered once when it is read from the store, and a provider page only joins a page of
// them. No query runs on a public request. A change this process makes is read at once
// (catch_up after the write); another process's within --reload-ms (the snapshot keeper).
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "crypto/id_mask.hpp"
#include "store/database.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

class PublishedStories {
public:
    // A provider's published stories (its offices' included), newest first, as HTML.
    using Rendered = std::vector<std::string>;

    PublishedStories(const Renderer& renderer, const crypto::IdMask& ids) : renderer_(renderer), ids_(ids) {}

    // Never null: a provider without stories has an empty list.
    std::shared_ptr<const Rendered> of(std::int64_t provider_id) const;

    // Reads what changed since the last call (everything, the first time): the providers whose
    // stories changed, or all when a censor rule may reach any story. Returns whether anything
    // did. Throws when the store does; the stories shown stay as they were.
    bool catch_up(store::Database& db);
    // Reads every story again (the registry's names changed).
    void reload(store::Database& db);

private:
    using ByProvider = std::unordered_map<std::int64_t, std::shared_ptr<const Rendered>>;
    void read(store::Database& db, const std::vector<std::int64_t>& providers, bool everything);

    const Renderer& renderer_;
    const crypto::IdMask& ids_;
    std::atomic<std::shared_ptr<const ByProvider>> by_provider_{std::make_shared<const ByProvider>()};
    std::mutex updating_;           // one reader of the store at a time
    std::int64_t seen_event_ = -1;  // guarded by updating_
};

struct AppContext;
// After this process changed a story, a response or a censor rule: shows it at once. A store
// failure here is logged; the snapshot keeper reads the change on its next round.
void published_stories_changed(const AppContext& app);

}  // namespace pw::web
