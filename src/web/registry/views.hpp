#pragma once
// Registry values as template data and as JSON, shared by the pages and the API.
#include <string>

#include <boost/json/value.hpp>

#include "core/registry/registry.hpp"
#include "web/render/renderer.hpp"

namespace pw::web {

std::string area_url(AreaId id);
std::string provider_url(ProviderId id);
std::string office_url(OfficeId id);
std::string hit_url(const registry::SearchHit& hit);

mustache::data provider_link(const registry::ProviderRef& provider);
mustache::data area_summary_view(const registry::AreaSummary& area);
mustache::data area_detail_view(const registry::AreaDetail& area);
// An area's name, number and address into d.
void set_area(mustache::data& d, const registry::AreaRef& area);
mustache::data provider_view(const registry::ProviderDetail& provider);
mustache::data office_view(const registry::OfficeDetail& office);
mustache::data hit_view(const registry::SearchHit& hit);

boost::json::value area_summary_json(const registry::AreaSummary& area);
boost::json::value area_detail_json(const registry::AreaDetail& area);
boost::json::value provider_json(const registry::ProviderDetail& provider);
boost::json::value office_json(const registry::OfficeDetail& office);
boost::json::value hit_json(const registry::SearchHit& hit);

}  // namespace pw::web
