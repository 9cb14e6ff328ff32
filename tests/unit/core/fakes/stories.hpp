#pragma once
// An in-memory story repository for the commands' unit tests: no database. `race` makes the next
// compare-and-set find its row moved by another server, as a second writer would.
#include <map>
#include <string>
#include <vector>

#include "core/stories/commands.hpp"

namespace pw::fakes {

class Stories final : public stories::StoryRepository {
public:
    struct Story {
        stories::StoryFacts facts;
        std::optional<std::string> body;
        std::optional<std::string> reason;
        bool safeguarding = false;
    };
    struct Flag {
        stories::FlagFacts facts;
        std::int64_t account_id = 0;
        std::string reason;
    };
    struct Response {
        std::int64_t story_id = 0;
        stories::ResponseState state = stories::ResponseState::pending;
        std::string body;
        std::optional<std::string> reason;
        std::int64_t provider_id = 0;
    };
    struct Rule {
        std::string phrase;
        stories::CensorScope scope = stories::CensorScope::story;
        std::optional<std::int64_t> scope_id;
    };
    std::map<std::int64_t, Story> stories;
    std::map<std::int64_t, Flag> flags;
    std::map<std::int64_t, Response> responses;
    std::vector<Rule> rules;
    std::vector<events::Event> events;
    bool race = false;  // the next move loses to another writer

    std::int64_t add(stories::StoryState state, std::int64_t provider_id = 5,
                     std::optional<std::int64_t> codename = std::nullopt) {
        const auto id = next_++;
        stories[id] = Story{{state, provider_id, codename}, std::nullopt, std::nullopt, false};
        return id;
    }

    std::int64_t insert_story(const stories::NewStory& story) override {
        const auto id = next_++;
        stories[id] = Story{{stories::StoryState::pending, story.provider_id, story.codename_id},
                            story.body.str(),
                            std::nullopt,
                            false};
        return id;
    }
    std::optional<stories::StoryFacts> story(std::int64_t id) override {
        auto it = stories.find(id);
        return it == stories.end() ? std::nullopt : std::optional(it->second.facts);
    }
    bool move_story(std::int64_t id, stories::StoryState from, stories::StoryState to,
                    const std::optional<redaction::RedactedText>& reason) override {
        auto& story = stories.at(id);
        if (lost() || story.facts.state != from) return false;
        story.facts.state = to;
        if (reason) story.reason = reason->str();
        return true;
    }
    void set_safeguarding(std::int64_t id, bool concern) override { stories.at(id).safeguarding = concern; }
    std::int64_t insert_flag(std::int64_t story_id, std::int64_t account_id, Month,
                             const std::string& reason) override {
        const auto id = next_++;
        flags[id] = Flag{{stories::FlagState::open, story_id}, account_id, reason};
        return id;
    }
    std::optional<stories::FlagFacts> flag(std::int64_t id) override {
        auto it = flags.find(id);
        return it == flags.end() ? std::nullopt : std::optional(it->second.facts);
    }
    bool move_flag(std::int64_t id, stories::FlagState from, stories::FlagState to) override {
        auto& flag = flags.at(id);
        if (lost() || flag.facts.state != from) return false;
        flag.facts.state = to;
        return true;
    }
    std::int64_t insert_censor_rule(const std::string& phrase, stories::CensorScope scope,
                                    std::optional<std::int64_t> scope_id, Month) override {
        rules.push_back({phrase, scope, scope_id});
        return static_cast<std::int64_t>(rules.size());
    }
    std::optional<stories::ResponseState> response_state(std::int64_t id) override {
        auto it = responses.find(id);
        return it == responses.end() ? std::nullopt : std::optional(it->second.state);
    }
    std::int64_t insert_response(std::int64_t story_id, std::int64_t provider_id, std::int64_t, Month,
                                 const redaction::RedactedText& body) override {
        const auto id = next_++;
        responses[id] = Response{story_id, stories::ResponseState::pending, body.str(), std::nullopt, provider_id};
        return id;
    }
    bool move_response(std::int64_t id, stories::ResponseState from, stories::ResponseState to,
                       const std::optional<redaction::RedactedText>& reason) override {
        auto& response = responses.at(id);
        if (lost() || response.state != from) return false;
        response.state = to;
        if (reason) response.reason = reason->str();
        return true;
    }
    void append(const events::Event& event) override { events.push_back(event); }

private:
    bool lost() { return std::exchange(race, false); }
    std::int64_t next_ = 1;
};

inline const Month kNovember = *Month::parse("2026-11");

}  // namespace pw::fakes
