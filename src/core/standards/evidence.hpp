#pragma once
// What a published snapshot says of a provider against the standards, and every provider's
// status at a publication: the publication step's part of the standards (store/publication).
#include <map>
#include <span>
#include <vector>

#include "core/publication/snapshot.hpp"
#include "core/standards/status.hpp"

namespace pw::standards {

// Fewer suggestions due than this, and the share answered says nothing yet.
inline constexpr long long kAnsweredShareFrom = 5;

Evidence evidence_for(const publication::Snapshot& snapshot, std::int64_t provider_id);

// Each provider's status after this publication, from its standing after the one before.
std::vector<ProviderStatus> assess_providers(const publication::Snapshot& snapshot,
                                             std::span<const std::int64_t> providers,
                                             const std::map<std::int64_t, Standing>& before,
                                             const Standards& standards);

}  // namespace pw::standards
