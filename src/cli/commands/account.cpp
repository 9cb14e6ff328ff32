#include <iostream>

#include "cli/commands/commands.hpp"
#include "cli/commands/common.hpp"
#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"
#include "store/accounts/accounts.hpp"

namespace pw::cli {

namespace {

struct AccountArgs {
    std::string db_url;
    std::string username;
    std::string role;
    long long provider_id = 0;
    bool password_stdin = false;
};

int create(const AccountArgs& args) {
    crypto::initialise();
    auto username = accounts::check_username(args.username);
    if (!username) return report_error(username.error().message, usage);
    const auto role = accounts::role_from(args.role);
    if (!role) return report_error("--role must be moderator, provider, admin, researcher or evaluator", usage);
    if ((*role == accounts::Role::provider) != (args.provider_id > 0)) {
        return report_error("--provider ID is needed for a provider account, and only for one", usage);
    }
    std::string password;
    bool generated = false;
    if (args.password_stdin) {
        std::getline(std::cin, password);
    } else {
        password = crypto::new_codename() + " " + crypto::new_codename();  // eight words: 88 bits
        generated = true;
    }
    if (auto ok = accounts::check_password(password); !ok) return report_error(ok.error().message, bad_data);
    auto db = open_current_database(args.db_url);
    if (!db) return store::parse_database_url(args.db_url) ? failure : usage;
    accounts::Account account{0, *username, *role,
                              args.provider_id > 0 ? std::optional<std::int64_t>(args.provider_id) : std::nullopt};
    auto id = store::create_account(*db, account, crypto::hash_secret(password), current_month());
    if (!id) return report_error(id.error().message, bad_data);
    std::cout << "created " << args.role << " account '" << *username << "' (id " << *id << ")\n";
    if (generated) std::cout << "password (shown once): " << password << "\n";
    return ok;
}

}  // namespace

void add_account(CLI::App& app, int& exit_code) {
    static AccountArgs args;
    auto* account = app.add_subcommand("account", "Manage accounts of moderators, provider representatives and admins");
    account->require_subcommand(1);
    auto* cmd = account->add_subcommand("create", "Create an account; prints a generated password once");
    cmd->add_option("--db", args.db_url, "Database: a SQLite file path or postgresql://...")->required();
    cmd->add_option("--username", args.username, "3-40 letters, numbers, dots, hyphens, underscores")->required();
    cmd->add_option("--role", args.role, "moderator | provider | admin | researcher | evaluator")->required();
    cmd->add_option("--provider", args.provider_id,
                    "For a provider representative: the provider's id (see /api/v1/search)");
    cmd->add_flag("--password-stdin", args.password_stdin, "Read the password (12+ characters) from standard input");
    cmd->callback([&exit_code] { exit_code = create(args); });
}

}  // namespace pw::cli
