// Providers against the standards, from the published snapshot only: the status and its reasons
// on a provider's page, and /standards, which says the standards and lists the providers under
// recovery measures, below standard and at risk, each with its history.
#include <fmt/format.h>

#include "core/standards/status.hpp"
#include "web/pages/page.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"

namespace pw::web {

namespace {

using standards::Status;

std::string tag_colour(Status s) {
    switch (s) {
        case Status::meets:
            return "govuk-tag--green";
        case Status::at_risk:
            return "govuk-tag--yellow";
        case Status::below_standard:
            return "govuk-tag--red";
        case Status::not_enough_ratings:
            break;
    }
    return "govuk-tag--grey";
}

std::string history_text(const publication::Snapshot& snapshot, std::int64_t provider_id) {
    const auto found = snapshot.standards().history.find(provider_id);
    if (found == snapshot.standards().history.end()) return "";
    std::string out;
    for (const auto& at : found->second) {
        out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", month_label(at.period.to_string()),
                           standards::published_label(at.published, at.assessed));
        // A status waiting for the next publication to agree is said as such, not as its old one.
        if (at.assessed != at.published) {
            out += fmt::format(" (these figures said “{}”, not yet confirmed)", standards::status_label(at.assessed));
        }
    }
    return out;
}

std::string standards_text(const standards::Standards& s) {
    return fmt::format(
        "at least {:.1f} stars; at most {:.0f} official complaints for every 100 people who rated it; at "
        "least {:.0f}% of suggestions answered within 4 weeks",
        s.minimum_stars, s.maximum_complaints_per_100, 100 * s.minimum_answered_share);
}

mustache::data provider_row(const AppContext& app, const publication::Snapshot& snapshot,
                            const standards::ProviderStatus& status) {
    mustache::data d;
    const auto provider = app.registry.find_provider(ProviderId{status.provider_id});
    d.set("name", provider ? provider->provider.name : std::string("A provider no longer listed"));
    d.set("url", provider_url(ProviderId{status.provider_id}));
    d.set("status", std::string(standards::published_label(status.standing.published, status.standing.assessed)));
    d.set("tag", tag_colour(status.standing.published));
    d.set("reasons", list_of(status.reasons, [](const std::string& r) {
              mustache::data line;
              line.set("reason", r);
              return line;
          }));
    d.set("has_reasons", flag(!status.reasons.empty()));
    d.set("history", history_text(snapshot, status.provider_id));
    return d;
}

Response standards_page(const AppContext& app) {
    mustache::data data;
    data.set("title", "Standards and recovery measures");
    const auto snapshot = app.published.current();
    if (!snapshot) {
        data.set("none_yet", true);
        data.set("standards", standards_text(standards::Standards{}));
        return html_page(app, "standards", std::move(data));
    }
    const auto& figures = snapshot->standards();
    data.set("standards", standards_text(figures.in_force));
    data.set("agree", std::to_string(figures.in_force.publications_to_agree));
    data.set("recover", std::to_string(figures.in_force.publications_to_recover));
    data.set("period", month_label(snapshot->info().period.to_string()));
    mustache::data recovery{mustache::data::type::list};
    mustache::data below{mustache::data::type::list};
    mustache::data risk{mustache::data::type::list};
    long long meets = 0;
    long long too_few = 0;
    for (const auto& [id, status] : figures.statuses) {
        if (status.standing.recovery) recovery.push_back(provider_row(app, *snapshot, status));
        switch (status.standing.published) {
            case Status::below_standard:
                below.push_back(provider_row(app, *snapshot, status));
                break;
            case Status::at_risk:
                risk.push_back(provider_row(app, *snapshot, status));
                break;
            case Status::meets:
                ++meets;
                break;
            case Status::not_enough_ratings:
                ++too_few;
                break;
        }
    }
    data.set("has_recovery", flag(!recovery.is_empty_list()));
    data.set("recovery", recovery);
    data.set("has_below", flag(!below.is_empty_list()));
    data.set("below", below);
    data.set("has_risk", flag(!risk.is_empty_list()));
    data.set("risk", risk);
    data.set("summary",
             fmt::format("{} {} the standards, and {} {} too few ratings to say", meets,
                         meets == 1 ? "provider meets" : "providers meet", too_few, too_few == 1 ? "has" : "have"));
    return html_page(app, "standards", std::move(data));
}

}  // namespace

namespace {

// What the flood check held of this provider, as the snapshot found it (docs/integrity.md).
void set_held_months(mustache::data& data, const publication::Snapshot& snapshot, std::int64_t provider_id) {
    const auto found = snapshot.standards().holds.find(provider_id);
    if (found == snapshot.standards().holds.end()) return;
    mustache::data lines{mustache::data::type::list};
    for (const auto& held : found->second) {
        std::string text;
        if (held.state == standards::HoldState::held) {
            text = fmt::format(
                "Ratings from {} are held for review. {}. Until a moderator has looked, they do not count "
                "towards its status or the award.",
                held.month.label(), held.why);
        } else if (held.state == standards::HoldState::excluded) {
            text = fmt::format("Ratings from {} are left out of every figure after review by a moderator.",
                               held.month.label());
        } else {
            continue;  // counted after review: like any other month
        }
        mustache::data line;
        line.set("text", text);
        lines.push_back(line);
    }
    if (!lines.is_empty_list()) data.set("standard_holds", lines);
}

}  // namespace

void set_provider_standards(const AppContext& app, mustache::data& data, std::int64_t provider_id) {
    const auto snapshot = app.published.current();
    const auto status = snapshot ? snapshot->status(provider_id) : std::nullopt;
    if (!status) return;
    const auto published = status->standing.published;
    data.set("standard_status", std::string(standards::published_label(published, status->standing.assessed)));
    data.set("standard_tag", tag_colour(published));
    data.set("standard_recovery", flag(status->standing.recovery));
    if (status->standing.recovery) set_provider_recovery(app, data, provider_id);
    data.set("standard_has_reasons", flag(!status->reasons.empty()));
    data.set("standard_reasons", list_of(status->reasons, [](const std::string& r) {
                 mustache::data line;
                 line.set("reason", r);
                 return line;
             }));
    if (status->standing.assessed != published) {
        data.set("standard_pending",
                 fmt::format("The latest figures say “{}”: the status changes if the next publication agrees.",
                             standards::status_label(status->standing.assessed)));
    }
    data.set("standard_history", history_text(*snapshot, provider_id));
    set_held_months(data, *snapshot, provider_id);
}

void add_standards_routes(Router& router, const AppContext& app) {
    router.get(
        "/standards", [&app](const Request&, const RouteParams&) { return standards_page(app); }, Caching::public_page);
}

}  // namespace pw::web
