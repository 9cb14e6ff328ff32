// Rating a provider or an office: the form, its errors, and the thank-you page.
#include <fmt/format.h>

#include "core/ratings/service.hpp"
#include "core/redaction/redaction.hpp"
#include "core/stories/story.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/ratings/views.hpp"
#include "web/registry/views.hpp"
#include "web/routes.hpp"
#include "web/stories/views.hpp"
#include "web/suggestions/views.hpp"

namespace pw::web {

using namespace ratings;

namespace {

struct Target {
    RatedUnit unit;
    std::int64_t provider_id = 0;
    std::string name;      // "Seetec" or "Leeds Central (Seetec)"
    std::string back_url;  // the unit's page
    std::string form_path;
    std::vector<registry::AreaRef> areas;  // where the provider works; asked when more than one
};

std::optional<Target> find_target(const AppContext& app, UnitKind kind, std::string_view id_text) {
    auto id = parse_id(id_text);
    if (!id) return std::nullopt;
    if (kind == UnitKind::provider) {
        auto provider = app.registry.find_provider_ref(ProviderId{*id});
        if (!provider) return std::nullopt;
        const auto url = provider_url(provider->id);
        return Target{{kind, *id}, *id,           provider->name,
                      url,         url + "/rate", app.registry.provider_areas(ProviderId{*id})};
    }
    auto office = app.registry.find_office(OfficeId{*id});
    if (!office) return std::nullopt;
    const auto url = office_url(office->office.id);
    return Target{{kind, *id},
                  office->provider.id.value,
                  fmt::format("{}, {} ({})", office->office.name, office->office.town, office->provider.name),
                  url,
                  url + "/rate",
                  app.registry.provider_areas(office->provider.id)};
}

Response form_page(const AppContext& app, const Target& target, const FormFields& answers,
                   const std::vector<FieldError>& errors, int status) {
    mustache::data data = rating_form_view(answers, errors, target.areas);
    data.set("title", (errors.empty() ? "" : "Error: ") + fmt::format("Rate {}", target.name));
    data.set("unit_name", target.name);
    data.set("what", target.unit.kind == UnitKind::office ? "this office" : "this provider");
    data.set("back_url", target.back_url);
    data.set("action", target.form_path);
    data.set("pressure_url", fmt::format("/providers/{}/pressure", target.provider_id));
    data.set("csrf", app.csrf.issue(target.form_path, current_day(app)));
    // The provider's newest change made: people who rate it now are asked if they noticed it.
    if (const auto* change = change_to_ask_about(*app.suggestions.current(), target.provider_id, current_month(app))) {
        auto view = change_view(*change);
        view.set("checked", flag(field(answers, "noticed") == change->public_ref));
        data.set("change", std::move(view));
    }
    Response response = html_page(app, "rate", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response preview_page(const AppContext& app, const Target& target, const FormFields& form, const std::string& story) {
    mustache::data data;
    data.set("title", "Check your story before you send it");
    data.set("unit_name", target.name);
    data.set("action", target.form_path);
    data.set("csrf", app.csrf.issue(target.form_path, current_day(app)));
    data.set("story", story);
    const auto segments = stories::preview_segments(story);
    data.set("segments", segments_view(segments));
    data.set("removes_something", flag(std::ranges::any_of(segments, [](const auto& s) { return s.removed; })));
    mustache::data kept{mustache::data::type::list};
    for (const auto& [name, value] : form) {
        if (name == "csrf" || name == "story" || name == "confirm") continue;
        mustache::data field_data;
        field_data.set("name", name);
        field_data.set("value", value);
        kept.push_back(field_data);
    }
    data.set("kept", kept);
    Response response = html_page(app, "rate_preview", std::move(data));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response thank_you(const AppContext& app, const Target& target, const RatingReceipt& receipt) {
    mustache::data data;
    data.set("title", "Thank you: your rating is saved");
    data.set("unit_name", target.name);
    data.set("back_url", target.back_url);
    data.set("replaced", flag(receipt.replaced));
    data.set("story_pending", flag(receipt.story_pending));
    if (receipt.new_codename) data.set("codename", *receipt.new_codename);
    Response response = html_page(app, "rated", std::move(data));
    response.set_header("Cache-Control", "no-store");  // the codename is shown once, never kept
    return response;
}

// Every anonymous rating of a unit gets the same page: kept a moment in the page cache rather
// than rendered for each of thousands a second.
Response anonymous_thank_you(const AppContext& app, const Target& target, bool story_pending) {
    const auto key = "rated|" + target.form_path + (story_pending ? "|story" : "");
    const auto now = PageCache::Clock::now();
    if (auto kept = app.cache.find(key, now)) return std::move(*kept);
    auto page = thank_you(app, target, {std::nullopt, false, story_pending});
    app.cache.store(key, page, now);
    return page;
}

void submit(const AppContext& app, const Target& target, const Request& request, Responder respond) {
    auto form = parse_query(request.body);
    if (!form) {
        respond(error_page(app, 400));
        return;
    }
    if (!app.csrf.valid(field(*form, "csrf"), target.form_path, current_day(app)) || from_another_site(request)) {
        respond(error_page(app, 403));
        return;
    }
    auto answers = check_rating(*form);
    std::optional<std::string> story;
    std::vector<FieldError> errors = answers ? std::vector<FieldError>{} : answers.error();
    if (const auto text = field(*form, "story"); text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        auto checked = stories::check_text(text);
        if (checked) {
            story = std::move(*checked);
        } else {
            errors.push_back({"story", checked.error().message});
        }
    }
    // Which area: implied when the provider works in one, asked when it works in several.
    std::optional<std::int64_t> area_id;
    if (target.areas.size() == 1) area_id = target.areas.front().id.value;
    if (target.areas.size() > 1) {
        const auto chosen = parse_id(field(*form, "area"));
        for (const auto& area : target.areas) {
            if (chosen && area.id.value == *chosen) area_id = *chosen;
        }
        if (!area_id) errors.push_back({"area", "Select the area you were in"});
    }
    // Only the change the form asked about can be confirmed.
    std::optional<std::int64_t> noticed;
    if (const auto text = field(*form, "noticed"); !text.empty()) {
        const auto* asked = change_to_ask_about(*app.suggestions.current(), target.provider_id, current_month(app));
        if (asked && text == asked->public_ref) {
            noticed = asked->id;
        } else {
            errors.push_back({"noticed", "That change is no longer asked about: look at the question again"});
        }
    }
    if (!errors.empty()) {
        respond(form_page(app, target, *form, errors, 400));
        return;
    }
    // Before a story is sent, the writer sees what will be removed and may change it.
    if (story && field(*form, "confirm") != "yes") {
        respond(preview_page(app, target, *form, *story));
        return;
    }
    RatingSubmission submission{target.unit,
                                target.provider_id,
                                current_month(app),
                                *answers,
                                story ? std::optional(redaction::redact_text(*story)) : std::nullopt,
                                area_id,
                                noticed};
    // Without a codename the thank-you page is known before the rating is written: rendered here,
    // on the connection's thread, the writer's thread only sends it once the rating is on disk.
    const bool anonymous = !answers->codename && !answers->wants_codename;
    auto ready = anonymous ? std::make_shared<Response>(anonymous_thank_you(app, target, story.has_value())) : nullptr;
    auto saved = [&app, target, form = *form, respond, ready](Result<RatingReceipt> receipt) {
        if (!receipt) {
            if (receipt.error().kind == ErrorKind::invalid_input) {  // a codename not recognised
                respond(form_page(app, target, form, {{"codename", receipt.error().message}}, 400));
            } else if (receipt.error().kind == ErrorKind::conflict) {  // the same codename, rating at once elsewhere
                respond(form_page(app, target, form, {{"stars", receipt.error().message}}, 409));
            } else {
                respond(error_page(app, 503));
            }
            return;
        }
        respond(ready ? std::move(*ready) : thank_you(app, target, *receipt));
    };
    // A codename to make or check is argon2id work: off the connection threads.
    // Once the server has answered at the deadline, the rating is not written (nobody could be told).
    auto nobody_waits = [answer = std::shared_ptr<const Answer>(request.answer)] { return abandoned(answer); };
    if (anonymous) return app.ratings.submit(submission, std::move(saved), nobody_waits);
    const bool queued = app.slow.try_run([&app, submission, saved, nobody_waits] {
        if (nobody_waits()) {  // answered at the deadline while it waited: not begun
            return saved(fail(ErrorKind::unavailable, "Your rating could not be saved. Please try again."));
        }
        app.ratings.submit(submission, saved, nobody_waits);
    });
    if (!queued) respond(error_page(app, 503));
}

void add_for(Router& router, const AppContext& app, UnitKind kind, const std::string& base) {
    router.get(base + "/{id}/rate", [&app, kind](const Request&, const RouteParams& p) {
        auto target = find_target(app, kind, p.get("id"));
        if (!target) return error_page(app, 404);
        return form_page(app, *target, {}, {}, 200);
    });
    router.post_async(
        base + "/{id}/rate",
        [&app, kind](const Request& r, const RouteParams& p, Responder respond) {
            auto target = find_target(app, kind, p.get("id"));
            if (!target) return respond(error_page(app, 404));
            submit(app, *target, r, std::move(respond));
        },
        throttle::Action::participant_write);
}

}  // namespace

void add_rating_routes(Router& router, const AppContext& app) {
    add_for(router, app, UnitKind::provider, "/providers");
    add_for(router, app, UnitKind::office, "/offices");
}

}  // namespace pw::web
