// The admin's standards page: the minimum score, the maximum complaints, the minimum share of
// suggestions answered, and how many publications must agree. Checked against sensible ranges;
// saved through the writer with an event; used from the next publication on.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "core/standards/standards.hpp"
#include "store/standards/standards.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {
namespace {

constexpr std::string_view kPath = "/admin/standards";

std::optional<double> number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (!text.empty() && text.back() == '%') text.remove_suffix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string shown(double value) {
    auto text = fmt::format("{:.2f}", value);
    while (text.ends_with('0')) text.pop_back();
    if (text.ends_with('.')) text.pop_back();
    return text;
}

struct Fields {
    std::string stars, complaints, answered, agree, recover;
};

Fields fields_of(const standards::Standards& s) {
    return {shown(s.minimum_stars), shown(s.maximum_complaints_per_100), shown(100 * s.minimum_answered_share),
            std::to_string(s.publications_to_agree), std::to_string(s.publications_to_recover)};
}

Response page(const AppContext& app, const SignedIn& who, const Fields& f, const std::vector<FieldError>& errors,
              const std::string& notice, int status = 200) {
    mustache::data data;
    data.set("title", std::string(errors.empty() ? "" : "Error: ") + "Standards");
    set_error_summary(data, errors);
    for (const auto& e : errors) data.set(e.field + "_error", e.message);
    if (!notice.empty()) data.set("notice", notice);
    data.set("stars", f.stars);
    data.set("complaints", f.complaints);
    data.set("answered", f.answered);
    data.set("agree", f.agree);
    data.set("recover", f.recover);
    data.set("csrf", session_form_token(app, who, std::string(kPath)));
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "admin_standards", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response show(const AppContext& app, const SignedIn& who) {
    auto s = app.db.session();
    return page(app, who, fields_of(store::load_standards(s)), {}, "");
}

void save(const AppContext& app, const Request& request, Responder respond) {
    auto who = signed_in_admin(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto form = parse_query(request.body);
    if (!form) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, std::string(kPath), *form)) return respond(error_page(app, 403));
    const Fields typed{std::string(field(*form, "stars")), std::string(field(*form, "complaints")),
                       std::string(field(*form, "answered")), std::string(field(*form, "agree")),
                       std::string(field(*form, "recover"))};
    std::vector<FieldError> errors;
    standards::Standards wanted;
    const auto read = [&](const std::string& text, const char* name, const char* what, auto set) {
        if (const auto v = number(text)) return set(*v);
        errors.push_back({name, fmt::format("Enter {} as a number", what)});
    };
    read(typed.stars, "stars", "the minimum score", [&](double v) { wanted.minimum_stars = v; });
    read(typed.complaints, "complaints", "the maximum complaints",
         [&](double v) { wanted.maximum_complaints_per_100 = v; });
    read(typed.answered, "answered", "the minimum share answered",
         [&](double v) { wanted.minimum_answered_share = v / 100; });
    // Whole numbers only, checked before any conversion: "1e308" or "nan" is refused, never cast.
    const auto whole = [](double v) { return v >= 0 && v <= 100 && v == std::floor(v) ? static_cast<int>(v) : -1; };
    read(typed.agree, "agree", "how many publications must agree",
         [&](double v) { wanted.publications_to_agree = whole(v); });
    read(typed.recover, "recover", "how many publications end recovery",
         [&](double v) { wanted.publications_to_recover = whole(v); });
    // Kept as the store keeps them: hundredths of a star, tenths of a complaint, whole percents.
    const auto keep = [](double v, double step) { return std::isfinite(v) ? std::round(v / step) * step : v; };
    wanted.minimum_stars = keep(wanted.minimum_stars, 0.01);
    wanted.maximum_complaints_per_100 = keep(wanted.maximum_complaints_per_100, 0.1);
    wanted.minimum_answered_share = keep(wanted.minimum_answered_share, 0.01);
    {  // every field that is a number is checked against its range too
        static const std::map<std::string, std::string> kFields{{"minimum_stars", "stars"},
                                                                {"maximum_complaints_per_100", "complaints"},
                                                                {"minimum_answered_share", "answered"},
                                                                {"publications_to_agree", "agree"},
                                                                {"publications_to_recover", "recover"}};
        for (const auto& e : standards::check(wanted)) errors.push_back({kFields.at(e.field), e.message});
        std::ranges::stable_sort(errors, {}, [](const FieldError& e) {
            static const std::vector<std::string> kOrder{"stars", "complaints", "answered", "agree", "recover"};
            return std::ranges::find(kOrder, e.field) - kOrder.begin();
        });
    }
    if (!errors.empty()) return respond(page(app, *who, typed, errors, "", 400));
    apply_change(
        app, request,
        [wanted, month = current_month(app)](soci::session& s) -> Result<void> {
            store::save_standards(s, wanted, month);
            return {};
        },
        [&app, who = *who, wanted, respond](Result<void> done) {
            if (!done) return respond(error_page(app, 503));
            respond(page(app, who, fields_of(wanted), {}, "Saved. The next publication uses these standards."));
        });
}

}  // namespace

void add_admin_standards_routes(Router& router, const AppContext& app) {
    router.get(std::string(kPath), [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_admin(app, r);
        return who ? show(app, *who) : refuse_access(app, r);
    });
    router.post_async(std::string(kPath), [&app](const Request& r, const RouteParams&, Responder respond) {
        save(app, r, std::move(respond));
    });
}

}  // namespace pw::web
