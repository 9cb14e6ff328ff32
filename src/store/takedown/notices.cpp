#include "store/takedown/notices.hpp"

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace takedown;

namespace {

boost::optional<std::string> opt(const std::optional<std::string>& v) {
    return v ? boost::optional<std::string>(*v) : boost::none;
}

void story_visibility_event(soci::session& s, const char* what, std::int64_t story_id, events::ActorRole actor,
                            Month month) {
    // Visibility is not a story state: the event tells each server's copy of the published
    // stories to read this provider's again (story_changes_since).
    append_event(s, events::Event{what, "story", story_id, std::nullopt, std::nullopt, actor, month});
}

// A notice still open that hides what it is about: its story (response_id NULL) or one response.
constexpr const char* kOpenHiding = "hides = 1 AND state IN ('received', 'writer_answered')";

std::vector<NoticeRow> read_notices(Database& db, const std::string& where, long long key) {
    std::vector<NoticeRow> found;
    {
        auto s = db.session();
        // The hidden count is over notices about the same thing: the story, or the same response.
        soci::rowset<soci::row> rows =
            (s.prepare << fmt::format(
                 "SELECT n.id, n.ground, n.explanation, n.complainant_name, n.complainant_contact, "
                 "n.received_on, n.answer_due_on, n.hides, n.state, n.writer_answer, n.story_id, "
                 "st.codename_id, (SELECT COUNT(*) FROM takedown_notices h WHERE h.story_id = n.story_id AND "
                 "COALESCE(h.response_id, 0) = COALESCE(n.response_id, 0) AND h.{}), "
                 "n.response_id, r.body, rp.name, r.month "
                 "FROM takedown_notices n JOIN stories st ON st.id = n.story_id "
                 "LEFT JOIN responses r ON r.id = n.response_id LEFT JOIN providers rp ON rp.id = r.provider_id "
                 "WHERE n.state IN ('received', 'writer_answered') AND {} "
                 "ORDER BY n.answer_due_on, n.id LIMIT 200",
                 kOpenHiding, where),
             soci::use(key));
        for (const auto& row : rows) {
            NoticeRow notice;
            notice.id = get_int(row, 0);
            const auto ground = ground_from(get_text(row, 1));
            const auto state = notice_state_from(get_text(row, 8));
            if (!ground || !state) throw std::runtime_error("a takedown notice with an unknown ground or state");
            notice.ground = *ground;
            notice.explanation = get_text(row, 2);
            notice.complainant_name = get_text(row, 3);
            notice.complainant_contact = get_text(row, 4);
            notice.received_on = get_text(row, 5);
            notice.answer_due_on = get_text(row, 6);
            notice.hides = get_int(row, 7) != 0;
            notice.state = *state;
            notice.writer_answer = get_text(row, 9);
            notice.story.id = get_int(row, 10);
            notice.writer_reachable = row.get_indicator(11) != soci::i_null;
            notice.story_hidden = get_int(row, 12) > 0;
            if (row.get_indicator(13) != soci::i_null) {
                notice.response =
                    ResponseRow{get_int(row, 13), get_text(row, 15), get_text(row, 16), get_text(row, 14)};
                notice.writer_reachable = true;  // the provider's representatives read it in their area
            }
            found.push_back(std::move(notice));
        }
    }
    for (auto& notice : found) {  // after the session above is given back: a second lease could wait
        if (auto story = find_story(db, notice.story.id)) notice.story = std::move(*story);
    }
    return found;
}

}  // namespace

std::optional<takedown::ReportedStory> SociNoticeRepository::reported_story(std::int64_t story_id) {
    const long long id = story_id;
    std::string state;
    boost::optional<long long> codename;
    s_ << "SELECT state, codename_id FROM stories WHERE id = :id", soci::into(state), soci::into(codename),
        soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    long long open_hiding = 0;
    long long dismissed = 0;
    s_ << fmt::format("SELECT COUNT(*) FROM takedown_notices WHERE story_id = :s AND response_id IS NULL AND {}",
                      kOpenHiding),
        soci::into(open_hiding), soci::use(id);
    s_ << "SELECT COUNT(*) FROM takedown_notices WHERE story_id = :s AND response_id IS NULL AND state = 'dismissed'",
        soci::into(dismissed), soci::use(id);
    return takedown::ReportedStory{known(stories::story_state_from(state), "story state"), codename.has_value(),
                                   open_hiding > 0, dismissed > 0};
}

std::optional<takedown::ReportedResponse> SociNoticeRepository::reported_response(std::int64_t response_id) {
    const long long id = response_id;
    std::string state;
    long long story_id = 0;
    s_ << "SELECT state, story_id FROM responses WHERE id = :id", soci::into(state), soci::into(story_id),
        soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    long long open_hiding = 0;
    long long dismissed = 0;
    s_ << fmt::format("SELECT COUNT(*) FROM takedown_notices WHERE response_id = :r AND {}", kOpenHiding),
        soci::into(open_hiding), soci::use(id);
    s_ << "SELECT COUNT(*) FROM takedown_notices WHERE response_id = :r AND state = 'dismissed'", soci::into(dismissed),
        soci::use(id);
    return takedown::ReportedResponse{known(stories::response_state_from(state), "response state"), story_id,
                                      open_hiding > 0, dismissed > 0};
}

