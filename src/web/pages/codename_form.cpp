#include "web/pages/codename_form.hpp"

#include "core/codenames/codename.hpp"
#include "crypto/codenames.hpp"
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

namespace {

// Names the first word typed that is no codename word; else `otherwise` (a digit or a symbol
// typed, a word missing: the form's own message says what a codename is).
std::string not_a_codename_message(std::string_view typed, std::string_view otherwise) {
    const auto words = codenames::typed_words(typed);
    if (words) {
        for (const auto& word : *words)
            if (!crypto::is_codename_word(word))
                return "\u2018" + word +
                       "\u2019 is not one of our codename words. Check its spelling, then the order of the words.";
    }
    return std::string(otherwise);
}

}  // namespace

Response after_failed_lookup(const AppContext& app, const Request& request, Response failure) {
    auto refused = over_limit(app, throttle::Action::codename_lookup, request.client, false);
    return refused ? std::move(*refused) : std::move(failure);
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
            codename_page(app, form, typed,
                          not_a_codename_message(typed, "Enter your codename as 4 words, like maple river candle orbit"),
                          400));
    }
    auto s = app.db.session();
    auto id = store::find_codename(s, app.lookup_keys, *codename, &app.writer);
    if (!id) {
        return std::unexpected(
            codename_page(app, form, typed,
                          not_a_codename_message(typed, "We do not recognise that codename. Check the 4 words."), 400));
    }
    return Codename{*codename, *id};
}

}  // namespace pw::web
