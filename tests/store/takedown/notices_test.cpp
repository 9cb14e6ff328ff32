// Takedown notices on both engines, through the commands over SociNoticeRepository: which
// stories they hide, when, and what deciding them does.
#include "store/takedown/notices.hpp"

#include "core/redaction/redacted_text.hpp"
#include "store/store_test.hpp"
#include "store/stories/story_repository.hpp"

using namespace pw;
using namespace std::chrono;
using pw::testing::StoreTest;

class Notices : public StoreTest {
protected:
    void SetUp() override {
        StoreTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;
        provider_ = add_provider();
        codename_ = add_codename();
    }

    template <class F>
    auto in_transaction(F f) {
        auto s = db_->session();
        soci::transaction t(s);
        auto result = f(s);
        t.commit();
        return result;
    }

    // A published story, with a codename (its writer can be told) or without.
    std::int64_t published_story(bool with_codename) {
        auto s = db_->session();
        soci::transaction t(s);
        store::SociStoryRepository stories(s);
        const auto id = stories::tell_story({provider_, std::nullopt, std::nullopt,
                                             with_codename ? std::optional<std::int64_t>(codename_) : std::nullopt,
                                             month(), redaction::redact_text("The office never answered the phone.")},
                                            stories);
        EXPECT_TRUE(id && stories::approve_story({*id, month()}, stories));
        t.commit();
        return *id;
    }

    Result<takedown::ReceivedNotice> report(std::int64_t story, takedown::Ground ground,
                                            std::optional<std::int64_t> response = std::nullopt) {
        return in_transaction([&](soci::session& s) {
            store::SociNoticeRepository notices(s);
            return takedown::receive_notice({story, ground, redaction::redact_text("It names my colleague."),
                                             "Jo Bloggs", "jo@example.com", day_, month(), response},
                                            notices);
        });
    }

    // A response from the story's provider, published by a moderator; its id.
    std::int64_t published_response(std::int64_t story) {
        auto s = db_->session();
        long long account = 0;
        s << "INSERT INTO accounts (username, password_hash, role, provider_id, created_month) "
             "VALUES ('rep', 'x', 'provider', :p, '2026-11') RETURNING id",
            soci::use(provider_), soci::into(account);
        soci::transaction t(s);
        store::SociStoryRepository stories(s);
        const auto id = stories::respond_to_story(
            {story, provider_, account, redaction::redact_text("We spoke to the office about this."), month()},
            stories);
        EXPECT_TRUE(id && stories::decide_response({*id, true, std::nullopt, month()}, stories));
        t.commit();
        return *id;
    }

    // The responses shown under the story on the public pages.
    std::size_t responses_shown(std::int64_t story) {
        for (const auto& row : store::all_published_stories(*db_)) {
            if (row.id == story) return row.responses.size();
        }
        return 0;
    }

    Result<void> decide(std::int64_t notice, bool upheld) {
        return in_transaction([&](soci::session& s) {
            store::SociNoticeRepository notices(s);
            store::SociStoryRepository stories(s);
            return takedown::decide_notice({notice, upheld, month()}, notices, stories);
        });
    }

    Result<void> answer(std::int64_t notice, std::int64_t codename, const std::string& text) {
        return in_transaction([&](soci::session& s) {
            store::SociNoticeRepository notices(s);
            store::SociStoryRepository stories(s);
            return takedown::answer_notice({notice, codename, text, month()}, notices, stories);
        });
    }

    bool shown(std::int64_t story) {
        for (const auto& row : store::all_published_stories(*db_)) {
            if (row.id == story) return true;
        }
        return false;
    }

    long long provider_ = 0;
    long long codename_ = 0;
    sys_days day_{2026y / November / 15};
};
PW_ENGINE_SUITE(Notices);

TEST_P(Notices, AStoryThatIdentifiesSomeoneIsHiddenAtOnceAndComesBackWhenDismissed) {
    const auto story = published_story(true);
    auto received = report(story, takedown::Ground::identifying);
    ASSERT_TRUE(received);
    EXPECT_TRUE(received->hidden);
    EXPECT_FALSE(shown(story));
    EXPECT_EQ(store::published_stories(*db_, provider_, 1, 10).size(), 0u);
    ASSERT_TRUE(decide(received->id, false));
    EXPECT_TRUE(shown(story));
    EXPECT_EQ(count("takedown_notices WHERE complainant_name IS NOT NULL OR complainant_contact IS NOT NULL"), 0);
}

