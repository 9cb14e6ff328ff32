#include <arpa/inet.h>

#include <charconv>
#include <filesystem>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "cli/commands/secrets.hpp"
#include "cli/commands/snapshot_keeper.hpp"
#include "cli/commands/staff_key.hpp"
#include "core/throttle/rate_limiter.hpp"
#include "crypto/client_keys.hpp"
#include "crypto/codenames.hpp"
#include "crypto/csrf.hpp"
#include "crypto/id_mask.hpp"
#include "crypto/passwords.hpp"
#include "store/ratings/rating_service_soci.hpp"
#include "store/registry/export.hpp"
#include "store/registry/registry_memory.hpp"
#include "store/sanctions_published.hpp"
#include "store/writer/writer.hpp"
#include "web/app.hpp"
#include "web/http/server.hpp"

namespace pw::cli {

namespace {

struct ServeArgs {
    std::string db_url;
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::string public_dir;
    std::string log_level = "info";
    bool access_log = true;
    std::size_t max_connections = 20000;
    int cache_ms = 2000;
    std::size_t write_batch = 1024;
    int reload_ms = 60'000;
    std::string publish_schedule = "monthly";
    std::string now;
    std::string metrics_bind;  // HOST:PORT on loopback; empty: /metrics only for a signed-in admin
    std::string trusted_proxy;
    std::string secrets;
    std::string staff_key;
    std::string staff_key_passphrase;
    int limit_writes = 60;
    int limit_lookups = 20;
    int limit_sign_ins = 30;
    unsigned slow_threads = std::max(1u, std::thread::hardware_concurrency());
    std::size_t slow_queue = 64;
    int request_deadline_ms = 30'000;
};

// "127.0.0.1:9100" -> its host and port, when the host is a loopback address.
std::optional<std::pair<std::string, unsigned short>> loopback_address(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const bool loopback = host == "::1" || (host.starts_with("127.") && std::ranges::count(host, '.') == 3);
    unsigned port = 0;
    const auto digits = text.substr(colon + 1);
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (!loopback || digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || port > 65535)
        return std::nullopt;
    return std::pair{host, static_cast<unsigned short>(port)};
}

// An IP address written as the server will see it ("::0:1" as "::1"), or nothing if it is not one.
std::optional<std::string> canonical_ip(const std::string& text) {
    unsigned char bytes[sizeof(in6_addr)];
    char out[INET6_ADDRSTRLEN];
    for (int family : {AF_INET, AF_INET6}) {
        if (inet_pton(family, text.c_str(), bytes) == 1 && inet_ntop(family, bytes, out, sizeof out)) return out;
    }
    return std::nullopt;
}

// Runs a server on its own thread; stops and joins it when it goes out of scope, whatever way
// serve() returns.
class BackgroundServer {
public:
    explicit BackgroundServer(std::unique_ptr<web::Server> server)
        : server_(std::move(server)), thread_([this] { server_->run(); }) {}
    ~BackgroundServer() {
        server_->stop();
        thread_.join();
    }
    BackgroundServer(const BackgroundServer&) = delete;
    BackgroundServer& operator=(const BackgroundServer&) = delete;

private:
    std::unique_ptr<web::Server> server_;
    std::thread thread_;
};

// Request counts by route, on an address only this machine can reach: an operator's scraper
// reads them without an account, and nobody outside can time a submission with them.
std::unique_ptr<web::Server> metrics_server(const std::pair<std::string, unsigned short>& address,
                                            web::Metrics& metrics) {
    web::ServerConfig config;
    config.bind = address.first;
    config.port = address.second;
    config.threads = 1;
    config.max_connections = 64;
    return std::make_unique<web::Server>(config, [&metrics](web::Request request, web::Responder respond) {
        web::Response response;
        response.content_type = "text/plain; charset=utf-8";
        response.set_header("Cache-Control", "no-store");
        if (request.path != "/metrics" || (request.method != "GET" && request.method != "HEAD")) {
            response.status = 404;
            response.body = "Only /metrics is served here.\n";
        } else {
            response.content_type = "text/plain; version=0.0.4; charset=utf-8";
            response.body = metrics.serialize();
        }
        respond(std::move(response));
    });
}

std::string default_public_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("build/public") : (exe.parent_path() / "public").string();
}

int serve(ServeArgs& args) {
    auto level = spdlog::level::from_str(args.log_level);
    spdlog::set_level(level);
    crypto::initialise();
    // Arguments first: a mistyped option is a usage error before anything is opened.
    if (!args.trusted_proxy.empty()) {
        auto proxy = canonical_ip(args.trusted_proxy);
        if (!proxy) return report_error("--trusted-proxy must be an IP address, like 127.0.0.1", usage);
        args.trusted_proxy = *proxy;
    }
    std::optional<std::pair<std::string, unsigned short>> metrics_address;
    if (!args.metrics_bind.empty()) {
        metrics_address = loopback_address(args.metrics_bind);
        if (!metrics_address) {
            return report_error("--metrics-bind must be a loopback address and port, like 127.0.0.1:9100", usage);
        }
    }
    auto secrets_path = secrets_path_for(args.secrets, args.db_url);
    if (!secrets_path) return report_error(secrets_path.error().message, usage);
    // One session per connection thread and per slow-work thread, one for the writer and one for
    // the snapshot keeper: a slow thread checking a codename never holds up /healthz for a session.
    auto db = open_current_database(args.db_url, args.threads + args.slow_threads + 2);
    if (!db) return store::parse_database_url(args.db_url) ? failure : usage;
    if (auto writable = db->check_writable(); !writable) return report_error(writable.error().message);

    if (args.public_dir.empty()) args.public_dir = default_public_dir();
    auto assets = web::Assets::load(args.public_dir);
    if (!assets) return report_error(assets.error().message);

    // A new secrets file beside a database that already holds keyed codenames would make every
    // one of them impossible to find: the old file is missing (a restore without it?).
    if (secrets_path->make_if_missing && !std::filesystem::exists(secrets_path->path)) {
        auto s = db->session();
        long long keyed = 0;
        s << "SELECT COUNT(*) FROM codenames WHERE keyed = 1", soci::into(keyed);
        if (keyed > 0) {
            return report_error(secrets_path->path + " is missing, and the database holds " + std::to_string(keyed) +
                                " codenames made under it: put it back (from the backup you made with the "
                                "database), or give the right file with --secrets");
        }
    }
    auto secrets = load_secrets(secrets_path->path, secrets_path->make_if_missing);
    if (!secrets) return report_error(secrets.error().message);
    const crypto::CsrfTokens csrf(secrets->form_key);
    const crypto::LookupKeys lookup_keys(secrets->lookup_key);
    const crypto::IdMask ids(secrets->lookup_key);
    const auto staff_keys = open_staff_keys(args.staff_key, args.staff_key_passphrase);
    if (!staff_keys.moderators) spdlog::warn("event=staff_reports_closed reason=\"{}\"", staff_keys.closed_because);

    store::MemoryRegistryRepository registry(*db);
    store::Writer writer(*db, args.write_batch);
    store::SociRatingService ratings(*db, writer, lookup_keys);
    web::SessionStore sessions(*db, writer);
    web::Renderer renderer(web::template_files());
    renderer.set_global("asset_version", assets->version());
    web::Metrics metrics;
    web::PageCache cache{std::chrono::milliseconds(args.cache_ms)};
    std::optional<Month> fixed_month;
    if (!args.now.empty()) {
        fixed_month = Month::parse(args.now);
        if (!fixed_month) return report_error("--now must be a month like 2026-11", usage);
    }
    auto clock = [fixed_month] {
        if (!fixed_month) return std::chrono::system_clock::now();
        const std::chrono::year_month_day day{std::chrono::year{fixed_month->year()},
                                              std::chrono::month{static_cast<unsigned>(fixed_month->month())},
                                              std::chrono::day{15}};
        return std::chrono::system_clock::time_point{std::chrono::sys_days{day}};
    };
    web::ReadModel published;
    web::PublishedStories stories(renderer, ids);
    web::PublishedSuggestions suggestions(renderer, ids);
    web::PagePartsModel page_parts;
    throttle::RateLimiter limiter(throttle::Limits{.participant_writes_per_hour = args.limit_writes,
                                                   .codename_lookups_per_hour = args.limit_lookups,
                                                   .sign_ins_per_hour = args.limit_sign_ins,
                                                   // six times the look-ups: what one person following
                                                   // their case needs, a bound on hashing all the same
                                                   .codename_actions_per_hour = 6 * args.limit_lookups});
    crypto::ClientKeys client_keys;
    SnapshotKeeper keeper(*db, published, registry, stories, suggestions, page_parts, renderer, cache,
                          SnapshotSchedule{args.reload_ms, args.publish_schedule == "monthly"}, clock);
    web::SlowPool slow(args.slow_threads, args.slow_queue);
    web::KeptReadings readings;
    web::PendingReports pending;
    web::App app(web::AppContext{registry,
                                 ratings,
                                 csrf,
                                 lookup_keys,
                                 ids,
                                 clock,
                                 *db,
                                 writer,
                                 sessions,
                                 renderer,
                                 *assets,
                                 metrics,
                                 [&db] {
                                     try {
                                         auto s = db->session();
                                         int one = 0;
                                         s << "SELECT 1", soci::into(one);
                                         return one == 1;
                                     } catch (const std::exception& e) {
                                         spdlog::error("event=health_check_failed error=\"{}\"", store::describe(e));
                                         db->heal();
                                         return false;
                                     }
                                 },
                                 [&db] { return store::export_registry_csv(*db); },
                                 cache,
                                 published,
                                 stories,
                                 suggestions,
                                 page_parts,
                                 limiter,
                                 slow,
                                 staff_keys,
                                 readings,
                                 pending,
                                 args.access_log});
    std::optional<BackgroundServer> metrics_listener;
    if (metrics_address) {
        std::unique_ptr<web::Server> listener;
        try {
            listener = metrics_server(*metrics_address, metrics);
        } catch (const std::exception& e) {
            return report_error("cannot listen on " + args.metrics_bind + ": " + e.what());
        }
        std::cout << "metrics on http://" << args.metrics_bind.substr(0, args.metrics_bind.rfind(':')) << ":"
                  << listener->port() << "/metrics" << std::endl;
        metrics_listener.emplace(std::move(listener));
    }

    web::ServerConfig config;
    config.bind = args.bind;
    config.port = args.port;
    config.threads = args.threads;
    config.max_connections = args.max_connections;
    config.trusted_proxy = args.trusted_proxy;
    config.request_deadline = std::chrono::milliseconds(args.request_deadline_ms);
    // The real day, whatever month --now acts in: the key must still change daily.
    config.client_key = [&client_keys](std::string_view address) {
        const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
        return client_keys.key_for(address, day.time_since_epoch().count());
    };
    config.may_upload = [&app](std::string_view target, std::string_view cookie) {
        return app.may_upload(target, cookie);
    };
    config.untraced = [&app](std::string_view method, std::string_view path, std::string_view cookie) {
        return app.untraced(method, path, cookie);
    };
    std::unique_ptr<web::Server> server;
    try {
        server = std::make_unique<web::Server>(
            config, [&app](web::Request r, web::Responder respond) { app.handle(r, std::move(respond)); },
            [&app](int status, bool traced) { return app.refusal(status, traced); });
    } catch (const std::exception& e) {
        return report_error("cannot listen on " + args.bind + ":" + std::to_string(args.port) + ": " + e.what());
    }
    // What is still queued refers to the app and answers through the server: however this function
    // is left, finish it while both are alive, in this order. No new report is taken, so uploads
    // still queued on the slow-work pool are not read; reports are kept through the writer, whose
    // answers come back through the slow-work pool (which, once stopped, runs them in place); the
    // writer goes last. Each step is idempotent.
    struct StopInOrder {
        web::SlowPool& slow;
        web::PendingReports& pending;
        store::Writer& writer;
        void now() {
            pending.close();
            slow.stop();
            pending.stop();
            writer.stop();
        }
        ~StopInOrder() { now(); }
    } stop_in_order{slow, pending, writer};
    std::cout << "listening on http://" << args.bind << ":" << server->port() << std::endl;
    spdlog::info("event=started db={} threads={} assets={}", db->url().display, args.threads, assets->size());
    server->run();
    // The report being made is finished and kept; those still waiting are not made
    // (web/research/pending.hpp), so that stopping takes one report's time at most.
    stop_in_order.now();
    spdlog::info("event=stopped");
    return ok;
}

}  // namespace

