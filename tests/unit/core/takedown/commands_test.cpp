// The takedown-notice commands against in-memory repositories: no database.
#include "core/takedown/commands.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "unit/core/fakes/stories.hpp"

using namespace pw;
using namespace pw::takedown;
using fakes::kNovember;
using stories::StoryState;

namespace {

class FakeNotices final : public NoticeRepository {
public:
    struct Kept {
        NewNotice notice;
        NoticeFacts facts;
        std::optional<std::string> answer;
        bool complainant_forgotten = false;
    };
    explicit FakeNotices(fakes::Stories& stories) : stories_(stories) {}
    std::map<std::int64_t, Kept> notices;
    std::vector<events::Event> events;
    bool race = false;

    std::optional<ReportedStory> reported_story(std::int64_t story_id) override {
        auto story = stories_.story(story_id);
        if (!story) return std::nullopt;
        ReportedStory out{story->state, story->codename_id.has_value(), false, false};
        for (const auto& [id, kept] : notices) {
            if (kept.facts.story_id != story_id || kept.facts.response_id) continue;
            const bool open =
                kept.facts.state == NoticeState::received || kept.facts.state == NoticeState::writer_answered;
            out.hidden = out.hidden || (open && kept.facts.hides);
            out.kept_before = out.kept_before || kept.facts.state == NoticeState::dismissed;
        }
        return out;
    }
    std::optional<ReportedResponse> reported_response(std::int64_t response_id) override {
        auto it = stories_.responses.find(response_id);
        if (it == stories_.responses.end()) return std::nullopt;
        ReportedResponse out{it->second.state, it->second.story_id, false, false};
        for (const auto& [id, kept] : notices) {
            if (kept.facts.response_id != response_id) continue;
            const bool open =
                kept.facts.state == NoticeState::received || kept.facts.state == NoticeState::writer_answered;
            out.hidden = out.hidden || (open && kept.facts.hides);
            out.kept_before = out.kept_before || kept.facts.state == NoticeState::dismissed;
        }
        return out;
    }
    std::int64_t insert_notice(const NewNotice& notice) override {
        const auto id = static_cast<std::int64_t>(notices.size()) + 1;
        notices.emplace(id,
                        Kept{notice,
                             {NoticeState::received, notice.story_id, notice.hides, notice.response_id, std::nullopt},
                             std::nullopt,
                             false});
        return id;
    }
    std::optional<NoticeFacts> notice(std::int64_t id) override {
        auto it = notices.find(id);
        if (it == notices.end()) return std::nullopt;
        auto facts = it->second.facts;
        if (facts.response_id) facts.response_provider_id = stories_.responses.at(*facts.response_id).provider_id;
        return facts;
    }
    bool move_notice(std::int64_t id, NoticeState from, NoticeState to, const std::optional<std::string>& answer,
                     bool decided) override {
        auto& kept = notices.at(id);
        if (std::exchange(race, false) || kept.facts.state != from) return false;
        kept.facts.state = to;
        if (answer) kept.answer = answer;
        if (decided) {
            kept.facts.hides = false;
            kept.complainant_forgotten = true;
        }
        return true;
    }
    void append(const events::Event& event) override { events.push_back(event); }

private:
    fakes::Stories& stories_;
};

const std::chrono::sys_days kReceived = std::chrono::year{2026} / 11 / 20;

// A notice as the handler queues it: checked, its explanation redacted.
ReceiveNotice notice(std::int64_t story, Ground ground, std::string explanation = "It gives my name and my street") {
    return ReceiveNotice{story,
                         ground,
                         redaction::redact_text(explanation),
                         ground == Ground::defamatory ? std::optional<std::string>("Jo Bloggs") : std::nullopt,
                         ground == Ground::defamatory ? std::optional<std::string>("jo@example.com") : std::nullopt,
                         kReceived,
                         kNovember,
                         std::nullopt};
}

}  // namespace

TEST(ReceiveNotice, AStoryThatIdentifiesSomeoneIsHiddenAtOnce) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    auto received = receive_notice(notice(story, Ground::identifying), notices);
    ASSERT_TRUE(received);
    EXPECT_TRUE(received->hidden);
    EXPECT_TRUE(received->writer_reachable);
    const auto& kept = notices.notices.at(received->id);
    EXPECT_EQ(kept.notice.answer_due, kReceived + kWriterAnswerDays);
    ASSERT_EQ(notices.events.size(), 2u);
    EXPECT_EQ(notices.events[0].what, "notice.received");
    EXPECT_EQ(notices.events[1].what, "story.hidden");
}

TEST(ReceiveNotice, ADefamationNoticeWaitsForTheWriterWhoCanBeTold) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    auto received = receive_notice(notice(story, Ground::defamatory), notices);
    ASSERT_TRUE(received);
    EXPECT_FALSE(received->hidden);
    EXPECT_EQ(notices.events.size(), 1u);
}

