#pragma once
// How a complaint is shown: to its writer (with the moves they may make and the clock), and to
// the provider's representative (with what they may answer).
#include "store/complaints/complaints.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

mustache::data complaint_view(const store::ComplaintRow& row, Week now);

}  // namespace pw::web
