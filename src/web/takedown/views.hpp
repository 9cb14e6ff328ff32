#pragma once
// A takedown notice as a moderator sees it (with the complainant's contact) and as the writer, or
// the provider whose response it is about, does (without).
#include "store/takedown/notices.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

mustache::data notice_view(const store::NoticeRow& notice, bool for_moderator);
// A provider's response as a report about it shows it: with the story's censor rules applied.
mustache::data reported_response_view(const store::ResponseRow& response, const store::StoryRow& story);

}  // namespace pw::web
