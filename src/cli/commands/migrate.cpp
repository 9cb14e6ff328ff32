#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "store/migrations.hpp"

namespace pw::cli {

void add_migrate(CLI::App& app, int& exit_code) {
    auto* cmd = app.add_subcommand("migrate", "Create or update the database schema (safe to run again)");
    static std::string db_url;
    cmd->add_option("--db", db_url, "Database: a SQLite file path or postgresql://user:pass@host:port/db")->required();
    cmd->callback([&exit_code] {
        auto db = open_database(db_url);
        if (!db) {
            exit_code = store::parse_database_url(db_url) ? failure : usage;
            return;
        }
        auto applied = store::migrate(*db);
        if (!applied) {
            exit_code = report_error(applied.error().message);
            return;
        }
        if (applied->empty()) {
            std::cout << "database " << db->url().display << " is up to date (" << store::known_migrations().size()
                      << " migrations)\n";
        }
        for (const auto& name : *applied) std::cout << "applied " << name << "\n";
    });
}

}  // namespace pw::cli
