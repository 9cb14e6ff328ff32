#pragma once
// One function per subcommand. Each returns the process exit code (see README: exit codes).
#include <string>

#include <CLI/CLI.hpp>

namespace pw::cli {

enum ExitCode : int { ok = 0, failure = 1, usage = 2, bad_data = 3 };

void add_serve(CLI::App& app, int& exit_code);
void add_migrate(CLI::App& app, int& exit_code);
void add_import(CLI::App& app, int& exit_code);
void add_export(CLI::App& app, int& exit_code);
void add_redact(CLI::App& app, int& exit_code);
void add_account(CLI::App& app, int& exit_code);
void add_backup(CLI::App& app, int& exit_code);  // backup and restore
void add_detect(CLI::App& app, int& exit_code);
void add_simulate(CLI::App& app, int& exit_code);
void add_publish(CLI::App& app, int& exit_code);
void add_generate(CLI::App& app, int& exit_code);
void add_secrets(CLI::App& app, int& exit_code);  // secrets init
void add_staff_key(CLI::App& app, int& exit_code);  // staff-key init

// "providerwatch: error: <message>" on stderr; returns code.
int report_error(const std::string& message, int code = failure);

}  // namespace pw::cli
