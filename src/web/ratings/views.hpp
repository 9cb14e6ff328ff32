#pragma once
// Rating forms and scores as template data.
#include <vector>

#include "core/common/form.hpp"
#include "core/ratings/service.hpp"
#include "core/registry/registry.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// The form with the person's answers kept and each error beside its field.
mustache::data rating_form_view(const FormFields& answers, const std::vector<FieldError>& errors,
                                const std::vector<registry::AreaRef>& areas);

// The ratings block of a provider or office page.
mustache::data scores_view(const ratings::UnitScores& scores);

}  // namespace pw::web
