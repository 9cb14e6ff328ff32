#include <fstream>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "store/registry/export.hpp"

namespace pw::cli {

void add_export(CLI::App& app, int& exit_code) {
    static std::string kind;
    static std::string db_url;
    static std::string out;
    auto* cmd = app.add_subcommand("export", "Export data as CSV (in the same format import reads)");
    cmd->add_option("what", kind, "registry")->required()->check(CLI::IsMember({"registry"}));
    cmd->add_option("--db", db_url, "Database: a SQLite file path or postgresql://...")->required();
    cmd->add_option("--out", out, "Write to this file instead of standard output");
    cmd->callback([&exit_code] {
        auto db = open_current_database(db_url);
        if (!db) {
            exit_code = store::parse_database_url(db_url) ? failure : usage;
            return;
        }
        const std::string text = store::export_registry_csv(*db);
        if (out.empty()) {
            std::cout << text;
            return;
        }
        std::ofstream file(out, std::ios::binary | std::ios::trunc);
        file << text;
        file.close();
        if (!file) exit_code = report_error("cannot write " + out);
    });
}

}  // namespace pw::cli
