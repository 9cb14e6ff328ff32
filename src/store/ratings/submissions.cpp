#include "store/ratings/submissions.hpp"

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace ratings;

Submissions submissions_for(Database& db, std::int64_t codename_id) {
    Submissions out;
    std::vector<std::int64_t> story_ids;
    {  // given back before find_story borrows one: nested borrows can empty the pool and wait for ever
        auto s = db.session();
        const long long id = codename_id;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT r.id, p.name, o.name, r.month, r.stars, r.state FROM ratings r "
                          "JOIN providers p ON p.id = r.provider_id LEFT JOIN offices o ON o.id = r.office_id "
                          "WHERE r.codename_id = :c ORDER BY r.id DESC",
             soci::use(id));
        for (const auto& row : rows) {
            const auto office = get_text(row, 2);
            out.ratings.push_back({get_int(row, 0),
                                   office.empty() ? get_text(row, 1) : office + " (" + get_text(row, 1) + ")",
                                   get_text(row, 3), static_cast<int>(get_int(row, 4)),
                                   known(rating_state_from(get_text(row, 5)), "rating state")});
        }
        soci::rowset<soci::row> stories =
            (s.prepare << "SELECT id FROM stories WHERE codename_id = :c ORDER BY id DESC", soci::use(id));
        for (const auto& row : stories) story_ids.push_back(get_int(row, 0));
    }
    for (auto story_id : story_ids) {
        if (auto story = find_story(db, story_id)) out.stories.push_back(*story);
    }
    return out;
}

}  // namespace pw::store
