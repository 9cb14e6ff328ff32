#pragma once
// Suggestions as the pages read them. Every change is a command (core/suggestions/commands.hpp)
// over SociSuggestionRepository, inside the writer's transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/common/week.hpp"
#include "core/redaction/redaction.hpp"
#include "core/suggestions/figures.hpp"
#include "core/suggestions/lifecycle.hpp"
#include "store/database.hpp"

namespace pw::store {

struct SuggestionStepRow {
    std::int64_t id = 0;
    suggestions::SuggestionState from = suggestions::SuggestionState::open;
    suggestions::SuggestionState to = suggestions::SuggestionState::open;
    std::string month;
    std::string note;  // empty: the move had none
    suggestions::Review review = suggestions::Review::pending;
};

struct SuggestionRow {
    std::int64_t id = 0;
    std::string public_ref;  // what public pages name it by
    std::int64_t provider_id = 0;
    std::string provider_name;
    std::string office_name;  // empty: about the provider as a whole
    std::string month;
    Week week;
    std::optional<Week> answered;
    std::string body;
    suggestions::Review review = suggestions::Review::pending;
    std::string reject_reason;
    suggestions::SuggestionState state = suggestions::SuggestionState::open;
    std::vector<SuggestionStepRow> steps;  // oldest first; all of them (pages choose what to show)
    std::vector<redaction::CensorRule> rules;  // moderators' rules for its provider and everywhere
};

// Every published suggestion, by provider and newest first: what the public read model holds.
std::vector<SuggestionRow> published_suggestions(Database& db);
// Published suggestions to these providers, newest first: the representative's list.
std::vector<SuggestionRow> suggestions_to(Database& db, const std::vector<std::int64_t>& providers);
// A codename's own suggestions, whatever their review, newest first.
std::vector<SuggestionRow> suggestions_of(Database& db, std::int64_t codename_id);
// Pending suggestions, oldest first: the moderation queue.
std::vector<SuggestionRow> pending_suggestions(Database& db, int limit);
// Published suggestions with a provider's note waiting for a moderator.
std::vector<SuggestionRow> suggestions_with_pending_notes(Database& db, int limit);
std::optional<SuggestionRow> find_suggestion(Database& db, std::int64_t id);

// The newest event about a suggestion or its notes: the public list is read again when it moves.
std::int64_t last_suggestion_event(Database& db);

// For publication: every published suggestion's clock, and one month's confirmations of each
// published change still in its asking months (a cell for each, counted or not).
std::vector<suggestions::SuggestionRecord> suggestion_records(soci::session& s);
std::vector<std::pair<std::int64_t, long long>> confirmations_in(soci::session& s, Month month);

}  // namespace pw::store
