#include "store/stories/stories.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "crypto/passwords.hpp"
#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace stories;

namespace {

boost::optional<long long> opt(const std::optional<std::int64_t>& v) {
    return v ? boost::optional<long long>(*v) : boost::none;
}

constexpr const char* kStoryColumns =
    "SELECT s.id, s.provider_id, p.name, o.name, s.month, s.body, s.state, s.reject_reason, s.safeguarding, "
    "s.public_ref "
    "FROM stories s JOIN providers p ON p.id = s.provider_id LEFT JOIN offices o ON o.id = s.office_id ";

// A story with a takedown notice that hides it, not yet decided, is on no public page.
const std::string kNotHidden =
    "NOT EXISTS (SELECT 1 FROM takedown_notices n WHERE n.story_id = s.id AND n.hides = 1 AND n.state IN "
    "('received', 'writer_answered'))";

StoryRow read_story(const soci::row& row) {
    StoryRow story;
    story.id = get_int(row, 0);
    story.provider_id = get_int(row, 1);
    story.provider_name = get_text(row, 2);
    story.office_name = get_text(row, 3);
    story.month = get_text(row, 4);
    story.body = get_text(row, 5);
    story.state = known(story_state_from(get_text(row, 6)), "story state");
    story.reject_reason = get_text(row, 7);
    story.safeguarding = get_int(row, 8) != 0;
    story.public_ref = get_text(row, 9);
    return story;
}

// Responses and censor rules for many stories in two queries, not two a story. story_filter is
// SQL over the stories table (alias s) that selects at least these stories; it holds only
// numbers we hold, never text from a request.
void attach_details(soci::session& s, std::span<StoryRow> stories, const std::string& story_filter) {
    if (stories.empty()) return;
    std::unordered_map<std::int64_t, std::vector<StoryRow*>> by_id;
    for (auto& story : stories) by_id[story.id].push_back(&story);
    soci::rowset<soci::row> responses =
        (s.prepare << fmt::format("SELECT r.story_id, r.id, p.name, r.month, r.body FROM responses r "
                                  "JOIN providers p ON p.id = r.provider_id JOIN stories s ON s.id = "
                                  "r.story_id WHERE {} AND r.state = 'published' ORDER BY r.id",
                                  story_filter));
    for (const auto& row : responses) {
        auto found = by_id.find(get_int(row, 0));
        if (found == by_id.end()) continue;
        for (auto* story : found->second) {
            story->responses.push_back({get_int(row, 1), get_text(row, 2), get_text(row, 3), get_text(row, 4)});
        }
    }
    // Censor rules are few: read them all and apply each where its scope reaches.
    soci::rowset<soci::row> rules =
        (s.prepare << "SELECT scope, story_id, provider_id, phrase FROM censor_rules ORDER BY id");
    for (const auto& row : rules) {
        const auto scope = get_text(row, 0);
        const auto phrase = get_text(row, 3);
        if (scope == "everywhere") {
            for (auto& story : stories) story.rules.push_back({phrase});
        } else if (scope == "story" && row.get_indicator(1) != soci::i_null) {
            auto found = by_id.find(get_int(row, 1));
            if (found == by_id.end()) continue;
            for (auto* story : found->second) story->rules.push_back({phrase});
        } else if (scope == "provider" && row.get_indicator(2) != soci::i_null) {
            const auto provider = get_int(row, 2);
            for (auto& story : stories) {
                if (story.provider_id == provider) story.rules.push_back({phrase});
            }
        }
    }
}

std::string id_list(std::span<const std::int64_t> ids) {
    std::string out;
    for (auto id : ids) out += fmt::format("{}{}", out.empty() ? "" : ",", id);
    return out;
}

void add_details(soci::session& s, std::span<StoryRow> stories) {
    std::vector<std::int64_t> ids;
    for (const auto& story : stories) ids.push_back(story.id);
    if (!ids.empty()) attach_details(s, stories, fmt::format("s.id IN ({})", id_list(ids)));
}

std::vector<StoryRow> read_stories(soci::session& s, soci::rowset<soci::row>& rows) {
    std::vector<StoryRow> out;
    for (const auto& row : rows) out.push_back(read_story(row));
    add_details(s, out);
    return out;
}

void story_event(soci::session& s, const char* what, std::int64_t id, std::optional<StoryState> from,
                 std::optional<StoryState> to, events::ActorRole actor, Month month) {
    auto name = [](std::optional<StoryState> st) {
        return st ? std::optional<std::string>(std::string(story_state_name(*st))) : std::nullopt;
    };
    append_event(s, events::Event{what, "story", id, name(from), name(to), actor, month});
}

events::ActorRole role_of(Actor actor) {
    switch (actor) {
        case Actor::participant:
            return events::ActorRole::participant;
        case Actor::moderator:
            return events::ActorRole::moderator;
        case Actor::provider:
            return events::ActorRole::provider;
        case Actor::admin:
            return events::ActorRole::admin;
    }
    return events::ActorRole::system;
}

std::optional<StoryRow> story_in(soci::session& s, std::int64_t id) {
    const long long key = id;
    soci::rowset<soci::row> rows = (s.prepare << std::string(kStoryColumns) + "WHERE s.id = :id", soci::use(key));
    for (const auto& row : rows) return read_story(row);
    return std::nullopt;
}

}  // namespace

