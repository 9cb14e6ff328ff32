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

// The notice's state, and its story's id, read for a change; nullopt when there is none.
struct Current {
    NoticeState state;
    std::int64_t story_id;
    bool hides;
};
std::optional<Current> current(soci::session& s, std::int64_t notice_id) {
    const long long id = notice_id;
    std::string state;
    long long story_id = 0;
    int hides = 0;
    s << "SELECT state, story_id, hides FROM takedown_notices WHERE id = :id", soci::into(state), soci::into(story_id),
        soci::into(hides), soci::use(id);
    if (!s.got_data()) return std::nullopt;
    const auto parsed = notice_state_from(state);
    if (!parsed) throw std::runtime_error("a takedown notice in an unknown state: " + state);
    return Current{*parsed, story_id, hides != 0};
}

// Compare-and-set: a second moderator (or the writer) acting at the same time finds it moved on.
Result<void> move(soci::session& s, std::int64_t notice_id, NoticeState from, NoticeState to, const std::string& set,
                  const std::optional<std::string>& answer) {
    const long long id = notice_id;
    const std::string from_name(notice_state_name(from));
    const std::string to_name(notice_state_name(to));
    const boost::optional<std::string> text = opt(answer);
    soci::statement update =
        (s.prepare << fmt::format("UPDATE takedown_notices SET state = :to, writer_answer = COALESCE(:a, "
                                  "writer_answer){} WHERE id = :id AND state = :from",
                                  set),
         soci::use(to_name), soci::use(text), soci::use(id), soci::use(from_name));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
        return fail(ErrorKind::conflict, "Someone else has just acted on this notice. Reload the page.");
    }
    return {};
}

std::vector<NoticeRow> read_notices(Database& db, const std::string& where, long long key) {
    std::vector<NoticeRow> found;
    {
        auto s = db.session();
        soci::rowset<soci::row> rows =
            (s.prepare << fmt::format(
                 "SELECT n.id, n.ground, n.explanation, n.complainant_name, n.complainant_contact, "
                 "n.received_on, n.answer_due_on, n.hides, n.state, n.writer_answer, n.story_id, "
                 "st.codename_id, (SELECT COUNT(*) FROM takedown_notices h WHERE h.story_id = n.story_id AND "
                 "h.hides = 1 AND h.state IN ('received', 'writer_answered')) "
                 "FROM takedown_notices n JOIN stories st ON st.id = n.story_id "
                 "WHERE n.state IN ('received', 'writer_answered') AND {} "
                 "ORDER BY n.answer_due_on, n.id LIMIT 200",
                 where),
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
            found.push_back(std::move(notice));
        }
    }
    for (auto& notice : found) {  // after the session above is given back: a second lease could wait
        if (auto story = find_story(db, notice.story.id)) notice.story = std::move(*story);
    }
    return found;
}

}  // namespace

Result<ReceivedNotice> insert_notice(soci::session& s, const NoticeRecord& notice, Month month) {
    const long long story_id = notice.story_id;
    std::string state;
    boost::optional<long long> codename;
    s << "SELECT state, codename_id FROM stories WHERE id = :id", soci::into(state), soci::into(codename),
        soci::use(story_id);
    if (!s.got_data() || state != stories::story_state_name(stories::StoryState::published)) {
        return fail(ErrorKind::not_found, "Only a published story can be reported.");
    }
    long long open_hiding = 0;
    long long dismissed = 0;
    s << "SELECT COUNT(*) FROM takedown_notices WHERE story_id = :s AND hides = 1 AND state IN ('received', "
         "'writer_answered')",
        soci::into(open_hiding), soci::use(story_id);
    if (open_hiding > 0) return fail(ErrorKind::not_found, "This story is hidden while a moderator reviews it.");
    s << "SELECT COUNT(*) FROM takedown_notices WHERE story_id = :s AND state = 'dismissed'", soci::into(dismissed),
        soci::use(story_id);
    ReceivedNotice received;
    received.writer_reachable = codename.has_value();
    // Kept once by a moderator: a new notice cannot take it down again on its own.
    received.hidden = dismissed == 0 && hidden_at_once(notice.ground, received.writer_reachable);
    const std::string ground(ground_name(notice.ground));
    const std::string on = day_text(notice.received);
    const std::string due = day_text(answer_due(notice.received));
    const int hides = received.hidden ? 1 : 0;
    long long id = 0;
    s << "INSERT INTO takedown_notices (story_id, ground, explanation, complainant_name, complainant_contact, "
         "received_on, answer_due_on, hides) VALUES (:s, :g, :e, :n, :c, :r, :d, :h) RETURNING id",
        soci::use(story_id), soci::use(ground), soci::use(notice.explanation.str()),
        soci::use(opt(notice.complainant_name)), soci::use(opt(notice.complainant_contact)), soci::use(on),
        soci::use(due), soci::use(hides), soci::into(id);
    received.id = id;
    append_event(s, events::Event{"notice.received", "takedown_notice", id, std::nullopt, "received",
                                  events::ActorRole::participant, month});
    if (received.hidden) story_visibility_event(s, "story.hidden", notice.story_id, events::ActorRole::system, month);
    return received;
}

