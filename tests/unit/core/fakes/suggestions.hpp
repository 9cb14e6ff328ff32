#pragma once
// An in-memory suggestion repository for the commands' unit tests. `race` makes the next
// compare-and-set find its row moved by another server, as a second writer would.
#include <map>
#include <string>
#include <vector>

#include "core/suggestions/commands.hpp"

namespace pw::fakes {

class Suggestions final : public suggestions::SuggestionRepository {
public:
    struct Suggestion {
        suggestions::SuggestionFacts facts;
        std::string body;
        std::optional<std::string> reason;
        std::optional<Week> answered;
    };
    std::map<std::int64_t, Suggestion> rows;
    std::map<std::int64_t, suggestions::NewStep> steps;
    std::vector<std::int64_t> confirmations;
    std::vector<events::Event> events;
    int codenames_made = 0;
    bool race = false;

    std::int64_t add(suggestions::SuggestionState state, suggestions::Review review = suggestions::Review::published,
                     std::int64_t provider_id = 5) {
        const auto id = next_++;
        rows[id] = Suggestion{{state, review, provider_id, std::nullopt}, "text", std::nullopt, std::nullopt};
        return id;
    }

    std::int64_t insert_codename(const codenames::HashedCodename&, Month) override {
        ++codenames_made;
        return 900 + codenames_made;
    }
    std::int64_t insert_suggestion(const suggestions::NewSuggestion& s) override {
        const auto id = next_++;
        rows[id] = Suggestion{{suggestions::SuggestionState::open, suggestions::Review::pending, s.provider_id,
                               s.codename_id},
                              s.body.str(),
                              std::nullopt,
                              std::nullopt};
        return id;
    }
    std::optional<suggestions::SuggestionFacts> suggestion(std::int64_t id) override {
        auto it = rows.find(id);
        return it == rows.end() ? std::nullopt : std::optional(it->second.facts);
    }
    bool review_suggestion(std::int64_t id, suggestions::Review from, suggestions::Review to,
                           const std::optional<redaction::RedactedText>& reason, Week) override {
        auto& row = rows.at(id);
        if (lost() || row.facts.review != from) return false;
        row.facts.review = to;
        if (reason) row.reason = reason->str();
        return true;
    }
    bool move_suggestion(std::int64_t id, suggestions::SuggestionState from, suggestions::SuggestionState to,
                         Week week) override {
        auto& row = rows.at(id);
        if (lost() || row.facts.state != from) return false;
        row.facts.state = to;
        if (!row.answered) row.answered = week;
        return true;
    }
    std::int64_t insert_step(const suggestions::NewStep& step) override {
        const auto id = next_++;
        steps.emplace(id, step);
        return id;
    }
    std::optional<suggestions::StepFacts> step(std::int64_t id) override {
        auto it = steps.find(id);
        if (it == steps.end()) return std::nullopt;
        return suggestions::StepFacts{it->second.suggestion_id, it->second.review,
                                      rows.at(it->second.suggestion_id).facts.provider_id};
    }
    bool review_step(std::int64_t id, suggestions::Review from, suggestions::Review to) override {
        auto& step = steps.at(id);
        if (lost() || step.review != from) return false;
        step.review = to;
        return true;
    }
    bool rewrite_note(std::int64_t id, const redaction::RedactedText& note) override {
        auto& step = steps.at(id);
        if (lost() || step.review != suggestions::Review::rejected) return false;
        step.note = note;
        step.review = suggestions::Review::pending;
        return true;
    }
    void insert_confirmation(std::int64_t id, Month) override { confirmations.push_back(id); }
    void append(const events::Event& event) override { events.push_back(event); }

private:
    bool lost() {
        const bool lose = race;
        race = false;
        return lose;
    }
    std::int64_t next_ = 1;
};

}  // namespace pw::fakes
