#include "store/accounts/accounts.hpp"

#include <algorithm>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace accounts;

namespace {
std::optional<StoredAccount> read_account(soci::rowset<soci::row>& rows) {
    for (const auto& row : rows) {
        StoredAccount stored;
        stored.account.id = get_int(row, 0);
        stored.account.username = get_text(row, 1);
        stored.account.role = known(role_from(get_text(row, 2)), "role");
        if (row.get_indicator(3) != soci::i_null) stored.account.provider_id = get_int(row, 3);
        stored.password_hash = get_text(row, 4);
        stored.disabled = get_int(row, 5) != 0;
        return stored;
    }
    return std::nullopt;
}
constexpr const char* kAccountColumns =
    "SELECT id, username, role, provider_id, password_hash, disabled FROM accounts ";
}  // namespace

Result<std::int64_t> create_account(Database& db, const Account& account, const std::string& password_hash,
                                    Month month) {
    auto s = db.session();
    soci::transaction tx(s);
    int taken = 0;
    s << "SELECT COUNT(*) FROM accounts WHERE username = :u", soci::into(taken), soci::use(account.username);
    if (taken) return fail(ErrorKind::conflict, "username '" + account.username + "' is already taken");
    if (account.provider_id) {
        int exists = 0;
        const long long provider = *account.provider_id;
        s << "SELECT COUNT(*) FROM providers WHERE id = :p", soci::into(exists), soci::use(provider);
        if (!exists) return fail(ErrorKind::not_found, "no provider with id " + std::to_string(provider));
    }
    const std::string role(role_name(account.role));
    const std::string created = month.to_string();
    const boost::optional<long long> provider =
        account.provider_id ? boost::optional<long long>(*account.provider_id) : boost::none;
    long long id = 0;
    s << "INSERT INTO accounts (username, password_hash, role, provider_id, created_month) "
         "VALUES (:u, :h, :r, :p, :m) RETURNING id",
        soci::use(account.username), soci::use(password_hash), soci::use(role), soci::use(provider), soci::use(created),
        soci::into(id);
    append_event(s,
                 events::Event{"account.created", "account", id, std::nullopt, role, events::ActorRole::admin, month});
    tx.commit();
    return id;
}

std::optional<StoredAccount> find_account(Database& db, std::string_view username) {
    auto s = db.session();
    const std::string name(username);
    soci::rowset<soci::row> rows = (s.prepare << std::string(kAccountColumns) + "WHERE username = :u", soci::use(name));
    return read_account(rows);
}

std::optional<Account> find_account_by_id(Database& db, std::int64_t id) {
    auto s = db.session();
    const long long key = id;
    soci::rowset<soci::row> rows = (s.prepare << std::string(kAccountColumns) + "WHERE id = :id", soci::use(key));
    auto stored = read_account(rows);
    if (!stored || stored->disabled) return std::nullopt;
    return stored->account;
}

bool SociAccountRepository::username_taken(const std::string& username) {
    int taken = 0;
    s_ << "SELECT COUNT(*) FROM accounts WHERE username = :u", soci::into(taken), soci::use(username);
    return taken > 0;
}

bool SociAccountRepository::provider_exists(std::int64_t provider_id) {
    int exists = 0;
    const long long id = provider_id;
    s_ << "SELECT COUNT(*) FROM providers WHERE id = :p", soci::into(exists), soci::use(id);
    return exists > 0;
}

std::int64_t SociAccountRepository::insert_account(const NewAccount& account) {
    const std::string role(role_name(account.role));
    const std::string created = account.month.to_string();
    const boost::optional<long long> provider =
        account.provider_id ? boost::optional<long long>(*account.provider_id) : boost::none;
    long long id = 0;
    s_ << "INSERT INTO accounts (username, password_hash, role, provider_id, created_month) "
          "VALUES (:u, '', :r, :p, :m) RETURNING id",
        soci::use(account.username), soci::use(role), soci::use(provider), soci::use(created), soci::into(id);
    return id;
}

void SociAccountRepository::insert_set_up_link(std::int64_t account_id, const std::string& token_digest,
                                               long expires_day) {
    const long long id = account_id;
    const long long expires = expires_day;
    s_ << "INSERT INTO account_set_up_links (account_id, token_digest, expires_day) VALUES (:a, :t, :e)",
        soci::use(id), soci::use(token_digest), soci::use(expires);
}