std::int64_t SociNoticeRepository::insert_notice(const takedown::NewNotice& notice) {
    const long long story_id = notice.story_id;
    const std::string ground(ground_name(notice.ground));
    const std::string on = day_text(notice.received);
    const std::string due = day_text(notice.answer_due);
    const int hides = notice.hides ? 1 : 0;
    const auto response_id = notice.response_id ? boost::optional<long long>(*notice.response_id) : boost::none;
    long long id = 0;
    s_ << "INSERT INTO takedown_notices (story_id, response_id, ground, explanation, complainant_name, "
          "complainant_contact, received_on, answer_due_on, hides) VALUES (:s, :p, :g, :e, :n, :c, :r, :d, :h) "
          "RETURNING id",
        soci::use(story_id), soci::use(response_id), soci::use(ground), soci::use(notice.explanation.str()),
        soci::use(opt(notice.complainant_name)), soci::use(opt(notice.complainant_contact)), soci::use(on),
        soci::use(due), soci::use(hides), soci::into(id);
    return id;
}

std::optional<takedown::NoticeFacts> SociNoticeRepository::notice(std::int64_t notice_id) {
    const long long id = notice_id;
    std::string state;
    long long story_id = 0;
    int hides = 0;
    boost::optional<long long> response_id, provider_id;
    s_ << "SELECT n.state, n.story_id, n.hides, n.response_id, r.provider_id FROM takedown_notices n "
          "LEFT JOIN responses r ON r.id = n.response_id WHERE n.id = :id",
        soci::into(state), soci::into(story_id), soci::into(hides), soci::into(response_id), soci::into(provider_id),
        soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    auto std_opt = [](const boost::optional<long long>& v) {
        return v ? std::optional<std::int64_t>(*v) : std::nullopt;
    };
    return takedown::NoticeFacts{known(notice_state_from(state), "takedown notice state"), story_id, hides != 0,
                                 std_opt(response_id), std_opt(provider_id)};
}

bool SociNoticeRepository::move_notice(std::int64_t notice_id, NoticeState from, NoticeState to,
                                       const std::optional<std::string>& answer, bool decided) {
    const long long id = notice_id;
    const std::string from_name(notice_state_name(from));
    const std::string to_name(notice_state_name(to));
    const boost::optional<std::string> text = opt(answer);
    const char* forget = decided ? ", hides = 0, complainant_name = NULL, complainant_contact = NULL" : "";
    soci::statement update =
        (s_.prepare << fmt::format("UPDATE takedown_notices SET state = :to, writer_answer = COALESCE(:a, "
                                   "writer_answer){} WHERE id = :id AND state = :from",
                                   forget),
         soci::use(to_name), soci::use(text), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

void SociNoticeRepository::append(const events::Event& event) {
    append_event(s_, event);
}

bool story_hidden(Database& db, std::int64_t story_id) {
    auto s = db.session();
    const long long id = story_id;
    long long n = 0;
    s << fmt::format("SELECT COUNT(*) FROM takedown_notices WHERE story_id = :s AND response_id IS NULL AND {}",
                     kOpenHiding),
        soci::into(n), soci::use(id);
    return n > 0;
}

bool response_hidden(Database& db, std::int64_t response_id) {
    auto s = db.session();
    const long long id = response_id;
    long long n = 0;
    s << fmt::format("SELECT COUNT(*) FROM takedown_notices WHERE response_id = :r AND {}", kOpenHiding), soci::into(n),
        soci::use(id);
    return n > 0;
}

std::vector<NoticeRow> open_notices(Database& db) {
    return read_notices(db, "n.id > :after", 0);
}

std::vector<NoticeRow> open_notices_for_writer(Database& db, std::int64_t codename_id) {
    return read_notices(db, "st.codename_id = :codename AND n.response_id IS NULL", codename_id);
}

std::vector<NoticeRow> open_notices_for_provider(Database& db, std::int64_t provider_id) {
    return read_notices(db, "r.provider_id = :provider", provider_id);
}

int hide_unanswered_notices(soci::session& s, std::chrono::sys_days today, Month month) {
    const std::string day = day_text(today);
    struct Due {
        long long id = 0, story_id = 0;
        std::optional<long long> response_id;
    };
    std::vector<Due> due;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, story_id, response_id FROM takedown_notices WHERE state = 'received' AND hides = 0 "
                      "AND answer_due_on < :d ORDER BY id",
         soci::use(day));
    for (const auto& row : rows) {
        due.push_back({get_int(row, 0), get_int(row, 1),
                       row.get_indicator(2) == soci::i_null ? std::nullopt : std::optional(get_int(row, 2))});
    }
    int hidden = 0;
    for (const auto& [id, story_id, response_id] : due) {
        // Compare-and-set: of several servers doing this at once, one hides it and says so.
        soci::statement update =
            (s.prepare << "UPDATE takedown_notices SET hides = 1 WHERE id = :id AND state = 'received' AND hides = 0",
             soci::use(id));
        if (!changed_one_row(update)) continue;
        if (response_id) {
            append_event(s, events::Event{"response.hidden", "response", *response_id, std::nullopt, std::nullopt,
                                          events::ActorRole::system, month});
        } else {
            story_visibility_event(s, "story.hidden", story_id, events::ActorRole::system, month);
        }
        ++hidden;
    }
    return hidden;
}

}  // namespace pw::store
