// providerwatch publish: turns private rows into the next published snapshot (docs/disclosure.md).
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"
#include "store/publication/publication.hpp"

namespace pw::cli {

namespace {
struct PublishArgs {
    std::string db_url;
    std::string now;
};

int run_publish(const PublishArgs& args) {
    crypto::initialise();
    Month now = current_month();
    if (!args.now.empty()) {
        auto parsed = Month::parse(args.now);
        if (!parsed) return report_error("--now must be a month like 2026-11", usage);
        now = *parsed;
    }
    auto db = open_current_database(args.db_url);
    if (!db) return store::parse_database_url(args.db_url) ? failure : usage;
    try {
        auto outcome = store::publish(*db, now, [] { return crypto::random_bits(); });
        if (!outcome) return report_error(outcome.error().message);
        if (!outcome->published) {
            std::cout << "already published: the snapshot for " << outcome->period.label()
                      << " exists; nothing changed\n";
            return ok;
        }
        std::cout << "published snapshot " << outcome->snapshot_id << " for " << outcome->period.label() << " ("
                  << outcome->months_drawn << " new month(s) of cells drawn";
        if (outcome->unplaced) std::cout << ", " << outcome->unplaced << " ratings of units no longer listed left out";
        std::cout << ", " << outcome->deleted << " ratings past retention deleted";
        if (outcome->held)
            std::cout << ", " << outcome->held << " provider month(s) held for review by the flood check";
        std::cout << ")\n";
        return ok;
    } catch (const std::exception& e) {
        return report_error("publication failed, the previous snapshot stays: " + store::describe(e));
    }
}
}  // namespace

void add_publish(CLI::App& app, int& exit_code) {
    static PublishArgs args;
    auto* cmd = app.add_subcommand(
        "publish", "Publish every complete month not yet published, then the snapshot that public pages show");
    cmd->add_option("--db", args.db_url, "Database: a SQLite file path or postgresql://...")->required();
    cmd->add_option("--now", args.now, "Act as if this month (YYYY-MM) were now: for demonstrations and tests");
    cmd->footer("Only complete months are published, each once: running it again in the same month changes nothing.");
    cmd->callback([&exit_code] { exit_code = run_publish(args); });
}

}  // namespace pw::cli