std::optional<AccountFacts> SociAccountRepository::account(std::int64_t account_id) {
    const long long id = account_id;
    std::string role;
    int disabled = 0;
    s_ << "SELECT role, disabled FROM accounts WHERE id = :id", soci::into(role), soci::into(disabled), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return AccountFacts{known(role_from(role), "role"), disabled != 0};
}

bool SociAccountRepository::disable(std::int64_t account_id) {
    const long long id = account_id;
    soci::statement update =
        (s_.prepare << "UPDATE accounts SET disabled = 1 WHERE id = :id AND disabled = 0", soci::use(id));
    if (!changed_one_row(update)) return false;
    s_ << "DELETE FROM sessions WHERE account_id = :id", soci::use(id);  // signed out everywhere at once
    return true;
}

std::optional<SetUpLink> SociAccountRepository::set_up_link(const std::string& token_digest) {
    long long account = 0;
    long long expires = 0;
    int used = 0;
    s_ << "SELECT account_id, expires_day, used FROM account_set_up_links WHERE token_digest = :t", soci::into(account),
        soci::into(expires), soci::into(used), soci::use(token_digest);
    if (!s_.got_data()) return std::nullopt;
    return SetUpLink{account, static_cast<long>(expires), used != 0};
}

bool SociAccountRepository::use_set_up_link(const std::string& token_digest, std::int64_t account_id,
                                            const std::string& password_hash) {
    soci::statement spend = (s_.prepare << "UPDATE account_set_up_links SET used = 1 WHERE token_digest = :t AND "
                                           "used = 0",
                             soci::use(token_digest));
    if (!changed_one_row(spend)) return false;
    const long long id = account_id;
    s_ << "UPDATE accounts SET password_hash = :h WHERE id = :id", soci::use(password_hash), soci::use(id);
    return true;
}

void SociAccountRepository::append(const events::Event& event) {
    append_event(s_, event);
}

std::vector<AccountListing> all_accounts(Database& db) {
    auto s = db.session();
    std::vector<AccountListing> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT a.id, a.username, a.role, a.provider_id, a.password_hash, a.disabled, p.name FROM "
                      "accounts a LEFT JOIN providers p ON p.id = a.provider_id ORDER BY a.username");
    for (const auto& row : rows) {
        AccountListing listing;
        listing.account.id = get_int(row, 0);
        listing.account.username = get_text(row, 1);
        listing.account.role = known(role_from(get_text(row, 2)), "role");
        if (row.get_indicator(3) != soci::i_null) listing.account.provider_id = get_int(row, 3);
        listing.set_up = !get_text(row, 4).empty();
        listing.disabled = get_int(row, 5) != 0;
        listing.provider_name = get_text(row, 6);
        out.push_back(std::move(listing));
    }
    return out;
}

namespace {

// The sub-contractors a prime answers for: those under any of its contracts that are no prime
// themselves (a prime answers for itself) and have no representative of their own who has set
// up their account (who answers for it then). Without these two, a prime listed as another's
// sub-contractor, as happens in a real supply chain, had its complaints, suggestions, stories
// and recovery reports read and answered by its rival. Binds :prime.
constexpr const char* kAnsweredFor =
    "SELECT DISTINCT sc.provider_id FROM subcontracts sc JOIN contracts c ON c.id = sc.contract_id "
    "WHERE c.prime_id = :prime AND sc.provider_id <> c.prime_id "
    "AND NOT EXISTS (SELECT 1 FROM contracts own WHERE own.prime_id = sc.provider_id) "
    "AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.role = 'provider' AND a.provider_id = sc.provider_id "
    "AND a.disabled = 0 AND a.password_hash <> '')";

}  // namespace

bool represents(Database& db, const Account& account, std::int64_t provider_id) {
    if (account.role != Role::provider || !account.provider_id) return false;
    const auto ids = represented_providers(db, account);
    return std::ranges::find(ids, provider_id) != ids.end();
}

std::vector<std::int64_t> represented_providers(Database& db, const Account& account) {
    std::vector<std::int64_t> ids;
    if (account.role != Role::provider || !account.provider_id) return ids;
    ids.push_back(*account.provider_id);
    auto s = db.session();
    const long long prime = *account.provider_id;
    soci::rowset<soci::row> rows = (s.prepare << kAnsweredFor, soci::use(prime));
    for (const auto& row : rows) ids.push_back(get_int(row, 0));
    return ids;
}

}  // namespace pw::store
