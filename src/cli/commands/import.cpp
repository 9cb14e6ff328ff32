#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "core/csv/csv.hpp"
#include "core/sanctions/published.hpp"
#include "store/registry/import.hpp"
#include "store/sanctions_published.hpp"

namespace pw::cli {

namespace {

struct ImportArgs {
    std::string kind;
    std::string file;
    std::string db_url;
    bool skip_bad = false;
};

int print_outcome(const ImportArgs& args, const store::ImportResult& result) {
    if (!result) {
        for (const auto& e : result.error()) std::cerr << args.file << ":" << e.line << ": " << e.reason << "\n";
        std::cerr << "providerwatch: error: nothing imported: " << result.error().size() << " bad row"
                  << (result.error().size() == 1 ? "" : "s")
                  << (args.skip_bad ? "" : " (fix them, or use --skip-bad to import only the good rows)") << "\n";
        return bad_data;
    }
    for (const auto& e : result->skipped) std::cerr << args.file << ":" << e.line << ": skipped: " << e.reason << "\n";
    std::cout << "imported " << args.kind << " from " << args.file << ": " << result->rows << " rows, "
              << result->created << " added, " << result->already_present << " already present, "
              << result->skipped.size() << " skipped\n";
    return ok;
}

int run_import(const ImportArgs& args) {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return report_error("cannot read " + args.file);
    std::ostringstream text;
    text << in.rdbuf();
    auto rows = csv::parse(text.str());
    if (!rows) return report_error(args.file + ": " + rows.error().message + "; nothing imported", bad_data);

    auto db = open_current_database(args.db_url);
    if (!db) return store::parse_database_url(args.db_url) ? failure : usage;
    const store::ImportOptions options{args.skip_bad, current_month()};
    const auto& kind = args.kind;
    if (kind == "registry")
        return print_outcome(args, store::import_registry(*db, registry::check_registry(*rows), options));
    if (kind == "providers") {
        return print_outcome(args, store::import_subcontracts(*db, registry::check_providers(*rows), options));
    }
    if (kind == "offices")
        return print_outcome(args, store::import_offices(*db, registry::check_offices(*rows), options));
    if (kind == "figures") {
        return print_outcome(args,
                             store::import_published_figures(*db, sanctions::check_published_figures(*rows), options));
    }
    if (kind == "provider-sanctions") {
        return print_outcome(
            args, store::import_provider_sanctions(*db, sanctions::check_provider_sanctions(*rows), options));
    }
    if (kind == "procedures")
        return print_outcome(args, store::import_procedures(*db, registry::check_procedures(*rows), options));
    return print_outcome(args, store::import_standards(*db, registry::check_standards(*rows), options));
}

}  // namespace

void add_import(CLI::App& app, int& exit_code) {
    static ImportArgs args;
    auto* cmd = app.add_subcommand("import", "Import a CSV file into the registry (formats: docs/csv-formats.md)");
    cmd->add_option("kind", args.kind,
                    "registry (areas, primes, contracts) | providers (sub-contractors) | offices | standards | "
                    "procedures (complaints procedures) | "
                    "figures (published national figures) | provider-sanctions (published figures by provider)")
        ->required()
        ->check(CLI::IsMember(
            {"registry", "providers", "offices", "standards", "procedures", "figures", "provider-sanctions"}));
    cmd->add_option("file", args.file, "The CSV file (UTF-8, with a header line)")->required();
    cmd->add_option("--db", args.db_url, "Database: a SQLite file path or postgresql://...")->required();
    cmd->add_flag("--skip-bad", args.skip_bad,
                  "Import the good rows and report the bad ones, instead of refusing the file");
    cmd->footer(
        "The whole file is checked first: if any row is bad, every bad row is listed with its line number and "
        "nothing is imported. Importing the same file again changes nothing.\n"
        "Exit codes: 0 imported, 1 database or file error, 2 usage, 3 bad data (nothing imported).");
    cmd->callback([&exit_code] { exit_code = run_import(args); });
}

}  // namespace pw::cli
