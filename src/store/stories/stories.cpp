#include "store/stories/stories.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace stories;

namespace {

constexpr const char* kStoryColumns =
    "SELECT s.id, s.provider_id, p.name, o.name, s.month, s.body, s.state, s.reject_reason, s.safeguarding, "
    "s.public_ref "
    "FROM stories s JOIN providers p ON p.id = s.provider_id LEFT JOIN offices o ON o.id = s.office_id ";

// A story with a takedown notice that hides it, not yet decided, is on no public page. A notice
// about one of its responses hides that response alone.
const std::string kNotHidden =
    "NOT EXISTS (SELECT 1 FROM takedown_notices n WHERE n.story_id = s.id AND n.response_id IS NULL AND "
    "n.hides = 1 AND n.state IN ('received', 'writer_answered'))";

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
                                  "r.story_id WHERE {} AND r.state = 'published' AND NOT EXISTS (SELECT 1 FROM "
                                  "takedown_notices n WHERE n.response_id = r.id AND n.hides = 1 AND n.state IN "
                                  "('received', 'writer_answered')) ORDER BY r.id",
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

std::optional<StoryRow> story_in(soci::session& s, std::int64_t id) {
    const long long key = id;
    soci::rowset<soci::row> rows = (s.prepare << std::string(kStoryColumns) + "WHERE s.id = :id", soci::use(key));
    for (const auto& row : rows) return read_story(row);
    return std::nullopt;
}

}  // namespace

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

}  // namespace pw::store
