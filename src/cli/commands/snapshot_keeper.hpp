#pragma once
// Keeps a server's read model on the latest published snapshot (see SnapshotKeeper).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <stop_token>
#include <string>
#include <thread>

#include "core/common/month.hpp"

#include "store/database.hpp"
#include "store/registry/registry_memory.hpp"
#include "web/cache/page_cache.hpp"
#include "web/publication/read_model.hpp"
#include "web/registry/page_parts.hpp"
#include "web/render/renderer.hpp"
#include "web/stories/published_stories.hpp"
#include "web/suggestions/published_suggestions.hpp"

namespace pw::cli {

struct SnapshotSchedule {
    int reload_ms = 60'000;       // how often to look for a newer snapshot
    bool publish_monthly = true;  // publish each month once it has ended
};

// Keeps the read model on the latest snapshot: publishes when a month has closed (the schedule;
// the lock makes one process of many do it) and loads what any process published.
class SnapshotKeeper {
public:
    SnapshotKeeper(store::Database& db, web::ReadModel& model, store::MemoryRegistryRepository& registry,
                   web::PublishedStories& stories, web::PublishedSuggestions& suggestions, web::PagePartsModel& parts, const web::Renderer& renderer,
                   web::PageCache& cache, const SnapshotSchedule& schedule,
                   std::function<std::chrono::system_clock::time_point()> clock)
        : db_(db),
          model_(model),
          registry_(registry),
          stories_(stories),
          suggestions_(suggestions),
          parts_(parts),
          renderer_(renderer),
          cache_(cache),
          schedule_(schedule),
          clock_(std::move(clock)) {
        refresh();
        thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
    }

private:
    void run(std::stop_token stop);
    Month month() const;
    void hide_unanswered_notices();
    void refresh();

    store::Database& db_;
    web::ReadModel& model_;
    store::MemoryRegistryRepository& registry_;
    web::PublishedStories& stories_;
    web::PublishedSuggestions& suggestions_;
    web::PagePartsModel& parts_;
    std::string official_fingerprint_;  // of the official sanction figures the parts show
    const web::Renderer& renderer_;
    web::PageCache& cache_;
    SnapshotSchedule schedule_;
    std::function<std::chrono::system_clock::time_point()> clock_;
    std::jthread thread_;
};

}  // namespace pw::cli