TEST(ReceiveNotice, OnlyAPublishedStoryNotHiddenAlreadyCanBeReported) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto pending = stories.add(StoryState::pending);
    EXPECT_FALSE(receive_notice(notice(pending, Ground::abusive), notices));
    const auto story = stories.add(StoryState::published);
    ASSERT_TRUE(receive_notice(notice(story, Ground::identifying), notices));
    auto second = receive_notice(notice(story, Ground::identifying), notices);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().kind, ErrorKind::not_found);
    EXPECT_EQ(notices.notices.size(), 1u);
}

TEST(ReceiveNotice, AStoryAModeratorKeptIsNotHiddenAgainByANewNotice) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    const auto first = receive_notice(notice(story, Ground::identifying), notices);
    ASSERT_TRUE(decide_notice({first->id, false, kNovember}, notices, stories));
    auto again = receive_notice(notice(story, Ground::identifying), notices);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->hidden);
}

TEST(AnswerNotice, OnlyTheStorysOwnCodenameMayAnswer) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    const auto id = receive_notice(notice(story, Ground::defamatory), notices)->id;
    auto refused = answer_notice({id, 8, "Not mine", kNovember}, notices, stories);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message, "There is no such notice.");
    EXPECT_EQ(notices.notices.at(id).facts.state, NoticeState::received);
    ASSERT_TRUE(answer_notice({id, 7, "It is true: I was there.", kNovember}, notices, stories));
    EXPECT_EQ(notices.notices.at(id).facts.state, NoticeState::writer_answered);
    EXPECT_EQ(notices.notices.at(id).answer, "It is true: I was there.");
    EXPECT_EQ(notices.events.back().what, "notice.answered");
}

TEST(AnswerNotice, AnEmptyAnswerChangesNothing) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    const auto id = receive_notice(notice(story, Ground::defamatory), notices)->id;
    auto refused = answer_notice({id, 7, " \n ", kNovember}, notices, stories);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(notices.notices.at(id).facts.state, NoticeState::received);
}

TEST(DecideNotice, UpheldRemovesTheStoryAndForgetsTheComplainant) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    const auto id = receive_notice(notice(story, Ground::identifying), notices)->id;
    ASSERT_TRUE(decide_notice({id, true, kNovember}, notices, stories));
    EXPECT_EQ(stories.stories[story].facts.state, StoryState::removed);
    EXPECT_TRUE(notices.notices.at(id).complainant_forgotten);
}

TEST(DecideNotice, DismissedPutsAHiddenStoryBack) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    const auto id = receive_notice(notice(story, Ground::identifying), notices)->id;
    ASSERT_TRUE(decide_notice({id, false, kNovember}, notices, stories));
    EXPECT_EQ(stories.stories[story].facts.state, StoryState::published);
    EXPECT_FALSE(notices.notices.at(id).facts.hides);
    EXPECT_EQ(notices.events.back().what, "story.shown");
}

TEST(DecideNotice, AStoryWithdrawnMeanwhileIsLeftWithdrawn) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    const auto id = receive_notice(notice(story, Ground::defamatory), notices)->id;
    ASSERT_TRUE(stories::withdraw_story({story, 7, kNovember}, stories));
    ASSERT_TRUE(decide_notice({id, true, kNovember}, notices, stories));
    EXPECT_EQ(stories.stories[story].facts.state, StoryState::withdrawn);
}

TEST(DecideNotice, TwoModeratorsAtOnceOneWinsTheOtherIsTold) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    const auto id = receive_notice(notice(story, Ground::identifying), notices)->id;
    notices.race = true;
    auto lost = decide_notice({id, true, kNovember}, notices, stories);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().kind, ErrorKind::conflict);
    EXPECT_EQ(stories.stories[story].facts.state, StoryState::published);
    auto decided_twice = decide_notice({id, true, kNovember}, notices, stories);
    ASSERT_TRUE(decided_twice);
    auto third = decide_notice({id, false, kNovember}, notices, stories);
    ASSERT_FALSE(third);
    EXPECT_EQ(third.error().kind, ErrorKind::illegal_transition);
}

TEST(ReceiveNotice, ADefamationNoticeWithoutTheComplainantsNameAndAddressIsRefused) {
    fakes::Stories stories;
    FakeNotices notices(stories);
    const auto story = stories.add(StoryState::published, 5, 7);
    auto command = notice(story, Ground::defamatory);
    command.complainant_contact.reset();
    auto refused = receive_notice(command, notices);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
    EXPECT_TRUE(notices.notices.empty());
}

namespace {

// A story with a published response from provider 5.
struct Answered {
    fakes::Stories stories;
    FakeNotices notices{stories};
    std::int64_t story = stories.add(StoryState::published, 5, 7);
    std::int64_t response = [this] {
        const auto id = *stories::respond_to_story(
            {story, 5, 40, redaction::redact_text("We looked into this and spoke to the adviser."), kNovember},
            stories);
        EXPECT_TRUE(stories::decide_response({id, true, std::nullopt, kNovember}, stories));
        return id;
    }();
    ReceiveNotice about_response(Ground ground) {
        auto command = notice(story, ground, "The response names my neighbour");
        command.response_id = response;
        return command;
    }
};

}  // namespace

