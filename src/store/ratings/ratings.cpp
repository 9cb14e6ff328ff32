#include "store/ratings/ratings.hpp"

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "core/ratings/lifecycle.hpp"
#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"
#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace ratings;

std::optional<std::int64_t> find_codename(soci::session& s, const crypto::LookupKeys& keys,
                                          std::string_view normalised) {
    const long long key = keys(normalised);
    const long long legacy = crypto::legacy_lookup_key(normalised);
    soci::rowset<soci::row> rows = (s.prepare << "SELECT id, hash FROM codenames WHERE (keyed = 1 AND lookup_key = :k) "
                                                 "OR (keyed = 0 AND lookup_key = :l)",
                                    soci::use(key), soci::use(legacy));
    std::optional<std::int64_t> found;
    int checked = 0;
    for (const auto& row : rows) {
        ++checked;
        if (crypto::secret_matches(get_text(row, 1), normalised) && !found) found = get_int(row, 0);
    }
    if (checked == 0) crypto::secret_matches(crypto::stand_in_hash(), normalised);
    return found;
}

NewCodename hash_codename(const crypto::LookupKeys& keys, std::string_view normalised) {
    return NewCodename{keys(normalised), crypto::hash_secret(normalised)};
}

std::int64_t insert_codename(soci::session& s, const NewCodename& codename, Month month) {
    long long id = 0;
    const long long key = codename.lookup_key;
    const std::string created = month.to_string();
    s << "INSERT INTO codenames (lookup_key, keyed, hash, created_month) VALUES (:k, 1, :h, :m) RETURNING id",
        soci::use(key), soci::use(codename.hash), soci::use(created), soci::into(id);
    return id;
}

namespace {
boost::optional<int> stars_or_null(const std::optional<Stars>& stars) {
    return stars ? boost::optional<int>(stars->value()) : boost::none;
}

std::string unit_key(const RatingRecord& r) {
    return r.office_id ? fmt::format("office:{}", *r.office_id) : fmt::format("provider:{}", r.provider_id);
}
}  // namespace

SavedRating save_rating(soci::session& s, const RatingRecord& r) {
    const std::string key = unit_key(r);
    const std::string month = r.month.to_string();
    const long long provider_id = r.provider_id;
    const boost::optional<long long> office_id = r.office_id ? boost::optional<long long>(*r.office_id) : boost::none;
    const boost::optional<long long> codename_id =
        r.codename_id ? boost::optional<long long>(*r.codename_id) : boost::none;
    const boost::optional<long long> area_id = r.area_id ? boost::optional<long long>(*r.area_id) : boost::none;
    const int overall = r.overall.value();
    std::array<boost::optional<int>, kAspects.size()> aspects;
    for (std::size_t i = 0; i < kAspects.size(); ++i) aspects[i] = stars_or_null(r.aspects[i]);
    const boost::optional<std::string> group =
        r.payment_group ? boost::optional<std::string>(std::string(payment_group_key(*r.payment_group))) : boost::none;

    SavedRating saved;
    if (r.codename_id) {
        boost::optional<long long> existing;
        std::string state;
        s << "SELECT id, state FROM ratings WHERE codename_id = :c AND unit_key = :u AND month = :m",
            soci::into(existing), soci::into(state), soci::use(*codename_id), soci::use(key), soci::use(month);
        if (existing && state == "withdrawn") {
            if (auto ok = check_rating_transition(RatingState::withdrawn, RatingState::active, Actor::participant);
                !ok) {
                throw std::logic_error(ok.error().detail);
            }
            append_event(s, events::Event{"rating.restored", "rating", *existing, "withdrawn", "active",
                                          events::ActorRole::participant, r.month});
        }
        if (existing) {
            s << "UPDATE ratings SET stars = :s, respect = :a1, personal_support = :a2, help_towards_work = :a3, "
                 "fairness_about_sanctions = :a4, keeping_to_standards = :a5, travel_and_practical_help = :a6, "
                 "payment_group = :g, area_id = :area, state = 'active' WHERE id = :id",
                soci::use(overall), soci::use(aspects[0]), soci::use(aspects[1]), soci::use(aspects[2]),
                soci::use(aspects[3]), soci::use(aspects[4]), soci::use(aspects[5]), soci::use(group),
                soci::use(area_id), soci::use(*existing);
            saved = {*existing, true};
        }
    }
    if (!saved.id) {
        long long id = 0;
        s << "INSERT INTO ratings (provider_id, office_id, unit_key, month, stars, respect, personal_support, "
             "help_towards_work, fairness_about_sanctions, keeping_to_standards, travel_and_practical_help, "
             "payment_group, codename_id, area_id) VALUES (:p, :o, :u, :m, :s, :a1, :a2, :a3, :a4, :a5, :a6, :g, :c, "
             ":area) RETURNING id",
            soci::use(provider_id), soci::use(office_id), soci::use(key), soci::use(month), soci::use(overall),
            soci::use(aspects[0]), soci::use(aspects[1]), soci::use(aspects[2]), soci::use(aspects[3]),
            soci::use(aspects[4]), soci::use(aspects[5]), soci::use(group), soci::use(codename_id), soci::use(area_id),
            soci::into(id);
        saved = {id, false};
    }
    append_event(s, events::Event{saved.replaced ? "rating.replaced" : "rating.submitted", "rating", saved.id,
                                  saved.replaced ? std::optional<std::string>("active") : std::nullopt, "active",
                                  events::ActorRole::participant, r.month});
    return saved;
}

}  // namespace pw::store
