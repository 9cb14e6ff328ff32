#include "web/pages/page.hpp"

#include <boost/json/serialize.hpp>

#include <chrono>

namespace pw::web {

Response html_page(const AppContext& app, std::string_view name, mustache::data data, int status) {
    Response response;
    response.status = status;
    response.body = app.renderer.page(name, std::move(data));
    return response;
}

namespace {
struct ErrorText {
    int status;
    const char* title;
    const char* message;
};
constexpr ErrorText kErrors[] = {
    {400, "There is a problem with the request", "The address or form could not be read. Check it and try again."},
    {403, "You cannot do that from here",
     "The form may have been open for more than a day, or sent from another site, or you may need "
     "to sign in. Go back, reload the page and try again. Nothing was saved."},
    {404, "Page not found",
     "If you typed the web address, check it is correct. If you pasted it, check you copied "
     "the whole address."},
    {405, "That cannot be done here", "This page cannot be used in that way. Go back and try again."},
    {413, "What you sent is too large",
     "Shorten what you wrote and try again. A file of referral data may be up to 32 MB: split a larger one "
     "(by area or provider, say) and go back to upload each part."},
    {429, "You have sent a lot in a short time",
     "To keep the site fair for everyone, each connection can send only so many ratings, reports and "
     "codename checks an hour. Nothing you sent just now was saved. Please try again in an hour. If "
     "you share a computer, for example in a library or Jobcentre, someone else may have used it up."},
    {431, "The request is too large",
     "Your browser sent more than this site accepts. Try closing other tabs of this "
     "site, or clear its cookies, and try again."},
    {500, "Sorry, something went wrong", "Nothing you did caused this. Try again later."},
    {503, "Sorry, the service is unavailable", "Try again in a few minutes."},
};
}  // namespace

int status_of(const Error& error) {
    switch (error.kind) {
        case ErrorKind::invalid_input:
        case ErrorKind::illegal_transition:
            return 400;
        case ErrorKind::forbidden:
            return 403;
        case ErrorKind::not_found:
            return 404;
        case ErrorKind::conflict:
            return 409;
        case ErrorKind::unavailable:
            return 503;
    }
    return 500;
}

Response error_page(const AppContext& app, int status) {
    const ErrorText* text = &kErrors[2];  // 404
    for (const auto& e : kErrors) {
        if (e.status == status) text = &e;
    }
    mustache::data data;
    data.set("title", text->title);
    data.set("message", text->message);
    data.set("status", std::to_string(status));
    return html_page(app, "error", std::move(data), status);
}

Response json_response(const boost::json::value& body, int status) {
    Response response;
    response.status = status;
    response.content_type = "application/json";
    response.body = boost::json::serialize(body);
    return response;
}

Response json_error(int status, std::string_view message) {
    return json_response({{"error", {{"status", status}, {"message", message}}}}, status);
}

std::optional<Response> over_limit(const AppContext& app, throttle::Action action, std::uint64_t client, bool api) {
    const auto hour =
        std::chrono::floor<std::chrono::hours>(std::chrono::system_clock::now()).time_since_epoch().count();
    if (app.limiter.allow(action, client, hour)) return std::nullopt;
    Response response = api ? json_error(429, "too many requests") : error_page(app, 429);
    response.set_header("Retry-After", "3600");
    return response;
}

Response redirect(std::string location, int status) {
    Response response;
    response.status = status;
    response.set_header("Location", std::move(location));
    return response;
}

void set_error_summary(mustache::data& data, const std::vector<FieldError>& errors) {
    data.set("errors", list_of(errors, [](const FieldError& e) {
                 mustache::data d;
                 d.set("field", e.field);
                 d.set("message", e.message);
                 return d;
             }));
    data.set("has_errors", flag(!errors.empty()));
}

long current_day(const AppContext& app) {
    return std::chrono::duration_cast<std::chrono::days>(app.clock().time_since_epoch()).count();
}

Month current_month(const AppContext& app) {
    return Month::of(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(app.clock())));
}

Week current_week(const AppContext& app) {
    return Week::of(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(app.clock())));
}

}  // namespace pw::web
