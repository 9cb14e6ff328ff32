#include "store/complaints/complaints.hpp"

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include <fmt/format.h>

#include "store/events/events.hpp"
#include "store/ratings/ratings.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace complaints;

namespace {

// The column that keeps the week a move was made.
const char* week_column(ComplaintState to) {
    switch (to) {
        case ComplaintState::sent:
            return "sent_week";
        case ComplaintState::acknowledged:
            return "acknowledged_week";
        case ComplaintState::final_response:
            return "final_week";
        case ComplaintState::taken_to_ice:
            return "ice_week";
        case ComplaintState::withdrawn:
            return "withdrawn_week";
        case ComplaintState::drafted:
            break;
    }
    throw std::logic_error("no complaint moves back to a draft");
}

std::optional<Week> week_or_none(const soci::row& row, std::size_t i) {
    const auto text = get_text(row, i);
    if (text.empty()) return std::nullopt;
    return known(Week::parse(text), "complaint week");
}

constexpr std::string_view kComplaintColumns =
    "SELECT c.id, c.provider_id, p.name, o.name, c.category, c.what_happened, c.wanted, c.state, c.month, "
    "c.sent_week, c.acknowledged_week, c.final_week, c.final_note FROM complaints c "
    "JOIN providers p ON p.id = c.provider_id LEFT JOIN offices o ON o.id = c.office_id ";

std::vector<ComplaintRow> select(Database& db, const std::string& where_and_order) {
    auto s = db.session();
    std::vector<ComplaintRow> out;
    soci::rowset<soci::row> rows = (s.prepare << std::string(kComplaintColumns) + where_and_order);
    for (const auto& row : rows) {
        ComplaintRow r;
        r.id = get_int(row, 0);
        r.provider_id = get_int(row, 1);
        r.provider_name = row.get<std::string>(2);
        r.office_name = get_text(row, 3);
        r.category = known(category_from(row.get<std::string>(4)), "complaint category");
        r.what_happened = row.get<std::string>(5);
        r.wanted = row.get<std::string>(6);
        r.state = known(complaint_state_from(row.get<std::string>(7)), "complaint state");
        r.month = row.get<std::string>(8);
        r.sent = week_or_none(row, 9);
        r.acknowledged = week_or_none(row, 10);
        r.final_response = week_or_none(row, 11);
        r.final_note = get_text(row, 12);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

std::int64_t SociComplaintRepository::insert_codename(const codenames::HashedCodename& codename, Month month) {
    return store::insert_codename(s_, codename, month);
}

std::int64_t SociComplaintRepository::insert_complaint(const NewComplaint& c) {
    long long id = 0;
    const long long provider = c.provider_id;
    const long long codename = c.codename_id.value_or(0);
    const std::string category(category_key(c.category));
    const std::string month = c.month.to_string();
    const std::string week = c.week.to_string();
    s_ << "INSERT INTO complaints (provider_id, office_id, codename_id, category, what_happened, wanted, month, "
          "drafted_week) VALUES (:p, :o, :c, :cat, :w, :want, :m, :wk) RETURNING id",
        soci::use(provider), soci::use(id_or_null(c.office_id)), soci::use(codename), soci::use(category),
        soci::use(c.what_happened.str()), soci::use(c.wanted.str()), soci::use(month), soci::use(week), soci::into(id);
    return id;
}

std::optional<ComplaintFacts> SociComplaintRepository::complaint(std::int64_t complaint_id) {
    const long long id = complaint_id;
    std::string state;
    long long provider = 0;
    long long codename = 0;
    boost::optional<std::string> sent;
    s_ << "SELECT state, provider_id, codename_id, sent_week FROM complaints WHERE id = :id", soci::into(state),
        soci::into(provider), soci::into(codename), soci::into(sent), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return ComplaintFacts{known(complaint_state_from(state), "complaint state"), provider, codename,
                          sent ? std::optional(known(Week::parse(*sent), "complaint week")) : std::nullopt};
}

bool SociComplaintRepository::move_complaint(std::int64_t complaint_id, ComplaintState from, ComplaintState to,
                                             Week week, const std::optional<redaction::RedactedText>& note) {
    const long long id = complaint_id;
    const std::string to_name(complaint_state_name(to));
    const std::string from_name(complaint_state_name(from));
    const std::string w = week.to_string();
    const boost::optional<std::string> text = note ? boost::optional<std::string>(note->str()) : boost::none;
    // The column is one of our own names above, never input.
    soci::statement update =
        (s_.prepare << fmt::format("UPDATE complaints SET state = :to, final_note = COALESCE(:n, final_note), {} = :w "
                                   "WHERE id = :id AND state = :from",
                                   week_column(to)),
         soci::use(to_name), soci::use(text), soci::use(w), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

void SociComplaintRepository::append(const events::Event& event) {
    append_event(s_, event);
}

std::vector<ComplaintRow> complaints_of(Database& db, std::int64_t codename_id) {
    return select(db, fmt::format("WHERE c.codename_id = {} ORDER BY c.id DESC", codename_id));
}

std::optional<ComplaintRow> find_complaint(Database& db, std::int64_t id, std::int64_t codename_id) {
    auto rows = select(db, fmt::format("WHERE c.id = {} AND c.codename_id = {}", id, codename_id));
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<ComplaintRow> complaints_to(Database& db, const std::vector<std::int64_t>& providers) {
    if (providers.empty()) return {};
    std::string ids;
    for (auto id : providers) ids += (ids.empty() ? "" : ",") + std::to_string(id);
    // Only what was sent: a draft withdrawn before it was sent never reached the provider either.
    return select(db, fmt::format("WHERE c.sent_week IS NOT NULL AND c.provider_id IN ({}) ORDER BY c.id", ids));
}

}  // namespace pw::store
