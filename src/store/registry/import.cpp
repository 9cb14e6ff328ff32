#include "store/registry/import.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <set>

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "core/text/text.hpp"
#include "store/events/events.hpp"
#include "store/import_runner.hpp"
#include "store/row.hpp"

namespace pw::store {

using namespace registry;

namespace {

std::optional<long long> find_programme(soci::session& s, const std::string& name) {
    boost::optional<long long> id;
    s << "SELECT id FROM programmes WHERE name = :name", soci::into(id), soci::use(name);
    return id ? std::optional<long long>(*id) : std::nullopt;
}

std::optional<long long> find_provider(soci::session& s, const std::string& name) {
    boost::optional<long long> id;
    const std::string key = text::search_key(name);
    s << "SELECT id FROM providers WHERE name_key = :key", soci::into(id), soci::use(key);
    return id ? std::optional<long long>(*id) : std::nullopt;
}

struct AreaRow {
    long long id = 0;
    std::string name;
};

std::optional<AreaRow> find_area(soci::session& s, long long programme_id, const std::string& code) {
    boost::optional<long long> id;
    std::string name;
    s << "SELECT id, name FROM areas WHERE programme_id = :p AND code = :c", soci::into(id), soci::into(name),
        soci::use(programme_id), soci::use(code);
    if (!id) return std::nullopt;
    return AreaRow{*id, name};
}

std::optional<long long> find_contract(soci::session& s, long long area_id, long long prime_id) {
    boost::optional<long long> id;
    s << "SELECT id FROM contracts WHERE area_id = :a AND prime_id = :p", soci::into(id), soci::use(area_id),
        soci::use(prime_id);
    return id ? std::optional<long long>(*id) : std::nullopt;
}

// The programme's id, and whether it is new; an error when its name is new but its address (the
// slug) is another programme's, as "Work Programme (2011-2017)" beside "(2011–2017)" would be.
std::expected<std::pair<long long, bool>, std::string> ensure_programme(soci::session& s, const std::string& name) {
    if (auto id = find_programme(s, name)) return std::pair{*id, false};
    long long id = 0;
    const std::string slug = text::slug(name);
    std::string other;
    soci::indicator found = soci::i_null;
    s << "SELECT name FROM programmes WHERE slug = :slug", soci::into(other, found), soci::use(slug);
    if (s.got_data() && found == soci::i_ok) {
        return std::unexpected(fmt::format(
            "programme: '{}' is too like '{}', which is in the registry already; use that name, or one that differs "
            "in its letters or numbers",
            name, other));
    }
    s << "INSERT INTO programmes (name, slug) VALUES (:name, :slug) RETURNING id", soci::use(name), soci::use(slug),
        soci::into(id);
    return std::pair{id, true};
}

std::pair<long long, bool> ensure_provider(soci::session& s, const std::string& name, const std::string& source) {
    if (auto id = find_provider(s, name)) return {*id, false};
    long long id = 0;
    const std::string key = text::search_key(name);
    s << "INSERT INTO providers (name, name_key, source) VALUES (:name, :key, :source) RETURNING id", soci::use(name),
        soci::use(key), soci::use(source), soci::into(id);
    return {id, true};
}

RowResult import_contract(soci::session& s, const ContractRow& row) {
    const auto programme = ensure_programme(s, row.programme);
    if (!programme) return std::unexpected(programme.error());
    auto [programme_id, new_programme] = *programme;
    bool created = new_programme;
    long long area_id = 0;
    if (auto area = find_area(s, programme_id, row.cpa.text)) {
        if (area->name != row.cpa_name) {
            return std::unexpected(
                fmt::format("cpa_name: CPA {} of {} is already called '{}'", row.cpa.text, row.programme, area->name));
        }
        area_id = area->id;
    } else {
        s << "INSERT INTO areas (programme_id, number, code, name, source) VALUES (:p, :n, :c, :name, :source) "
             "RETURNING id",
            soci::use(programme_id), soci::use(row.cpa.number), soci::use(row.cpa.text), soci::use(row.cpa_name),
            soci::use(row.source), soci::into(area_id);
        created = true;
    }
    auto [prime_id, new_prime] = ensure_provider(s, row.prime, row.source);
    created = created || new_prime;
    if (!find_contract(s, area_id, prime_id)) {
        s << "INSERT INTO contracts (area_id, prime_id, notes, source) VALUES (:a, :p, :notes, :source)",
            soci::use(area_id), soci::use(prime_id), soci::use(row.notes), soci::use(row.source);
        created = true;
    }
    return created ? Outcome::created : Outcome::present;
}

RowResult import_subcontract(soci::session& s, const SubcontractRow& row) {
    auto programme_id = find_programme(s, row.programme);
    if (!programme_id) return std::unexpected(fmt::format("programme: '{}' is not in the registry", row.programme));
    auto area = find_area(s, *programme_id, row.cpa.text);
    if (!area) return std::unexpected(fmt::format("cpa_number: {} has no CPA {}", row.programme, row.cpa.text));
    auto prime_id = find_provider(s, row.prime);
    auto contract_id = prime_id ? find_contract(s, area->id, *prime_id) : std::nullopt;
    if (!contract_id) {
        return std::unexpected(
            fmt::format("prime_provider: '{}' holds no contract in CPA {} ({})", row.prime, row.cpa.text, area->name));
    }
    auto [provider_id, created] = ensure_provider(s, row.subcontractor, row.source);
    int exists = 0;
    s << "SELECT COUNT(*) FROM subcontracts WHERE contract_id = :c AND provider_id = :p", soci::into(exists),
        soci::use(*contract_id), soci::use(provider_id);
    if (exists) return created ? Outcome::created : Outcome::present;
    s << "INSERT INTO subcontracts (contract_id, provider_id, source) VALUES (:c, :p, :source)",
        soci::use(*contract_id), soci::use(provider_id), soci::use(row.source);
    return Outcome::created;
}

RowResult import_office(soci::session& s, const OfficeRow& row) {
    auto provider_id = find_provider(s, row.provider);
    if (!provider_id) return std::unexpected(fmt::format("provider: '{}' is not in the registry", row.provider));
    const std::string name_key = text::search_key(row.name);
    int exists = 0;
    s << "SELECT COUNT(*) FROM offices WHERE provider_id = :p AND name_key = :k", soci::into(exists),
        soci::use(*provider_id), soci::use(name_key);
    if (exists) return Outcome::present;
    const std::string search = text::search_key(row.name + " " + row.town + " " + row.postcode_district);
    s << "INSERT INTO offices (provider_id, name, name_key, town, postcode_district, search_key, source) "
         "VALUES (:p, :name, :key, :town, :district, :search, :source)",
        soci::use(*provider_id), soci::use(row.name), soci::use(name_key), soci::use(row.town),
        soci::use(row.postcode_district), soci::use(search), soci::use(row.source);
    return Outcome::created;
}

// A fresh importer for each run: the standards it has replaced (as they were, by position), and
// where the next one goes. A provider's list is replaced whole; a row the same as the one it
// replaces, in the same place, is reported as already present, so importing a file again reports
// nothing added.
auto standards_importer() {
    using Before = std::map<int, std::pair<std::string, std::string>>;  // position: text, source
    return [replaced = std::map<long long, Before>{}, positions = std::map<long long, int>{}](
               soci::session& s, const StandardRow& row) mutable -> RowResult {
        auto provider_id = find_provider(s, row.provider);
        if (!provider_id) return std::unexpected(fmt::format("provider: '{}' is not in the registry", row.provider));
        if (!replaced.contains(*provider_id)) {
            Before& before = replaced[*provider_id];
            soci::rowset<soci::row> rows =
                (s.prepare << "SELECT position, text, source FROM service_standards WHERE provider_id = :p",
                 soci::use(*provider_id));
            for (const auto& r : rows) before[static_cast<int>(get_int(r, 0))] = {get_text(r, 1), get_text(r, 2)};
            s << "DELETE FROM service_standards WHERE provider_id = :p", soci::use(*provider_id);
        }
        const int position = ++positions[*provider_id];
        s << "INSERT INTO service_standards (provider_id, position, text, source) VALUES (:p, :pos, :text, :source)",
            soci::use(*provider_id), soci::use(position), soci::use(row.text), soci::use(row.source);
        const auto& before = replaced[*provider_id];
        const auto was = before.find(position);
        const bool same = was != before.end() && was->second == std::pair{row.text, row.source};
        return same ? Outcome::present : Outcome::created;
    };
}

auto procedures_importer() {
    return [seen = std::set<long long>{}](soci::session& s, const ProcedureRow& row) mutable -> RowResult {
        auto provider_id = find_provider(s, row.provider);
        if (!provider_id) return std::unexpected(fmt::format("provider: '{}' is not in the registry", row.provider));
        if (!seen.insert(*provider_id).second) {
            return std::unexpected(fmt::format("provider: '{}' has a procedure on an earlier line", row.provider));
        }
        std::string how;
        std::string contact;
        std::string url;
        std::string source;
        s << "SELECT how, contact, url, source FROM complaints_procedures WHERE provider_id = :p", soci::into(how),
            soci::into(contact), soci::into(url), soci::into(source), soci::use(*provider_id);
        if (s.got_data() && how == row.how && contact == row.contact && url == row.url && source == row.source) {
            return Outcome::present;
        }
        s << "DELETE FROM complaints_procedures WHERE provider_id = :p", soci::use(*provider_id);
        s << "INSERT INTO complaints_procedures (provider_id, how, contact, url, source) "
             "VALUES (:p, :how, :contact, :url, :source)",
            soci::use(*provider_id), soci::use(row.how), soci::use(row.contact), soci::use(row.url),
            soci::use(row.source);
        return Outcome::created;
    };
}

}  // namespace

ImportResult import_registry(Database& db, const Checked<ContractRow>& rows, const ImportOptions& options) {
    return run_import(db, rows, options, "registry.imported", import_contract);
}
ImportResult import_registry(soci::session& s, const Checked<ContractRow>& rows, const ImportOptions& options) {
    return run_import_in(s, rows, options, "registry.imported", import_contract);
}

ImportResult import_subcontracts(Database& db, const Checked<SubcontractRow>& rows, const ImportOptions& options) {
    return run_import(db, rows, options, "providers.imported", import_subcontract);
}
ImportResult import_subcontracts(soci::session& s, const Checked<SubcontractRow>& rows, const ImportOptions& options) {
    return run_import_in(s, rows, options, "providers.imported", import_subcontract);
}

ImportResult import_offices(Database& db, const Checked<OfficeRow>& rows, const ImportOptions& options) {
    return run_import(db, rows, options, "offices.imported", import_office);
}
ImportResult import_offices(soci::session& s, const Checked<OfficeRow>& rows, const ImportOptions& options) {
    return run_import_in(s, rows, options, "offices.imported", import_office);
}

ImportResult import_standards(Database& db, const Checked<StandardRow>& rows, const ImportOptions& options) {
    return run_import(db, rows, options, "standards.imported", standards_importer());
}
ImportResult import_standards(soci::session& s, const Checked<StandardRow>& rows, const ImportOptions& options) {
    return run_import_in(s, rows, options, "standards.imported", standards_importer());
}

ImportResult import_procedures(Database& db, const Checked<ProcedureRow>& rows, const ImportOptions& options) {
    return run_import(db, rows, options, "procedures.imported", procedures_importer());
}
ImportResult import_procedures(soci::session& s, const Checked<ProcedureRow>& rows, const ImportOptions& options) {
    return run_import_in(s, rows, options, "procedures.imported", procedures_importer());
}

}  // namespace pw::store
