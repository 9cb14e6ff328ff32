#pragma once
// Asking for a codename and recognising it: shared by every page a participant comes back to.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "core/common/form.hpp"
#include "web/app.hpp"

namespace pw::web {

struct CodenameForm {
    std::string action;  // where the form posts, and the path its token is bound to
    std::string title;   // "See what you sent"
    std::string intro;   // what the codename opens, under the heading
};

struct Codename {
    std::string text;  // normalised
    std::int64_t id = 0;
};

Response codename_page(const AppContext& app, const CodenameForm& form, const std::string& typed,
                       const std::string& error, int status);

// Checks the form token (bound to token_path) and the codename; on failure, the response to
// send: 403 for a bad token, else the codename form explaining what is wrong.
std::expected<Codename, Response> recognise_codename(const AppContext& app, const FormFields& fields,
                                                     std::string_view token_path, const CodenameForm& form);

// For a route acting on something already opened with a codename (limited as a codename action,
// more generously than a look-up): a codename it did not recognise counts as a look-up too, so the
// route cannot be used to guess codenames faster than the look-up page. The failure as it was, or
// the 429 page once the client is past its look-ups.
Response after_failed_lookup(const AppContext& app, const Request& request, Response failure);

}  // namespace pw::web
