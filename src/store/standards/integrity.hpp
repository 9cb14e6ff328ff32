#pragma once
// Ratings that count (migration 022, docs/integrity.md): the flood check run on the cells just
// published, the months it held, moderators' decisions on them, and pressure reports.
#include <soci/soci.h>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/publication/structure.hpp"
#include "core/standards/holds.hpp"
#include "core/standards/pressure.hpp"

namespace pw::store {

// Runs the flood check on each month given (already drawn, oldest first) and keeps the holds it
// finds, with events in the month the publication is `published`. In the publication's transaction.
// Returns how many months were held.
long long check_floods_in(soci::session& s, const publication::Structure& structure, const std::vector<Month>& months,
                          Month published);

// (provider, month) pairs whose ratings are left out: of status and the award (held and
// excluded), or of every figure (excluded only).
using ProviderMonthSet = std::set<std::pair<std::int64_t, std::string>>;
struct LeftOut {
    ProviderMonthSet of_status;
    ProviderMonthSet of_everything;
};
LeftOut left_out(soci::session& s);

// What the snapshot says of held months in its window.
void store_snapshot_holds(soci::session& s, std::int64_t snapshot_id, Month window_start);

// For the moderators' page: the 50 newest months still held, with the pressure reports about
// the same provider from two months before the held month on (a report often follows the rating).
struct HeldRow {
    std::int64_t id = 0;
    std::int64_t provider_id = 0;
    std::string provider_name;
    Month month = *Month::from(2000, 1);
    std::string why;
    long long pressure_reports = 0;  // about this provider, from two months before the held month on
};
std::vector<HeldRow> held_months(soci::session& s);

class SociHoldRepository final : public standards::HoldRepository {
public:
    explicit SociHoldRepository(soci::session& s) : s_(s) {}
    std::optional<standards::HoldState> hold_state(std::int64_t hold_id) override;
    bool move_hold(std::int64_t hold_id, standards::HoldState from, standards::HoldState to, Month decided) override;
    void append(const events::Event& event) override;

private:
    soci::session& s_;
};

class SociPressureRepository final : public standards::PressureRepository {
public:
    explicit SociPressureRepository(soci::session& s) : s_(s) {}
    bool provider_exists(std::int64_t provider_id) override;
    void count_report(std::int64_t provider_id, Month month, const std::vector<standards::Pressure>& kinds) override;

private:
    soci::session& s_;
};

}  // namespace pw::store