std::int64_t insert_story(soci::session& s, const StoryRecord& story) {
    long long id = 0;
    const long long provider = story.provider_id;
    const std::string month = story.month.to_string();
    const std::string ref = fmt::format("{:016x}", crypto::random_bits());
    s << "INSERT INTO stories (provider_id, office_id, rating_id, codename_id, month, body, public_ref) "
         "VALUES (:p, :o, :r, :c, :m, :b, :ref) RETURNING id",
        soci::use(provider), soci::use(opt(story.office_id)), soci::use(opt(story.rating_id)),
        soci::use(opt(story.codename_id)), soci::use(month), soci::use(story.body.str()), soci::use(ref),
        soci::into(id);
    story_event(s, "story.submitted", id, std::nullopt, StoryState::pending, events::ActorRole::participant,
                story.month);
    return id;
}

std::optional<StoryRow> find_story_by_ref(Database& db, std::string_view public_ref) {
    if (public_ref.size() != 16 ||
        !std::ranges::all_of(public_ref, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); })) {
        return std::nullopt;
    }
    auto s = db.session();
    const std::string ref(public_ref);
    long long id = 0;
    s << "SELECT id FROM stories WHERE public_ref = :r", soci::into(id), soci::use(ref);
    if (!s.got_data()) return std::nullopt;
    auto story = story_in(s, id);
    if (story) add_details(s, std::span(&*story, 1));
    return story;
}

std::optional<StoryRow> find_story_in(soci::session& s, std::int64_t id) {
    return story_in(s, id);
}

std::optional<StoryRow> find_story(Database& db, std::int64_t id) {
    auto s = db.session();
    auto story = story_in(s, id);
    if (story) add_details(s, std::span(&*story, 1));
    return story;
}

std::vector<StoryRow> pending_stories(Database& db, int limit) {
    auto s = db.session();
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kStoryColumns) + "WHERE s.state = 'pending' ORDER BY s.id LIMIT :n",
         soci::use(limit));
    return read_stories(s, rows);
}

std::vector<StoryRow> published_stories(Database& db, std::int64_t provider_id, int page, int per_page) {
    auto s = db.session();
    const long long provider = provider_id;
    const int offset = std::max(0, page - 1) * per_page;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kStoryColumns) + "WHERE s.provider_id = :p AND s.state = 'published' AND " +
                          kNotHidden + " ORDER BY s.id DESC LIMIT :n OFFSET :o",
         soci::use(provider), soci::use(per_page), soci::use(offset));
    return read_stories(s, rows);
}

