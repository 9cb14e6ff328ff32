// Which providers a representative answers for (their complaints, suggestions, stories and
// recovery reports): its own, and a prime's sub-contractors, but never a rival prime listed as
// its sub-contractor somewhere, nor a sub-contractor with representatives of its own. On both
// engines.
#include "store/accounts/accounts.hpp"
#include "store/store_test.hpp"

using namespace pw;
using pw::testing::StoreTest;

class Representation : public StoreTest {
protected:
    long long insert(const std::string& sql) {
        auto s = db_->session();
        long long id = 0;
        s << sql + " RETURNING id", soci::into(id);
        return id;
    }
    long long provider(const std::string& name) {
        return insert("INSERT INTO providers (name, name_key, source) VALUES ('" + name + "', '" + name + "', 'test')");
    }
    long long contract(long long area, long long prime) {
        return insert("INSERT INTO contracts (area_id, prime_id, source) VALUES (" + std::to_string(area) + ", " +
                      std::to_string(prime) + ", 'test')");
    }
    void subcontract(long long contract, long long provider) {
        insert("INSERT INTO subcontracts (contract_id, provider_id, source) VALUES (" + std::to_string(contract) +
               ", " + std::to_string(provider) + ", 'test')");
    }
    // A representative who has set up their account, or (set_up false) one whose link is unused.
    accounts::Account representative(const std::string& username, long long provider_id, bool set_up = true) {
        accounts::Account account{0, username, accounts::Role::provider, provider_id};
        auto made = store::create_account(*db_, account, set_up ? "$argon2id$x" : "", month());
        EXPECT_TRUE(made) << made.error().message;
        account.id = made ? *made : 0;
        return account;
    }
    std::vector<std::int64_t> answered_for(const accounts::Account& account) {
        auto ids = store::represented_providers(*db_, account);
        std::ranges::sort(ids);
        return ids;
    }
};

TEST_P(Representation, APrimeAnswersForItsSubContractorsButNotForARivalPrimeListedAsOne) {
    const auto programme = insert("INSERT INTO programmes (name, slug) VALUES ('Restart Scheme', 'restart')");
    const auto north = insert("INSERT INTO areas (programme_id, number, code, name, source) VALUES (" +
                              std::to_string(programme) + ", 1, '1', 'North', 'test')");
    const auto south = insert("INSERT INTO areas (programme_id, number, code, name, source) VALUES (" +
                              std::to_string(programme) + ", 2, '2', 'South', 'test')");
    const auto a4e = provider("a4e"), reed = provider("reed"), charity = provider("charity");
    const auto a4e_north = contract(north, a4e);
    contract(south, reed);  // Reed is a prime in its own right
    subcontract(a4e_north, charity);
    subcontract(a4e_north, reed);  // and, as supply chains go, A4e's sub-contractor in the North
    const auto a4e_rep = representative("a4e-rep", a4e);

    EXPECT_EQ(answered_for(a4e_rep), (std::vector<std::int64_t>{a4e, charity}));
    EXPECT_TRUE(store::represents(*db_, a4e_rep, charity));
    EXPECT_FALSE(store::represents(*db_, a4e_rep, reed)) << "a rival prime's complaints went to A4e";
    const auto reed_rep = representative("reed-rep", reed);
    EXPECT_EQ(answered_for(reed_rep), (std::vector<std::int64_t>{reed}));

    // An account made for the charity but never set up answers for nobody: the prime still does.
    representative("charity-later", charity, false);
    EXPECT_EQ(answered_for(a4e_rep), (std::vector<std::int64_t>{a4e, charity}));
    // Once the charity has a representative of its own, it answers for itself.
    const auto charity_rep = representative("charity-rep", charity);
    EXPECT_EQ(answered_for(a4e_rep), (std::vector<std::int64_t>{a4e}));
    EXPECT_FALSE(store::represents(*db_, a4e_rep, charity));
    EXPECT_TRUE(store::represents(*db_, charity_rep, charity));
    // A disabled one does not: the prime answers again.
    {
        auto s = db_->session();
        s << "UPDATE accounts SET disabled = 1 WHERE id = :id", soci::use(static_cast<long long>(charity_rep.id));
    }
    EXPECT_TRUE(store::represents(*db_, a4e_rep, charity));
    // Nobody but a provider's representative answers for any provider.
    EXPECT_FALSE(store::represents(*db_, accounts::Account{0, "mod", accounts::Role::moderator, std::nullopt}, a4e));
}
PW_ENGINE_SUITE(Representation);