TEST_P(Notices, AWriterWhoCanBeToldHasFiveDaysThenTheStoryIsHidden) {
    const auto story = published_story(true);
    auto received = report(story, takedown::Ground::defamatory);
    ASSERT_TRUE(received);
    EXPECT_FALSE(received->hidden);
    EXPECT_TRUE(received->writer_reachable);
    EXPECT_TRUE(shown(story));
    EXPECT_EQ(store::open_notices_for_writer(*db_, codename_).size(), 1u);
    const auto hide_on = [&](sys_days today) {
        return in_transaction([&](soci::session& s) { return store::hide_unanswered_notices(s, today, month()); });
    };
    EXPECT_EQ(hide_on(day_ + days{5}), 0);  // the fifth day is the writer's, to its end
    EXPECT_TRUE(shown(story));
    EXPECT_EQ(hide_on(day_ + days{6}), 1);
    EXPECT_FALSE(shown(story));
    EXPECT_EQ(hide_on(day_ + days{7}), 0);  // once
}

TEST_P(Notices, AWriterWhoAnswersKeepsTheStoryUpUntilAModeratorRemovesIt) {
    const auto story = published_story(true);
    auto received = report(story, takedown::Ground::abusive);
    ASSERT_TRUE(received);
    auto stranger = answer(received->id, codename_ + 1, "Not mine");
    ASSERT_FALSE(stranger);
    EXPECT_EQ(stranger.error().kind, ErrorKind::not_found);  // nothing tells another codename it exists
    ASSERT_TRUE(answer(received->id, codename_, "It is true."));
    EXPECT_EQ(
        in_transaction([&](soci::session& s) { return store::hide_unanswered_notices(s, day_ + days{30}, month()); }),
        0);
    EXPECT_TRUE(shown(story));
    const auto open = store::open_notices(*db_);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].writer_answer, "It is true.");
    EXPECT_EQ(open[0].complainant_name, "Jo Bloggs");
    ASSERT_TRUE(decide(received->id, true));
    EXPECT_FALSE(shown(story));
    EXPECT_EQ(count("takedown_notices WHERE complainant_name IS NOT NULL OR complainant_contact IS NOT NULL"), 0);
    EXPECT_EQ(store::find_story(*db_, story)->state, stories::StoryState::removed);
    auto again = decide(received->id, false);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::illegal_transition);
    EXPECT_TRUE(store::open_notices(*db_).empty());
}

// Against a report that would take a story down again and again: a hidden story takes no second
// report, and one a moderator has kept is not hidden at once by the next.
TEST_P(Notices, AHiddenStoryTakesNoSecondReportAndAKeptOneIsNotHiddenAgainAtOnce) {
    const auto story = published_story(false);
    auto first = report(story, takedown::Ground::identifying);
    ASSERT_TRUE(first);
    EXPECT_TRUE(store::story_hidden(*db_, story));
    auto second = report(story, takedown::Ground::identifying);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().kind, ErrorKind::not_found);
    ASSERT_TRUE(decide(first->id, false));
    EXPECT_FALSE(store::story_hidden(*db_, story));
    auto third = report(story, takedown::Ground::identifying);
    ASSERT_TRUE(third);
    EXPECT_FALSE(third->hidden);
    EXPECT_TRUE(shown(story));
    EXPECT_EQ(store::open_notices(*db_).size(), 1u);  // it waits for a moderator
}

