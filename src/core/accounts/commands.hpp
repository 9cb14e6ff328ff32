#pragma once
// The admin's commands on accounts, one per action, and the one a new account holder takes to
// choose their password. An admin never sees or sends a password: a new account gets a one-time
// set-up link, valid for kSetUpDays, of which only a digest is kept.
#include <cstdint>
#include <optional>
#include <string>

#include "core/accounts/account.hpp"
#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"

namespace pw::accounts {

inline constexpr long kSetUpDays = 7;

struct NewAccount {
    std::string username;
    Role role = Role::moderator;
    std::optional<std::int64_t> provider_id;  // a representative's, required for them only
    Month month = *Month::from(2000, 1);
};

struct AccountFacts {
    Role role = Role::moderator;
    bool disabled = false;
};

struct SetUpLink {
    std::int64_t account_id = 0;
    long expires_day = 0;  // days since 1970: the last day it works
    bool used = false;
};

class AccountRepository {
public:
    virtual ~AccountRepository() = default;
    virtual bool username_taken(const std::string& username) = 0;
    virtual bool provider_exists(std::int64_t provider_id) = 0;
    virtual std::int64_t insert_account(const NewAccount& account) = 0;  // with no password yet
    virtual void insert_set_up_link(std::int64_t account_id, const std::string& token_digest, long expires_day) = 0;
    virtual std::optional<AccountFacts> account(std::int64_t account_id) = 0;
    virtual bool disable(std::int64_t account_id) = 0;  // false when it already was
    virtual std::optional<SetUpLink> set_up_link(const std::string& token_digest) = 0;
    // Sets the password and spends the link, only if it is still unused; false otherwise.
    virtual bool use_set_up_link(const std::string& token_digest, std::int64_t account_id,
                                 const std::string& password_hash) = 0;
    virtual void append(const events::Event& event) = 0;
};

// An admin creates an account; the link's token (random, shown once) is kept as its digest.
struct CreateAccount {
    NewAccount account;
    std::string token_digest;
    long today = 0;
};
Result<std::int64_t> create_account(const CreateAccount& command, AccountRepository& accounts);

// An admin disables an account: its sessions stop working at once. Not their own.
struct DisableAccount {
    std::int64_t account_id = 0;
    std::int64_t admin_id = 0;
    Month month = *Month::from(2000, 1);
};
Result<void> disable_account(const DisableAccount& command, AccountRepository& accounts);

// The account a set-up link would set up: not_found when the link is unknown, used, past its
// last day, or its account disabled. Asked before a password is hashed, so that a made-up link
// costs no hash.
Result<std::int64_t> live_set_up_link(const std::string& token_digest, long today, AccountRepository& accounts);

// The holder of a set-up link chooses their password (hashed before the command runs).
struct SetUpAccount {
    std::string token_digest;
    std::string password_hash;
    long today = 0;
    Month month = *Month::from(2000, 1);
};
Result<std::int64_t> set_up_account(const SetUpAccount& command, AccountRepository& accounts);

}  // namespace pw::accounts
