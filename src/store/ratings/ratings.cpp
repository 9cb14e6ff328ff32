#include "store/ratings/ratings.hpp"

#include <fmt/format.h>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "core/ratings/lifecycle.hpp"
#include "crypto/codenames.hpp"
#include "crypto/passwords.hpp"
#include "store/events/events.hpp"
#include "store/row.hpp"
#include "store/writer/statement_cache.hpp"

namespace pw::store {

using namespace ratings;

std::optional<std::int64_t> find_codename(soci::session& s, const crypto::LookupKeys& keys, std::string_view normalised,
                                          Writer* rekey) {
    const long long key = keys(normalised);
    const long long legacy = crypto::legacy_lookup_key(normalised);
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, hash, keyed FROM codenames WHERE (keyed = 1 AND lookup_key = :k) "
                      "OR (keyed = 0 AND lookup_key = :l)",
         soci::use(key), soci::use(legacy));
    std::optional<std::int64_t> found;
    bool found_unkeyed = false;
    int checked = 0;
    for (const auto& row : rows) {
        ++checked;
        if (crypto::secret_matches(get_text(row, 1), normalised) && !found) {
            found = get_int(row, 0);
            found_unkeyed = get_int(row, 2) == 0;
        }
    }
    if (checked == 0) crypto::secret_matches(crypto::stand_in_hash(), normalised);
    if (found && found_unkeyed && rekey) {
        rekey->submit(
            [id = static_cast<long long>(*found), key](soci::session& w) {
                w << "UPDATE codenames SET lookup_key = :k, keyed = 1 WHERE id = :id AND keyed = 0", soci::use(key),
                    soci::use(id);
                return Writer::Outcome::keep;
            },
            [](std::exception_ptr) {});  // not done now, done the next time it is used
    }
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

// A rating's answers as bound to SQL.
struct Answers {
    Answers() = default;
    explicit Answers(const RatingRecord& r)
        : month(r.month.to_string()),
          overall(r.overall.value()),
          group(r.payment_group ? boost::optional<std::string>(std::string(payment_group_key(*r.payment_group)))
                                : boost::none),
          area_id(id_or_null(r.area_id)) {
        for (std::size_t i = 0; i < kAspects.size(); ++i) aspects[i] = stars_or_null(r.aspects[i]);
    }
    std::string month;
    int overall = 0;
    std::array<boost::optional<int>, kAspects.size()> aspects;
    boost::optional<std::string> group;
    boost::optional<long long> area_id;
};

std::string unit_key(const RatingRecord& r) {
    return r.office_id ? fmt::format("office:{}", *r.office_id) : fmt::format("provider:{}", r.provider_id);
}
}  // namespace

std::int64_t SociRatingRepository::insert_codename(const codenames::HashedCodename& codename, Month month) {
    return store::insert_codename(s_, codename, month);
}

std::optional<RatingFacts> SociRatingRepository::rating_by(std::int64_t codename_id, const RatingRecord& unit) {
    const long long owner = codename_id;
    const std::string key = unit_key(unit);
    const std::string month = unit.month.to_string();
    long long id = 0;
    std::string state;
    s_ << "SELECT id, state FROM ratings WHERE codename_id = :c AND unit_key = :u AND month = :m", soci::into(id),
        soci::into(state), soci::use(owner), soci::use(key), soci::use(month);
    if (!s_.got_data()) return std::nullopt;
    return RatingFacts{id, codename_id, known(rating_state_from(state), "rating state")};
}

std::optional<RatingFacts> SociRatingRepository::rating(std::int64_t rating_id) {
    const long long id = rating_id;
    boost::optional<long long> owner;
    std::string state;
    s_ << "SELECT codename_id, state FROM ratings WHERE id = :id", soci::into(owner), soci::into(state), soci::use(id);
    if (!s_.got_data()) return std::nullopt;
    return RatingFacts{rating_id, owner ? std::optional<std::int64_t>(*owner) : std::nullopt,
                       known(rating_state_from(state), "rating state")};
}

namespace {
constexpr const char* kInsertRating =
    "INSERT INTO ratings (provider_id, office_id, unit_key, month, stars, respect, personal_support, "
    "help_towards_work, fairness_about_sanctions, keeping_to_standards, travel_and_practical_help, "
    "payment_group, codename_id, area_id) VALUES (:p, :o, :u, :m, :s, :a1, :a2, :a3, :a4, :a5, :a6, :g, :c, "
    ":area) RETURNING id";

// The insert as bound to SQL: prepared once on the writer's connection (it runs for every
// rating), or each time elsewhere.
struct RatingInsert {
    explicit RatingInsert(soci::session& s)
        : answers(),
          statement((s.prepare << kInsertRating, soci::use(provider_id), soci::use(office_id), soci::use(key),
                     soci::use(answers.month), soci::use(answers.overall), soci::use(answers.aspects[0]),
                     soci::use(answers.aspects[1]), soci::use(answers.aspects[2]), soci::use(answers.aspects[3]),
                     soci::use(answers.aspects[4]), soci::use(answers.aspects[5]), soci::use(answers.group),
                     soci::use(codename_id), soci::use(answers.area_id), soci::into(id))) {}
    std::int64_t run(const RatingRecord& r) {
        answers = Answers(r);
        key = unit_key(r);
        provider_id = r.provider_id;
        office_id = id_or_null(r.office_id);
        codename_id = id_or_null(r.codename_id);
        run_to_end(statement);
        return id;
    }
    Answers answers;
    std::string key;
    long long provider_id = 0;
    boost::optional<long long> office_id;
    boost::optional<long long> codename_id;
    long long id = 0;
    soci::statement statement;
};
}  // namespace

std::int64_t SociRatingRepository::insert_rating(const RatingRecord& r) {
    if (auto* cache = cached_statements(s_)) return cache->get<RatingInsert>().run(r);
    return RatingInsert(s_).run(r);
}

bool SociRatingRepository::replace_rating(std::int64_t rating_id, RatingState from, const RatingRecord& r) {
    const Answers a(r);
    const long long id = rating_id;
    const std::string from_name(rating_state_name(from));
    soci::statement update =
        (s_.prepare << "UPDATE ratings SET stars = :s, respect = :a1, personal_support = :a2, help_towards_work = :a3, "
                       "fairness_about_sanctions = :a4, keeping_to_standards = :a5, travel_and_practical_help = :a6, "
                       "payment_group = :g, area_id = :area, state = 'active' WHERE id = :id AND state = :from",
         soci::use(a.overall), soci::use(a.aspects[0]), soci::use(a.aspects[1]), soci::use(a.aspects[2]),
         soci::use(a.aspects[3]), soci::use(a.aspects[4]), soci::use(a.aspects[5]), soci::use(a.group),
         soci::use(a.area_id), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

bool SociRatingRepository::move_rating(std::int64_t rating_id, RatingState from, RatingState to) {
    const long long id = rating_id;
    const std::string from_name(rating_state_name(from));
    const std::string to_name(rating_state_name(to));
    soci::statement update = (s_.prepare << "UPDATE ratings SET state = :to WHERE id = :id AND state = :from",
                              soci::use(to_name), soci::use(id), soci::use(from_name));
    return changed_one_row(update);
}

void SociRatingRepository::append(const events::Event& event) {
    append_event(s_, event);
}

}  // namespace pw::store