TEST_P(Notices, AWriterWhoCannotBeToldHasTheStoryHiddenAtOnceAndOnlyPublishedStoriesCanBeReported) {
    const auto story = published_story(false);
    auto received = report(story, takedown::Ground::defamatory);
    ASSERT_TRUE(received);
    EXPECT_TRUE(received->hidden);
    EXPECT_FALSE(received->writer_reachable);
    EXPECT_FALSE(shown(story));
    auto missing = report(story + 1000, takedown::Ground::identifying);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

// The compare-and-set itself, on both engines: a move from a state the notice has left changes
// nothing, and forgets nothing.
TEST_P(Notices, ANoticeMovesOnlyFromTheStateItIsIn) {
    const auto story = published_story(true);
    auto received = report(story, takedown::Ground::defamatory);
    ASSERT_TRUE(received);
    in_transaction([&](soci::session& s) {
        store::SociNoticeRepository notices(s);
        EXPECT_TRUE(notices.move_notice(received->id, takedown::NoticeState::received,
                                        takedown::NoticeState::writer_answered, "It is true.", false));
        // A moderator who read "received" before the writer answered:
        EXPECT_FALSE(notices.move_notice(received->id, takedown::NoticeState::received, takedown::NoticeState::upheld,
                                         std::nullopt, true));
        EXPECT_EQ(notices.notice(received->id)->state, takedown::NoticeState::writer_answered);
        return 0;
    });
    EXPECT_EQ(count("takedown_notices WHERE complainant_name IS NULL OR complainant_contact IS NULL"), 0);
}

// A notice about a provider's response hides that response alone, never its story, and nothing
// about it reaches the story's writer; the provider is told, has five days, and may answer.
TEST_P(Notices, ANoticeAboutAResponseHidesTheResponseAloneAndIsTheProvidersToAnswer) {
    const auto story = published_story(true);
    const auto response = published_response(story);
    EXPECT_EQ(responses_shown(story), 1u);
    auto identifying = report(story, takedown::Ground::identifying, response);
    ASSERT_TRUE(identifying);
    EXPECT_TRUE(identifying->hidden);
    EXPECT_TRUE(store::response_hidden(*db_, response));
    EXPECT_FALSE(store::story_hidden(*db_, story));
    EXPECT_TRUE(shown(story));
    EXPECT_EQ(responses_shown(story), 0u);
    EXPECT_TRUE(store::open_notices_for_writer(*db_, codename_).empty());
    const auto told = store::open_notices_for_provider(*db_, provider_);
    ASSERT_EQ(told.size(), 1u);
    ASSERT_TRUE(told[0].response.has_value());
    EXPECT_EQ(told[0].response->id, response);
    EXPECT_TRUE(told[0].story_hidden);
    // A second report of a hidden response is refused; the story itself can still be reported.
    EXPECT_FALSE(report(story, takedown::Ground::abusive, response));
    ASSERT_TRUE(decide(identifying->id, false));
    EXPECT_EQ(responses_shown(story), 1u);

    auto defamatory = report(story, takedown::Ground::defamatory, response);
    ASSERT_TRUE(defamatory);
    EXPECT_FALSE(defamatory->hidden);
    auto by_writer = answer(defamatory->id, codename_, "Leave it up");
    ASSERT_FALSE(by_writer);
    EXPECT_EQ(by_writer.error().kind, ErrorKind::not_found);
    const auto hide_on = [&](sys_days today) {
        return in_transaction([&](soci::session& s) { return store::hide_unanswered_notices(s, today, month()); });
    };
    EXPECT_EQ(hide_on(day_ + days{6}), 1);
    EXPECT_EQ(responses_shown(story), 0u);
    EXPECT_TRUE(shown(story));
    ASSERT_TRUE(decide(defamatory->id, true));
    EXPECT_EQ(count("responses WHERE state = 'removed'"), 1);
    EXPECT_EQ(store::find_story(*db_, story)->state, stories::StoryState::published);
    EXPECT_EQ(count("events WHERE what = 'response.hidden' AND object_kind = 'response'"), 2);
}

TEST_P(Notices, OnlyAResponsePublishedUnderThatStoryCanBeReported) {
    const auto story = published_story(true);
    const auto other = published_story(true);
    const auto response = published_response(story);
    auto wrong_story = report(other, takedown::Ground::abusive, response);
    ASSERT_FALSE(wrong_story);
    EXPECT_EQ(wrong_story.error().kind, ErrorKind::not_found);
    auto missing = report(story, takedown::Ground::abusive, response + 1000);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
    EXPECT_EQ(count("takedown_notices"), 0);
}
