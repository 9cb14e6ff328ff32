#pragma once
// What every handler uses to answer: a page in the layout, an error page, JSON.
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "core/common/form.hpp"
#include "core/common/week.hpp"
#include "web/app.hpp"

namespace pw::web {

// A full HTML page from pages/<name>.mustache; data must hold "title".
Response html_page(const AppContext& app, std::string_view name, mustache::data data, int status = 200);

// The site's page for an error status (400, 404, 405, 413, 431, 500, 503).
Response error_page(const AppContext& app, int status);
// The status of a page that says what a command refused: 400, 403, 404, 409 or 503.
int status_of(const Error& error);

Response json_response(const boost::json::value& body, int status = 200);
// {"error": {"status": 404, "message": "..."}}
Response json_error(int status, std::string_view message);

Response redirect(std::string location, int status = 303);

// Counts one `action` of the client against its hourly limit: nullopt while within it, else the
// 429 answer (JSON for the API), to retry in an hour. The real hour, not the month a
// demonstration acts in (--now): limits must still reset.
std::optional<Response> over_limit(const AppContext& app, throttle::Action action, std::uint64_t client, bool api);

// Today as days since 1970 (for form tokens) and this month (for dating what people send).
long current_day(const AppContext& app);
Month current_month(const AppContext& app);
// This ISO week: kept only on complaints and suggestions, for their clocks.
Week current_week(const AppContext& app);

// The GOV.UK error summary: "errors" (field, message) and "has_errors".
void set_error_summary(mustache::data& data, const std::vector<FieldError>& errors);

// A personal page: never kept by a browser or a proxy.
inline Response no_store(Response response) {
    response.set_header("Cache-Control", "no-store");
    return response;
}

// A browser says where a form came from; another site's is refused, whatever the token.
inline bool from_another_site(const Request& request) {
    return request.header("sec-fetch-site").value_or("same-origin") == "cross-site";
}

// A boolean for a template section.
inline mustache::data flag(bool value) {
    return value ? mustache::data::type::bool_true : mustache::data::type::bool_false;
}

// A list of mustache objects built by f from each item.
template <class Range, class F>
mustache::data list_of(const Range& items, F f) {
    mustache::data list{mustache::data::type::list};
    for (const auto& item : items) append(list, f(item));
    return list;
}

}  // namespace pw::web
