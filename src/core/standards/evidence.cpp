#include "core/standards/evidence.hpp"

namespace pw::standards {

Evidence evidence_for(const publication::Snapshot& snapshot, std::int64_t provider_id) {
    Evidence e;
    e.score = snapshot.scores({ratings::UnitKind::provider, provider_id, 0}).overall;
    // Per 100 raters only where both counts are shown, as the provider's page says it.
    const auto complaints = snapshot.complaints(provider_id);
    if (complaints.shown() && e.score.shown && e.score.raters > 0) {
        e.complaints_per_100 = 100.0 * static_cast<double>(complaints.sent) / static_cast<double>(e.score.raters);
    }
    if (const auto answers = snapshot.suggestion_answers(provider_id); answers && answers->due >= kAnsweredShareFrom) {
        e.answered_share = static_cast<double>(answers->answered_in_time) / static_cast<double>(answers->due);
    }
    return e;
}

std::vector<ProviderStatus> assess_providers(const publication::Snapshot& snapshot,
                                             std::span<const std::int64_t> providers,
                                             const std::map<std::int64_t, Standing>& before,
                                             const Standards& standards) {
    std::vector<ProviderStatus> out;
    out.reserve(providers.size());
    for (const auto provider : providers) {
        const auto assessment = assess(evidence_for(snapshot, provider), standards);
        const auto previous = before.find(provider);
        out.push_back({provider,
                       next_standing(previous == before.end() ? std::nullopt : std::optional(previous->second),
                                     assessment.status, standards),
                       assessment.reasons});
    }
    return out;
}

}  // namespace pw::standards
