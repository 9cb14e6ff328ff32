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
    return list_of(stories::segments(text), [](const stories::Segment& segment) {
        mustache::data d;
        d.set("text", segment.text);
        d.set("removed", flag(segment.removed));
        return d;
    });
}

mustache::data story_view(const store::StoryRow& story) {
    mustache::data d;
    d.set("id", std::to_string(story.id));
    d.set("provider_name", story.provider_name);
    if (!story.office_name.empty()) d.set("office_name", story.office_name);
    d.set("month", month_label(story.month));
    d.set("segments", text_view(stories::censor(story.body, story.rules)));
    d.set("state", std::string(stories::story_state_name(story.state)));
    if (!story.reject_reason.empty()) d.set("reject_reason", story.reject_reason);
    d.set("safeguarding", flag(story.safeguarding));
    d.set("responses", list_of(story.responses, [](const store::ResponseRow& r) {
              mustache::data rd;
              rd.set("provider_name", r.provider_name);
              rd.set("month", month_label(r.month));
              rd.set("segments", text_view(r.body));
              return rd;
          }));
    d.set("has_responses",
          story.responses.empty() ? mustache::data::type::bool_false : mustache::data::type::bool_true);
    return d;
}

}  // namespace pw::web
