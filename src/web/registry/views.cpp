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
    d.set("name", provider.name);
    d.set("url", provider_url(provider.id));
    return d;
}

namespace {
void set_area(mustache::data& d, const AreaRef& area) {
    d.set("area_name", area.name);
    d.set("area_number", std::to_string(area.number));
    d.set("area_url", area_url(area.id));
}
}  // namespace

mustache::data area_summary_view(const AreaSummary& area) {
    mustache::data d;
    set_area(d, area.area);
    d.set("programme", area.programme);
    d.set("primes", list_of(area.primes, provider_link));
    return d;
}

mustache::data area_detail_view(const AreaDetail& area) {
    mustache::data d;
    set_area(d, area.area);
    d.set("programme", area.programme.name);
    d.set("source", area.source);
    d.set("contracts", list_of(area.contracts, [](const ContractInArea& c) {
              mustache::data cd = provider_link(c.prime);
              if (!c.notes.empty()) cd.set("notes", c.notes);  // mustache: an empty string is still true
              cd.set("source", c.source);
              cd.set("subcontractors", list_of(c.subcontractors, provider_link));
              cd.set("has_subcontractors", flag(!c.subcontractors.empty()));
              return cd;
          }));
    return d;
}

mustache::data provider_view(const ProviderDetail& provider) {
    mustache::data d;
    d.set("name", provider.provider.name);
    d.set("url", provider_url(provider.provider.id));
    d.set("source", provider.source);
    d.set("is_prime", flag(provider.is_prime()));
    d.set("is_subcontractor", flag(provider.is_subcontractor()));
    mustache::data primes{mustache::data::type::list};
    mustache::data subs{mustache::data::type::list};
    for (const auto& role : provider.roles) {
        mustache::data r;
        set_area(r, role.area);
        r.set("programme", role.programme);
        if (!role.notes.empty()) r.set("notes", role.notes);
        r.set("source", role.source);
        if (role.parent_prime) {
            r.set("prime", provider_link(*role.parent_prime));
            subs.push_back(r);
        } else {
            primes.push_back(r);
        }
    }
    d.set("has_prime_roles", flag(provider.is_prime()));
    d.set("has_subcontractor_roles", flag(provider.is_subcontractor()));
    d.set("prime_roles", primes);
    d.set("subcontractor_roles", subs);
    d.set("offices", list_of(provider.offices, [](const OfficeSummary& o) {
              mustache::data od;
              od.set("name", o.name);
              od.set("town", o.town);
              od.set("postcode_district", o.postcode_district);
              od.set("url", office_url(o.id));
              return od;
          }));
    d.set("has_offices", flag(!provider.offices.empty()));
    d.set("standards", list_of(provider.standards, [](const ServiceStandard& s) {
              mustache::data sd;
              sd.set("text", s.text);
              sd.set("source", s.source);
              return sd;
          }));
    d.set("has_standards", flag(!provider.standards.empty()));
    if (!provider.standards.empty()) d.set("standards_source", provider.standards.front().source);
    return d;
}

mustache::data office_view(const OfficeDetail& office) {
    mustache::data d;
    d.set("name", office.office.name);
    d.set("town", office.office.town);
    d.set("postcode_district", office.office.postcode_district);
    d.set("provider", provider_link(office.provider));
    d.set("source", office.source);
    return d;
}

mustache::data hit_view(const SearchHit& hit) {
    mustache::data d;
    d.set("name", hit.name);
    if (!hit.context.empty()) d.set("context", hit.context);
    d.set("url", hit_url(hit));
    d.set("kind", hit.kind == HitKind::provider ? "Provider" : "Office");
    return d;
}

namespace {
json::value provider_ref_json(const ProviderRef& p) {
    return {{"id", p.id.value}, {"name", p.name}, {"url", provider_url(p.id)}};
}
json::object area_ref_json(const AreaRef& a) {
    return {{"id", a.id.value}, {"cpa_number", a.number}, {"name", a.name}, {"url", area_url(a.id)}};
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
