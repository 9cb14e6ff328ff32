// "Someone pressured me to rate" (docs/integrity.md): a participant says what happened, by
// ticking boxes, never in words. Moderators see the count beside a held month of ratings.
#include <fmt/format.h>

#include "core/standards/pressure.hpp"
#include "store/standards/integrity.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

std::string path_of(std::int64_t provider_id) {
    return fmt::format("/providers/{}/pressure", provider_id);
}

Response form(const AppContext& app, const registry::ProviderRef& provider, const FormFields& answers,
              const std::optional<std::string>& error) {
    mustache::data data;
    data.set("title", (error ? "Error: " : "") + fmt::format("Someone pressured me to rate {}", provider.name));
    data.set("provider", provider.name);
    data.set("provider_url", fmt::format("/providers/{}", provider.id.value));
    data.set("action", path_of(provider.id.value));
    data.set("csrf", app.csrf.issue(path_of(provider.id.value), current_day(app)));
    if (error) {
        set_error_summary(data, {{"kind-" + std::string(standards::pressure_name(standards::kPressures[0])), *error}});
        data.set("kind_error", *error);
    }
    mustache::data kinds{mustache::data::type::list};
    for (const auto p : standards::kPressures) {
        mustache::data k;
        const std::string name(standards::pressure_name(p));
        k.set("name", name);
        k.set("label", std::string(standards::pressure_label(p)));
        k.set("checked", flag(field(answers, "kind-" + name) == "yes"));
        kinds.push_back(k);
    }
    data.set("kinds", kinds);
    Response response = html_page(app, "pressure", std::move(data), error ? 400 : 200);
    response.set_header("Cache-Control", "no-store");
    return response;
}

void receive(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    const auto id = parse_id(params.get("id"));
    const auto provider = id ? app.registry.find_provider_ref(ProviderId{*id}) : std::nullopt;
    if (!provider) return respond(error_page(app, 404));
    auto answers = parse_query(request.body);
    if (!answers) return respond(error_page(app, 400));
    if (!app.csrf.valid(field(*answers, "csrf"), path_of(*id), current_day(app))) return respond(error_page(app, 403));
    standards::ReportPressure command{*id, {}, current_month(app)};
    for (const auto p : standards::kPressures) {
        if (field(*answers, "kind-" + std::string(standards::pressure_name(p))) == "yes") command.kinds.push_back(p);
    }
    if (command.kinds.empty()) return respond(form(app, *provider, *answers, "Select what happened"));
    apply_change(
        app, request,
        [command](soci::session& s) -> Result<void> {
            store::SociPressureRepository reports(s);
            return standards::report_pressure(command, reports);
        },
        [&app, respond, provider = *provider](Result<void> done) {
            if (!done) return respond(error_page(app, done.error().kind == ErrorKind::not_found ? 404 : 503));
            mustache::data data;
            data.set("title", "Thank you: your report is received");
            data.set("provider", provider.name);
            data.set("provider_url", fmt::format("/providers/{}", provider.id.value));
            data.set("complain_url", fmt::format("/providers/{}/complain", provider.id.value));
            Response response = html_page(app, "pressure_received", std::move(data));
            response.set_header("Cache-Control", "no-store");
            respond(std::move(response));
        });
}

}  // namespace

void add_pressure_routes(Router& router, const AppContext& app) {
    router.get("/providers/{id}/pressure", [&app](const Request&, const RouteParams& p) {
        const auto id = parse_id(p.get("id"));
        const auto provider = id ? app.registry.find_provider_ref(ProviderId{*id}) : std::nullopt;
        return provider ? form(app, *provider, {}, std::nullopt) : error_page(app, 404);
    });
    router.post_async(
        "/providers/{id}/pressure",
        [&app](const Request& r, const RouteParams& p, Responder respond) { receive(app, r, p, std::move(respond)); },
        throttle::Action::participant_write);
}

}  // namespace pw::web
