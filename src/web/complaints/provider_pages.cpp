// A provider representative's complaints page: the complaints people sent to its provider (and,
// for a prime, its sub-contractors) and track here, oldest first, with the 8-week clock; it
// acknowledges them and gives its final response, which the person reads with their codename.
#include <fmt/format.h>

#include "core/complaints/commands.hpp"
#include "core/stories/commands.hpp"
#include "store/accounts/accounts.hpp"
#include "store/complaints/complaints.hpp"
#include "web/accounts/signed_in.hpp"
#include "web/complaints/views.hpp"
#include "web/http/query.hpp"
#include "web/pages/page.hpp"
#include "web/routes.hpp"

namespace pw::web {

using namespace complaints;

namespace {

constexpr const char* kPage = "/provider-area/complaints";
constexpr const char* kAnswerToken = "/complaints/answer";  // one for every answer form on the page

Response page(const AppContext& app, const SignedIn& who, const std::string& notice, int status = 200) {
    mustache::data data;
    data.set("title", "Complaints to your organisation");
    if (!notice.empty()) data.set("notice", notice);
    const auto rows = store::complaints_to(app.db, store::represented_providers(app.db, who.account));
    const auto now = current_week(app);
    const auto token = session_form_token(app, who, kAnswerToken);
    data.set("count", std::to_string(rows.size()));
    data.set("complaints", list_of(rows, [&](const store::ComplaintRow& row) {
                 auto view = complaint_view(row, now, app.ids);
                 view.set("csrf_answer", token);
                 return view;
             }));
    data.set("csrf_sign_out", session_form_token(app, who, "/sign-out"));
    Response response = html_page(app, "provider_complaints", std::move(data), status);
    response.set_header("Cache-Control", "no-store");
    return response;
}

void answer(const AppContext& app, const Request& request, const RouteParams& params, Responder respond) {
    auto who = signed_in_representative(app, request);
    if (!who) return respond(refuse_access(app, request));
    auto id = app.ids.read(crypto::IdKind::complaint, params.get("id"));
    auto form = parse_query(request.body);
    if (!id || !form) return respond(error_page(app, 400));
    if (!session_form_token_ok(app, *who, kAnswerToken, *form)) return respond(error_page(app, 403));
    const auto to = complaint_state_from(field(*form, "to"));
    if (!to) return respond(page(app, *who, "Choose to acknowledge it or to send your final response", 400));
    std::optional<redaction::RedactedText> note;
    if (*to == ComplaintState::final_response) {
        auto checked = stories::text_for_others(field(*form, "note"), "Your final response");
        if (!checked) return respond(page(app, *who, checked.error().message, 400));
        note = std::move(*checked);
    }
    AnswerComplaint command{*id,
                            store::represented_providers(app.db, who->account),
                            *to,
                            std::move(note),
                            current_week(app),
                            current_month(app)};
    apply_change(
        app, request,
        [command = std::move(command)](soci::session& s) {
            store::SociComplaintRepository complaints(s);
            return answer_complaint(command, complaints);
        },
        [&app, who = *who, respond](Result<void> done) {
            if (!done) {
                switch (done.error().kind) {
                    case ErrorKind::forbidden:
                        return respond(error_page(app, 403));
                    case ErrorKind::not_found:
                        return respond(error_page(app, 404));
                    case ErrorKind::unavailable:
                        return respond(error_page(app, 503));
                    case ErrorKind::conflict:
                        return respond(page(app, who, done.error().message, 409));
                    default:
                        return respond(page(app, who, done.error().message, 400));
                }
            }
            respond(page(app, who, "Done. The person who complained reads it with their codename."));
        });
}

}  // namespace

void add_complaint_provider_routes(Router& router, const AppContext& app) {
    router.get(kPage, [&app](const Request& r, const RouteParams&) {
        auto who = signed_in_representative(app, r);
        return who ? page(app, *who, "") : refuse_access(app, r);
    });
    router.post_async("/complaints/{id}/answer", [&app](const Request& r, const RouteParams& p, Responder respond) {
        answer(app, r, p, std::move(respond));
    });
}

}  // namespace pw::web
