#pragma once
// A takedown notice as a moderator sees it (with the complainant's contact) and as the writer, or
// the provider whose response it is about, does (without).
#include "crypto/id_mask.hpp"
#include "store/takedown/notices.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// Its id masked (web/stories/views.hpp says why).
mustache::data notice_view(const store::NoticeRow& notice, bool for_moderator, const crypto::IdMask& ids);

}  // namespace pw::web
