#include "core/accounts/commands.hpp"

namespace pw::accounts {

namespace {
constexpr const char* kDeadLink =
    "This set-up link does not work: it has been used, has expired, or was never made. Ask your admin for a new one.";
}  // namespace

Result<std::int64_t> create_account(const CreateAccount& command, AccountRepository& accounts) {
    const auto& a = command.account;
    auto username = check_username(a.username);
    if (!username) return std::unexpected(username.error());
    if ((a.role == Role::provider) != a.provider_id.has_value()) {
        return fail(ErrorKind::invalid_input, a.role == Role::provider
                                                  ? "Choose the provider this representative answers for"
                                                  : "Only a provider representative is bound to a provider");
    }
    if (a.provider_id && !accounts.provider_exists(*a.provider_id)) {
        return fail(ErrorKind::invalid_input, "Choose the provider this representative answers for");
    }
    if (accounts.username_taken(*username)) return fail(ErrorKind::conflict, "That username is taken");
    NewAccount kept = a;
    kept.username = *username;
    const auto id = accounts.insert_account(kept);
    accounts.insert_set_up_link(id, command.token_digest, command.today + kSetUpDays);
    accounts.append(events::Event{"account.created", "account", id, std::nullopt, std::string(role_name(a.role)),
                                  events::ActorRole::admin, a.month});
    return id;
}

Result<void> disable_account(const DisableAccount& command, AccountRepository& accounts) {
    if (command.account_id == command.admin_id) {
        return fail(ErrorKind::invalid_input, "You cannot disable your own account: ask another admin");
    }
    const auto facts = accounts.account(command.account_id);
    if (!facts) return fail(ErrorKind::not_found, "There is no such account.");
    if (facts->disabled || !accounts.disable(command.account_id)) {
        return fail(ErrorKind::conflict, "That account is disabled already.");
    }
    accounts.append(events::Event{"account.disabled", "account", command.account_id, "active", "disabled",
                                  events::ActorRole::admin, command.month});
    return {};
}

Result<std::int64_t> live_set_up_link(const std::string& token_digest, long today, AccountRepository& accounts) {
    const auto link = accounts.set_up_link(token_digest);
    if (!link || link->used || today > link->expires_day) return fail(ErrorKind::not_found, kDeadLink);
    const auto facts = accounts.account(link->account_id);
    if (!facts || facts->disabled) return fail(ErrorKind::not_found, kDeadLink);
    return link->account_id;
}

Result<std::int64_t> set_up_account(const SetUpAccount& command, AccountRepository& accounts) {
    const auto account_id = live_set_up_link(command.token_digest, command.today, accounts);
    if (!account_id) return account_id;
    if (!accounts.use_set_up_link(command.token_digest, *account_id, command.password_hash)) {
        return fail(ErrorKind::not_found, kDeadLink, "set-up link used by another request");
    }
    accounts.append(events::Event{"account.set_up", "account", *account_id, std::nullopt, std::nullopt,
                                  events::ActorRole::system, command.month});
    return *account_id;
}

}  // namespace pw::accounts
