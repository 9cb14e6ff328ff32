#include "store/sanctions/cases.hpp"

#include <map>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "store/events/events.hpp"
#include "store/ratings/ratings.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace sanctions;

std::int64_t SociCaseRepository::insert_codename(const codenames::HashedCodename& codename, Month month) {
    return store::insert_codename(s_, codename, month);
}

std::int64_t SociCaseRepository::insert_case(const CaseAnswers& a, std::int64_t codename_id) {
    const auto provider = id_or_null(a.provider_id);
    const auto office = id_or_null(a.office_id);
    const int jobcentre = a.provider_id ? 0 : 1;
    const long long owner = codename_id;
    const std::string month = a.month.to_string();
    const std::string reason(reason_key(a.reason));
    const std::string good(good_reason_key(a.good_reason));
    const std::string travel(travel_key(a.travel_paid));
    const std::string benefit(benefit_key(a.benefit));
    long long id = 0;
    s_ << "INSERT INTO sanction_cases (provider_id, office_id, referred_by_jobcentre, codename_id, month, reason, "
          "good_reason, travel_paid, benefit) VALUES (:p, :o, :j, :c, :m, :r, :g, :t, :b) RETURNING id",
        soci::use(provider), soci::use(office), soci::use(jobcentre), soci::use(owner), soci::use(month),
        soci::use(reason), soci::use(good), soci::use(travel), soci::use(benefit), soci::into(id);
    return id;
}

namespace {
constexpr const char* kCaseColumns =
    "SELECT sc.id, COALESCE(p.name, 'Jobcentre Plus'), sc.month, sc.reason, sc.good_reason, sc.benefit, sc.state, "
    "sc.decision_month, sc.level, sc.previous_sanctions, sc.hardship FROM sanction_cases sc "
    "LEFT JOIN providers p ON p.id = sc.provider_id ";

CaseRow read_case(const soci::row& row) {
    return CaseRow{
        get_int(row, 0),
        get_text(row, 1),
        get_text(row, 2),
        known(reason_from(get_text(row, 3)), "reason"),
        known(good_reason_from(get_text(row, 4)), "good reason"),
        benefit_from(get_text(row, 5)).value_or(Benefit::jsa),
        known(case_state_from(get_text(row, 6)), "case state"),
        get_text(row, 7),
        level_from(get_text(row, 8)),
        row.get_indicator(9) == soci::i_null ? std::nullopt : std::optional<int>(static_cast<int>(get_int(row, 9))),
        known(hardship_from(get_text(row, 10)), "hardship answer")};
}
}  // namespace

std::vector<CaseRow> cases_for(Database& db, std::int64_t codename_id) {
    auto s = db.session();
    const long long owner = codename_id;
    std::vector<CaseRow> out;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kCaseColumns) + "WHERE sc.codename_id = :c ORDER BY sc.id DESC", soci::use(owner));
    for (const auto& row : rows) out.push_back(read_case(row));
    return out;
}

std::optional<CaseRow> find_case(Database& db, std::int64_t case_id, std::int64_t codename_id) {
    auto s = db.session();
    const long long id = case_id;
    const long long owner = codename_id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kCaseColumns) + "WHERE sc.id = :id AND sc.codename_id = :c", soci::use(id),
         soci::use(owner));
    for (const auto& row : rows) return read_case(row);
    return std::nullopt;
}

std::optional<CaseState> SociCaseRepository::state_of(std::int64_t case_id, std::int64_t codename_id) {
    const long long id = case_id;
    const long long owner = codename_id;
    std::string state;
    s_ << "SELECT state FROM sanction_cases WHERE id = :id AND codename_id = :c", soci::into(state), soci::use(id),
        soci::use(owner);
    if (!s_.got_data()) return std::nullopt;
    return known(case_state_from(state), "case state");
}

bool SociCaseRepository::move(std::int64_t case_id, CaseState from, CaseState to, std::optional<Month> decision_month) {
    const long long id = case_id;
    const std::string from_key(case_state_key(from));
    const std::string to_key(case_state_key(to));
    if (decision_month) {
        const std::string m = decision_month->to_string();
        soci::statement st = (s_.prepare << "UPDATE sanction_cases SET state = :s, decision_month = :m "
                                            "WHERE id = :id AND state = :f",
                              soci::use(to_key), soci::use(m), soci::use(id), soci::use(from_key));
        return changed_one_row(st);
    }
    soci::statement st = (s_.prepare << "UPDATE sanction_cases SET state = :s WHERE id = :id AND state = :f",
                          soci::use(to_key), soci::use(id), soci::use(from_key));
    return changed_one_row(st);
}

