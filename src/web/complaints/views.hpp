#pragma once
// How a complaint is shown: to its writer (with the moves they may make and the clock), and to
// the provider's representative (with what they may answer).
#include "crypto/id_mask.hpp"
#include "store/complaints/complaints.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// Its id shown masked (crypto/id_mask.hpp): two complaint ids must not count the complaints between.
mustache::data complaint_view(const store::ComplaintRow& row, Week now, const crypto::IdMask& ids);

}  // namespace pw::web
