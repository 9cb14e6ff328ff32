#pragma once
#include "core/registry/registry_repository.hpp"
#include "store/database.hpp"

namespace pw::store {

// Registry reads over SOCI; each call borrows one session from the pool.
class SociRegistryRepository final : public registry::RegistryRepository {
public:
    explicit SociRegistryRepository(Database& db) : db_(db) {}
    std::vector<registry::AreaSummary> list_areas() override;
    std::optional<registry::AreaDetail> find_area(AreaId id) override;
    std::optional<registry::ProviderDetail> find_provider(ProviderId id) override;
    std::optional<registry::ProviderRef> find_provider_ref(ProviderId id) override;
    std::vector<registry::AreaRef> provider_areas(ProviderId id) override;
    std::optional<registry::OfficeDetail> find_office(OfficeId id) override;
    std::vector<registry::SearchHit> search(std::string_view key, int limit) override;

private:
    Database& db_;
};

}  // namespace pw::store
