#include "web/stories/views.hpp"

#include "core/common/month.hpp"
#include "core/stories/story.hpp"
#include "web/pages/page.hpp"

namespace pw::web {

std::string month_label(std::string_view yyyy_mm) {
    auto month = Month::parse(yyyy_mm);
    return month ? month->label() : std::string(yyyy_mm);
}

mustache::data text_view(std::string_view text) {
    return segments_view(stories::segments(text));
}

void set_preview(mustache::data& data, const FormFields& form, const std::string& text) {
    data.set("text", text);
    const auto segments = stories::preview_segments(text);
    data.set("segments", segments_view(segments));
    data.set("removes_something", flag(std::ranges::any_of(segments, [](const auto& s) { return s.removed; })));
    mustache::data kept{mustache::data::type::list};
    for (const auto& [name, value] : form) {
        if (name == "csrf" || name == "text" || name == "confirm") continue;
        mustache::data d;
        d.set("name", name);
        d.set("value", value);
        kept.push_back(d);
    }
    data.set("kept", kept);
}

mustache::data segments_view(const std::vector<stories::Segment>& segments) {
    return list_of(segments, [](const stories::Segment& segment) {
        mustache::data d;
        put(d, "text", segment.text);
        put(d, "removed", flag(segment.removed));
        return d;
    });
}

mustache::data story_view(const store::StoryRow& story, const crypto::IdMask& ids) {
    mustache::data d;
    put(d, "id", ids.show(crypto::IdKind::story, story.id));
    put(d, "ref", story.public_ref);
    put(d, "provider_name", story.provider_name);
    if (!story.office_name.empty()) put(d, "office_name", story.office_name);
    put(d, "month", month_label(story.month));
    put(d, "segments", text_view(stories::censor(story.body, story.rules)));
    put(d, "state", std::string(stories::story_state_name(story.state)));
    if (!story.reject_reason.empty()) put(d, "reject_reason", story.reject_reason);
    put(d, "safeguarding", flag(story.safeguarding));
    put(d, "responses",
        list_of(story.responses, [&](const store::ResponseRow& r) { return published_response_view(r, story, ids); }));
    d.set("has_responses",
          story.responses.empty() ? mustache::data::type::bool_false : mustache::data::type::bool_true);
    return d;
}

mustache::data published_response_view(const store::ResponseRow& response, const store::StoryRow& story,
                                       const crypto::IdMask& ids) {
    mustache::data d;
    put(d, "response_id", ids.show(crypto::IdKind::response, response.id));
    put(d, "provider_name", response.provider_name);
    put(d, "month", month_label(response.month));
    // A moderator's censor rules reach the responses under a story too.
    put(d, "segments", text_view(stories::censor(response.body, story.rules)));
    return d;
}

mustache::data response_view(const store::ModeratedResponse& response, const crypto::IdMask& ids) {
    mustache::data d;
    put(d, "id", ids.show(crypto::IdKind::response, response.id));
    put(d, "provider_name", response.provider_name);
    put(d, "month", month_label(response.month));
    put(d, "segments", text_view(stories::censor(response.body, response.story.rules)));
    const auto state = response.state;
    put(d, "state_label",
        std::string(state == stories::ResponseState::pending     ? "Waiting for a moderator"
                    : state == stories::ResponseState::published ? "Published"
                    : state == stories::ResponseState::rejected  ? "Not published"
                    : state == stories::ResponseState::withdrawn ? "Withdrawn"
                                                                 : "Removed by a moderator"));
    if (!response.reject_reason.empty()) put(d, "reject_reason", response.reject_reason);
    put(d, "story", story_view(response.story, ids));
    return d;
}

}  // namespace pw::web