bool SociCaseRepository::set_details(std::int64_t case_id, CaseState state, Level level, int previous,
                                     Hardship hardship) {
    const long long id = case_id;
    const std::string state_key(case_state_key(state));
    const std::string level_text(level_key(level));
    const std::string hardship_text(hardship_key(hardship));
    soci::statement st =
        (s_.prepare << "UPDATE sanction_cases SET level = :l, previous_sanctions = :p, hardship = :h "
                       "WHERE id = :id AND state = :s",
         soci::use(level_text), soci::use(previous), soci::use(hardship_text), soci::use(id), soci::use(state_key));
    return changed_one_row(st);
}

void SociCaseRepository::append(const events::Event& event) {
    append_event(s_, event);
}

namespace {
// Adds n cases in `state` for `reason` to the figures.
void count_cases(CaseFigures& figures, std::map<Reason, long long>& reasons, CaseState state, Reason reason,
                 long long n) {
    figures.logged += n;
    reasons[reason] += n;
    if (is_decided(state)) figures.decided += n;
    if (ended_in_sanction(state)) figures.adverse += n;
    if (state == CaseState::overturned_reconsideration || state == CaseState::appeal_won) figures.overturned += n;
}

void finish(CaseFigures& figures, std::map<Reason, long long>& reasons) {
    for (auto reason : kReasons) figures.by_reason.emplace_back(reason, reasons[reason]);
}
}  // namespace

CaseFigures case_figures(Database& db, std::int64_t provider_id) {
    auto s = db.session();
    const long long provider = provider_id;
    CaseFigures figures;
    std::map<Reason, long long> reasons;
    soci::rowset<soci::row> rows =
        (s.prepare
             << "SELECT state, reason, COUNT(*) FROM sanction_cases WHERE provider_id = :p GROUP BY state, reason",
         soci::use(provider));
    for (const auto& row : rows) {
        count_cases(figures, reasons, known(case_state_from(get_text(row, 0)), "case state"),
                    known(reason_from(get_text(row, 1)), "reason"), get_int(row, 2));
    }
    finish(figures, reasons);
    return figures;
}

std::vector<std::pair<std::string, CaseFigures>> case_figures_by_referrer(Database& db) {
    auto s = db.session();
    std::map<std::string, std::pair<CaseFigures, std::map<Reason, long long>>> by_name;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT COALESCE(p.name, 'Jobcentre Plus'), sc.state, sc.reason, COUNT(*) FROM sanction_cases sc "
                      "LEFT JOIN providers p ON p.id = sc.provider_id GROUP BY p.name, sc.state, sc.reason");
    for (const auto& row : rows) {
        auto& [figures, reasons] = by_name[get_text(row, 0)];
        count_cases(figures, reasons, known(case_state_from(get_text(row, 1)), "case state"),
                    known(reason_from(get_text(row, 2)), "reason"), get_int(row, 3));
    }
    std::vector<std::pair<std::string, CaseFigures>> out;
    for (auto& [name, entry] : by_name) {
        finish(entry.first, entry.second);
        out.emplace_back(name, entry.first);
    }
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> all_providers(Database& db) {
    auto s = db.session();
    std::vector<std::pair<std::int64_t, std::string>> out;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT id, name FROM providers ORDER BY name_key");
    for (const auto& row : rows) out.emplace_back(get_int(row, 0), get_text(row, 1));
    return out;
}

}  // namespace pw::store

namespace pw::store {

std::vector<std::pair<std::int64_t, std::string>> all_offices(Database& db) {
    auto s = db.session();
    std::vector<std::pair<std::int64_t, std::string>> out;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT o.id, o.name, o.town, p.name FROM offices o JOIN providers p "
                                                 "ON p.id = o.provider_id ORDER BY o.town, o.name_key");
    for (const auto& row : rows) {
        out.emplace_back(get_int(row, 0), get_text(row, 1) + ", " + get_text(row, 2) + " (" + get_text(row, 3) + ")");
    }
    return out;
}

}  // namespace pw::store
