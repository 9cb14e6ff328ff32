#include "store/suggestions/suggestion_repository.hpp"

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include <fmt/format.h>

#include "crypto/passwords.hpp"
#include "store/events/events.hpp"
#include "store/ratings/ratings.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace suggestions;

std::int64_t SociSuggestionRepository::insert_codename(const codenames::HashedCodename& codename, Month month) {
    return store::insert_codename(s_, codename, month);
}

std::int64_t SociSuggestionRepository::insert_suggestion(const NewSuggestion& suggestion) {
    long long id = 0;
    const long long provider = suggestion.provider_id;
    const std::string week = suggestion.week.to_string();
    const std::string month = suggestion.month.to_string();
    // What public pages name it by: random, unlike the id, which tells the order of arrival.
    const std::string ref = fmt::format("{:016x}", crypto::random_bits());
    s_ << "INSERT INTO suggestions (public_ref, provider_id, office_id, codename_id, week, month, body) "
          "VALUES (:ref, :p, :o, :c, :w, :m, :b) RETURNING id",
        soci::use(ref), soci::use(provider), soci::use(id_or_null(suggestion.office_id)),
        soci::use(id_or_null(suggestion.codename_id)), soci::use(week), soci::use(month),
        soci::use(suggestion.body.str()), soci::into(id);
    return id;
}

std::optional<SuggestionFacts> SociSuggestionRepository::suggestion(std::int64_t suggestion_id) {
    const long long id = suggestion_id;
    std::string state;
    std::string review;
    long long provider = 0;
    boost::optional<long long> codename;
    s_ << "SELECT state, review, provider_id, codename_id FROM suggestions WHERE id = :id", soci::into(state),
        soci::into(review), soci::into(provider), soci::into(codename), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return SuggestionFacts{known(suggestion_state_from(state), "suggestion state"),
                           known(review_from(review), "suggestion review"), provider,
                           codename ? std::optional<std::int64_t>(*codename) : std::nullopt};
}

bool SociSuggestionRepository::review_suggestion(std::int64_t suggestion_id, Review from, Review to,
                                                 const std::optional<redaction::RedactedText>& reason, Week week) {
    const long long id = suggestion_id;
    const std::string to_name(review_name(to));
    const std::string from_name(review_name(from));
    const boost::optional<std::string> why =
        reason ? boost::optional<std::string>(reason->str()) : boost::optional<std::string>();
    const boost::optional<std::string> published =
        to == Review::published ? boost::optional<std::string>(week.to_string()) : boost::none;
    soci::statement update = (s_.prepare << "UPDATE suggestions SET review = :to, reject_reason = :r, "
                                            "published_week = COALESCE(:w, published_week) "
                                            "WHERE id = :id AND review = :from",
                              soci::use(to_name), soci::use(why), soci::use(published), soci::use(id),
                              soci::use(from_name));
    return changed_one_row(update);
}

bool SociSuggestionRepository::move_suggestion(std::int64_t suggestion_id, SuggestionState from, SuggestionState to,
                                               Week week) {
    const long long id = suggestion_id;
    const std::string to_name(suggestion_state_name(to));
    const std::string from_name(suggestion_state_name(from));
    const std::string w = week.to_string();
    soci::statement update = (s_.prepare << "UPDATE suggestions SET state = :to, answered_week = "
                                            "COALESCE(answered_week, :w) WHERE id = :id AND state = :from",
                              soci::use(to_name), soci::use(w), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

std::int64_t SociSuggestionRepository::insert_step(const NewStep& step) {
    long long id = 0;
    const long long sid = step.suggestion_id;
    const long long account = step.account_id;
    const std::string from(suggestion_state_name(step.from));
    const std::string to(suggestion_state_name(step.to));
    const std::string week = step.week.to_string();
    const std::string month = step.month.to_string();
    const boost::optional<std::string> note =
        step.note ? boost::optional<std::string>(step.note->str()) : boost::optional<std::string>();
    const std::string review(review_name(step.review));
    s_ << "INSERT INTO suggestion_steps (suggestion_id, from_state, to_state, account_id, week, month, note, review) "
          "VALUES (:s, :f, :t, :a, :w, :m, :n, :r) RETURNING id",
        soci::use(sid), soci::use(from), soci::use(to), soci::use(account), soci::use(week), soci::use(month),
        soci::use(note), soci::use(review), soci::into(id);
    return id;
}

std::optional<StepFacts> SociSuggestionRepository::step(std::int64_t step_id) {
    const long long id = step_id;
    long long suggestion_id = 0;
    std::string review;
    long long provider = 0;
    s_ << "SELECT t.suggestion_id, t.review, g.provider_id FROM suggestion_steps t JOIN suggestions g ON "
          "g.id = t.suggestion_id WHERE t.id = :id",
        soci::into(suggestion_id), soci::into(review), soci::into(provider), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return StepFacts{suggestion_id, known(review_from(review), "suggestion step review"), provider};
}

bool SociSuggestionRepository::review_step(std::int64_t step_id, Review from, Review to) {
    const long long id = step_id;
    const std::string to_name(review_name(to));
    const std::string from_name(review_name(from));
    soci::statement update = (s_.prepare << "UPDATE suggestion_steps SET review = :to WHERE id = :id AND review = :from",
                              soci::use(to_name), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

bool SociSuggestionRepository::rewrite_note(std::int64_t step_id, const redaction::RedactedText& note) {
    const long long id = step_id;
    soci::statement update = (s_.prepare << "UPDATE suggestion_steps SET note = :n, review = 'pending' "
                                            "WHERE id = :id AND review = 'rejected'",
                              soci::use(note.str()), soci::use(id));
    return changed_one_row(update);
}

void SociSuggestionRepository::insert_confirmation(std::int64_t suggestion_id, Month month) {
    const long long id = suggestion_id;
    const std::string m = month.to_string();
    s_ << "INSERT INTO change_confirmations (suggestion_id, month) VALUES (:s, :m)", soci::use(id), soci::use(m);
}

void SociSuggestionRepository::append(const events::Event& event) {
    append_event(s_, event);
}

}  // namespace pw::store
