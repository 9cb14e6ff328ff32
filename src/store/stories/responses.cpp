#include "store/stories/responses.hpp"

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace stories;

namespace {

events::ActorRole role_of(Actor actor) {
    return actor == Actor::moderator ? events::ActorRole::moderator
           : actor == Actor::admin   ? events::ActorRole::admin
                                     : events::ActorRole::provider;
}

// Reads the rows of a query over responses r joined to providers p, then their stories, after
// the query's session is given back (a second lease while holding one can wait for ever).
std::vector<ModeratedResponse> read_responses(Database& db, const std::string& where, long long key, int limit) {
    std::vector<std::pair<ModeratedResponse, std::int64_t>> found;
    {
        auto s = db.session();
        const int n = limit;
        soci::rowset<soci::row> rows =
            (s.prepare << fmt::format("SELECT r.id, p.name, r.month, r.body, r.state, r.reject_reason, r.story_id "
                                      "FROM responses r JOIN providers p ON p.id = r.provider_id WHERE {} LIMIT :n",
                                      where),
             soci::use(key), soci::use(n));
        for (const auto& row : rows) {
            ModeratedResponse response;
            response.id = get_int(row, 0);
            response.provider_name = get_text(row, 1);
            response.month = get_text(row, 2);
            response.body = get_text(row, 3);
            const auto state = response_state_from(get_text(row, 4));
            if (!state) throw std::runtime_error("a response in an unknown state: " + get_text(row, 4));
            response.state = *state;
            response.reject_reason = get_text(row, 5);
            found.emplace_back(std::move(response), get_int(row, 6));
        }
    }
    std::vector<ModeratedResponse> out;
    for (auto& [response, story_id] : found) {
        auto story = find_story(db, story_id);
        if (!story) continue;
        response.story = std::move(*story);
        out.push_back(std::move(response));
    }
    return out;
}

}  // namespace

Result<std::int64_t> insert_response(soci::session& s, std::int64_t story_id, std::int64_t provider_id,
                                     std::int64_t account_id, Month month, const redaction::RedactedText& body) {
    const long long sid = story_id;
    std::string story_state;
    s << "SELECT state FROM stories WHERE id = :id", soci::into(story_state), soci::use(sid);
    if (!s.got_data() || story_state != story_state_name(StoryState::published)) {
        return fail(ErrorKind::not_found, "Only a published story can be answered.");
    }
    long long id = 0;
    const long long pid = provider_id;
    const long long aid = account_id;
    const std::string m = month.to_string();
    s << "INSERT INTO responses (story_id, provider_id, account_id, month, body, state) "
         "VALUES (:s, :p, :a, :m, :b, 'pending') RETURNING id",
        soci::use(sid), soci::use(pid), soci::use(aid), soci::use(m), soci::use(body.str()), soci::into(id);
    append_event(s, events::Event{"response.submitted", "response", id, std::nullopt, "pending",
                                  events::ActorRole::provider, month});
    return id;
}

Result<void> change_response_state(soci::session& s, std::int64_t response_id, ResponseState to, Actor actor,
                                   Month month, const std::optional<redaction::RedactedText>& reason) {
    const long long id = response_id;
    std::string current;
    s << "SELECT state FROM responses WHERE id = :id", soci::into(current), soci::use(id);
    if (!s.got_data()) return fail(ErrorKind::not_found, "There is no such response.");
    const auto from = response_state_from(current);
    if (!from) throw std::runtime_error("a response in an unknown state: " + current);
    if (auto ok = check_response_transition(*from, to, actor); !ok) return ok;
    if (to == ResponseState::rejected && (!reason || reason->str().empty())) {
        return fail(ErrorKind::invalid_input, "Say why the response is rejected: the provider reads it.");
    }
    const std::string to_name(response_state_name(to));
    const boost::optional<std::string> why = reason ? boost::optional<std::string>(reason->str()) : boost::none;
    // Compare-and-set: a second moderator acting on the same response finds it moved on.
    soci::statement update = (s.prepare << "UPDATE responses SET state = :to, reject_reason = COALESCE(:r, "
                                           "reject_reason) WHERE id = :id AND state = :from",
                              soci::use(to_name), soci::use(why), soci::use(id), soci::use(current));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
        return fail(ErrorKind::conflict, "Someone else has just decided this response. Reload the page.");
    }
    append_event(
        s, events::Event{"response.state_changed", "response", response_id, current, to_name, role_of(actor), month});
    return {};
}

std::vector<ModeratedResponse> pending_responses(Database& db, int limit) {
    return read_responses(db, "r.state = 'pending' AND r.id > :after ORDER BY r.id", 0, limit);
}

std::vector<ModeratedResponse> responses_by(Database& db, std::int64_t provider_id, int limit) {
    return read_responses(db, "r.provider_id = :provider ORDER BY r.id DESC", provider_id, limit);
}

}  // namespace pw::store
