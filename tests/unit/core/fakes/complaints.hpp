#pragma once
// An in-memory complaint repository for the commands' unit tests. `race` makes the next
// compare-and-set find its row moved by another server.
#include <map>
#include <vector>

#include "core/complaints/commands.hpp"

namespace pw::fakes {

class Complaints final : public complaints::ComplaintRepository {
public:
    struct Complaint {
        complaints::ComplaintFacts facts;
        std::string what_happened;
        std::optional<std::string> note;
        std::map<complaints::ComplaintState, Week> weeks;
    };
    std::map<std::int64_t, Complaint> rows;
    std::vector<events::Event> events;
    bool race = false;

    std::int64_t add(complaints::ComplaintState state, std::optional<Week> sent, std::int64_t provider_id = 5,
                     std::int64_t codename_id = 9) {
        const auto id = next_++;
        rows[id] = Complaint{{state, provider_id, codename_id, sent}, "text", std::nullopt, {}};
        return id;
    }
    std::int64_t insert_codename(const codenames::HashedCodename&, Month) override { return 901; }
    std::int64_t insert_complaint(const complaints::NewComplaint& c) override {
        const auto id = next_++;
        rows[id] = Complaint{{complaints::ComplaintState::drafted, c.provider_id, *c.codename_id, std::nullopt},
                             c.what_happened.str(),
                             std::nullopt,
                             {}};
        return id;
    }
    std::optional<complaints::ComplaintFacts> complaint(std::int64_t id) override {
        auto it = rows.find(id);
        return it == rows.end() ? std::nullopt : std::optional(it->second.facts);
    }
    bool move_complaint(std::int64_t id, complaints::ComplaintState from, complaints::ComplaintState to, Week week,
                        const std::optional<redaction::RedactedText>& note) override {
        auto& row = rows.at(id);
        if (race) {
            race = false;
            return false;
        }
        if (row.facts.state != from) return false;
        row.facts.state = to;
        row.weeks[to] = week;
        if (to == complaints::ComplaintState::sent) row.facts.sent = week;
        if (note) row.note = note->str();
        return true;
    }
    void append(const events::Event& event) override { events.push_back(event); }

private:
    std::int64_t next_ = 1;
};

}  // namespace pw::fakes
