// The account commands against an in-memory repository: no database.
#include "core/accounts/commands.hpp"

#include <gtest/gtest.h>

#include <map>
#include <vector>

using namespace pw;
using namespace pw::accounts;

namespace {
const Month kDecember = *Month::parse("2026-12");

class FakeAccounts final : public AccountRepository {
public:
    struct Row {
        NewAccount account;
        bool disabled = false;
        std::string password_hash;
    };
    std::map<std::int64_t, Row> rows;
    std::map<std::string, SetUpLink> links;
    std::vector<events::Event> events;

    bool username_taken(const std::string& username) override {
        for (const auto& [id, row] : rows) {
            if (row.account.username == username) return true;
        }
        return false;
    }
    bool provider_exists(std::int64_t id) override { return id == 5; }
    std::int64_t insert_account(const NewAccount& account) override {
        const auto id = static_cast<std::int64_t>(rows.size()) + 1;
        rows[id] = Row{account, false, ""};
        return id;
    }
    void insert_set_up_link(std::int64_t id, const std::string& digest, long expires) override {
        links[digest] = SetUpLink{id, expires, false};
    }
    std::optional<AccountFacts> account(std::int64_t id) override {
        auto it = rows.find(id);
        if (it == rows.end()) return std::nullopt;
        return AccountFacts{it->second.account.role, it->second.disabled};
    }
    bool disable(std::int64_t id) override {
        if (rows.at(id).disabled) return false;
        rows.at(id).disabled = true;
        return true;
    }
    std::optional<SetUpLink> set_up_link(const std::string& digest) override {
        auto it = links.find(digest);
        return it == links.end() ? std::nullopt : std::optional(it->second);
    }
    bool use_set_up_link(const std::string& digest, std::int64_t id, const std::string& hash) override {
        auto& link = links.at(digest);
        if (link.used) return false;
        link.used = true;
        rows.at(id).password_hash = hash;
        return true;
    }
    void append(const events::Event& event) override { events.push_back(event); }
};

CreateAccount create(std::string username, Role role, std::optional<std::int64_t> provider = std::nullopt) {
    static int made = 0;
    return CreateAccount{NewAccount{std::move(username), role, provider, kDecember},
                         "digest-" + std::to_string(++made), 20000};
}
}  // namespace

TEST(CreateAccount, MakesTheAccountWithASetUpLinkAndAnEvent) {
    FakeAccounts fake;
    auto command = create("rep.seetec", Role::provider, 5);
    auto id = create_account(command, fake);
    ASSERT_TRUE(id);
    EXPECT_EQ(fake.rows[*id].password_hash, "");
    EXPECT_EQ(fake.links.at(command.token_digest).expires_day, 20000 + kSetUpDays);
    ASSERT_EQ(fake.events.size(), 1u);
    EXPECT_EQ(fake.events[0].what, "account.created");
    EXPECT_EQ(fake.events[0].actor, events::ActorRole::admin);
}

TEST(CreateAccount, ARepresentativeNeedsAProviderThatExistsAndNoOneElseHasOne) {
    FakeAccounts fake;
    EXPECT_FALSE(create_account(create("rep1", Role::provider), fake));
    EXPECT_FALSE(create_account(create("rep1", Role::provider, 99), fake));
    EXPECT_FALSE(create_account(create("mod1", Role::moderator, 5), fake));
    EXPECT_FALSE(create_account(create("x", Role::moderator), fake));  // too short a username
    EXPECT_TRUE(create_account(create("mod1", Role::moderator), fake));
    auto again = create_account(create("mod1", Role::admin), fake);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::conflict);
    EXPECT_EQ(fake.rows.size(), 1u);
}

TEST(SetUpAccount, ALinkWorksOnceAndNotAfterItExpires) {
    FakeAccounts fake;
    auto command = create("mod1", Role::moderator);
    auto id = create_account(command, fake);
    ASSERT_TRUE(id);
    auto late = set_up_account({command.token_digest, "hash", 20000 + kSetUpDays + 1, kDecember}, fake);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().kind, ErrorKind::not_found);
    ASSERT_TRUE(set_up_account({command.token_digest, "hash", 20000 + kSetUpDays, kDecember}, fake));
    EXPECT_EQ(fake.rows[*id].password_hash, "hash");
    EXPECT_FALSE(set_up_account({command.token_digest, "other", 20001, kDecember}, fake));
    EXPECT_EQ(fake.rows[*id].password_hash, "hash");
    EXPECT_FALSE(set_up_account({"never-made", "x", 20001, kDecember}, fake));
}

TEST(DisableAccount, StopsAnAccountOnceAndNeverTheAdminsOwn) {
    FakeAccounts fake;
    auto admin = *create_account(create("admin1", Role::admin), fake);
    auto mod = *create_account(create("mod1", Role::moderator), fake);
    EXPECT_FALSE(disable_account({admin, admin, kDecember}, fake));
    ASSERT_TRUE(disable_account({mod, admin, kDecember}, fake));
    EXPECT_TRUE(fake.rows[mod].disabled);
    auto twice = disable_account({mod, admin, kDecember}, fake);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
    EXPECT_EQ(fake.events.back().what, "account.disabled");
    // A disabled account's unused link no longer sets it up.
    auto third = create("mod2", Role::moderator);
    auto id = *create_account(third, fake);
    ASSERT_TRUE(disable_account({id, admin, kDecember}, fake));
    EXPECT_FALSE(set_up_account({third.token_digest, "hash", 20001, kDecember}, fake));
}
