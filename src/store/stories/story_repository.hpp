#pragma once
// The story commands' repository (core/stories/commands.hpp), inside the caller's transaction
// (the writer's). Plain SQL: the rules are the commands'.
#include <soci/soci.h>

#include <type_traits>

#include "core/stories/commands.hpp"

namespace pw::store {

class SociStoryRepository final : public stories::StoryRepository {
public:
    explicit SociStoryRepository(soci::session& s) : s_(s) {}
    std::int64_t insert_story(const stories::NewStory& story) override;
    std::optional<stories::StoryFacts> story(std::int64_t story_id) override;
    bool move_story(std::int64_t story_id, stories::StoryState from, stories::StoryState to,
                    const std::optional<redaction::RedactedText>& reason) override;
    void set_safeguarding(std::int64_t story_id, bool concern) override;
    std::int64_t insert_flag(std::int64_t story_id, std::int64_t account_id, Month month,
                             const std::string& reason) override;
    std::optional<stories::FlagFacts> flag(std::int64_t flag_id) override;
    bool move_flag(std::int64_t flag_id, stories::FlagState from, stories::FlagState to) override;
    std::int64_t insert_censor_rule(const std::string& phrase, stories::CensorScope scope,
                                    std::optional<std::int64_t> scope_id, Month month) override;
    std::optional<stories::ResponseState> response_state(std::int64_t response_id) override;
    std::int64_t insert_response(std::int64_t story_id, std::int64_t provider_id, std::int64_t account_id, Month month,
                                 const redaction::RedactedText& body) override;
    bool move_response(std::int64_t response_id, stories::ResponseState from, stories::ResponseState to,
                       const std::optional<redaction::RedactedText>& reason) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

// The choke point, held at compile time, one assertion per column (docs/redaction.md): none of
// these accepts a plain string.
static_assert(!std::is_convertible_v<std::string, redaction::RedactedText> &&
              !std::is_constructible_v<redaction::RedactedText, std::string>);
static_assert(!std::is_invocable_v<decltype(&SociStoryRepository::move_story), SociStoryRepository&, std::int64_t,
                                   stories::StoryState, stories::StoryState, const std::optional<std::string>&>,
              "stories.reject_reason");
static_assert(!std::is_invocable_v<decltype(&SociStoryRepository::insert_response), SociStoryRepository&, std::int64_t,
                                   std::int64_t, std::int64_t, Month, const std::string&>,
              "responses.body");
static_assert(!std::is_invocable_v<decltype(&SociStoryRepository::move_response), SociStoryRepository&, std::int64_t,
                                   stories::ResponseState, stories::ResponseState, const std::optional<std::string>&>,
              "responses.reject_reason");

}  // namespace pw::store
