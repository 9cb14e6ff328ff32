#pragma once
// Rating forms and scores as template data.
#include <vector>

#include <boost/json/value.hpp>

#include "core/common/form.hpp"
#include "core/publication/snapshot.hpp"
#include "core/ratings/service.hpp"
#include "core/registry/registry.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

// The form with the person's answers kept and each error beside its field.
mustache::data rating_form_view(const FormFields& answers, const std::vector<FieldError>& errors,
                                const std::vector<registry::AreaRef>& areas);

// The ratings block of a provider, office or area page, from the published snapshot (null
// before the first publication).
mustache::data scores_view(const ratings::UnitScores& scores, const publication::Snapshot* snapshot);

// The same figures for the JSON API, with the snapshot they come from.
boost::json::value scores_json(const ratings::UnitScores& scores, const publication::Snapshot* snapshot);

// A unit's scores in the snapshot; "not enough ratings" before the first publication.
const ratings::UnitScores& unit_scores(const publication::Snapshot* snapshot, const publication::UnitKey& unit);

// "3.4 out of 5 (2.9 to 3.8), about 40 ratings" or "Not enough ratings yet".
std::string score_summary(const ratings::UnitScores& scores);

}  // namespace pw::web
