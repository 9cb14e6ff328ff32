#include "store/standards/integrity.hpp"

#include <cmath>
#include <map>

#include "core/disclosure/ledger.hpp"
#include "core/disclosure/noise.hpp"
#include "core/standards/flood.hpp"
#include "store/events/events.hpp"
#include "store/row.hpp"

namespace pw::store {

using publication::Histogram;

namespace {

// Each provider's overall stars a month, summed over its leaves' noisy cells.
std::map<std::string, std::map<std::int64_t, Histogram>> overall_by_month(soci::session& s, Month from, Month to) {
    std::map<std::string, std::map<std::int64_t, Histogram>> out;
    const std::string a = from.to_string();
    const std::string b = to.to_string();
    soci::rowset<soci::row> rows = (s.prepare << "SELECT month, provider_id, noisy FROM publication_cells WHERE "
                                                 "family = 'ratings' AND month >= :a AND month <= :b",
                                    soci::use(a), soci::use(b));
    for (const auto& row : rows) {
        auto& h = out[get_text(row, 0)][get_int(row, 1)];
        const auto noisy = get_text(row, 2);
        std::size_t at = 0;
        for (std::size_t star = 0; star < h.size() && at <= noisy.size(); ++star) {  // the first five: overall
            const auto comma = noisy.find(',', at);
            h[star] += std::stoll(noisy.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
            if (comma == std::string::npos) break;
            at = comma + 1;
        }
    }
    return out;
}

}  // namespace

long long check_floods_in(soci::session& s, const publication::Structure& structure, const std::vector<Month>& months,
                          Month published) {
    if (months.empty()) return 0;
    // Held months are no history: a flood must never become the level the next month is judged by.
    auto held_before = left_out(s).of_status;
    const standards::FloodSettings settings;
    const auto from = months.front().plus(-settings.history_months);
    if (!from) return 0;
    const auto cells = overall_by_month(s, *from, months.back());
    std::map<std::int64_t, int> leaves;
    for (const auto& leaf : structure.rating_leaves()) ++leaves[leaf.provider_id];
    const double cell_variance =
        disclosure::geometric_variance(disclosure::epsilon_of(disclosure::Table::rating_stars));
    long long held = 0;
    for (const auto& month : months) {
        const auto now = cells.find(month.to_string());
        if (now == cells.end()) continue;
        std::vector<standards::ProviderMonths> providers;
        for (const auto& [provider, count] : leaves) {
            standards::ProviderMonths p;
            p.provider_id = provider;
            p.noise_sd = std::sqrt(count * 5 * cell_variance);
            for (int back = settings.history_months; back >= 1; --back) {
                const auto back_month = month.plus(-back)->to_string();
                const auto earlier = cells.find(back_month);
                if (earlier == cells.end()) continue;  // before anything was published
                if (held_before.contains({provider, back_month})) continue;
                const auto found = earlier->second.find(provider);
                p.before.push_back(found == earlier->second.end() ? Histogram{} : found->second);
            }
            const auto found = now->second.find(provider);
            p.month = found == now->second.end() ? Histogram{} : found->second;
            providers.push_back(std::move(p));
        }
        const std::string m = month.to_string();
        for (const auto& hold : standards::check_floods(providers, settings)) {
            const long long provider = hold.provider_id;
            int existing = 0;
            s << "SELECT COUNT(*) FROM rating_holds WHERE provider_id = :p AND month = :m", soci::use(provider),
                soci::use(m), soci::into(existing);
            if (existing) continue;
            const std::string kind(standards::flood_kind_name(hold.kind));
            const long long count = hold.count;
            const long long expected = hold.expected;
            long long id = 0;
            s << "INSERT INTO rating_holds (provider_id, month, kind, noisy_count, expected, why, state) VALUES "
                 "(:p, :m, :k, :c, :e, :w, 'held') RETURNING id",
                soci::use(provider), soci::use(m), soci::use(kind), soci::use(count), soci::use(expected),
                soci::use(hold.why), soci::into(id);
            append_event(s, events::Event{"rating_hold.held", "rating_hold", id, std::nullopt, "held",
                                          events::ActorRole::system, published});
            held_before.insert({provider, m});
            ++held;
        }
    }
    return held;
}

LeftOut left_out(soci::session& s) {
    LeftOut out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT provider_id, month, state FROM rating_holds WHERE state IN ('held', 'excluded')");
    for (const auto& row : rows) {
        std::pair key{get_int(row, 0), get_text(row, 1)};
        if (get_text(row, 2) == "excluded") out.of_everything.insert(key);
        out.of_status.insert(std::move(key));
    }
    return out;
}

void store_snapshot_holds(soci::session& s, std::int64_t snapshot_id, Month window_start) {
    const long long id = snapshot_id;
    const std::string w = window_start.to_string();
    s << "INSERT INTO snapshot_holds (snapshot_id, provider_id, month, state, why) SELECT :id, provider_id, month, "
         "state, why FROM rating_holds WHERE month >= :w",
        soci::use(id), soci::use(w);
}

std::vector<HeldRow> held_months(soci::session& s) {
    std::vector<HeldRow> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT h.id, h.provider_id, p.name, h.month, h.why FROM rating_holds h JOIN providers p ON "
                      "p.id = h.provider_id WHERE h.state = 'held' ORDER BY h.month DESC, p.name LIMIT 50");
    for (const auto& row : rows) {
        HeldRow r;
        r.id = get_int(row, 0);
        r.provider_id = get_int(row, 1);
        r.provider_name = get_text(row, 2);
        r.month = known(Month::parse(get_text(row, 3)), "month");
        r.why = get_text(row, 4);
        out.push_back(std::move(r));
    }
    for (auto& r : out) {
        const long long provider = r.provider_id;
        const std::string a = r.month.plus(-2)->to_string();
        s << "SELECT COALESCE(SUM(reports), 0) FROM pressure_reports WHERE provider_id = :p AND kind = 'any' AND "
             "month >= :a",
            soci::use(provider), soci::use(a), soci::into(r.pressure_reports);
    }
    return out;
}

std::optional<standards::HoldState> SociHoldRepository::hold_state(std::int64_t hold_id) {
    const long long id = hold_id;
    std::string state;
    s_ << "SELECT state FROM rating_holds WHERE id = :id", soci::use(id), soci::into(state);
    if (!s_.got_data()) return std::nullopt;
    return known(standards::hold_state_from(state), "hold state");
}

bool SociHoldRepository::move_hold(std::int64_t hold_id, standards::HoldState from, standards::HoldState to,
                                   Month decided) {
    const long long id = hold_id;
    const std::string f(standards::hold_state_name(from));
    const std::string t(standards::hold_state_name(to));
    const std::string d = decided.to_string();
    soci::statement st = (s_.prepare << "UPDATE rating_holds SET state = :t, decided_month = :d WHERE id = :id AND "
                                        "state = :f",
                          soci::use(t), soci::use(d), soci::use(id), soci::use(f));
    return changed_one_row(st);
}

void SociHoldRepository::append(const events::Event& event) {
    append_event(s_, event);
}

bool SociPressureRepository::provider_exists(std::int64_t provider_id) {
    const long long id = provider_id;
    int n = 0;
    s_ << "SELECT COUNT(*) FROM providers WHERE id = :id", soci::use(id), soci::into(n);
    return n > 0;
}

void SociPressureRepository::count_report(std::int64_t provider_id, Month month,
                                          const std::vector<standards::Pressure>& kinds) {
    const long long provider = provider_id;
    const std::string m = month.to_string();
    std::vector<std::string> counted{"any"};
    for (const auto kind : kinds) counted.emplace_back(standards::pressure_name(kind));
    for (const auto& kind : counted) {
        soci::statement add = (s_.prepare << "UPDATE pressure_reports SET reports = reports + 1 WHERE provider_id = :p "
                                             "AND month = :m AND kind = :k",
                               soci::use(provider), soci::use(m), soci::use(kind));
        if (changed_one_row(add)) continue;
        s_ << "INSERT INTO pressure_reports (provider_id, month, kind, reports) VALUES (:p, :m, :k, 1)",
            soci::use(provider), soci::use(m), soci::use(kind);
    }
}

}  // namespace pw::store
