#pragma once
// The registry: programmes, their areas (CPAs), the primes holding contracts there,
// sub-contractors under those contracts, and offices. Read-side value types.
#include <optional>
#include <string>
#include <vector>

#include "core/common/ids.hpp"

namespace pw::registry {

struct Programme {
    ProgrammeId id;
    std::string name;
};

struct ProviderRef {
    ProviderId id;
    std::string name;
};

struct AreaRef {
    AreaId id;
    std::string code;  // the CPA's code in its programme: "5" (North East), "1a" (Restart's West Central)
    std::string name;
    std::string programme;  // set where areas of several programmes are listed together (a provider's)
};

struct AreaSummary {
    AreaRef area;
    std::string programme;
    std::vector<ProviderRef> primes;
};

struct ContractInArea {
    ContractId id;
    ProviderRef prime;
    std::string notes;
    std::string source;
    std::vector<ProviderRef> subcontractors;
};

struct AreaDetail {
    AreaRef area;
    Programme programme;
    std::string source;
    std::vector<ContractInArea> contracts;
};

// A contract the provider holds as a prime, or works under as a sub-contractor.
struct ProviderRole {
    AreaRef area;
    std::string programme;
    std::optional<ProviderRef> parent_prime;  // set when the provider is a sub-contractor there
    std::string notes;
    std::string source;
};

struct OfficeSummary {
    OfficeId id;
    std::string name;
    std::string town;
    std::string postcode_district;
};

struct ServiceStandard {
    std::string text;
    std::string source;
};

// How to make an official complaint to the provider, as it publishes it (docs/csv-formats.md).
struct ComplaintsProcedure {
    std::string how;
    std::string contact;  // may be empty
    std::string url;      // https only; may be empty
    std::string source;
};

struct ProviderDetail {
    ProviderRef provider;
    std::string source;
    std::vector<ProviderRole> roles;
    std::vector<OfficeSummary> offices;
    std::vector<ServiceStandard> standards;
    std::optional<ComplaintsProcedure> complaints_procedure;  // where known
    bool is_prime() const;
    bool is_subcontractor() const;
};

struct OfficeDetail {
    OfficeSummary office;
    ProviderRef provider;
    std::string source;
};

enum class HitKind { provider, office };

struct SearchHit {
    HitKind kind = HitKind::provider;
    std::int64_t id = 0;
    std::string name;     // provider name, or office name
    std::string context;  // "Prime in 3 areas", or "Ingeus Deloitte, Leeds LS1"
};

}  // namespace pw::registry
