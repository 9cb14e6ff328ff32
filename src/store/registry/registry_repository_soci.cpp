#include "store/registry/registry_repository_soci.hpp"

#include <fmt/format.h>
#include <map>

#include "store/row.hpp"

namespace pw::store {

using namespace registry;

namespace {
ProviderRef provider_ref(const soci::row& row, std::size_t i) {
    return {ProviderId{get_int(row, i)}, get_text(row, i + 1)};
}
AreaRef area_ref(const soci::row& row, std::size_t i) {
    return {AreaId{get_int(row, i)}, get_text(row, i + 1), get_text(row, i + 2), ""};
}
}  // namespace

std::vector<AreaSummary> SociRegistryRepository::list_areas() {
    auto s = db_.session();
    std::vector<AreaSummary> areas;
    std::map<std::int64_t, std::size_t> index;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT a.id, a.code, a.name, p.name FROM areas a "
                      "JOIN programmes p ON p.id = a.programme_id ORDER BY p.name, a.number, a.code");
    for (const auto& row : rows) {
        index[get_int(row, 0)] = areas.size();
        areas.push_back({area_ref(row, 0), get_text(row, 3), {}});
    }
    soci::rowset<soci::row> primes = (s.prepare << "SELECT c.area_id, pr.id, pr.name FROM contracts c "
                                                   "JOIN providers pr ON pr.id = c.prime_id ORDER BY pr.name_key");
    for (const auto& row : primes) {
        if (auto it = index.find(get_int(row, 0)); it != index.end())
            areas[it->second].primes.push_back(provider_ref(row, 1));
    }
    return areas;
}

std::optional<AreaDetail> SociRegistryRepository::find_area(AreaId id) {
    auto s = db_.session();
    const long long area_id = id.value;
    std::optional<AreaDetail> detail;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT a.id, a.code, a.name, a.source, p.id, p.name FROM areas a "
                                                 "JOIN programmes p ON p.id = a.programme_id WHERE a.id = :id",
                                    soci::use(area_id));
    for (const auto& row : rows) {
        detail = AreaDetail{area_ref(row, 0), {ProgrammeId{get_int(row, 4)}, get_text(row, 5)}, get_text(row, 3), {}};
    }
    if (!detail) return std::nullopt;
    std::map<std::int64_t, std::size_t> index;
    soci::rowset<soci::row> contracts =
        (s.prepare << "SELECT c.id, pr.id, pr.name, c.notes, c.source FROM contracts c "
                      "JOIN providers pr ON pr.id = c.prime_id WHERE c.area_id = :id ORDER BY pr.name_key",
         soci::use(area_id));
    for (const auto& row : contracts) {
        index[get_int(row, 0)] = detail->contracts.size();
        detail->contracts.push_back(
            {ContractId{get_int(row, 0)}, provider_ref(row, 1), get_text(row, 3), get_text(row, 4), {}});
    }
    soci::rowset<soci::row> subs =
        (s.prepare << "SELECT sc.contract_id, pr.id, pr.name FROM subcontracts sc "
                      "JOIN contracts c ON c.id = sc.contract_id JOIN providers pr ON pr.id = sc.provider_id "
                      "WHERE c.area_id = :id ORDER BY pr.name_key",
         soci::use(area_id));
    for (const auto& row : subs) {
        if (auto it = index.find(get_int(row, 0)); it != index.end()) {
            detail->contracts[it->second].subcontractors.push_back(provider_ref(row, 1));
        }
    }
    return detail;
}

std::optional<ProviderDetail> SociRegistryRepository::find_provider(ProviderId id) {
    auto s = db_.session();
    const long long provider_id = id.value;
    std::optional<ProviderDetail> detail;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name, source FROM providers WHERE id = :id", soci::use(provider_id));
    for (const auto& row : rows) detail = ProviderDetail{provider_ref(row, 0), get_text(row, 2), {}, {}, {}, std::nullopt};
    if (!detail) return std::nullopt;

    soci::rowset<soci::row> primes =
        (s.prepare << "SELECT a.id, a.code, a.name, p.name, c.notes, c.source FROM contracts c "
                      "JOIN areas a ON a.id = c.area_id JOIN programmes p ON p.id = a.programme_id "
                      "WHERE c.prime_id = :id ORDER BY p.name, a.number, a.code",
         soci::use(provider_id));
    for (const auto& row : primes) {
        detail->roles.push_back({area_ref(row, 0), get_text(row, 3), std::nullopt, get_text(row, 4), get_text(row, 5)});
    }
    soci::rowset<soci::row> subs =
        (s.prepare << "SELECT a.id, a.code, a.name, p.name, pr.id, pr.name, sc.source FROM subcontracts sc "
                      "JOIN contracts c ON c.id = sc.contract_id JOIN areas a ON a.id = c.area_id "
                      "JOIN programmes p ON p.id = a.programme_id JOIN providers pr ON pr.id = c.prime_id "
                      "WHERE sc.provider_id = :id ORDER BY p.name, a.number, a.code, pr.name_key",
         soci::use(provider_id));
    for (const auto& row : subs) {
        detail->roles.push_back({area_ref(row, 0), get_text(row, 3), provider_ref(row, 4), "", get_text(row, 6)});
    }
    soci::rowset<soci::row> offices =
        (s.prepare << "SELECT id, name, town, postcode_district FROM offices WHERE provider_id = :id "
                      "ORDER BY town, name_key",
         soci::use(provider_id));
    for (const auto& row : offices) {
        detail->offices.push_back({OfficeId{get_int(row, 0)}, get_text(row, 1), get_text(row, 2), get_text(row, 3)});
    }
    soci::rowset<soci::row> standards =
        (s.prepare << "SELECT text, source FROM service_standards WHERE provider_id = :id ORDER BY position",
         soci::use(provider_id));
    for (const auto& row : standards) detail->standards.push_back({get_text(row, 0), get_text(row, 1)});
    soci::rowset<soci::row> procedure =
        (s.prepare << "SELECT how, contact, url, source FROM complaints_procedures WHERE provider_id = :id",
         soci::use(provider_id));
    for (const auto& row : procedure) {
        detail->complaints_procedure =
            registry::ComplaintsProcedure{get_text(row, 0), get_text(row, 1), get_text(row, 2), get_text(row, 3)};
    }
    return detail;
}

