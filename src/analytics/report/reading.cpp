#include "analytics/report/reading.hpp"

#include <boost/json.hpp>

#include "analytics/detection/tests.hpp"

namespace pw::analytics {
namespace {

namespace json = boost::json;

std::string text_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::optional<double> number_at(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || !v->is_number()) return std::nullopt;
    return v->to_number<double>();
}

UnitReading unit_of(const json::object& o) {
    UnitReading u;
    u.unit = text_at(o, "unit");
    u.parent = text_at(o, "parent");
    u.area = text_at(o, "area");
    u.referrals = static_cast<std::int64_t>(number_at(o, "referrals").value_or(0));
    const auto* flagged = o.if_contains("flagged");
    u.flagged = flagged && flagged->is_bool() && flagged->get_bool();
    u.combined_p = number_at(o, "combined_p");
    u.q_value = number_at(o, "q_value");
    const auto strongest = text_at(o, "strongest");
    for (const auto kind : kTestKinds) {
        if (test_name(kind) != strongest) continue;
        u.strongest = std::string(test_title(kind));
        const auto* tests = o.if_contains("tests");
        const auto* test = tests && tests->is_object() ? tests->get_object().if_contains(strongest) : nullptr;
        if (test && test->is_object()) u.strongest_effect = text_at(test->get_object(), "effect_text");
    }
    return u;
}

}  // namespace

std::optional<ReportReading> read_report_json(std::string_view text) {
    boost::system::error_code ec;
    const auto root = json::parse(text, ec);
    if (ec || !root.is_object()) return std::nullopt;
    const auto& o = root.get_object();
    const auto* units = o.if_contains("units");
    if (!units || !units->is_array()) return std::nullopt;
    ReportReading out;
    for (const auto& u : units->get_array())
        if (u.is_object()) out.units.push_back(unit_of(u.get_object()));
    if (const auto* areas = o.if_contains("providers_within_areas"); areas && areas->is_array()) {
        for (const auto& a : areas->get_array()) {
            if (!a.is_object()) continue;
            const auto area = text_at(a.get_object(), "area");
            const auto* providers = a.get_object().if_contains("providers");
            const auto* against = a.get_object().if_contains("against_rest_of_area");
            if (!providers || !providers->is_array()) continue;
            for (const auto& p : providers->get_array()) {
                if (!p.is_object()) continue;
                ProviderReading reading;
                reading.area = area;
                reading.provider = text_at(p.get_object(), "provider");
                if (against && against->is_array()) {
                    for (const auto& t : against->get_array()) {
                        if (!t.is_object() || text_at(t.get_object(), "provider") != reading.provider) continue;
                        reading.difference = number_at(t.get_object(), "difference");
                        reading.p_value = number_at(t.get_object(), "p_value");
                    }
                }
                out.providers.push_back(std::move(reading));
            }
        }
    }
    if (const auto* read = o.if_contains("read"); read && read->is_object()) {
        out.first = text_at(read->get_object(), "first");
        out.last = text_at(read->get_object(), "last");
        out.first_month = text_at(read->get_object(), "first_month");
        out.last_month = text_at(read->get_object(), "last_month");
    }
    out.from = text_at(o, "from");
    out.to = text_at(o, "to");
    return out;
}

}  // namespace pw::analytics
