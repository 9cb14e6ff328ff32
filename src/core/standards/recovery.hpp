#pragma once
// Recovery reports (docs/standards.md): while a provider is under recovery measures its
// representative publishes, every month, what it is changing. A moderator reads each report
// (redacted already) before the public does; a month without one shows as overdue. One
// transition table, one command per action, and the months due worked out from dates alone.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/common/month.hpp"
#include "core/events/event.hpp"
#include "core/lifecycle/transition.hpp"
#include "core/redaction/redacted_text.hpp"

namespace pw::standards {

enum class ReportState { pending, published, rejected };
inline constexpr std::array kReportStates{ReportState::pending, ReportState::published, ReportState::rejected};

inline constexpr Transition<ReportState> kReportTransitions[] = {
    {ReportState::pending, ReportState::published, Actor::moderator},
    {ReportState::pending, ReportState::rejected, Actor::moderator},  // reason required: the provider reads it
};

std::string_view report_state_name(ReportState state);  // "pending", "published", "rejected"
std::optional<ReportState> report_state_from(std::string_view name);

inline constexpr std::size_t kReportMaxChars = 5000;

class RecoveryRepository {
public:
    virtual ~RecoveryRepository() = default;
    // Whether the latest publication put the provider under recovery measures.
    virtual bool under_recovery(std::int64_t provider_id) = 0;
    // The states of the provider's reports for that month (a rejected one may be sent again).
    virtual std::vector<ReportState> reports_for(std::int64_t provider_id, Month month) = 0;
    virtual std::int64_t insert_report(std::int64_t provider_id, Month month, const redaction::RedactedText& body) = 0;
    virtual std::optional<ReportState> report_state(std::int64_t report_id) = 0;
    // Moves it only if it is still in `from`; false when it was not.
    virtual bool move_report(std::int64_t report_id, ReportState from, ReportState to,
                             const std::optional<redaction::RedactedText>& reason, Month month) = 0;
    virtual void append(const events::Event& event) = 0;
};

// A representative sends this month's report for a provider it acts for.
struct SendRecoveryReport {
    std::int64_t provider_id = 0;
    std::vector<std::int64_t> acting_for;
    redaction::RedactedText body;
    Month month;
};
Result<std::int64_t> send_recovery_report(const SendRecoveryReport& command, RecoveryRepository& reports);

// A moderator publishes it, or rejects it with a reason.
struct DecideRecoveryReport {
    std::int64_t report_id = 0;
    bool publish = false;
    std::optional<redaction::RedactedText> reason;
    Month month;
};
Result<void> decide_recovery_report(const DecideRecoveryReport& command, RecoveryRepository& reports);

// Where each month of recovery measures stands, from the month they began to now.
enum class MonthReport {
    published,  // its report is public
    waiting,    // sent, with a moderator
    due,        // this month's, not sent yet: due by the end of the month
    overdue,    // a past month with no report published or waiting
};
struct RecoveryMonth {
    Month month;
    MonthReport report = MonthReport::due;
};
// `sent`: the state of each month's report that is not rejected.
std::vector<RecoveryMonth> recovery_months(Month since, Month now, const std::map<Month, ReportState>& sent);

}  // namespace pw::standards
