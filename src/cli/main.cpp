// providerwatch: serves the site and runs the command-line jobs.
#include <cstdio>
#include <iostream>

#include <sys/stat.h>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/commands/commands.hpp"
#include "store/database.hpp"

namespace pw::cli {

int report_error(const std::string& message, int code) {
    std::cerr << "providerwatch: error: " << message << "\n";
    return code;
}

}  // namespace pw::cli

int main(int argc, char** argv) {
    using namespace pw::cli;
    // Every file this program makes (the SQLite database and its WAL, backups, exports, reports,
    // key files) is its owner's only: they hold what participants and staff wrote.
    ::umask(077);
    // Log lines carry no timestamp: an exact time beside a route could date a participant's
    // submission (DESIGN.md, privacy rules). Operators who need ordering have the line order.
    auto logger = spdlog::stderr_logger_mt("providerwatch");
    logger->set_pattern("level=%l %v");
    spdlog::set_default_logger(logger);

    CLI::App app{"ProviderWatch: independent, anonymous ratings and evidence for welfare-to-work programmes"};
    app.require_subcommand(1);
    app.set_help_all_flag("--help-all", "Show help for every subcommand");
    int exit_code = ok;
    add_serve(app, exit_code);
    add_migrate(app, exit_code);
    add_import(app, exit_code);
    add_export(app, exit_code);
    add_redact(app, exit_code);
    add_account(app, exit_code);
    add_backup(app, exit_code);
    add_detect(app, exit_code);
    add_simulate(app, exit_code);
    add_publish(app, exit_code);
    add_generate(app, exit_code);
    add_secrets(app, exit_code);
    add_staff_key(app, exit_code);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return usage;
    } catch (const std::exception& e) {
        // Dead infrastructure (a database gone mid-command, a full disk) ends here: one line.
        return report_error(pw::store::describe(e));
    }
    return exit_code;
}
