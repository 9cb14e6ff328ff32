#pragma once
// The registry held in memory: every area, provider and office read once from the store, so a
// public page reads no SQL for them. Swapped in whole when the registry tables change (an import
// by any process), found by a cheap fingerprint the server checks with each snapshot reload.
// Search still asks the store: its answers depend on the words typed.
#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "store/database.hpp"
#include "store/registry/registry_repository_soci.hpp"

namespace pw::store {

class MemoryRegistryRepository final : public registry::RegistryRepository {
public:
    explicit MemoryRegistryRepository(Database& db);  // loads at once

    // Reloads when the registry tables differ from what was loaded; true when it did.
    bool refresh();

    std::vector<registry::AreaSummary> list_areas() override;
    std::optional<registry::AreaDetail> find_area(AreaId id) override;
    std::optional<registry::ProviderDetail> find_provider(ProviderId id) override;
    std::optional<registry::ProviderRef> find_provider_ref(ProviderId id) override;
    std::vector<registry::AreaRef> provider_areas(ProviderId id) override;
    std::optional<registry::OfficeDetail> find_office(OfficeId id) override;
    std::vector<registry::SearchHit> search(std::string_view key, int limit) override;

private:
    struct Tables {
        std::string fingerprint;
        std::vector<registry::AreaSummary> areas;
        std::map<std::int64_t, registry::AreaDetail> area_details;
        std::map<std::int64_t, registry::ProviderDetail> providers;
        std::map<std::int64_t, std::vector<registry::AreaRef>> provider_areas;
        std::map<std::int64_t, registry::OfficeDetail> offices;
    };
    std::shared_ptr<const Tables> load(std::string fingerprint);
    std::string fingerprint();

    Database& db_;
    SociRegistryRepository source_;
    std::atomic<std::shared_ptr<const Tables>> tables_;
};

}  // namespace pw::store
