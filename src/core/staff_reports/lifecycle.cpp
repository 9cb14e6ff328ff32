#include "core/staff_reports/lifecycle.hpp"

namespace pw::staff_reports {

std::string_view report_state_name(ReportState state) {
    switch (state) {
        case ReportState::received:
            return "received";
        case ReportState::needs_more:
            return "needs_more";
        case ReportState::credible:
            return "credible";
        case ReportState::not_relevant:
            return "not_relevant";
    }
    return "received";
}

std::string_view report_state_label(ReportState state) {
    switch (state) {
        case ReportState::received:
            return "Received, waiting to be read";
        case ReportState::needs_more:
            return "We need more from you";
        case ReportState::credible:
            return "Read and found credible";
        case ReportState::not_relevant:
            return "Read: not about referral pressure";
    }
    return "Received, waiting to be read";
}

std::optional<ReportState> report_state_from(std::string_view name) {
    return state_named(kReportStates, report_state_name, name);
}

}  // namespace pw::staff_reports