std::optional<ProviderRef> SociRegistryRepository::find_provider_ref(ProviderId id) {
    auto s = db_.session();
    const long long provider_id = id.value;
    std::string name;
    s << "SELECT name FROM providers WHERE id = :id", soci::into(name), soci::use(provider_id);
    if (!s.got_data()) return std::nullopt;
    return ProviderRef{id, name};
}

std::vector<AreaRef> SociRegistryRepository::provider_areas(ProviderId id) {
    auto s = db_.session();
    const long long provider = id.value;
    const long long same = id.value;
    std::vector<AreaRef> areas;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT a.id, a.code, a.name, p.name FROM areas a JOIN programmes p ON p.id = a.programme_id "
                      "WHERE a.id IN (SELECT c.area_id FROM contracts c "
                      "WHERE c.prime_id = :p UNION SELECT c.area_id FROM subcontracts sc JOIN contracts c ON "
                      "c.id = sc.contract_id WHERE sc.provider_id = :q) ORDER BY p.name, a.number, a.code",
         soci::use(provider), soci::use(same));
    for (const auto& row : rows) {
        areas.push_back(area_ref(row, 0));
        areas.back().programme = get_text(row, 3);
    }
    return areas;
}

std::optional<OfficeDetail> SociRegistryRepository::find_office(OfficeId id) {
    auto s = db_.session();
    const long long office_id = id.value;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT o.id, o.name, o.town, o.postcode_district, pr.id, pr.name, o.source FROM offices o "
                      "JOIN providers pr ON pr.id = o.provider_id WHERE o.id = :id",
         soci::use(office_id));
    for (const auto& row : rows) {
        return OfficeDetail{{OfficeId{get_int(row, 0)}, get_text(row, 1), get_text(row, 2), get_text(row, 3)},
                            provider_ref(row, 4),
                            get_text(row, 6)};
    }
    return std::nullopt;
}

std::vector<SearchHit> SociRegistryRepository::search(std::string_view key, int limit) {
    std::vector<SearchHit> hits;
    if (key.empty() || limit <= 0) return hits;
    auto s = db_.session();
    // key holds only [a-z0-9 ] (text::search_key), so it carries no LIKE wildcards.
    const std::string contains = fmt::format("%{}%", key);
    const std::string prefix = fmt::format("{}%", key);
    soci::rowset<soci::row> providers =
        (s.prepare << "SELECT pr.id, pr.name, "
                      "(SELECT COUNT(*) FROM contracts c WHERE c.prime_id = pr.id), "
                      "(SELECT COUNT(*) FROM subcontracts sc WHERE sc.provider_id = pr.id) "
                      "FROM providers pr WHERE pr.name_key LIKE :contains "
                      "ORDER BY CASE WHEN pr.name_key LIKE :prefix THEN 0 ELSE 1 END, pr.name_key LIMIT :limit",
         soci::use(contains), soci::use(prefix), soci::use(limit));
    for (const auto& row : providers) {
        const auto primes = get_int(row, 2);
        const auto subs = get_int(row, 3);
        std::string context;
        if (primes) context = fmt::format("Prime contractor in {} area{}", primes, primes == 1 ? "" : "s");
        if (subs) context += fmt::format("{}Sub-contractor", context.empty() ? "" : "; ");
        hits.push_back({HitKind::provider, get_int(row, 0), get_text(row, 1), context});
    }
    // Which programme each works in: people choose between the one they are on and older ones.
    for (auto& hit : hits) {
        const long long id = hit.id;
        std::string programmes;
        soci::rowset<soci::row> names =
            (s.prepare << "SELECT DISTINCT pg.name FROM programmes pg JOIN areas a ON a.programme_id = pg.id "
                          "JOIN contracts c ON c.area_id = a.id WHERE c.prime_id = :p OR c.id IN "
                          "(SELECT contract_id FROM subcontracts WHERE provider_id = :p2) ORDER BY pg.name",
             soci::use(id), soci::use(id));
        for (const auto& name : names) programmes += (programmes.empty() ? "" : ", ") + get_text(name, 0);
        if (!programmes.empty()) hit.context += fmt::format("{}{}", hit.context.empty() ? "" : " · ", programmes);
    }
    const int remaining = limit - static_cast<int>(hits.size());
    if (remaining <= 0) return hits;
    soci::rowset<soci::row> offices =
        (s.prepare << "SELECT o.id, o.name, o.town, o.postcode_district, pr.name FROM offices o "
                      "JOIN providers pr ON pr.id = o.provider_id "
                      "WHERE o.search_key LIKE :contains ORDER BY o.town, o.name_key LIMIT :limit",
         soci::use(contains), soci::use(remaining));
    for (const auto& row : offices) {
        hits.push_back({HitKind::office, get_int(row, 0), get_text(row, 1),
                        fmt::format("{}, {} {}", get_text(row, 4), get_text(row, 2), get_text(row, 3))});
    }
    return hits;
}

}  // namespace pw::store
