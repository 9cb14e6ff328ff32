// Suggestions on both engines, through the commands over SociSuggestionRepository: what each move
// keeps, that a lost race changes nothing, what the pages read back, and what publication counts.
#include "store/suggestions/suggestion_repository.hpp"

#include "store/publication/publication.hpp"
#include "store/store_test.hpp"
#include "store/suggestions/suggestions.hpp"

using namespace pw;
using namespace pw::suggestions;
using pw::testing::StoreTest;

class SuggestionRepositoryTest : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        provider_ = add_provider();
        codename_ = add_codename();
        auto s = db_->session();
        s << "INSERT INTO accounts (username, password_hash, role, provider_id, created_month) "
             "VALUES ('rep', 'x', 'provider', :p, '2026-11')",
            soci::use(provider_);
        s << "SELECT MAX(id) FROM accounts", soci::into(account_);
    }

    template <class F>
    auto in_transaction(F f) {
        auto s = db_->session();
        soci::transaction t(s);
        store::SociSuggestionRepository repo(s);
        auto result = f(repo);
        t.commit();
        return result;
    }

    std::int64_t published_suggestion(std::string_view text = "Please put the job board online") {
        return in_transaction([&](auto& repo) {
            auto id = suggest({NewSuggestion{provider_, std::nullopt, codename_, week_, month(),
                                             redaction::redact_text(text)},
                               std::nullopt},
                              repo);
            EXPECT_TRUE(id);
            EXPECT_TRUE(review_suggestion({*id, true, std::nullopt, month(), week_}, repo));
            return *id;
        });
    }

    Result<std::int64_t> answer(std::int64_t id, SuggestionState to, std::optional<std::string_view> note, Week week) {
        return in_transaction([&](auto& repo) {
            return answer_suggestion({id, account_, {provider_}, to,
                                      note ? std::optional(redaction::redact_text(*note)) : std::nullopt, week, month()},
                                     repo);
        });
    }

    long long provider_ = 0;
    long long codename_ = 0;
    long long account_ = 0;
    Week week_ = *Week::parse("2026-W45");
};
PW_ENGINE_SUITE(SuggestionRepositoryTest);

TEST_P(SuggestionRepositoryTest, KeepsTheWeekTheMonthAndTheRedactedTextOnly) {
    const auto id = published_suggestion("Ring Karen on 07700 900123 about it");
    auto row = store::find_suggestion(*db_, id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->body.find("07700"), std::string::npos);
    EXPECT_EQ(row->week, week_);
    EXPECT_EQ(row->month, "2026-11");
    EXPECT_EQ(row->review, Review::published);
    EXPECT_EQ(row->state, SuggestionState::open);
    EXPECT_EQ(row->public_ref.size(), 16u);
    EXPECT_EQ(count("events WHERE object_kind = 'suggestion'"), 2);
}

TEST_P(SuggestionRepositoryTest, EachMoveIsAStepAndTheFirstAnswerWeekIsKept) {
    const auto id = published_suggestion();
    ASSERT_TRUE(answer(id, SuggestionState::under_consideration, std::nullopt, week_.plus(2)));
    ASSERT_TRUE(answer(id, SuggestionState::planned, std::nullopt, week_.plus(5)));
    auto done = answer(id, SuggestionState::implemented, "The board is on the web site now", week_.plus(9));
    ASSERT_TRUE(done);
    auto row = store::find_suggestion(*db_, id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->state, SuggestionState::implemented);
    EXPECT_EQ(row->answered, week_.plus(2));
    ASSERT_EQ(row->steps.size(), 3u);
    EXPECT_EQ(row->steps[0].review, Review::published);  // no note: nothing to read
    EXPECT_EQ(row->steps[2].review, Review::pending);
    EXPECT_EQ(row->steps[2].note, "The board is on the web site now");
    EXPECT_EQ(store::suggestions_with_pending_notes(*db_, 10).size(), 1u);
    ASSERT_TRUE(in_transaction([&](auto& repo) { return review_step({*done, true, month()}, repo); }));
    EXPECT_TRUE(store::suggestions_with_pending_notes(*db_, 10).empty());
}

TEST_P(SuggestionRepositoryTest, AMoveFromAStaleStateChangesNothing) {
    const auto id = published_suggestion();
    ASSERT_TRUE(answer(id, SuggestionState::under_consideration, std::nullopt, week_));
    const bool moved = in_transaction([&](auto& repo) {
        return repo.move_suggestion(id, SuggestionState::open, SuggestionState::declined, week_);
    });
    EXPECT_FALSE(moved);
    EXPECT_EQ(store::find_suggestion(*db_, id)->state, SuggestionState::under_consideration);
}

