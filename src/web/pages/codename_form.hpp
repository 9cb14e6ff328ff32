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

}  // namespace pw::web
