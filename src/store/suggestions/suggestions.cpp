#include "store/suggestions/suggestions.hpp"

#include <fmt/format.h>

#include <map>

#include "core/suggestions/commands.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace suggestions;

namespace {

constexpr std::string_view kSuggestionColumns =
    "SELECT g.id, g.public_ref, g.provider_id, p.name, o.name, g.month, g.week, g.answered_week, g.body, "
    "g.review, g.reject_reason, g.state FROM suggestions g JOIN providers p ON p.id = g.provider_id "
    "LEFT JOIN offices o ON o.id = g.office_id ";

SuggestionRow read_row(const soci::row& row) {
    SuggestionRow r;
    r.id = get_int(row, 0);
    r.public_ref = row.get<std::string>(1);
    r.provider_id = get_int(row, 2);
    r.provider_name = row.get<std::string>(3);
    r.office_name = get_text(row, 4);
    r.month = row.get<std::string>(5);
    r.week = known(Week::parse(row.get<std::string>(6)), "suggestion week");
    if (const auto answered = get_text(row, 7); !answered.empty()) r.answered = known(Week::parse(answered), "week");
    r.body = row.get<std::string>(8);
    r.review = known(review_from(row.get<std::string>(9)), "suggestion review");
    r.reject_reason = get_text(row, 10);
    r.state = known(suggestion_state_from(row.get<std::string>(11)), "suggestion state");
    return r;
}

// The rows a filter selects, with their steps.
std::vector<SuggestionRow> select(soci::session& s, const std::string& where_and_order) {
    std::vector<SuggestionRow> out;
    std::map<std::int64_t, std::size_t> at;
    {
        soci::rowset<soci::row> rows = (s.prepare << std::string(kSuggestionColumns) + where_and_order);
        for (const auto& row : rows) {
            at[get_int(row, 0)] = out.size();
            out.push_back(read_row(row));
        }
    }
    if (out.empty()) return out;
    // The same filter again rather than a list of ids: the list of every published one grows.
    const auto where = where_and_order.substr(0, where_and_order.find(" ORDER BY"));
    soci::rowset<soci::row> steps =
        (s.prepare << fmt::format("SELECT t.suggestion_id, t.id, t.from_state, t.to_state, t.month, t.note, t.review "
                                  "FROM suggestion_steps t WHERE t.suggestion_id IN (SELECT g.id FROM suggestions g {}) "
                                  "ORDER BY t.id",
                                  where));
    // Moderators' censor rules that reach suggestions: a provider's, and everywhere's (few: all read).
    soci::rowset<soci::row> rules = (s.prepare << "SELECT scope, provider_id, phrase FROM censor_rules WHERE scope IN "
                                                  "('provider', 'everywhere') ORDER BY id");
    for (const auto& row : rules) {
        const bool everywhere = get_text(row, 0) == "everywhere";
        const auto provider = row.get_indicator(1) == soci::i_null ? 0 : get_int(row, 1);
        for (auto& suggestion : out) {
            if (everywhere || suggestion.provider_id == provider) suggestion.rules.push_back({get_text(row, 2)});
        }
    }
    for (const auto& row : steps) {
        const auto found = at.find(get_int(row, 0));
        if (found == at.end()) continue;  // past the filter's LIMIT
        out[found->second].steps.push_back(
            SuggestionStepRow{get_int(row, 1), known(suggestion_state_from(row.get<std::string>(2)), "state"),
                              known(suggestion_state_from(row.get<std::string>(3)), "state"),
                              row.get<std::string>(4), get_text(row, 5),
                              known(review_from(row.get<std::string>(6)), "step review")});
    }
    return out;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (auto id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

}  // namespace

std::vector<SuggestionRow> published_suggestions(Database& db) {
    auto s = db.session();
    // Newest month first, and within a month by reference: the order of arrival is not shown.
    return select(s, "WHERE g.review = 'published' ORDER BY g.provider_id, g.month DESC, g.public_ref");
}

std::vector<SuggestionRow> suggestions_to(Database& db, const std::vector<std::int64_t>& providers) {
    if (providers.empty()) return {};
    auto s = db.session();
    return select(s, fmt::format("WHERE g.review = 'published' AND g.provider_id IN ({}) ORDER BY g.id DESC",
                                 id_list(providers)));
}

std::vector<SuggestionRow> suggestions_of(Database& db, std::int64_t codename_id) {
    auto s = db.session();
    return select(s, fmt::format("WHERE g.codename_id = {} ORDER BY g.id DESC", codename_id));
}

std::vector<SuggestionRow> pending_suggestions(Database& db, int limit) {
    auto s = db.session();
    return select(s, fmt::format("WHERE g.review = 'pending' ORDER BY g.id LIMIT {}", limit));
}

std::vector<SuggestionRow> suggestions_with_pending_notes(Database& db, int limit) {
    auto s = db.session();
    return select(s, fmt::format("WHERE g.id IN (SELECT suggestion_id FROM suggestion_steps WHERE review = "
                                 "'pending') ORDER BY g.id LIMIT {}",
                                 limit));
}

std::optional<SuggestionRow> find_suggestion(Database& db, std::int64_t id) {
    auto s = db.session();
    auto rows = select(s, fmt::format("WHERE g.id = {}", id));
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::int64_t last_suggestion_event(Database& db) {
    auto s = db.session();
    long long id = 0;
    soci::indicator ind = soci::i_null;
    // Only what changes a public page. A participant's suggestion arriving, or rejected, must not
    // make every server re-read and empty its page cache (a timing signal anyone could watch).
    s << "SELECT MAX(id) FROM events WHERE object_kind IN ('suggestion', 'suggestion_step', 'censor_rule') AND what <> "
         "'suggestion.submitted' AND NOT (what = 'suggestion.reviewed' AND to_state = 'rejected')",
        soci::into(id, ind);
    return ind == soci::i_ok ? id : 0;
}

std::vector<SuggestionRecord> suggestion_records(soci::session& s) {
    std::vector<SuggestionRecord> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT provider_id, published_week, answered_week, state FROM suggestions WHERE review = "
                      "'published'");
    for (const auto& row : rows) {
        SuggestionRecord r;
        r.provider_id = get_int(row, 0);
        r.made = known(Week::parse(get_text(row, 1)), "suggestion's published week");
        if (const auto answered = get_text(row, 2); !answered.empty()) r.answered = known(Week::parse(answered), "week");
        r.state = known(suggestion_state_from(row.get<std::string>(3)), "suggestion state");
        out.push_back(r);
    }
    return out;
}

std::vector<std::pair<std::int64_t, long long>> confirmations_in(soci::session& s, Month month) {
    const std::string m = month.to_string();
    const std::string first = month.plus(1 - kAskedForMonths).value_or(month).to_string();
    std::vector<std::pair<std::int64_t, long long>> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT g.id, (SELECT COUNT(*) FROM change_confirmations c WHERE c.suggestion_id = g.id AND "
                      "c.month = :m) FROM suggestions g JOIN suggestion_steps t ON t.suggestion_id = g.id AND "
                      "t.to_state = 'implemented' WHERE g.review = 'published' AND g.state = 'implemented' AND "
                      "t.month >= :first AND t.month <= :m2 ORDER BY g.id",
         soci::use(m), soci::use(first), soci::use(m));
    for (const auto& row : rows) out.emplace_back(get_int(row, 0), get_int(row, 1));
    return out;
}

}  // namespace pw::store