TEST(ResponseNotice, AResponseThatIdentifiesSomeoneIsHiddenAtOnceAndItsStoryStaysUp) {
    Answered a;
    auto received = receive_notice(a.about_response(Ground::identifying), a.notices);
    ASSERT_TRUE(received);
    EXPECT_TRUE(received->hidden);
    ASSERT_EQ(a.notices.events.size(), 2u);
    EXPECT_EQ(a.notices.events[1].what, "response.hidden");
    EXPECT_EQ(a.notices.events[1].object_id.value_or(0), a.response);
    // The story is neither hidden nor kept-before by a notice about its response.
    const auto story = a.notices.reported_story(a.story);
    EXPECT_FALSE(story->hidden);
    ASSERT_TRUE(receive_notice(notice(a.story, Ground::defamatory), a.notices));
}

TEST(ResponseNotice, ADefamationNoticeLeavesTheResponseUpForItsProviderToAnswer) {
    Answered a;
    auto received = receive_notice(a.about_response(Ground::defamatory), a.notices);
    ASSERT_TRUE(received);
    EXPECT_FALSE(received->hidden);
    EXPECT_TRUE(received->writer_reachable);
    // Not the story's writer, not another provider: only the response's own provider.
    auto by_writer = answer_notice({received->id, 7, "Leave it", kNovember}, a.notices, a.stories);
    ASSERT_FALSE(by_writer);
    EXPECT_EQ(by_writer.error().kind, ErrorKind::not_found);
    auto by_rival = answer_response_notice({received->id, 6, "Leave it", kNovember}, a.notices);
    ASSERT_FALSE(by_rival);
    EXPECT_EQ(by_rival.error().message, "There is no such notice.");
    EXPECT_EQ(a.notices.notices.at(received->id).facts.state, NoticeState::received);
    ASSERT_TRUE(answer_response_notice({received->id, 5, "It is accurate.", kNovember}, a.notices));
    EXPECT_EQ(a.notices.notices.at(received->id).facts.state, NoticeState::writer_answered);
    EXPECT_EQ(a.notices.notices.at(received->id).answer, "It is accurate.");
    EXPECT_EQ(a.notices.events.back().actor, events::ActorRole::provider);
}

TEST(ResponseNotice, AProviderCannotAnswerANoticeAboutAStory) {
    Answered a;
    const auto id = receive_notice(notice(a.story, Ground::defamatory), a.notices)->id;
    auto refused = answer_response_notice({id, 5, "Take it down", kNovember}, a.notices);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
}

TEST(ResponseNotice, UpheldRemovesTheResponseNotTheStory) {
    Answered a;
    const auto id = receive_notice(a.about_response(Ground::identifying), a.notices)->id;
    ASSERT_TRUE(decide_notice({id, true, kNovember}, a.notices, a.stories));
    EXPECT_EQ(a.stories.responses.at(a.response).state, stories::ResponseState::removed);
    EXPECT_EQ(a.stories.stories[a.story].facts.state, StoryState::published);
    EXPECT_TRUE(a.notices.notices.at(id).complainant_forgotten);
}

TEST(ResponseNotice, DismissedPutsAHiddenResponseBackAndANewNoticeDoesNotHideItAgain) {
    Answered a;
    const auto id = receive_notice(a.about_response(Ground::identifying), a.notices)->id;
    ASSERT_TRUE(decide_notice({id, false, kNovember}, a.notices, a.stories));
    EXPECT_EQ(a.notices.events.back().what, "response.shown");
    EXPECT_EQ(a.stories.responses.at(a.response).state, stories::ResponseState::published);
    auto again = receive_notice(a.about_response(Ground::identifying), a.notices);
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->hidden);
}

TEST(ResponseNotice, OnlyAPublishedResponseOfThatStoryNotHiddenAlreadyCanBeReported) {
    Answered a;
    const auto other = a.stories.add(StoryState::published, 5, 8);
    auto wrong_story = a.about_response(Ground::abusive);
    wrong_story.story_id = other;
    EXPECT_EQ(receive_notice(wrong_story, a.notices).error().kind, ErrorKind::not_found);
    const auto pending = *stories::respond_to_story(
        {a.story, 5, 40, redaction::redact_text("Still with a moderator."), kNovember}, a.stories);
    auto unpublished = a.about_response(Ground::abusive);
    unpublished.response_id = pending;
    EXPECT_EQ(receive_notice(unpublished, a.notices).error().kind, ErrorKind::not_found);
    auto missing = a.about_response(Ground::abusive);
    missing.response_id = 999;
    EXPECT_EQ(receive_notice(missing, a.notices).error().kind, ErrorKind::not_found);
    ASSERT_TRUE(receive_notice(a.about_response(Ground::identifying), a.notices));
    auto hidden = receive_notice(a.about_response(Ground::abusive), a.notices);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(hidden.error().kind, ErrorKind::not_found);
    EXPECT_EQ(a.notices.notices.size(), 1u);
}