bool story_hidden(Database& db, std::int64_t story_id) {
    auto s = db.session();
    const long long id = story_id;
    long long n = 0;
    s << "SELECT COUNT(*) FROM takedown_notices WHERE story_id = :s AND hides = 1 AND state IN ('received', "
         "'writer_answered')",
        soci::into(n), soci::use(id);
    return n > 0;
}

std::vector<NoticeRow> open_notices(Database& db) {
    return read_notices(db, "n.id > :after", 0);
}

std::vector<NoticeRow> open_notices_for_writer(Database& db, std::int64_t codename_id) {
    return read_notices(db, "st.codename_id = :codename", codename_id);
}

Result<void> answer_notice(soci::session& s, std::int64_t notice_id, std::int64_t codename_id,
                           const std::string& answer, Month month) {
    const auto now = current(s, notice_id);
    const long long story_id = now ? now->story_id : 0;
    boost::optional<long long> writer;
    if (now) s << "SELECT codename_id FROM stories WHERE id = :id", soci::into(writer), soci::use(story_id);
    // Another codename's notice is answered the same way as none: nothing tells them it exists.
    if (!now || !writer || *writer != codename_id) return fail(ErrorKind::not_found, "There is no such notice.");
    if (auto ok = check_notice_transition(now->state, NoticeState::writer_answered, Actor::participant); !ok) return ok;
    if (auto moved = move(s, notice_id, now->state, NoticeState::writer_answered, "", answer); !moved) return moved;
    append_event(
        s, events::Event{"notice.answered", "takedown_notice", notice_id, std::string(notice_state_name(now->state)),
                         "writer_answered", events::ActorRole::participant, month});
    return {};
}

Result<void> decide_notice(soci::session& s, std::int64_t notice_id, bool upheld, Month month) {
    const auto now = current(s, notice_id);
    if (!now) return fail(ErrorKind::not_found, "There is no such notice.");
    const auto to = upheld ? NoticeState::upheld : NoticeState::dismissed;
    if (auto ok = check_notice_transition(now->state, to, Actor::moderator); !ok) return ok;
    if (auto moved = move(s, notice_id, now->state, to,
                          ", hides = 0, complainant_name = NULL, complainant_contact = NULL", std::nullopt);
        !moved) {
        return moved;
    }
    append_event(
        s, events::Event{"notice.decided", "takedown_notice", notice_id, std::string(notice_state_name(now->state)),
                         std::string(notice_state_name(to)), events::ActorRole::moderator, month});
    if (upheld) {
        auto story = find_story_in(s, now->story_id);
        // The writer may have withdrawn it already: then there is nothing left to remove.
        if (story && story->state == stories::StoryState::published) {
            return change_story_state(s, now->story_id, stories::StoryState::removed, Actor::moderator, month);
        }
        return {};
    }
    if (now->hides) story_visibility_event(s, "story.shown", now->story_id, events::ActorRole::moderator, month);
    return {};
}

int hide_unanswered_notices(soci::session& s, std::chrono::sys_days today, Month month) {
    const std::string day = day_text(today);
    std::vector<std::pair<long long, long long>> due;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, story_id FROM takedown_notices WHERE state = 'received' AND hides = 0 AND "
                      "answer_due_on < :d ORDER BY id",
         soci::use(day));
    for (const auto& row : rows) due.emplace_back(get_int(row, 0), get_int(row, 1));
    int hidden = 0;
    for (const auto& [id, story_id] : due) {
        // Compare-and-set: of several servers doing this at once, one hides it and says so.
        soci::statement update =
            (s.prepare << "UPDATE takedown_notices SET hides = 1 WHERE id = :id AND state = 'received' AND hides = 0",
             soci::use(id));
        update.execute(true);
        if (update.get_affected_rows() != 1) continue;
        story_visibility_event(s, "story.hidden", story_id, events::ActorRole::system, month);
        ++hidden;
    }
    return hidden;
}

}  // namespace pw::store