TEST_P(SuggestionRepositoryTest, ListsWhatEachReaderMaySee) {
    const auto published = published_suggestion();
    const auto pending = in_transaction([&](auto& repo) {
        return *suggest({NewSuggestion{provider_, std::nullopt, codename_, week_, month(),
                                       redaction::redact_text("Longer opening hours")},
                         std::nullopt},
                        repo);
    });
    ASSERT_EQ(store::pending_suggestions(*db_, 10).size(), 1u);
    EXPECT_EQ(store::pending_suggestions(*db_, 10)[0].id, pending);
    ASSERT_EQ(store::published_suggestions(*db_).size(), 1u);
    EXPECT_EQ(store::published_suggestions(*db_)[0].id, published);
    EXPECT_EQ(store::suggestions_to(*db_, {provider_}).size(), 1u);
    EXPECT_TRUE(store::suggestions_to(*db_, {provider_ + 1000}).empty());
    EXPECT_EQ(store::suggestions_of(*db_, codename_).size(), 2u);
}

TEST_P(SuggestionRepositoryTest, PublicationCountsConfirmationsWithNoiseAndAnswersExactly) {
    const auto answered = published_suggestion();
    const auto ignored = published_suggestion("A quiet room");
    ASSERT_TRUE(answer(answered, SuggestionState::under_consideration, std::nullopt, week_.plus(1)));
    ASSERT_TRUE(answer(answered, SuggestionState::planned, std::nullopt, week_.plus(1)));
    ASSERT_TRUE(answer(answered, SuggestionState::implemented, "Done", week_.plus(1)));
    for (int i = 0; i < 30; ++i) {
        ASSERT_TRUE(in_transaction([&](auto& repo) { return confirm_changes({provider_, {answered}, month()}, repo); }));
    }
    // No noise (the bits make every draw zero): the counts themselves come through.
    auto outcome = store::publish(*db_, *Month::parse("2027-01"), [] { return std::uint64_t{0}; });
    ASSERT_TRUE(outcome) << outcome.error().message;
    auto snapshot = store::load_snapshot(*db_);
    ASSERT_TRUE(snapshot);
    const auto noticed = snapshot->changes_noticed(answered);
    EXPECT_EQ(noticed.noisy, 30);
    EXPECT_GT(noticed.sd, 0);
    EXPECT_FALSE(snapshot->suggestion_figures().confirmations.contains(ignored));
    const auto figures = snapshot->suggestion_answers(provider_);
    ASSERT_TRUE(figures);
    // Made in 2026-W45; by the first week of January the unanswered one is past its 4 weeks.
    EXPECT_EQ(*figures, (AnswerFigures{2, 2, 1, 1, 0}));
    EXPECT_EQ(count("confirmation_cells"), 2);  // November and December, the change's asking months so far
    EXPECT_EQ(count("confirmation_cells WHERE suggestion_id = " + std::to_string(answered) + " AND noisy = 0"), 1)
        << "December: a cell with nothing counted, so a cell says only that the change is public";
    EXPECT_EQ(count("change_confirmations"), 0) << "raw confirmations kept after their month was drawn";
}

TEST_P(SuggestionRepositoryTest, AChangeIsAskedAboutForSixMonthsAndCountedForNoOther) {
    const auto id = published_suggestion();
    ASSERT_TRUE(answer(id, SuggestionState::under_consideration, std::nullopt, week_));
    ASSERT_TRUE(answer(id, SuggestionState::planned, std::nullopt, week_));
    ASSERT_TRUE(answer(id, SuggestionState::implemented, "Done", week_));  // November 2026
    auto outcome = store::publish(*db_, *Month::parse("2027-07"), [] { return std::uint64_t{0}; });
    ASSERT_TRUE(outcome) << outcome.error().message;
    // November to April: six cells; May and June none.
    EXPECT_EQ(count("confirmation_cells"), 6);
    EXPECT_EQ(count("confirmation_cells WHERE month > '2027-04'"), 0);
    EXPECT_EQ(count("snapshot_confirmations WHERE cells_summed = 6"), 1);
}

TEST_P(SuggestionRepositoryTest, ModeratorsCensorRulesForItsProviderAndEverywhereReachIt) {
    const auto id = published_suggestion("Ask Maureen about the board");
    {
        auto s = db_->session();
        s << "INSERT INTO censor_rules (phrase, scope, provider_id, month) VALUES ('Maur*', 'provider', :p, '2026-11')",
            soci::use(provider_);
        s << "INSERT INTO censor_rules (phrase, scope, month) VALUES ('board', 'everywhere', '2026-11')";
        long long other = 0;
        s << "INSERT INTO providers (name, name_key, source) VALUES ('A4e', 'a4e', 'test') RETURNING id",
            soci::into(other);
        s << "INSERT INTO censor_rules (phrase, scope, provider_id, month) VALUES ('Ask', 'provider', :p, '2026-11')",
            soci::use(other);
    }
    const auto row = store::find_suggestion(*db_, id);
    ASSERT_TRUE(row);
    ASSERT_EQ(row->rules.size(), 2u);
    EXPECT_EQ(row->rules[0].phrase, "Maur*");
    EXPECT_EQ(row->rules[1].phrase, "board");
}
