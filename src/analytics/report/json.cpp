#include <fmt/format.h>
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>

#include "analytics/report/report.hpp"
#include "core/csv/csv.hpp"

namespace pw::analytics {
namespace {

namespace json = boost::json;

// Six significant figures: the data do not carry more, and a 2,000-unit report stays small.
json::value json_number(double x) {
    if (!std::isfinite(x)) return nullptr;
    return std::strtod(fmt::format("{:.6g}", x).c_str(), nullptr);
}

json::object test_json(const TestResult& t) {
    json::object o;
    o["ran"] = t.ran;
    if (!t.ran) {
        o["not_run"] = t.not_run;
        return o;
    }
    o["statistic"] = json_number(t.statistic);
    o["p_value"] = json_number(t.p_value);
    o["q_value"] = json_number(t.q_value);
    o["effect"] = json_number(t.effect);
    o["effect_text"] = t.effect_text;
    if (t.quota) o["quota"] = *t.quota;
    json::array chart;
    for (const auto& bar : t.chart)
        chart.push_back(json::object{
            {"label", bar.label}, {"observed", json_number(bar.observed)}, {"expected", json_number(bar.expected)}});
    o["chart"] = std::move(chart);
    return o;
}

json::object chi_json(const statistics::ChiSquare& c) {
    return {{"statistic", json_number(c.statistic)},
            {"degrees_of_freedom", c.degrees_of_freedom},
            {"p_value", json_number(c.p_value)},
            {"pooled_share", json_number(c.pooled_share)}};
}

}  // namespace

std::string to_json(const Report& report, const ReadReport& read) {
    json::object root;
    root["method_version"] = kMethodVersion;
    root["input"] = report.input;
    root["read"] = json::object{{"summary", read.summary()},
                                {"rows", read.rows_read},
                                {"rows_rejected", read.rows_rejected},
                                {"units", read.units},
                                {"first", read.first_day},
                                {"last", read.last_day},
                                {"first_month", read.first_month},
                                {"last_month", read.last_month}};
    if (read.rows_rejected > 0) {
        json::array problems;
        for (const auto& p : read.problems) problems.push_back(json::object{{"line", p.line}, {"reason", p.reason}});
        root["read"].as_object()["problems"] = std::move(problems);  // the first ReadReport::kProblemsKept
    }
    auto day = [](Day d) {
        const Civil c = civil_from_day(d);
        return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
    };
    if (report.options.from) root["from"] = day(*report.options.from);
    if (report.options.to) root["to"] = day(*report.options.to);
    root["false_discovery_rate"] = report.options.fdr;
    root["seed"] = report.options.seed;
    root["calibration"] = json::object{{"null_units", report.calibration.null_units},
                                       {"effective_tests", json_number(report.calibration.effective_tests)},
                                       {"null_flag_rate_at_5_percent", json_number(report.calibration.null_flag_rate)}};
    root["flagged"] = report.flagged;
    if (!report.per_unit_not_run.empty()) root["per_unit_not_run"] = report.per_unit_not_run;
    if (!report.advisers_not_used.empty()) root["advisers_not_used"] = report.advisers_not_used;
    json::array units;
    for (const auto& u : report.units) {
        json::object o{{"unit", u.name},
                       {"parent", u.parent},
                       {"area", u.area},
                       {"periods", u.periods},
                       {"referrals", u.referrals},
                       {"mean_per_period", json_number(u.mean)},
                       {"combined_p", json_number(u.combined_p)},
                       {"q_value", json_number(u.q_value)},
                       {"flagged", u.flagged}};
        if (u.advisers) o["advisers"] = u.advisers;
        if (u.strongest) o["strongest"] = test_name(*u.strongest);
        json::object tests;
        for (const auto& t : u.tests) tests[test_name(t.kind)] = test_json(t);
        o["tests"] = std::move(tests);
        units.push_back(std::move(o));
    }
    root["units"] = std::move(units);
    json::array providers;
    for (const auto& c : report.providers) {
        json::object o{{"area", c.area}};
        json::array groups;
        for (const auto& g : c.groups)
            groups.push_back(
                json::object{{"provider", g.name},
                             {"referrals", g.referrals},
                             {"adverse", g.adverse >= 0 ? json::value(g.adverse) : json::value(nullptr)},
                             {"caseload", g.caseload >= 0 ? json::value(g.caseload) : json::value(nullptr)}});
        o["providers"] = std::move(groups);
        if (c.adverse) o["adverse_share_test"] = chi_json(*c.adverse);
        if (c.rate) o["referral_rate_test"] = chi_json(*c.rate);
        json::array against;
        for (const auto& t : c.against_area)
            against.push_back(json::object{{"provider", t.name},
                                           {"difference", json_number(t.difference)},
                                           {"z", json_number(t.z)},
                                           {"p_value", json_number(t.p_value)}});
        o["against_rest_of_area"] = std::move(against);
        if (!c.not_run.empty()) o["not_run"] = c.not_run;
        providers.push_back(std::move(o));
    }
    root["providers_within_areas"] = std::move(providers);
    json::array method;
    for (const auto& note : method_notes())
        method.push_back(json::object{{"test", note.title}, {"how_and_when_wrong", note.text}});
    root["method"] = std::move(method);
    json::array assumed;
    for (auto a : assumptions()) assumed.push_back(json::string(a));
    root["assumptions"] = std::move(assumed);
    return json::serialize(root) + "\n";
}

std::string to_csv(const Report& report) {
    std::string out = csv::format_row({"rank", "unit", "parent", "area", "combined_p", "q_value", "flagged", "test",
                                       "ran", "statistic", "p_value", "test_q_value", "effect", "effect_text"});
    std::size_t rank = 0;
    for (const auto& u : report.units) {
        ++rank;
        for (const auto& t : u.tests) {
            out += csv::format_row({std::to_string(rank), u.name, u.parent, u.area, format_p(u.combined_p),
                                    format_p(u.q_value), u.flagged ? "yes" : "no", std::string(test_name(t.kind)),
                                    t.ran ? "yes" : "no", t.ran ? fmt::format("{:.6g}", t.statistic) : "",
                                    t.ran ? format_p(t.p_value) : "", t.ran ? format_p(t.q_value) : "",
                                    t.ran ? fmt::format("{:.6g}", t.effect) : "", t.ran ? t.effect_text : t.not_run});
        }
    }
    return out;
}

std::string format_p(double p) {
    if (!(p >= 0)) return "";
    if (p == 0) return "< 1e-300";
    if (p >= 0.001) return fmt::format("{:.4f}", p);
    return fmt::format("{:.2g}", p);
}

std::string p_is(double p) {
    return p == 0 ? "p < 1e-300" : "p = " + format_p(p);
}

}  // namespace pw::analytics
