#pragma once
// Strong ids: an AreaId cannot be passed where a ProviderId is wanted.
#include <compare>
#include <cstdint>

namespace pw {

template <class Tag>
struct Id {
    std::int64_t value = 0;
    friend auto operator<=>(const Id&, const Id&) = default;
};

using ProgrammeId = Id<struct ProgrammeTag>;
using AreaId = Id<struct AreaTag>;
using ProviderId = Id<struct ProviderTag>;
using ContractId = Id<struct ContractTag>;
using OfficeId = Id<struct OfficeTag>;

}  // namespace pw
