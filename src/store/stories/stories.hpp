#pragma once
// Stories, flags and censor rules (providers' responses: responses.hpp). Every change checks its lifecycle table
// (core/stories/lifecycle.hpp) and appends an event; writes run inside the writer's transaction.
#include <optional>
#include <span>
#include <type_traits>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "core/common/month.hpp"
#include "core/redaction/redacted_text.hpp"
#include "core/stories/lifecycle.hpp"
#include "store/database.hpp"

namespace pw::store {

struct StoryRecord {
    std::int64_t provider_id = 0;
    std::optional<std::int64_t> office_id;
    std::optional<std::int64_t> rating_id;
    std::optional<std::int64_t> codename_id;
    Month month;
    redaction::RedactedText body;
};
std::int64_t insert_story(soci::session& s, const StoryRecord& story);

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
    std::string public_ref;  // what public pages name it by: random, unlike the id
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

// Lifecycle changes; an illegal transition or a missing story is an error value.
// reason: why a moderator rejected it, shown to the writer.
Result<void> change_story_state(soci::session& s, std::int64_t story_id, stories::StoryState to, Actor actor,
                                Month month, const std::optional<redaction::RedactedText>& reason = std::nullopt);
Result<void> set_safeguarding(soci::session& s, std::int64_t story_id, bool concern, Month month);

struct FlagRow {
    std::int64_t id = 0;
    std::string reason;
    std::string month;
    StoryRow story;
};
Result<std::int64_t> insert_flag(soci::session& s, std::int64_t story_id, std::int64_t account_id, Month month,
                                 const std::string& reason);
std::vector<FlagRow> open_flags(Database& db);
Result<void> decide_flag(soci::session& s, std::int64_t flag_id, bool upheld, Month month);

enum class CensorScope { story, provider, everywhere };
Result<void> add_censor_rule(soci::session& s, std::int64_t story_id, CensorScope scope, const std::string& phrase,
                             Month month);

// The choke point, held at compile time, one assertion per column (docs/redaction.md): none of
// these accepts a plain string.
static_assert(!std::is_convertible_v<std::string, redaction::RedactedText> &&
              !std::is_constructible_v<redaction::RedactedText, std::string>);
static_assert(std::is_same_v<decltype(StoryRecord::body), redaction::RedactedText>, "stories.body");
static_assert(!std::is_invocable_v<decltype(&change_story_state), soci::session&, std::int64_t, stories::StoryState,
                                   Actor, Month, const std::string&>,
              "stories.reject_reason");

}  // namespace pw::store