void add_serve(CLI::App& app, int& exit_code) {
    static ServeArgs args;
    auto* cmd = app.add_subcommand("serve", "Serve the web site and JSON API");
    cmd->add_option("--db", args.db_url, "Database: a SQLite file path or postgresql://...")->required();
    cmd->add_option("--bind", args.bind, "Address to listen on")->capture_default_str();
    cmd->add_option("--port", args.port, "Port to listen on (0: any free port)")->capture_default_str();
    cmd->add_option("--secrets", args.secrets,
                    "The deployment secrets file (`providerwatch secrets init FILE`), the same for every server. "
                    "With SQLite it may be left out: <db>.secrets is used, made on first start");
    cmd->add_option("--staff-key", args.staff_key,
                    "The moderators' key file for staff reports (`providerwatch staff-key init FILE`); without "
                    "it the staff-report area is closed and the rest of the site runs");
    cmd->add_option("--staff-key-passphrase-file", args.staff_key_passphrase,
                    "A file holding the key file's passphrase; else PROVIDERWATCH_STAFF_KEY_PASSPHRASE");
    cmd->add_option("--trusted-proxy", args.trusted_proxy,
                    "The address of a reverse proxy in front (e.g. 127.0.0.1): for its connections the client "
                    "is the last address in X-Forwarded-For. Used for rate limits only, never stored or logged");
    cmd->add_option("--limit-writes", args.limit_writes,
                    "Ratings, stories and sanction referrals (a preview counts) one client may send an hour; 0: no "
                    "limit")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000));
    cmd->add_option("--limit-lookups", args.limit_lookups,
                    "Codename checks (coming back to a rating, story or case) one client may make an hour (actions "
                    "on a case already opened: six times as many); 0: no limit")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000));
    cmd->add_option("--limit-sign-ins", args.limit_sign_ins,
                    "Sign-in attempts (each checks a password) one client may make an hour, whatever the username; "
                    "0: no limit")
        ->capture_default_str()
        ->check(CLI::Range(0, 1'000'000));
    cmd->add_option("--metrics-bind", args.metrics_bind,
                    "Also serve /metrics without an account on this loopback HOST:PORT (e.g. 127.0.0.1:9100); "
                    "on the main address it is for signed-in admins only");
    cmd->add_option("--threads", args.threads, "Worker threads, one event loop each")
        ->capture_default_str()
        ->check(CLI::Range(1u, 256u));
    cmd->add_option("--slow-threads", args.slow_threads,
                    "Threads for slow work (hashing codenames and passwords), apart from those serving connections")
        ->capture_default_str()
        ->check(CLI::Range(1u, 64u));
    cmd->add_option("--slow-queue", args.slow_queue,
                    "Slow requests that may wait for those threads; beyond it a request gets 503 at once")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    cmd->add_option("--request-deadline-ms", args.request_deadline_ms,
                    "A request not answered by then gets a 503 page, whatever it was waiting for")
        ->capture_default_str()
        ->check(CLI::Range(100, 600'000));
    cmd->add_option("--public", args.public_dir, "Directory of static files (default: public/ beside the binary)");
    cmd->add_option("--max-connections", args.max_connections, "Open connections above this are refused")
        ->capture_default_str();
    cmd->add_option("--cache-ms", args.cache_ms,
                    "How long public pages are kept in memory; changes made by other processes (imports) "
                    "show within this time. 0 turns the cache off")
        ->capture_default_str()
        ->check(CLI::Range(0, 600'000));
    cmd->add_option("--write-batch", args.write_batch,
                    "Most changes written in one transaction (group commit); 1 writes each on its own")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    cmd->add_option("--reload-ms", args.reload_ms,
                    "How often to look for a newer published snapshot (and, with the monthly schedule, publish)")
        ->capture_default_str()
        ->check(CLI::Range(50, 3'600'000));
    cmd->add_option("--publish", args.publish_schedule,
                    "monthly: publish each month once it has ended; off: only `providerwatch publish` does")
        ->capture_default_str()
        ->check(CLI::IsMember({"monthly", "off"}));
    cmd->add_option("--now", args.now, "Act as if this month (YYYY-MM) were now: for demonstrations and tests");
    cmd->add_option("--log-level", args.log_level, "trace, debug, info, warn, error")
        ->capture_default_str()
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
    cmd->add_flag("!--no-access-log", args.access_log, "Do not log one line per request");
    cmd->footer("Stops on SIGTERM or SIGINT: stops accepting, finishes requests in flight, then exits 0.");
    cmd->callback([&exit_code] { exit_code = serve(args); });
}

}  // namespace pw::cli
