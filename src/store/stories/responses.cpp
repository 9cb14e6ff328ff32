#include "store/stories/responses.hpp"

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace stories;

namespace {

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

std::vector<ModeratedResponse> pending_responses(Database& db, int limit) {
    return read_responses(db, "r.state = 'pending' AND r.id > :after ORDER BY r.id", 0, limit);
}

std::vector<ModeratedResponse> responses_by(Database& db, std::int64_t provider_id, int limit) {
    return read_responses(db, "r.provider_id = :provider ORDER BY r.id DESC", provider_id, limit);
}

}  // namespace pw::store
