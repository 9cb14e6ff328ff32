#pragma once
// web/app.hpp: the one seam between the network and the application. The server calls
// handle() and nothing else; handle() never throws and never sees a socket.
#include <chrono>
#include <functional>
#include <memory>

#include "core/ratings/service.hpp"
#include "core/registry/registry_repository.hpp"
#include "core/throttle/rate_limiter.hpp"
#include "crypto/codenames.hpp"
#include "crypto/csrf.hpp"
#include "crypto/id_mask.hpp"
#include "store/database.hpp"
#include "store/writer/writer.hpp"
#include "web/accounts/sessions.hpp"
#include "web/assets/assets.hpp"
#include "web/cache/page_cache.hpp"
#include "web/http/compression.hpp"
#include "web/http/message.hpp"
#include "web/http/router.hpp"
#include "web/observability/metrics.hpp"
#include "web/publication/read_model.hpp"
#include "web/registry/page_parts.hpp"
#include "web/render/renderer.hpp"
#include "web/research/pending.hpp"
#include "web/research/readings.hpp"
#include "web/staff_reports/keys.hpp"
#include "web/stories/published_stories.hpp"
#include "web/suggestions/published_suggestions.hpp"
#include "web/work/slow_pool.hpp"

namespace pw::web {

struct AppContext {
    registry::RegistryRepository& registry;
    ratings::RatingService& ratings;
    const crypto::CsrfTokens& csrf;
    const crypto::LookupKeys& lookup_keys;  // codename look-up keys, under the deployment's secret
    const crypto::IdMask& ids;              // the ids people are shown of their own rows (crypto/id_mask.hpp)
    std::function<std::chrono::system_clock::time_point()> clock;  // the only clock handlers read
    store::Database& db;                                           // for the pages of moderators and providers
    store::Writer& writer;                                         // every change goes through it
    SessionStore& sessions;                                        // signed-in accounts
    const Renderer& renderer;
    const Assets& assets;
    Metrics& metrics;
    std::function<bool()> database_ok;          // /healthz
    std::function<std::string()> registry_csv;  // the open-data download
    PageCache& cache;                           // public pages, kept for a moment
    const ReadModel& published;                 // every public figure comes from here
    PublishedStories& stories;                  // and every public story
    PublishedSuggestions& suggestions;          // and every public suggestion
    const PagePartsModel& page_parts;           // parts of pages rendered from the two
    throttle::RateLimiter& limiter;             // participants' actions per client per hour
    SlowPool& slow;                             // argon2id work, off the connection threads
    const StaffReportKeys& staff;               // the moderators' key: staff reports are closed without it
    KeptReadings& readings;                     // kept detection reports, each parsed once
    PendingReports& pending;                    // detection reports being made
    bool access_log = true;
};

class App {
public:
    explicit App(AppContext context);
    App(const App&) = delete;
    App& operator=(const App&) = delete;
    // Never throws; respond is called exactly once, perhaps later and from another thread.
    void handle(const Request& request, Responder respond);
    // The page for a request refused before it reached the router (400, 413, 431, or 503 past its
    // deadline); logged and counted only when traced.
    Response refusal(int status, bool traced) const;
    // Whether a request leaves no log line and no count (staff reports, and whatever a participant
    // sends), from its percent-decoded path ("/%73taff-reports" is a staff report's): the server
    // asks, for the lines it writes itself.
    bool untraced(std::string_view method, std::string_view path, std::string_view cookies) const;
    // Whether a request may send a body above the usual limit (a researcher's upload).
    bool may_upload(std::string_view target, std::string_view cookie) const;

private:
    // `match`: the request's route, matched once by handle; `traced`: whether it may be logged.
    void dispatch(const Request& request, Router::Match match, bool traced, Encoding encoding, Responder finish);
    void serve_cached(Request request, const Router::Match& match, Encoding encoding, Responder finish);
    AppContext context_;
    Router router_;
};

}  // namespace pw::web
