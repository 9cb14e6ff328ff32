#include "web/staff_reports/evidence.hpp"

#include <fmt/format.h>

#include "analytics/report/reading.hpp"
#include "analytics/report/report.hpp"
#include "core/text/text.hpp"
#include "store/research/kept_reports.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/research/research.hpp"
#include "web/staff_reports/views.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

using namespace staff_reports;

namespace {

std::string period_label(const EvidenceLink& link) {
    return link.from == link.to ? link.from.label() : link.from.label() + " to " + link.to.label();
}

// What the detection report found for the unit or provider a link names, in a sentence or two.
std::vector<std::string> findings(const analytics::ReportReading& reading, const std::string& label) {
    std::vector<std::string> out;
    for (const auto& u : reading.units) {
        if (u.unit != label) continue;
        std::string line =
            fmt::format("Unit {}{}: {} referrals; {}, combined p = {}", u.unit,
                        u.parent.empty() ? "" : " of " + u.parent, u.referrals, u.flagged ? "flagged" : "not flagged",
                        u.combined_p ? analytics::format_p(*u.combined_p) : "not tested");
        if (u.q_value) line += fmt::format(", q = {}", analytics::format_p(*u.q_value));
        if (!u.strongest.empty()) line += fmt::format(". Strongest: {}. {}", u.strongest, u.strongest_effect);
        out.push_back(line);
    }
    std::size_t units = 0, flagged = 0;
    for (const auto& u : reading.units) {
        if (u.parent != label) continue;
        ++units;
        flagged += u.flagged ? 1 : 0;
    }
    if (units)
        out.push_back(
            fmt::format("Provider {}: {} of its {} {} flagged", label, flagged, units, units == 1 ? "unit" : "units"));
    for (const auto& p : reading.providers) {
        if (p.provider != label || !p.difference || !p.p_value) continue;
        out.push_back(fmt::format("Adverse share against the rest of {}: {:+.1f} points, {}", p.area,
                                  100 * *p.difference, analytics::p_is(*p.p_value)));
    }
    if (out.empty()) out.push_back("The detection report names it but holds no finding for it.");
    return out;
}

}  // namespace

std::optional<ReportWindow> report_window(const store::StaffReportRow& report, const crypto::KeyPair& moderators,
                                          Month now) {
    const auto details = crypto::open_sealed(moderators, report.details.for_moderators);
    const auto facts = details ? with_details(report.facts, *details) : std::nullopt;
    const auto sent = Month::parse(report.month);
    if (!facts || !sent) return std::nullopt;
    return staff_reports::report_window(*facts, *sent, now);
}

KeptReadings::Reading KeptDetections::reading(std::int64_t id) {
    // The report's row first: a reading held in memory outlives a report deleted by another server.
    store::SociKeptReportRepository reports(s_);
    if (!reports.owner_of(id)) return nullptr;
    return app_.readings.get(id, [&] { return store::kept_report_body(s_, id, "json"); });
}

std::optional<DetectionCoverage> KeptDetections::coverage(std::int64_t id) {
    const auto found = reading(id);
    if (!found) return std::nullopt;
    DetectionCoverage coverage;
    for (const auto& u : found->units) {
        coverage.units.insert(u.unit);
        if (!u.parent.empty()) coverage.providers.insert(u.parent);
    }
    for (const auto& p : found->providers) coverage.providers.insert(p.provider);
    const auto months = covered_months(found->first_month, found->last_month, found->from, found->to);
    coverage.first = months.first;
    coverage.last = months.last;
    return coverage;
}

std::vector<OpenedLink> opened_links(const std::vector<store::StaffEvidenceRow>& rows,
                                     const crypto::KeyPair& moderators) {
    const crypto::StaffEvidenceOpener opener(moderators);
    std::vector<OpenedLink> out;
    for (const auto& row : rows) out.push_back({row.id, row.report_id, opener.open_evidence(row.for_moderators)});
    return out;
}

std::vector<EvidenceLink> links_of(const std::vector<OpenedLink>& opened) {
    std::vector<EvidenceLink> out;
    for (const auto& o : opened)
        if (o.link) out.push_back(*o.link);
    return out;
}

EvidenceTyped evidence_typed(const FormFields& form) {
    return {std::string(text::trim(field(form, "address"))),
            std::string(text::trim(field(form, "label"))),
            std::string(field(form, "from_month")),
            std::string(field(form, "from_year")),
            std::string(field(form, "to_month")),
            std::string(field(form, "to_year"))};
}

