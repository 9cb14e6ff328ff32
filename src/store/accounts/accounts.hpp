#pragma once
// Accounts of moderators, provider representatives and admins.
#include <optional>
#include <string>
#include <vector>

#include "core/accounts/account.hpp"
#include "core/accounts/commands.hpp"
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

// The account commands' repository (core/accounts/commands.hpp), inside the writer's transaction.
class SociAccountRepository final : public accounts::AccountRepository {
public:
    explicit SociAccountRepository(soci::session& s) : s_(s) {}
    bool username_taken(const std::string& username) override;
    bool provider_exists(std::int64_t provider_id) override;
    std::int64_t insert_account(const accounts::NewAccount& account) override;
    void insert_set_up_link(std::int64_t account_id, const std::string& token_digest, long expires_day) override;
    std::optional<accounts::AccountFacts> account(std::int64_t account_id) override;
    bool disable(std::int64_t account_id) override;
    std::optional<accounts::SetUpLink> set_up_link(const std::string& token_digest) override;
    bool use_set_up_link(const std::string& token_digest, std::int64_t account_id,
                         const std::string& password_hash) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

// Every account, for the admin's page: username order, with whether each is set up and disabled.
struct AccountListing {
    accounts::Account account;
    std::string provider_name;
    bool set_up = false;
    bool disabled = false;
};
std::vector<AccountListing> all_accounts(Database& db);

// The providers a representative answers for: its own, and if a prime, those of its
// sub-contractors that are no prime themselves and have no representative of their own.
bool represents(Database& db, const accounts::Account& account, std::int64_t provider_id);
std::vector<std::int64_t> represented_providers(Database& db, const accounts::Account& account);

}  // namespace pw::store
