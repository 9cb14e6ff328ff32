#include "web/registry/views.hpp"

#include <fmt/format.h>

#include "web/pages/page.hpp"

namespace pw::web {

using namespace registry;
namespace json = boost::json;

std::string area_url(AreaId id) {
    return fmt::format("/areas/{}", id.value);
}
std::string provider_url(ProviderId id) {
    return fmt::format("/providers/{}", id.value);
}
std::string office_url(OfficeId id) {
    return fmt::format("/offices/{}", id.value);
}
std::string hit_url(const SearchHit& hit) {
    return hit.kind == HitKind::provider ? provider_url(ProviderId{hit.id}) : office_url(OfficeId{hit.id});
}

mustache::data provider_link(const ProviderRef& provider) {
    mustache::data d;
    put(d, "name", provider.name);
    put(d, "url", provider_url(provider.id));
    return d;
}

void set_area(mustache::data& d, const AreaRef& area) {
    put(d, "area_name", area.name);
    put(d, "area_number", area.code);
    put(d, "area_url", area_url(area.id));
}

mustache::data area_summary_view(const AreaSummary& area) {
    mustache::data d;
    set_area(d, area.area);
    put(d, "programme", area.programme);
    put(d, "primes", list_of(area.primes, provider_link));
    return d;
}

mustache::data area_detail_view(const AreaDetail& area) {
    mustache::data d;
    set_area(d, area.area);
    put(d, "programme", area.programme.name);
    put(d, "source", area.source);
    put(d, "contracts", list_of(area.contracts, [](const ContractInArea& c) {
              mustache::data cd = provider_link(c.prime);
              if (!c.notes.empty()) put(cd, "notes", c.notes);  // mustache: an empty string is still true
              put(cd, "source", c.source);
              put(cd, "subcontractors", list_of(c.subcontractors, provider_link));
              put(cd, "has_subcontractors", flag(!c.subcontractors.empty()));
              return cd;
          }));
    return d;
}

mustache::data provider_view(const ProviderDetail& provider) {
    mustache::data d;
    put(d, "name", provider.provider.name);
    put(d, "url", provider_url(provider.provider.id));
    put(d, "source", provider.source);
    put(d, "is_prime", flag(provider.is_prime()));
    put(d, "is_subcontractor", flag(provider.is_subcontractor()));
    mustache::data primes{mustache::data::type::list};
    mustache::data subs{mustache::data::type::list};
    for (const auto& role : provider.roles) {
        mustache::data r;
        set_area(r, role.area);
        put(r, "programme", role.programme);
        if (!role.notes.empty()) put(r, "notes", role.notes);
        put(r, "source", role.source);
        if (role.parent_prime) {
            put(r, "prime", provider_link(*role.parent_prime));
            subs.push_back(r);
        } else {
            primes.push_back(r);
        }
    }
    put(d, "has_prime_roles", flag(provider.is_prime()));
    put(d, "has_subcontractor_roles", flag(provider.is_subcontractor()));
    put(d, "prime_roles", primes);
    put(d, "subcontractor_roles", subs);
    put(d, "offices", list_of(provider.offices, [](const OfficeSummary& o) {
              mustache::data od;
              put(od, "name", o.name);
              put(od, "town", o.town);
              put(od, "postcode_district", o.postcode_district);
              put(od, "url", office_url(o.id));
              return od;
          }));
    put(d, "has_offices", flag(!provider.offices.empty()));
    put(d, "standards", list_of(provider.standards, [](const ServiceStandard& s) {
              mustache::data sd;
              put(sd, "text", s.text);
              put(sd, "source", s.source);
              return sd;
          }));
    put(d, "has_standards", flag(!provider.standards.empty()));
    if (!provider.standards.empty()) put(d, "standards_source", provider.standards.front().source);
    return d;
}

mustache::data office_view(const OfficeDetail& office) {
    mustache::data d;
    put(d, "name", office.office.name);
    put(d, "town", office.office.town);
    put(d, "postcode_district", office.office.postcode_district);
    put(d, "provider", provider_link(office.provider));
    put(d, "source", office.source);
    return d;
}

mustache::data hit_view(const SearchHit& hit) {
    mustache::data d;
    put(d, "name", hit.name);
    if (!hit.context.empty()) put(d, "context", hit.context);
    put(d, "url", hit_url(hit));
    put(d, "kind", hit.kind == HitKind::provider ? "Provider" : "Office");
    return d;
}

namespace {
json::value provider_ref_json(const ProviderRef& p) {
    return {{"id", p.id.value}, {"name", p.name}, {"url", provider_url(p.id)}};
}
json::object area_ref_json(const AreaRef& a) {
    return {{"id", a.id.value}, {"cpa_code", a.code}, {"name", a.name}, {"url", area_url(a.id)}};
}
template <class Range, class F>
json::array array_of(const Range& items, F f) {
    json::array out;
    for (const auto& item : items) out.push_back(f(item));
    return out;
}
}  // namespace

json::value area_summary_json(const AreaSummary& area) {
    json::object o = area_ref_json(area.area);
    o["programme"] = area.programme;
    o["primes"] = array_of(area.primes, provider_ref_json);
    return o;
}

json::value area_detail_json(const AreaDetail& area) {
    json::object o = area_ref_json(area.area);
    o["programme"] = area.programme.name;
    o["source"] = area.source;
    o["contracts"] = array_of(area.contracts, [](const ContractInArea& c) -> json::value {
        return {{"prime", provider_ref_json(c.prime)},
                {"notes", c.notes},
                {"source", c.source},
                {"subcontractors", array_of(c.subcontractors, provider_ref_json)}};
    });
    return o;
}

json::value provider_json(const ProviderDetail& provider) {
    json::object o = provider_ref_json(provider.provider).as_object();
    o["source"] = provider.source;
    o["roles"] = array_of(provider.roles, [](const ProviderRole& r) -> json::value {
        json::object role{{"area", area_ref_json(r.area)},
                          {"programme", r.programme},
                          {"role", r.parent_prime ? "sub-contractor" : "prime"},
                          {"source", r.source}};
        if (r.parent_prime) role["prime"] = provider_ref_json(*r.parent_prime);
        if (!r.notes.empty()) role["notes"] = r.notes;
        return role;
    });
    o["offices"] = array_of(provider.offices, [](const OfficeSummary& office) -> json::value {
        return {{"id", office.id.value},
                {"name", office.name},
                {"town", office.town},
                {"postcode_district", office.postcode_district},
                {"url", office_url(office.id)}};
    });
    o["minimum_service_standards"] = array_of(provider.standards, [](const ServiceStandard& s) -> json::value {
        return {{"text", s.text}, {"source", s.source}};
    });
    return o;
}

json::value office_json(const OfficeDetail& office) {
    return {{"id", office.office.id.value},
            {"name", office.office.name},
            {"town", office.office.town},
            {"postcode_district", office.office.postcode_district},
            {"provider", provider_ref_json(office.provider)},
            {"source", office.source}};
}

json::value hit_json(const SearchHit& hit) {
    return {{"kind", hit.kind == HitKind::provider ? "provider" : "office"},
            {"id", hit.id},
            {"name", hit.name},
            {"context", hit.context},
            {"url", hit_url(hit)}};
}

}  // namespace pw::web
