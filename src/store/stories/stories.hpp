#pragma once
// Stories and flags as the pages read them, and a new story's insert (providers' responses:
// responses.hpp). Every change to a story is a command (core/stories/commands.hpp) over
// SociStoryRepository (story_repository.hpp), inside the writer's transaction.
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/stories/commands.hpp"
#include "core/stories/lifecycle.hpp"
#include "store/database.hpp"

namespace pw::store {

struct ResponseRow {
    std::int64_t id = 0;
    std::string provider_name;
    std::string month;
    std::string body;
};

struct StoryRow {
    std::int64_t id = 0;
    std::int64_t provider_id = 0;
    std::string provider_name;
    std::string office_name;  // empty when about the provider as a whole
    std::string month;
    std::string body;
    stories::StoryState state = stories::StoryState::pending;
    std::string reject_reason;
    bool safeguarding = false;
    std::string public_ref;                    // what public pages name it by: random, unlike the id
    std::vector<ResponseRow> responses;        // published ones
    std::vector<redaction::CensorRule> rules;  // censor rules in scope
};

std::optional<StoryRow> find_story(Database& db, std::int64_t id);
// By its public reference (16 small hex digits); nullopt for anything else.
std::optional<StoryRow> find_story_by_ref(Database& db, std::string_view public_ref);
// The same inside a transaction already open, without responses and censor rules.
std::optional<StoryRow> find_story_in(soci::session& s, std::int64_t id);
// Pending stories, oldest first: the moderation queue.
std::vector<StoryRow> pending_stories(Database& db, int limit);
// Published stories about a provider (its offices included), newest first. A story a takedown
// notice hides (store/takedown/notices.hpp) is published but not shown: these leave it out.
std::vector<StoryRow> published_stories(Database& db, std::int64_t provider_id, int page, int per_page);

// Every published story with its published responses and censor rules, of these providers (all
// when empty), by provider and newest first: what the public read model holds.
std::vector<StoryRow> all_published_stories(Database& db, std::span<const std::int64_t> providers = {});

// What changed the published stories after an event: the providers whose stories to read again,
// or everything (the first time, or a censor rule that may reach any story).
struct StoryChanges {
    std::int64_t up_to = 0;  // the newest event seen: ask again from here
    bool everything = false;
    std::vector<std::int64_t> providers;
};
// after_event < 0: nothing seen yet, so everything.
StoryChanges story_changes_since(Database& db, std::int64_t after_event);

struct FlagRow {
    std::int64_t id = 0;
    std::string reason;
    std::string month;
    StoryRow story;
};
std::vector<FlagRow> open_flags(Database& db);

// The choke point, held at compile time, one assertion per column (docs/redaction.md; the
// story commands' columns are held in story_repository.hpp).
static_assert(std::is_same_v<decltype(stories::NewStory::body), redaction::RedactedText>, "stories.body");

}  // namespace pw::store
