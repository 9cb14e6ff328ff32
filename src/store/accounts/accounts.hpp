#pragma once
// Accounts of moderators, provider representatives and admins.
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/account.hpp"
#include "core/common/month.hpp"
#include "store/database.hpp"

namespace pw::store {

struct StoredAccount {
    accounts::Account account;
    std::string password_hash;
    bool disabled = false;
};

// Fails (conflict) when the username is taken or the provider does not exist.
Result<std::int64_t> create_account(Database& db, const accounts::Account& account, const std::string& password_hash,
                                    Month month);
std::optional<StoredAccount> find_account(Database& db, std::string_view username);
std::optional<accounts::Account> find_account_by_id(Database& db, std::int64_t id);

// The providers a representative answers for: its own, and its sub-contractors' if a prime.
bool represents(Database& db, const accounts::Account& account, std::int64_t provider_id);
std::vector<std::int64_t> represented_providers(Database& db, const accounts::Account& account);

}  // namespace pw::store