std::optional<EvidenceLink> evidence_link(const EvidenceTyped& typed, std::vector<FieldError>& errors) {
    // The address as shared ("https://…/research/reports/123", "/research/reports/123"), or its number.
    std::string_view address = typed.address;
    if (const auto at = address.find("/research/reports/"); at != std::string_view::npos)
        address = address.substr(at + 18);
    if (const auto end = address.find_first_of("/?#"); end != std::string_view::npos) address = address.substr(0, end);
    const auto id = kept_report_id(address);
    if (!id)
        errors.push_back({"address", "Paste the address of a kept detection report, like /research/reports/123456"});
    const auto month = [](const std::string& m, const std::string& y) {
        const auto mm = text::parse_positive_int(m, 12);
        const auto yy = text::parse_positive_int(y, 9999);
        return mm && yy ? Month::from(static_cast<int>(*yy), static_cast<int>(*mm)) : std::nullopt;
    };
    const auto from = month(typed.from_month, typed.from_year);
    const auto to = month(typed.to_month, typed.to_year);
    if (!from) errors.push_back({"from", "Enter the first month and its year, like 3 2026"});
    if (!to) errors.push_back({"to", "Enter the last month and its year, like 9 2026"});
    if (!errors.empty()) return std::nullopt;
    return EvidenceLink{*id, typed.label, *from, *to};
}

std::string evidence_remove_path(std::int64_t report_id, std::int64_t link_id) {
    return fmt::format("{}/evidence/{}/remove", moderated_report_path(report_id), link_id);
}

void put_evidence(mustache::data& page, const AppContext& app, const SignedIn& who, const store::StaffReportRow& report,
                  const std::optional<EvidenceTyped>& typed) {
    const auto& keys = *app.staff.moderators;
    const auto opened = opened_links(store::staff_report_evidence(app.db, report.id), keys);
    auto session = app.db.session();
    KeptDetections detections(app, session);
    page.set("has_evidence", flag(!opened.empty()));
    page.set("evidence", list_of(opened, [&](const OpenedLink& o) {
                 mustache::data d;
                 d.set("remove_action", evidence_remove_path(report.id, o.id));
                 d.set("csrf_remove", session_form_token(app, who, evidence_remove_path(report.id, o.id)));
                 if (!o.link) {
                     d.set("title", "A link that could not be opened");
                     return d;
                 }
                 d.set("title", fmt::format("{}, {}", o.link->label, period_label(*o.link)));
                 const auto summary = store::kept_report(app.db, o.link->detection_report);
                 const auto reading = summary ? detections.reading(summary->id) : nullptr;
                 if (summary) {
                     d.set("report_url", kept_report_path(summary->id));
                     d.set("report_name", fmt::format("{} ({}, method {})", summary->filename,
                                                      month_label(summary->month), summary->method_version));
                 } else {
                     d.set("report_name", "A detection report since deleted");
                 }
                 const auto lines = reading ? findings(*reading, o.link->label) : std::vector<std::string>{};
                 d.set("findings", list_of(lines, [](const std::string& line) {
                           mustache::data l;
                           l.set("line", line);
                           return l;
                       }));
                 return d;
             }));
    page.set("may_link", flag(report.state == ReportState::credible));
    page.set("why_no_link", std::string(report.state == ReportState::not_relevant
                                            ? "This report was judged not relevant, so it cannot be linked to a "
                                              "detection report. Links made while it was credible are kept here."
                                            : "A report can be linked to a detection report once it is judged "
                                              "credible."));
    const auto path = moderated_report_path(report.id) + "/evidence";
    page.set("evidence_action", path);
    page.set("csrf_evidence", session_form_token(app, who, path));
    EvidenceTyped shown = typed.value_or(EvidenceTyped{});
    if (!typed) {
        if (const auto window = report_window(report, keys, current_month(app))) {
            shown.from_month = std::to_string(window->started.month());
            shown.from_year = std::to_string(window->started.year());
            shown.to_month = std::to_string(window->ends.month());
            shown.to_year = std::to_string(window->ends.year());
        }
    }
    page.set("address_value", shown.address);
    page.set("label_value", shown.label);
    page.set("from_month_value", shown.from_month);
    page.set("from_year_value", shown.from_year);
    page.set("to_month_value", shown.to_month);
    page.set("to_year_value", shown.to_year);
}

mustache::data linked_staff_reports(const AppContext& app, std::int64_t detection_id) {
    mustache::data list{mustache::data::type::list};
    if (!app.staff.moderators) return list;
    for (const auto& o : opened_links(store::credible_staff_report_evidence(app.db), *app.staff.moderators)) {
        if (!o.link || o.link->detection_report != detection_id) continue;
        const auto report = store::staff_report(app.db, o.report_id);
        if (!report) continue;
        mustache::data d;
        d.set("url", moderated_report_path(o.report_id));
        d.set("title", fmt::format("Staff report about {}, sent {}", report->prime_name, month_label(report->month)));
        d.set("about", fmt::format("{}, {}", o.link->label, period_label(*o.link)));
        append(list, std::move(d));
    }
    return list;
}

}  // namespace pw::web
