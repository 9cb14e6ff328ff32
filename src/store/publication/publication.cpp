#include "store/publication/publication.hpp"

#include <algorithm>
#include <chrono>
#include <ranges>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "core/disclosure/ledger.hpp"
#include "core/publication/publish.hpp"
#include "core/sanctions/lifecycle.hpp"
#include "store/complaints/published.hpp"
#include "store/row.hpp"
#include "store/staff_reports/published.hpp"
#include "store/standards/award.hpp"
#include "store/standards/integrity.hpp"
#include "store/standards/standards.hpp"
#include "store/suggestions/suggestions.hpp"

namespace pw::store {

using namespace publication;

namespace {

std::int64_t int_or_zero(const soci::row& row, std::size_t i) {
    return row.get_indicator(i) == soci::i_null ? 0 : get_int(row, i);
}

std::string join(std::span<const long long> values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(values[i]);
    }
    return out;
}

std::vector<long long> split(const std::string& text) {
    std::vector<long long> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        out.push_back(std::stoll(text.substr(start, end - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace

RegistryShape registry_shape(soci::session& s) {
    RegistryShape shape;
    soci::rowset<soci::row> providers = (s.prepare << "SELECT id FROM providers");
    for (const auto& row : providers) shape.providers.push_back(get_int(row, 0));
    soci::rowset<soci::row> offices = (s.prepare << "SELECT id, provider_id FROM offices");
    for (const auto& row : offices) shape.offices.emplace_back(get_int(row, 0), get_int(row, 1));
    std::map<std::int64_t, std::size_t> contract_index;
    soci::rowset<soci::row> contracts = (s.prepare << "SELECT id, prime_id, area_id FROM contracts ORDER BY id");
    for (const auto& row : contracts) {
        contract_index[get_int(row, 0)] = shape.contracts.size();
        shape.contracts.emplace_back(get_int(row, 1), get_int(row, 2));
    }
    soci::rowset<soci::row> subs = (s.prepare << "SELECT provider_id, contract_id FROM subcontracts");
    for (const auto& row : subs) {
        const auto found = contract_index.find(get_int(row, 1));
        if (found != contract_index.end()) shape.subcontracts.emplace_back(get_int(row, 0), found->second);
    }
    return shape;
}

namespace {

// The active ratings of the months asked for, in one pass over the range they span (there is no
// index on the month alone, and one scan beats one per month).
std::map<std::string, RatingMonth> raw_ratings(soci::session& s, const std::vector<Month>& months) {
    std::map<std::string, RatingMonth> out;
    if (months.empty()) return out;
    for (const auto& m : months) out[m.to_string()];
    const std::string from = months.front().to_string();
    const std::string to = months.back().to_string();
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT month, provider_id, office_id, area_id, stars, respect, personal_support, "
                      "help_towards_work, fairness_about_sanctions, keeping_to_standards, travel_and_practical_help "
                      "FROM ratings WHERE state = 'active' AND month >= :a AND month <= :b",
         soci::use(from), soci::use(to));
    for (const auto& row : rows) {
        const auto month = out.find(get_text(row, 0));
        if (month == out.end()) continue;  // a month in the range already published
        auto& cells = month->second[Leaf{get_int(row, 1), int_or_zero(row, 2), int_or_zero(row, 3)}];
        for (std::size_t measure = 0; measure < kRatingMeasures; ++measure) {
            const auto stars = int_or_zero(row, 4 + measure);
            if (stars >= 1 && stars <= 5) ++cells.measures[measure][stars - 1];
        }
    }
    return out;
}

// Sanction steps recorded after `after` and up to `through`, each counted once.
SanctionMonth raw_sanctions(soci::session& s, long long after, long long through) {
    using sanctions::CaseState;
    SanctionMonth out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT sc.provider_id, e.what, e.from_state, e.to_state, sc.reason FROM events e "
                      "JOIN sanction_cases sc ON sc.id = e.object_id WHERE e.object_kind = 'sanction_case' "
                      "AND e.id > :a AND e.id <= :b",
         soci::use(after), soci::use(through));
    for (const auto& row : rows) {
        auto& cells = out[int_or_zero(row, 0)];
        const auto what = get_text(row, 1);
        if (what == "sanction_case.logged") {
            const auto reason = known(sanctions::reason_from(get_text(row, 4)), "reason");
            for (std::size_t r = 0; r < sanctions::kReasons.size(); ++r) {
                if (sanctions::kReasons[r] == reason) ++cells.logged_by_reason[r];
            }
            continue;
        }
        if (what != "sanction_case.stepped") continue;
        const auto from = sanctions::case_state_from(get_text(row, 2));
        const auto to = sanctions::case_state_from(get_text(row, 3));
        if (!from || !to) continue;
        if (!sanctions::is_decided(*from) && sanctions::is_decided(*to)) ++cells.decided;
        if (*to == CaseState::adverse) ++cells.adverse;
        if (*to == CaseState::overturned_reconsideration || *to == CaseState::appeal_won) ++cells.overturned;
    }
    return out;
}

// Rows of numbers and our own text only, so they can be written into the SQL; many rows a
// statement keeps a first publication of two years' cells fast on both engines.
void insert_rows(soci::session& s, std::string_view insert, const std::vector<std::string>& rows) {
    constexpr std::size_t kRowsPerStatement = 500;
    for (std::size_t start = 0; start < rows.size(); start += kRowsPerStatement) {
        std::string sql(insert);
        const auto end = std::min(rows.size(), start + kRowsPerStatement);
        for (std::size_t i = start; i < end; ++i) sql += fmt::format("{}({})", i == start ? " " : ", ", rows[i]);
        s << sql;
    }
}

void insert_cells(soci::session& s, std::string_view family, Month month,
                  const std::vector<std::pair<Leaf, std::string>>& cells) {
    std::vector<std::string> rows;
    rows.reserve(cells.size());
    for (const auto& [leaf, noisy] : cells) {
        rows.push_back(fmt::format("'{}', '{}', {}, {}, {}, '{}'", family, month.to_string(), leaf.provider_id,
                                   leaf.office_id, leaf.area_id, noisy));
    }
    insert_rows(s, "INSERT INTO publication_cells (family, month, provider_id, office_id, area_id, noisy) VALUES",
                rows);
}

void draw_and_store(soci::session& s, const Structure& structure, Month month, const RatingMonth& ratings_raw,
                    const SanctionMonth& sanctions_raw, long long events_through, const disclosure::RandomBits& bits,
                    PublishOutcome& outcome) {
    const auto noisy = draw_month(structure, ratings_raw, sanctions_raw, bits);
    outcome.unplaced += noisy.unplaced;
    const std::string m = month.to_string();
    s << "INSERT INTO published_months (month, events_through) VALUES (:m, :e)", soci::use(m),
        soci::use(events_through);
    std::vector<std::pair<Leaf, std::string>> rows;
    for (const auto& [leaf, cells] : noisy.ratings) rows.emplace_back(leaf, join(flatten(cells)));
    insert_cells(s, "ratings", month, rows);
    rows.clear();
    for (const auto& [referrer, cells] : noisy.sanctions) rows.emplace_back(Leaf{referrer, 0, 0}, join(flatten(cells)));
    insert_cells(s, "sanctions", month, rows);
    std::vector<std::string> confirmed;
    for (const auto& [suggestion, count] : confirmations_in(s, month)) {
        const auto noisy_count =
            count + disclosure::geometric_noise(disclosure::epsilon_of(disclosure::Table::change_confirmed), bits);
        confirmed.push_back(fmt::format("'{}', {}, {}", m, suggestion, noisy_count));
    }
    insert_rows(s, "INSERT INTO confirmation_cells (month, suggestion_id, noisy) VALUES", confirmed);
    // Counted into their cell: the raw rows are never needed again, so they are not kept.
    s << "DELETE FROM change_confirmations WHERE month = :m", soci::use(m);
}

// The suggestion figures of a snapshot: confirmations summed over the window, and how each
// provider answered its public suggestions as of the publication month's first week.
void store_suggestion_figures(soci::session& s, std::int64_t snapshot, Month window_start, Month period, Month now) {
    const std::string a = window_start.to_string();
    const std::string b = period.to_string();
    const long long id = snapshot;
    s << "INSERT INTO snapshot_confirmations (snapshot_id, suggestion_id, cells_summed, noisy) "
         "SELECT :id, suggestion_id, COUNT(*), SUM(noisy) FROM confirmation_cells WHERE month >= :a AND month <= :b "
         "GROUP BY suggestion_id",
        soci::use(id), soci::use(a), soci::use(b);
    const auto week = Week::of(std::chrono::year{now.year()} / now.month() / 1);
    std::vector<std::string> rows;
    for (const auto& [provider, f] : suggestions::answer_figures(suggestion_records(s), week)) {
        rows.push_back(fmt::format("{}, {}, {}, {}, {}, {}, {}", snapshot, provider, f.made, f.due, f.answered_in_time,
                                   f.implemented, f.declined));
    }
    insert_rows(s,
                "INSERT INTO snapshot_suggestion_answers (snapshot_id, provider_id, made, due, answered_in_time, "
                "implemented, declined) VALUES",
                rows);
}

SuggestionFigures load_suggestion_figures(soci::session& s, long long snapshot) {
    SuggestionFigures out;
    {
        soci::rowset<soci::row> rows = (s.prepare << "SELECT suggestion_id, cells_summed, noisy FROM "
                                                     "snapshot_confirmations WHERE snapshot_id = :id",
                                        soci::use(snapshot));
        for (const auto& row : rows) out.confirmations[get_int(row, 0)] = {get_int(row, 2), get_int(row, 1)};
    }
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT provider_id, made, due, answered_in_time, implemented, declined FROM "
                      "snapshot_suggestion_answers WHERE snapshot_id = :id",
         soci::use(snapshot));
    for (const auto& row : rows) {
        out.answers[get_int(row, 0)] = suggestions::AnswerFigures{get_int(row, 1), get_int(row, 2), get_int(row, 3),
                                                                  get_int(row, 4), get_int(row, 5)};
    }
    out.complaints = load_complaint_figures(s, snapshot);
    return out;
}

struct WindowSums {
    std::map<Leaf, RatingSum> leaves;
    std::map<std::int64_t, SanctionSum> referrers;
};

// The window's cells summed, leaving out the (provider, month) cells of `skip`.
WindowSums window_sums(soci::session& s, Month from, Month to, const ProviderMonthSet& skip = {}) {
    WindowSums out;
    const std::string a = from.to_string();
    const std::string b = to.to_string();
    soci::rowset<soci::row> rows = (s.prepare << "SELECT family, provider_id, office_id, area_id, noisy, month "
                                                 "FROM publication_cells WHERE month >= :a AND month <= :b",
                                    soci::use(a), soci::use(b));
    for (const auto& row : rows) {
        const auto values = split(get_text(row, 4));
        if (get_text(row, 0) == "ratings" && values.size() == kRatingMeasures * 5) {
            if (!skip.empty() && skip.contains({get_int(row, 1), get_text(row, 5)})) continue;
            auto& sum = out.leaves[Leaf{get_int(row, 1), get_int(row, 2), get_int(row, 3)}];
            sum.cells += rating_cells_from(values);
            ++sum.cells_summed;
        } else if (values.size() == kSanctionValues) {
            auto& sum = out.referrers[get_int(row, 1)];
            sum.cells += sanction_cells_from(values);
            ++sum.cells_summed;
        }
    }
    return out;
}

std::int64_t store_snapshot(soci::session& s, const Structure& structure, Month period, Month window_start, Month now,
                            const ProviderMonthSet& excluded) {
    const auto sums = window_sums(s, window_start, period, excluded);
    long long id = 0;
    const std::string p = period.to_string();
    const std::string w = window_start.to_string();
    const std::string n = now.to_string();
    const std::string method(disclosure::kMethodVersion);
    s << "INSERT INTO snapshots (period, window_start, published_month, method_version) VALUES (:p, :w, :n, :v) "
         "RETURNING id",
        soci::use(p), soci::use(w), soci::use(n), soci::use(method), soci::into(id);
    std::vector<std::string> rows;
    auto row = [&](std::string_view kind, std::int64_t unit, std::int64_t area, long long cells, std::string noisy) {
        rows.push_back(fmt::format("{}, '{}', {}, {}, {}, '{}'", id, kind, unit, area, cells, noisy));
    };
    for (const auto& [key, sum] : roll_up(structure, sums.leaves)) {
        row(ratings::unit_kind_key(key.kind), key.id, key.area_id, sum.cells_summed, join(flatten(sum.cells)));
    }
    const auto programme = programme_sum(sums.leaves);
    row("programme", 0, 0, programme.cells_summed, join(flatten(programme.cells)));
    for (const auto& [referrer, sum] : sums.referrers) {
        row("referrer", referrer, 0, sum.cells_summed, join(flatten(sum.cells)));
    }
    insert_rows(
        s, "INSERT INTO snapshot_figures (snapshot_id, unit_kind, unit_id, area_id, cells_summed, noisy) VALUES", rows);
    return id;
}

// Raw ratings outside the window are in no figure any more: their noisy cells are kept, so
// nothing published needs them. A story keeps its text and loses its link to the rating.
long long delete_expired(soci::session& s, Month window_start) {
    const std::string cut = window_start.to_string();
    s << "UPDATE stories SET rating_id = NULL WHERE rating_id IN (SELECT id FROM ratings WHERE month < :c)",
        soci::use(cut);
    soci::statement st = (s.prepare << "DELETE FROM ratings WHERE month < :c", soci::use(cut));
    st.execute(true);
    return st.get_affected_rows();
}

// The figures of ratings that count over some months: what status and the award rest on. Made
// from the same published cells, so they cost no privacy of their own; kept only as the
// statuses and places they decide.
Snapshot counting_figures(soci::session& s, const Structure& structure, const SnapshotInfo& info, Month from, Month to,
                          const ProviderMonthSet& left_out, const SuggestionFigures& suggestions) {
    const auto sums = window_sums(s, from, to, left_out);
    return Snapshot(info, roll_up(structure, sums.leaves), programme_sum(sums.leaves), {}, ratings::ScoreSettings{},
                    suggestions);
}

// Every year whose twelve months are all published, none of them held, and that has no award
// yet gets one.
void decide_awards(soci::session& s, const Structure& structure, const Snapshot& published,
                   const std::vector<std::int64_t>& providers, const ProviderMonthSet& left_out) {
    std::set<std::string> drawn;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT month FROM published_months");
    for (const auto& row : rows) drawn.insert(get_text(row, 0));
    const auto& period = published.info().period;
    const int last = period.month() == 12 ? period.year() : period.year() - 1;
    for (int year = published.info().window_start.year(); year <= last; ++year) {
        const bool whole = std::ranges::all_of(
            std::views::iota(1, 13), [&](int m) { return drawn.contains(Month::from(year, m)->to_string()); });
        if (!whole || award_decided(s, year)) continue;
        // A month still held waits for a moderator: decided without it, the award would be
        // decided for good on the word of whoever flooded it (docs/integrity.md).
        long long held = 0;
        const std::string from = Month::from(year, 1)->to_string(), to = Month::from(year, 12)->to_string();
        s << "SELECT COUNT(*) FROM rating_holds WHERE state = 'held' AND month >= :a AND month <= :b", soci::use(from),
            soci::use(to), soci::into(held);
        if (held > 0) continue;
        const auto figures = counting_figures(s, structure, published.info(), *Month::from(year, 1),
                                              *Month::from(year, 12), left_out, {});
        store_award(s, year, published.info().id, standards::rank_for_award(figures, providers));
    }
}

bool period_published(Database& db, Month period) {
    auto s = db.session();
    int existing = 0;
    const std::string p = period.to_string();
    s << "SELECT COUNT(*) FROM snapshots WHERE period = :p", soci::use(p), soci::into(existing);
    return existing > 0;
}

class PublicationLock {
public:
    explicit PublicationLock(Database& db) : db_(db) {}
    ~PublicationLock() {
        if (!held_) return;
        try {
            auto s = db_.session();
            s << "DELETE FROM publication_lock WHERE id = 1";
        } catch (const std::exception& e) {
            spdlog::error("event=publication_unlock_failed error=\"{}\"", describe(e));
        }
    }
    bool acquire() {
        const long long now =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        auto s = db_.session();
        try {
            s << "INSERT INTO publication_lock (id, started) VALUES (1, :t)", soci::use(now);
            held_ = true;
            return true;
        } catch (const soci::soci_error&) {
        }
        long long started = 0;
        s << "SELECT started FROM publication_lock WHERE id = 1", soci::into(started);
        if (now - started < 3600) return false;
        soci::statement st = (s.prepare << "UPDATE publication_lock SET started = :t WHERE id = 1 AND started = :s",
                              soci::use(now), soci::use(started));
        st.execute(true);
        held_ = st.get_affected_rows() == 1;
        return held_;
    }

private:
    Database& db_;
    bool held_ = false;
};

}  // namespace

Result<PublishOutcome> publish(Database& db, Month now, const disclosure::RandomBits& bits,
                               const PublishSettings& settings) {
    PublishOutcome outcome;
    const auto period = now.plus(-1);
    const auto window_start = now.plus(-settings.window_months);
    if (!period || !window_start) return fail(ErrorKind::invalid_input, "The month is out of range");
    outcome.period = *period;

    // Servers ask every minute: a read answers "already published" without writing the lock.
    if (period_published(db, *period)) return outcome;
    PublicationLock lock(db);
    if (!lock.acquire()) {
        return fail(ErrorKind::conflict, "Another publication is running on this database; try again when it ends");
    }
    if (period_published(db, *period)) return outcome;  // another process published meanwhile
    auto s = db.session();

    std::set<std::string> drawn;
    long long events_before = 0;
    {
        soci::rowset<soci::row> rows = (s.prepare << "SELECT month, events_through FROM published_months");
        for (const auto& row : rows) {
            drawn.insert(get_text(row, 0));
            events_before = std::max<long long>(events_before, get_int(row, 1));
        }
    }
    soci::transaction tr(s);
    long long events_through = 0;
    {
        soci::indicator ind = soci::i_ok;
        s << "SELECT MAX(id) FROM events", soci::into(events_through, ind);
        if (ind == soci::i_null) events_through = 0;
        events_through = std::max(events_through, events_before);
    }
    const Structure structure(registry_shape(s));
    std::vector<Month> to_draw;
    for (auto m = *window_start; m <= *period; m = *m.plus(1)) {
        if (!drawn.contains(m.to_string())) to_draw.push_back(m);
    }
    const auto sanctions = raw_sanctions(s, events_before, events_through);
    const auto complaints = raw_complaints(s, events_before, events_through);
    const auto ratings = raw_ratings(s, to_draw);
    std::vector<std::int64_t> providers;
    for (auto referrer : structure.referrers()) {
        if (referrer != 0) providers.push_back(referrer);  // 0: Jobcentre Plus, never complained to here
    }
    for (const auto& month : to_draw) {
        const bool last = month == to_draw.back();
        draw_and_store(s, structure, month, ratings.at(month.to_string()), last ? sanctions : SanctionMonth{},
                       last ? events_through : events_before, bits, outcome);
        // Like sanction steps, each complaint step counts once, in the month drawn last.
        draw_complaint_cells(s, month, providers, last ? complaints : decltype(complaints){}, bits);
    }
    outcome.months_drawn = static_cast<int>(to_draw.size());
    outcome.held = check_floods_in(s, structure, to_draw, now);
    const auto holds = left_out(s);
    outcome.snapshot_id = store_snapshot(s, structure, *period, *window_start, now, holds.of_everything);
    store_suggestion_figures(s, outcome.snapshot_id, *window_start, *period, now);
    store_complaint_figures(s, outcome.snapshot_id, *window_start, *period);
    draw_staff_report_cells(s, *window_start, *period, bits);
    store_staff_report_figures(s, outcome.snapshot_id, *window_start, *period);
    store_snapshot_holds(s, outcome.snapshot_id, *window_start);
    // Every provider against the standards, from the figures just published less held months.
    if (const auto published = load_snapshot_in(s, outcome.snapshot_id)) {
        const auto counting = counting_figures(s, structure, published->info(), *window_start, *period, holds.of_status,
                                               published->suggestion_figures());
        store_provider_statuses(s, counting, providers);
        decide_awards(s, structure, *published, providers, holds.of_status);
    }
    outcome.deleted = delete_expired(s, *window_start);
    tr.commit();
    outcome.published = true;
    return outcome;
}

std::optional<std::int64_t> latest_snapshot_id(Database& db) {
    auto s = db.session();
    long long id = 0;
    soci::indicator ind = soci::i_ok;
    s << "SELECT MAX(id) FROM snapshots", soci::into(id, ind);
    if (ind == soci::i_null || id == 0) return std::nullopt;
    return id;
}

namespace {
SnapshotInfo info_from(const soci::row& row) {
    SnapshotInfo info;
    info.id = get_int(row, 0);
    info.period = known(Month::parse(get_text(row, 1)), "month");
    info.window_start = known(Month::parse(get_text(row, 2)), "month");
    info.published = known(Month::parse(get_text(row, 3)), "month");
    info.method_version = get_text(row, 4);
    return info;
}
constexpr const char* kSnapshotColumns =
    "SELECT id, period, window_start, published_month, method_version FROM snapshots";
}  // namespace

std::vector<SnapshotInfo> list_snapshots(Database& db) {
    auto s = db.session();
    std::vector<SnapshotInfo> out;
    soci::rowset<soci::row> rows = (s.prepare << std::string(kSnapshotColumns) + " ORDER BY id DESC");
    for (const auto& row : rows) out.push_back(info_from(row));
    return out;
}

std::shared_ptr<const Snapshot> load_snapshot(Database& db, std::optional<std::int64_t> id) {
    if (!id) id = latest_snapshot_id(db);
    if (!id) return nullptr;
    auto s = db.session();
    return load_snapshot_in(s, *id);
}

std::shared_ptr<const Snapshot> load_snapshot_in(soci::session& s, std::int64_t id) {
    std::optional<SnapshotInfo> info;
    const long long wanted = id;
    {
        soci::rowset<soci::row> rows =
            (s.prepare << std::string(kSnapshotColumns) + " WHERE id = :id", soci::use(wanted));
        for (const auto& row : rows) info = info_from(row);
    }
    if (!info) return nullptr;
    std::map<UnitKey, RatingSum> units;
    RatingSum programme;
    std::map<std::int64_t, SanctionSum> referrers;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT unit_kind, unit_id, area_id, cells_summed, noisy FROM snapshot_figures WHERE "
                      "snapshot_id = :id",
         soci::use(wanted));
    for (const auto& row : rows) {
        const auto kind = get_text(row, 0);
        const auto values = split(get_text(row, 4));
        const long long cells = get_int(row, 3);
        if (kind == "referrer") {
            if (values.size() == kSanctionValues) referrers[get_int(row, 1)] = {sanction_cells_from(values), cells};
            continue;
        }
        if (values.size() != kRatingMeasures * 5) continue;
        const RatingSum sum{rating_cells_from(values), cells};
        if (kind == "programme") {
            programme = sum;
            continue;
        }
        if (const auto unit_kind = ratings::unit_kind_from(kind))
            units[UnitKey{*unit_kind, get_int(row, 1), get_int(row, 2)}] = sum;
    }
    return std::make_shared<const Snapshot>(*info, std::move(units), programme, std::move(referrers),
                                            ratings::ScoreSettings{}, load_suggestion_figures(s, wanted),
                                            load_standards_figures(s, wanted), load_staff_report_figures(s, wanted));
}

}  // namespace pw::store
