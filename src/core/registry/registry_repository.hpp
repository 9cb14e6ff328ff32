#pragma once
// What the registry pages and API need from storage; store/registry implements it.
#include <optional>
#include <string_view>
#include <vector>

#include "core/registry/registry.hpp"

namespace pw::registry {

class RegistryRepository {
public:
    virtual ~RegistryRepository() = default;
    virtual std::vector<AreaSummary> list_areas() = 0;
    virtual std::optional<AreaDetail> find_area(AreaId id) = 0;
    virtual std::optional<ProviderDetail> find_provider(ProviderId id) = 0;
    virtual std::optional<ProviderRef> find_provider_ref(ProviderId id) = 0;  // one query: name only
    // The areas a provider works in, as a prime or a sub-contractor (one query).
    virtual std::vector<AreaRef> provider_areas(ProviderId id) = 0;
    virtual std::optional<OfficeDetail> find_office(OfficeId id) = 0;
    // key is a search_key(); at most limit hits, providers first.
    virtual std::vector<SearchHit> search(std::string_view key, int limit) = 0;
};

}  // namespace pw::registry