std::vector<StoryRow> all_published_stories(Database& db, std::span<const std::int64_t> providers) {
    auto s = db.session();
    std::string filter = "s.state = 'published' AND " + std::string(kNotHidden);
    if (!providers.empty()) filter += fmt::format(" AND s.provider_id IN ({})", id_list(providers));
    soci::rowset<soci::row> rows =
        (s.prepare << fmt::format("{}WHERE {} ORDER BY s.provider_id, s.id DESC", kStoryColumns, filter));
    std::vector<StoryRow> out;
    for (const auto& row : rows) out.push_back(read_story(row));
    attach_details(s, out, filter);
    return out;
}

StoryChanges story_changes_since(Database& db, std::int64_t after_event) {
    auto s = db.session();
    StoryChanges changes;
    long long newest = 0;
    soci::indicator newest_null = soci::i_ok;
    s << "SELECT MAX(id) FROM events", soci::into(newest, newest_null);
    changes.up_to = newest_null == soci::i_null ? 0 : newest;
    if (after_event < 0) {
        changes.everything = true;
        return changes;
    }
    if (changes.up_to <= after_event) return changes;
    const long long after = after_event;
    const long long up_to = changes.up_to;
    std::vector<std::int64_t> story_ids;
    std::vector<std::int64_t> response_ids;
    // What a participant submits waits for moderation and safeguarding marks are private: neither
    // changes what the public sees.
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT object_kind, object_id FROM events WHERE id > :a AND id <= :b AND object_kind IN "
                      "('story', 'response', 'censor_rule') AND what NOT IN ('story.submitted', "
                      "'story.safeguarding_marked', 'story.safeguarding_cleared', 'response.submitted')",
         soci::use(after), soci::use(up_to));
    for (const auto& row : rows) {
        const auto kind = get_text(row, 0);
        if (kind == "censor_rule") changes.everything = true;
        if (row.get_indicator(1) == soci::i_null) continue;
        (kind == "story" ? story_ids : response_ids).push_back(get_int(row, 1));
    }
    if (changes.everything) return changes;
    auto add_providers = [&](const std::string& sql) {
        soci::rowset<soci::row> found = (s.prepare << sql);
        for (const auto& row : found) changes.providers.push_back(get_int(row, 0));
    };
    if (!story_ids.empty())
        add_providers(fmt::format("SELECT DISTINCT provider_id FROM stories WHERE id IN ({})", id_list(story_ids)));
    if (!response_ids.empty())
        add_providers(
            fmt::format("SELECT DISTINCT s.provider_id FROM responses r JOIN stories s ON s.id = r.story_id "
                        "WHERE r.id IN ({})",
                        id_list(response_ids)));
    std::ranges::sort(changes.providers);
    const auto [first, last] = std::ranges::unique(changes.providers);
    changes.providers.erase(first, last);
    return changes;
}

Result<void> change_story_state(soci::session& s, std::int64_t story_id, StoryState to, Actor actor, Month month,
                                const std::optional<redaction::RedactedText>& reason) {
    auto story = story_in(s, story_id);
    if (!story) return fail(ErrorKind::not_found, "There is no such story.");
    if (auto ok = check_story_transition(story->state, to, actor); !ok) return ok;
    const long long id = story_id;
    const std::string state(story_state_name(to));
    const boost::optional<std::string> why =
        reason && !reason->str().empty() ? boost::optional<std::string>(reason->str()) : boost::none;
    const std::string from(story_state_name(story->state));
    // Compare-and-set: a writer withdrawing on one server while a moderator removes on another
    // cannot both win.
    soci::statement update = (s.prepare << "UPDATE stories SET state = :st, reject_reason = COALESCE(:r, "
                                           "reject_reason) WHERE id = :id AND state = :from",
                              soci::use(state), soci::use(why), soci::use(id), soci::use(from));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
        return fail(ErrorKind::conflict, "Someone else has just changed this story. Reload the page.");
    }
    story_event(s, "story.state_changed", story_id, story->state, to, role_of(actor), month);
    return {};
}

Result<void> set_safeguarding(soci::session& s, std::int64_t story_id, bool concern, Month month) {
    if (!story_in(s, story_id)) return fail(ErrorKind::not_found, "There is no such story.");
    const long long id = story_id;
    const int value = concern ? 1 : 0;
    s << "UPDATE stories SET safeguarding = :v WHERE id = :id", soci::use(value), soci::use(id);
    append_event(s, events::Event{concern ? "story.safeguarding_marked" : "story.safeguarding_cleared", "story",
                                  story_id, std::nullopt, std::nullopt, events::ActorRole::moderator, month});
    return {};
}

