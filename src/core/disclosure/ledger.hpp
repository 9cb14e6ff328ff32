#pragma once
// The privacy ledger: every published table a contribution enters, with the epsilon it spends.
// A new public figure must add its line here; the totals below are the promise in
// docs/disclosure.md, and the static assertions hold the code to it.
#include <array>
#include <string_view>

namespace pw::disclosure {

enum class Table {
    rating_stars,           // overall stars, 1 to 5, per unit and month
    rating_aspect,          // one per aspect answered (six)
    sanction_logged,        // a referral logged, by reason
    sanction_decided,       // a decision recorded
    sanction_adverse,       // a decision against the person
    sanction_overturned,    // overturned at reconsideration or appeal
    change_confirmed,       // "I noticed this change", given with a rating
    complaint_sent,         // an official complaint sent, per provider and month
    complaint_answered,     // its final response within 8 weeks
    complaint_to_ice,       // taken to the Independent Case Examiner
    staff_report,           // a staff report, per prime and quarter
    staff_report_pressure,  // one per kind of pressure it names (six)
};

struct LedgerLine {
    Table table;
    std::string_view what;
    double epsilon;  // per contribution, per published cell (noise drawn once)
    int times;       // how many such tables one contribution can enter
};

inline constexpr std::array kLedger{
    LedgerLine{Table::rating_stars, "overall stars of a rating", 0.35, 1},
    LedgerLine{Table::rating_aspect, "stars for one aspect of a rating", 0.075, 6},
    LedgerLine{Table::sanction_logged, "a sanction referral logged, by reason", 0.25, 1},
    LedgerLine{Table::sanction_decided, "a decision recorded on a referral", 0.25, 1},
    LedgerLine{Table::sanction_adverse, "a decision against the person", 0.25, 1},
    LedgerLine{Table::sanction_overturned, "a sanction overturned", 0.25, 1},
    // A rating is asked about one change at most (core/suggestions/commands.hpp).
    LedgerLine{Table::change_confirmed, "a change made noticed, said with a rating", 0.2, 1},
    LedgerLine{Table::complaint_sent, "an official complaint sent", 0.3, 1},
    LedgerLine{Table::complaint_answered, "a final response within 8 weeks", 0.3, 1},
    LedgerLine{Table::complaint_to_ice, "a complaint taken to the ICE", 0.3, 1},
    LedgerLine{Table::staff_report, "a staff report of target pressure", 0.4, 1},
    LedgerLine{Table::staff_report_pressure, "a kind of pressure a staff report names", 0.1, 6},
};

constexpr double epsilon_of(Table table) {
    for (const auto& line : kLedger) {
        if (line.table == table) return line.epsilon;
    }
    return 0;
}

// The privacy loss of one rating, for all time: every table it can enter.
constexpr double epsilon_per_rating() {
    double total = 0;
    for (const auto& line : kLedger) {
        if (line.table == Table::rating_stars || line.table == Table::rating_aspect ||
            line.table == Table::change_confirmed) {
            total += line.epsilon * line.times;
        }
    }
    return total;
}

// The privacy loss of one sanction case, for all time: each of its four counts at most once.
constexpr double epsilon_per_sanction_case() {
    double total = 0;
    for (const auto& line : kLedger) {
        if (line.table >= Table::sanction_logged && line.table <= Table::sanction_overturned) {
            total += line.epsilon * line.times;
        }
    }
    return total;
}

// The privacy loss of one complaint, for all time: each of its three counts at most once.
constexpr double epsilon_per_complaint() {
    double total = 0;
    for (const auto& line : kLedger) {
        if (line.table >= Table::complaint_sent && line.table <= Table::complaint_to_ice)
            total += line.epsilon * line.times;
    }
    return total;
}

// The privacy loss of one staff report, for all time: its count and each kind it names, once.
constexpr double epsilon_per_staff_report() {
    double total = 0;
    for (const auto& line : kLedger) {
        if (line.table == Table::staff_report || line.table == Table::staff_report_pressure)
            total += line.epsilon * line.times;
    }
    return total;
}

inline constexpr double kEpsilonPerRatingPromised = 1.0;
inline constexpr double kEpsilonPerStaffReportPromised = 1.0;
inline constexpr double kEpsilonPerComplaintPromised = 0.9;
inline constexpr double kEpsilonPerSanctionCasePromised = 1.0;
static_assert(epsilon_per_rating() <= kEpsilonPerRatingPromised + 1e-12, "docs/disclosure.md promises 1.0 a rating");
static_assert(epsilon_per_sanction_case() <= kEpsilonPerSanctionCasePromised + 1e-12,
              "docs/disclosure.md promises 1.0 a sanction case");
static_assert(epsilon_per_complaint() <= kEpsilonPerComplaintPromised + 1e-12,
              "docs/disclosure.md promises 0.9 a complaint");
static_assert(epsilon_per_staff_report() <= kEpsilonPerStaffReportPromised + 1e-12,
              "docs/disclosure.md promises 1.0 a staff report");

// The method's version, printed with every snapshot; change it when any rule above changes.
inline constexpr std::string_view kMethodVersion = "geometric-monthly-4";

}  // namespace pw::disclosure
