#pragma once
// The suggestion commands' repository (core/suggestions/commands.hpp), inside the caller's
// transaction (the writer's). Plain SQL: the rules are the commands'.
#include <soci/soci.h>

#include <type_traits>

#include "core/suggestions/commands.hpp"

namespace pw::store {

class SociSuggestionRepository final : public suggestions::SuggestionRepository {
public:
    explicit SociSuggestionRepository(soci::session& s) : s_(s) {}
    std::int64_t insert_codename(const codenames::HashedCodename& codename, Month month) override;
    std::int64_t insert_suggestion(const suggestions::NewSuggestion& suggestion) override;
    std::optional<suggestions::SuggestionFacts> suggestion(std::int64_t id) override;
    bool review_suggestion(std::int64_t id, suggestions::Review from, suggestions::Review to,
                           const std::optional<redaction::RedactedText>& reason, Week week) override;
    bool move_suggestion(std::int64_t id, suggestions::SuggestionState from, suggestions::SuggestionState to,
                         Week week) override;
    std::int64_t insert_step(const suggestions::NewStep& step) override;
    std::optional<suggestions::StepFacts> step(std::int64_t step_id) override;
    bool review_step(std::int64_t step_id, suggestions::Review from, suggestions::Review to) override;
    bool rewrite_note(std::int64_t step_id, const redaction::RedactedText& note) override;
    void insert_confirmation(std::int64_t suggestion_id, Month month) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

// Public text goes in only as RedactedText (docs/redaction.md).
static_assert(!std::is_convertible_v<std::string, redaction::RedactedText>);
static_assert(std::is_same_v<decltype(suggestions::NewSuggestion::body), redaction::RedactedText>);
static_assert(std::is_same_v<decltype(suggestions::NewStep::note), std::optional<redaction::RedactedText>>);

}  // namespace pw::store
