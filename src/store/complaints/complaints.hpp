#pragma once
// The complaint commands' repository (core/complaints/commands.hpp), inside the writer's
// transaction, and complaints as the participant's and the provider's pages read them.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "core/complaints/commands.hpp"
#include "store/database.hpp"

namespace pw::store {

class SociComplaintRepository final : public complaints::ComplaintRepository {
public:
    explicit SociComplaintRepository(soci::session& s) : s_(s) {}
    std::int64_t insert_codename(const codenames::HashedCodename& codename, Month month) override;
    std::int64_t insert_complaint(const complaints::NewComplaint& complaint) override;
    std::optional<complaints::ComplaintFacts> complaint(std::int64_t id) override;
    bool move_complaint(std::int64_t id, complaints::ComplaintState from, complaints::ComplaintState to, Week week,
                        const std::optional<redaction::RedactedText>& note) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

struct ComplaintRow {
    std::int64_t id = 0;
    std::int64_t provider_id = 0;
    std::string provider_name;
    std::string office_name;
    complaints::Category category = complaints::Category::other;
    std::string what_happened;
    std::string wanted;
    complaints::ComplaintState state = complaints::ComplaintState::drafted;
    std::string month;
    std::optional<Week> sent;
    std::optional<Week> acknowledged;
    std::optional<Week> final_response;
    std::string final_note;
};

// A codename's own complaints, newest first.
std::vector<ComplaintRow> complaints_of(Database& db, std::int64_t codename_id);
std::optional<ComplaintRow> find_complaint(Database& db, std::int64_t id, std::int64_t codename_id);
// Complaints sent to these providers (never drafts), oldest first: the representative's list.
std::vector<ComplaintRow> complaints_to(Database& db, const std::vector<std::int64_t>& providers);

// Text others read goes in only as RedactedText (docs/redaction.md).
static_assert(std::is_same_v<decltype(complaints::NewComplaint::what_happened), redaction::RedactedText>);
static_assert(std::is_same_v<decltype(complaints::NewComplaint::wanted), redaction::RedactedText>);

}  // namespace pw::store
