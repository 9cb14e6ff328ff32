#include <fstream>
#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "store/backup.hpp"
#include "store/migrations.hpp"

namespace pw::cli {

void add_backup(CLI::App& app, int& exit_code) {
    static std::string db_url;
    static std::string file;
    auto* backup =
        app.add_subcommand("backup", "Write a consistent backup of every table while the site keeps running");
    backup->add_option("--db", db_url, "Database: a SQLite file path or postgresql://...")->required();
    backup->add_option("--out", file, "The backup file to write (JSON lines)")->required();
    backup->callback([&exit_code] {
        auto db = open_current_database(db_url);
        if (!db) {
            exit_code = store::parse_database_url(db_url) ? failure : usage;
            return;
        }
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        if (!out) {
            exit_code = report_error("cannot write " + file);
            return;
        }
        auto summary = store::backup(*db, out);
        out.close();
        if (!summary || !out) {
            exit_code = report_error(summary ? "cannot write " + file : summary.error().message);
            return;
        }
        std::cout << "backed up " << summary->rows << " rows of " << summary->tables << " tables to " << file << "\n";
    });

    static std::string restore_url;
    static std::string in_file;
    auto* restore = app.add_subcommand("restore", "Restore a backup into an empty database (migrating it first)");
    restore->add_option("--db", restore_url, "An empty database: a SQLite file path or postgresql://...")->required();
    restore->add_option("--in", in_file, "The backup file")->required();
    restore->callback([&exit_code] {
        std::ifstream in(in_file, std::ios::binary);
        if (!in) {
            exit_code = report_error("cannot read " + in_file);
            return;
        }
        auto db = open_database(restore_url);
        if (!db) {
            exit_code = store::parse_database_url(restore_url) ? failure : usage;
            return;
        }
        if (auto migrated = store::migrate(*db); !migrated) {
            exit_code = report_error(migrated.error().message);
            return;
        }
        auto summary = store::restore(*db, in);
        if (!summary) {
            exit_code = report_error(summary.error().message + "; nothing restored", bad_data);
            return;
        }
        std::cout << "restored " << summary->rows << " rows of " << summary->tables << " tables from " << in_file
                  << "\n";
    });
}

}  // namespace pw::cli
