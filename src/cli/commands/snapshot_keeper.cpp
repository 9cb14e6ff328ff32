#include "cli/commands/snapshot_keeper.hpp"

#include <mutex>

#include <spdlog/spdlog.h>

#include "crypto/passwords.hpp"
#include "store/publication/publication.hpp"
#include "store/sanctions_published.hpp"
#include "store/takedown/notices.hpp"

namespace pw::cli {

void SnapshotKeeper::run(std::stop_token stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    while (!stop.stop_requested()) {
        std::unique_lock lock(mutex);
        wake.wait_for(lock, stop, std::chrono::milliseconds(schedule_.reload_ms), [] { return false; });
        if (!stop.stop_requested()) refresh();
    }
}

Month SnapshotKeeper::month() const {
    return Month::of(std::chrono::floor<std::chrono::days>(clock_()));
}

// A story whose writer was told of a takedown notice and has not answered by the day due is
// hidden until a moderator decides (docs/takedown.md); its event reaches every server below.
// Its own failure (a busy or read-only database) must not stop the rest of the round.
void SnapshotKeeper::hide_unanswered_notices() {
    try {
        auto s = db_.session();
        soci::transaction transaction(s);
        const int hidden = store::hide_unanswered_notices(s, std::chrono::floor<std::chrono::days>(clock_()), month());
        transaction.commit();
        if (hidden > 0) spdlog::info("event=unanswered_notices_hidden count={}", hidden);
    } catch (const std::exception& e) {
        spdlog::error("event=hiding_unanswered_notices_failed error=\"{}\"", store::describe(e));
    }
}

void SnapshotKeeper::refresh() {
    try {
        db_.heal();  // connections PostgreSQL dropped since the last round
        hide_unanswered_notices();
        if (schedule_.publish_monthly) {
            auto outcome = store::publish(db_, month(), [] { return crypto::random_bits(); });
            if (outcome && outcome->published) {
                spdlog::info("event=published snapshot={} period={}", outcome->snapshot_id,
                             outcome->period.to_string());
            } else if (!outcome && outcome.error().kind != ErrorKind::conflict) {
                spdlog::error("event=publication_failed error=\"{}\"", outcome.error().message);
            }
        }
        const bool registry_changed = registry_.refresh();
        if (registry_changed) {
            stories_.reload(db_);  // stories and suggestions show provider and office names
            suggestions_.reload(db_);
            cache_.invalidate();
            spdlog::info("event=registry_loaded");
        } else {
            const bool stories_changed = stories_.catch_up(db_);
            if (suggestions_.catch_up(db_) || stories_changed) cache_.invalidate();
        }
        const auto latest = store::latest_snapshot_id(db_);
        auto shown = model_.current();
        const bool snapshot_changed = latest && (!shown || shown->info().id != *latest);
        if (snapshot_changed) shown = store::load_snapshot(db_, latest);
        auto official = store::official_figures_fingerprint(db_);
        const bool official_changed = official != official_fingerprint_;
        // The parts a new snapshot shows go in before the snapshot itself, and the page cache
        // is emptied on both sides of it: once anything (the API) shows the new snapshot, no
        // page rendered from the old one is served.
        if (registry_changed || snapshot_changed || official_changed || !parts_.current()) {
            parts_.swap_in(web::render_page_parts(registry_, shown.get(), store::official_figures(db_), renderer_));
            official_fingerprint_ = std::move(official);
            cache_.invalidate();
        }
        if (snapshot_changed) {
            model_.swap_in(shown);
            cache_.invalidate();
            spdlog::info("event=snapshot_loaded snapshot={}", *latest);
        }
    } catch (const std::exception& e) {
        spdlog::error("event=snapshot_refresh_failed error=\"{}\"", store::describe(e));
    }
}

}  // namespace pw::cli
