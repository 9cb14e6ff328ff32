#include "store/registry/registry_memory.hpp"

#include <fmt/format.h>

#include "store/row.hpp"

namespace pw::store {

using namespace registry;

MemoryRegistryRepository::MemoryRegistryRepository(Database& db) : db_(db), source_(db) {
    tables_.store(load(fingerprint()));
}

// Rows and highest id of each registry table: an import that adds, or replaces standards, moves it.
std::string MemoryRegistryRepository::fingerprint() {
    auto s = db_.session();
    std::string out;
    for (const char* table : {"programmes", "areas", "providers", "contracts", "subcontracts", "offices",
                              "service_standards", "complaints_procedures"}) {
        long long rows = 0;
        long long highest = 0;
        soci::indicator ind = soci::i_ok;
        s << fmt::format("SELECT COUNT(*) FROM {}", table), soci::into(rows);
        s << fmt::format("SELECT MAX(id) FROM {}", table), soci::into(highest, ind);
        out += fmt::format("{}:{}:{};", table, rows, ind == soci::i_null ? 0 : highest);
    }
    return out;
}

std::shared_ptr<const MemoryRegistryRepository::Tables> MemoryRegistryRepository::load(std::string fingerprint) {
    auto tables = std::make_shared<Tables>();
    tables->fingerprint = std::move(fingerprint);
    tables->areas = source_.list_areas();
    for (const auto& area : tables->areas) {
        if (auto detail = source_.find_area(area.area.id)) tables->area_details.emplace(area.area.id.value, *detail);
    }
    std::vector<std::int64_t> providers;
    std::vector<std::int64_t> offices;
    {
        auto s = db_.session();
        soci::rowset<soci::row> rows = (s.prepare << "SELECT id FROM providers");
        for (const auto& row : rows) providers.push_back(get_int(row, 0));
        soci::rowset<soci::row> office_rows = (s.prepare << "SELECT id FROM offices");
        for (const auto& row : office_rows) offices.push_back(get_int(row, 0));
    }
    for (auto id : providers) {
        if (auto detail = source_.find_provider(ProviderId{id})) tables->providers.emplace(id, *detail);
        tables->provider_areas.emplace(id, source_.provider_areas(ProviderId{id}));
    }
    for (auto id : offices) {
        if (auto detail = source_.find_office(OfficeId{id})) tables->offices.emplace(id, *detail);
    }
    return tables;
}

bool MemoryRegistryRepository::refresh() {
    auto now = fingerprint();
    if (now == tables_.load()->fingerprint) return false;
    tables_.store(load(std::move(now)));
    return true;
}

std::vector<AreaSummary> MemoryRegistryRepository::list_areas() {
    return tables_.load()->areas;
}

namespace {
template <class Map>
auto find_in(const Map& map, std::int64_t id) -> std::optional<typename Map::mapped_type> {
    const auto found = map.find(id);
    if (found == map.end()) return std::nullopt;
    return found->second;
}
}  // namespace

std::optional<AreaDetail> MemoryRegistryRepository::find_area(AreaId id) {
    return find_in(tables_.load()->area_details, id.value);
}

std::optional<ProviderDetail> MemoryRegistryRepository::find_provider(ProviderId id) {
    return find_in(tables_.load()->providers, id.value);
}

std::optional<ProviderRef> MemoryRegistryRepository::find_provider_ref(ProviderId id) {
    const auto tables = tables_.load();
    const auto found = tables->providers.find(id.value);
    if (found == tables->providers.end()) return std::nullopt;
    return found->second.provider;
}

std::vector<AreaRef> MemoryRegistryRepository::provider_areas(ProviderId id) {
    return find_in(tables_.load()->provider_areas, id.value).value_or(std::vector<AreaRef>{});
}

std::optional<OfficeDetail> MemoryRegistryRepository::find_office(OfficeId id) {
    return find_in(tables_.load()->offices, id.value);
}

std::vector<SearchHit> MemoryRegistryRepository::search(std::string_view key, int limit) {
    return source_.search(key, limit);
}

}  // namespace pw::store
