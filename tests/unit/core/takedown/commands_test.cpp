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
            if (kept.facts.story_id != story_id) continue;
            const bool open =
                kept.facts.state == NoticeState::received || kept.facts.state == NoticeState::writer_answered;
            out.hidden = out.hidden || (open && kept.facts.hides);
            out.kept_before = out.kept_before || kept.facts.state == NoticeState::dismissed;
        }
        return out;
    }
    std::int64_t insert_notice(const NewNotice& notice) override {
        const auto id = static_cast<std::int64_t>(notices.size()) + 1;
        notices.emplace(id, Kept{notice, {NoticeState::received, notice.story_id, notice.hides}, std::nullopt, false});
        return id;
    }
    std::optional<NoticeFacts> notice(std::int64_t id) override {
        auto it = notices.find(id);
        return it == notices.end() ? std::nullopt : std::optional(it->second.facts);
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
                         kNovember};
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
