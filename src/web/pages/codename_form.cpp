#include "web/pages/codename_form.hpp"

#include "core/codenames/codename.hpp"
#include "store/ratings/ratings.hpp"
#include "web/pages/page.hpp"

namespace pw::web {

Response codename_page(const AppContext& app, const CodenameForm& form, const std::string& typed,
                       const std::string& error, int status) {
    mustache::data data;
    data.set("title", (error.empty() ? "" : "Error: ") + form.title);
    data.set("heading", form.title);
    data.set("intro", form.intro);
    data.set("action", form.action);
    data.set("codename_value", typed);
    if (!error.empty()) data.set("error", error);
    data.set("csrf", app.csrf.issue(form.action, current_day(app)));
    Response response = html_page(app, "codename", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

std::expected<Codename, Response> recognise_codename(const AppContext& app, const FormFields& fields,
                                                     std::string_view token_path, const CodenameForm& form) {
    if (!app.csrf.valid(field(fields, "csrf"), token_path, current_day(app))) {
        return std::unexpected(error_page(app, 403));
    }
    const std::string typed(field(fields, "codename"));
    auto codename = codenames::normalise(typed);
    if (!codename) {
        return std::unexpected(
            codename_page(app, form, typed, "Enter your codename as 4 words, like maple river candle orbit", 400));
    }
    auto s = app.db.session();
    auto id = store::find_codename(s, app.lookup_keys, *codename, &app.writer);
    if (!id) {
        return std::unexpected(
            codename_page(app, form, typed, "We do not recognise that codename. Check the 4 words.", 400));
    }
    return Codename{*codename, *id};
}

}  // namespace pw::web