Result<std::int64_t> insert_flag(soci::session& s, std::int64_t story_id, std::int64_t account_id, Month month,
                                 const std::string& reason) {
    auto story = story_in(s, story_id);
    if (!story || story->state != StoryState::published) {
        return fail(ErrorKind::not_found, "Only a published story can be flagged.");
    }
    long long id = 0;
    const long long sid = story_id;
    const long long aid = account_id;
    const std::string m = month.to_string();
    s << "INSERT INTO flags (story_id, account_id, month, reason) VALUES (:s, :a, :m, :r) RETURNING id", soci::use(sid),
        soci::use(aid), soci::use(m), soci::use(reason), soci::into(id);
    append_event(s, events::Event{"flag.raised", "flag", id, std::nullopt, "open", events::ActorRole::provider, month});
    return id;
}

std::vector<FlagRow> open_flags(Database& db) {
    auto s = db.session();
    std::vector<FlagRow> flags;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, story_id, reason, month FROM flags WHERE state = 'open' ORDER BY id");
    std::vector<std::pair<FlagRow, std::int64_t>> found;
    for (const auto& row : rows)
        found.push_back({FlagRow{get_int(row, 0), get_text(row, 2), get_text(row, 3), {}}, get_int(row, 1)});
    for (auto& [flag, story_id] : found) {
        if (auto story = story_in(s, story_id)) {
            flag.story = *story;
            add_details(s, std::span(&flag.story, 1));
            flags.push_back(flag);
        }
    }
    return flags;
}

Result<void> decide_flag(soci::session& s, std::int64_t flag_id, bool upheld, Month month) {
    const long long id = flag_id;
    std::string state;
    long long story_id = 0;
    s << "SELECT state, story_id FROM flags WHERE id = :id", soci::into(state), soci::into(story_id), soci::use(id);
    if (!s.got_data()) return fail(ErrorKind::not_found, "There is no such flag.");
    const auto from = known(flag_state_from(state), "flag state");
    const auto to = upheld ? FlagState::upheld : FlagState::dismissed;
    if (auto ok = check_flag_transition(from, to, Actor::moderator); !ok) return ok;
    const std::string to_name(flag_state_name(to));
    s << "UPDATE flags SET state = :st WHERE id = :id", soci::use(to_name), soci::use(id);
    append_event(s, events::Event{"flag.decided", "flag", flag_id, std::string(flag_state_name(from)), to_name,
                                  events::ActorRole::moderator, month});
    if (upheld) return change_story_state(s, story_id, StoryState::removed, Actor::moderator, month);
    return {};
}

Result<void> add_censor_rule(soci::session& s, std::int64_t story_id, CensorScope scope, const std::string& phrase,
                             Month month) {
    auto story = story_in(s, story_id);
    if (!story) return fail(ErrorKind::not_found, "There is no such story.");
    const char* scope_name = scope == CensorScope::story      ? "story"
                             : scope == CensorScope::provider ? "provider"
                                                              : "everywhere";
    const boost::optional<long long> sid =
        scope == CensorScope::story ? boost::optional<long long>(story_id) : boost::none;
    const boost::optional<long long> pid =
        scope == CensorScope::provider ? boost::optional<long long>(story->provider_id) : boost::none;
    const std::string m = month.to_string();
    const std::string scope_text = scope_name;
    long long id = 0;
    s << "INSERT INTO censor_rules (phrase, scope, story_id, provider_id, month) VALUES (:p, :sc, :s, :pr, :m) "
         "RETURNING id",
        soci::use(phrase), soci::use(scope_text), soci::use(sid), soci::use(pid), soci::use(m), soci::into(id);
    append_event(s, events::Event{"censor_rule.added", "censor_rule", id, std::nullopt, scope_text,
                                  events::ActorRole::moderator, month});
    return {};
}

}  // namespace pw::store
