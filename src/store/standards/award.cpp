#include "store/standards/award.hpp"

#include <cmath>

#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

bool award_decided(soci::session& s, int year) {
    const long long y = year;
    int n = 0;
    s << "SELECT COUNT(*) FROM awards WHERE year = :y", soci::use(y), soci::into(n);
    return n > 0;
}

void store_award(soci::session& s, int year, std::int64_t snapshot_id,
                 const std::vector<standards::AwardPlace>& places) {
    const long long y = year;
    const long long id = snapshot_id;
    const auto milli = [](double v) { return static_cast<long long>(std::llround(v * 1000)); };

    for (const auto& p : places) {
        const long long place = p.place;
        const long long provider = p.provider_id;
        const long long mean = milli(p.score.mean), lower = milli(p.score.lower), upper = milli(p.score.upper);
        const long long raters = p.score.raters;
        s << "INSERT INTO awards (year, snapshot_id, place, provider_id, mean_thousandths, lower_thousandths, "
             "upper_thousandths, raters) VALUES (:y, :s, :pl, :p, :m, :l, :u, :r)",
            soci::use(y), soci::use(id), soci::use(place), soci::use(provider), soci::use(mean), soci::use(lower),
            soci::use(upper), soci::use(raters);
    }
}

std::map<int, std::vector<publication::AwardEntry>> load_awards(soci::session& s, std::int64_t snapshot_id) {
    std::map<int, std::vector<publication::AwardEntry>> out;
    const long long id = snapshot_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT year, place, provider_id, mean_thousandths, lower_thousandths, upper_thousandths, raters "
                      "FROM awards WHERE snapshot_id <= :id ORDER BY year, place",
         soci::use(id));
    for (const auto& row : rows) {
        auto& year = out[static_cast<int>(get_int(row, 0))];
        publication::AwardEntry e;
        e.place = static_cast<int>(get_int(row, 1));
        e.provider_id = get_int(row, 2);
        e.mean = static_cast<double>(get_int(row, 3)) / 1000;
        e.lower = static_cast<double>(get_int(row, 4)) / 1000;
        e.upper = static_cast<double>(get_int(row, 5)) / 1000;
        e.raters = get_int(row, 6);
        year.push_back(e);
    }
    return out;
}

}  // namespace pw::store
