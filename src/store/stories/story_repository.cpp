#include "store/stories/story_repository.hpp"

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include <fmt/format.h>

#include "crypto/passwords.hpp"
#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace stories;

namespace {

boost::optional<std::string> text_or_null(const std::optional<redaction::RedactedText>& text) {
    return text && !text->str().empty() ? boost::optional<std::string>(text->str()) : boost::none;
}

}  // namespace

std::int64_t SociStoryRepository::insert_story(const NewStory& story) {
    long long id = 0;
    const long long provider = story.provider_id;
    const std::string month = story.month.to_string();
    // What public pages name it by: random, unlike the id.
    const std::string ref = fmt::format("{:016x}", crypto::random_bits());
    s_ << "INSERT INTO stories (provider_id, office_id, rating_id, codename_id, month, body, public_ref) "
          "VALUES (:p, :o, :r, :c, :m, :b, :ref) RETURNING id",
        soci::use(provider), soci::use(id_or_null(story.office_id)), soci::use(id_or_null(story.rating_id)),
        soci::use(id_or_null(story.codename_id)), soci::use(month), soci::use(story.body.str()), soci::use(ref),
        soci::into(id);
    return id;
}

std::optional<StoryFacts> SociStoryRepository::story(std::int64_t story_id) {
    const long long id = story_id;
    std::string state;
    long long provider = 0;
    boost::optional<long long> codename;
    s_ << "SELECT state, provider_id, codename_id FROM stories WHERE id = :id", soci::into(state), soci::into(provider),
        soci::into(codename), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return StoryFacts{known(story_state_from(state), "story state"), provider,
                      codename ? std::optional<std::int64_t>(*codename) : std::nullopt};
}

bool SociStoryRepository::move_story(std::int64_t story_id, StoryState from, StoryState to,
                                     const std::optional<redaction::RedactedText>& reason) {
    const long long id = story_id;
    const std::string to_name(story_state_name(to));
    const std::string from_name(story_state_name(from));
    const auto why = text_or_null(reason);
    soci::statement update = (s_.prepare << "UPDATE stories SET state = :st, reject_reason = COALESCE(:r, "
                                            "reject_reason) WHERE id = :id AND state = :from",
                              soci::use(to_name), soci::use(why), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

void SociStoryRepository::set_safeguarding(std::int64_t story_id, bool concern) {
    const long long id = story_id;
    const int value = concern ? 1 : 0;
    s_ << "UPDATE stories SET safeguarding = :v WHERE id = :id", soci::use(value), soci::use(id);
}

std::int64_t SociStoryRepository::insert_flag(std::int64_t story_id, std::int64_t account_id, Month month,
                                              const std::string& reason) {
    long long id = 0;
    const long long sid = story_id;
    const long long aid = account_id;
    const std::string m = month.to_string();
    s_ << "INSERT INTO flags (story_id, account_id, month, reason) VALUES (:s, :a, :m, :r) RETURNING id",
        soci::use(sid), soci::use(aid), soci::use(m), soci::use(reason), soci::into(id);
    return id;
}

std::optional<FlagFacts> SociStoryRepository::flag(std::int64_t flag_id) {
    const long long id = flag_id;
    std::string state;
    long long story_id = 0;
    s_ << "SELECT state, story_id FROM flags WHERE id = :id", soci::into(state), soci::into(story_id), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return FlagFacts{known(flag_state_from(state), "flag state"), story_id};
}

bool SociStoryRepository::move_flag(std::int64_t flag_id, FlagState from, FlagState to) {
    const long long id = flag_id;
    const std::string to_name(flag_state_name(to));
    const std::string from_name(flag_state_name(from));
    soci::statement update = (s_.prepare << "UPDATE flags SET state = :st WHERE id = :id AND state = :from",
                              soci::use(to_name), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

std::int64_t SociStoryRepository::insert_censor_rule(const std::string& phrase, CensorScope scope,
                                                     std::optional<std::int64_t> scope_id, Month month) {
    const boost::optional<long long> sid = id_or_null(scope == CensorScope::story ? scope_id : std::nullopt);
    const boost::optional<long long> pid = id_or_null(scope == CensorScope::provider ? scope_id : std::nullopt);
    const std::string m = month.to_string();
    const std::string scope_text(censor_scope_name(scope));
    long long id = 0;
    s_ << "INSERT INTO censor_rules (phrase, scope, story_id, provider_id, month) VALUES (:p, :sc, :s, :pr, :m) "
          "RETURNING id",
        soci::use(phrase), soci::use(scope_text), soci::use(sid), soci::use(pid), soci::use(m), soci::into(id);
    return id;
}

std::optional<ResponseState> SociStoryRepository::response_state(std::int64_t response_id) {
    const long long id = response_id;
    std::string state;
    s_ << "SELECT state FROM responses WHERE id = :id", soci::into(state), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return known(response_state_from(state), "response state");
}

std::int64_t SociStoryRepository::insert_response(std::int64_t story_id, std::int64_t provider_id,
                                                  std::int64_t account_id, Month month,
                                                  const redaction::RedactedText& body) {
    long long id = 0;
    const long long sid = story_id;
    const long long pid = provider_id;
    const long long aid = account_id;
    const std::string m = month.to_string();
    s_ << "INSERT INTO responses (story_id, provider_id, account_id, month, body, state) "
          "VALUES (:s, :p, :a, :m, :b, 'pending') RETURNING id",
        soci::use(sid), soci::use(pid), soci::use(aid), soci::use(m), soci::use(body.str()), soci::into(id);
    return id;
}

bool SociStoryRepository::move_response(std::int64_t response_id, ResponseState from, ResponseState to,
                                        const std::optional<redaction::RedactedText>& reason) {
    const long long id = response_id;
    const std::string to_name(response_state_name(to));
    const std::string from_name(response_state_name(from));
    const auto why = text_or_null(reason);
    soci::statement update = (s_.prepare << "UPDATE responses SET state = :to, reject_reason = COALESCE(:r, "
                                            "reject_reason) WHERE id = :id AND state = :from",
                              soci::use(to_name), soci::use(why), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

void SociStoryRepository::append(const events::Event& event) {
    append_event(s_, event);
}

}  // namespace pw::store
