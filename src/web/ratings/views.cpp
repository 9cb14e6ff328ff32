#include "web/ratings/views.hpp"

#include <cmath>

#include <fmt/format.h>
#include <boost/json.hpp>

#include <algorithm>

#include "core/disclosure/noise.hpp"
#include "web/pages/page.hpp"
#include "web/publication/read_model.hpp"

namespace pw::web {

using namespace ratings;

namespace {

std::string error_for(const std::vector<FieldError>& errors, std::string_view name) {
    for (const auto& e : errors) {
        if (e.field == name) return e.message;
    }
    return {};
}

// A radios question: its name, options, what was chosen, and its error.
mustache::data radios(std::string_view name, std::string_view chosen,
                      const std::vector<std::pair<std::string, std::string>>& options,
                      const std::vector<FieldError>& errors) {
    mustache::data question;
    put(question, "name", std::string(name));
    const auto error = error_for(errors, name);
    if (!error.empty()) put(question, "error", error);
    mustache::data list{mustache::data::type::list};
    int n = 0;
    for (const auto& [value, label] : options) {
        mustache::data option;
        put(option, "id",
            n == 0 ? std::string(name) : fmt::format("{}-{}", name, n));  // the first takes the error link
        put(option, "value", value);
        put(option, "label", label);
        put(option, "checked", flag(value == chosen));
        list.push_back(option);
        ++n;
    }
    put(question, "options", list);
    return question;
}

const std::vector<std::pair<std::string, std::string>> kStarOptions{{"5", "5 stars: very good"},
                                                                    {"4", "4 stars: good"},
                                                                    {"3", "3 stars: acceptable"},
                                                                    {"2", "2 stars: poor"},
                                                                    {"1", "1 star: very poor"}};

std::string one_decimal(double value) {
    return fmt::format("{:.1f}", value);
}

}  // namespace

mustache::data rating_form_view(const FormFields& answers, const std::vector<FieldError>& errors,
                                const std::vector<registry::AreaRef>& areas) {
    mustache::data data;
    if (areas.size() > 1) {
        std::vector<std::pair<std::string, std::string>> options;
        // A provider can work in more than one programme (Serco, in the Work Programme and the
        // Restart Scheme): then each area is named with its programme, as codes repeat across them.
        const bool several =
            std::ranges::any_of(areas, [&](const auto& a) { return a.programme != areas[0].programme; });
        for (const auto& area : areas) {
            options.emplace_back(std::to_string(area.id.value),
                                 several ? fmt::format("{}, CPA {}: {}", area.programme, area.code, area.name)
                                         : fmt::format("CPA {}: {}", area.code, area.name));
        }
        put(data, "area", radios("area", field(answers, "area"), options, errors));
    }
    put(data, "stars", radios("stars", field(answers, "stars"), kStarOptions, errors));
    mustache::data aspects{mustache::data::type::list};
    auto options = kStarOptions;
    options.emplace_back("not-sure", "Not sure");
    for (auto aspect : kAspects) {
        auto question = radios(aspect_key(aspect), field(answers, aspect_key(aspect)), options, errors);
        put(question, "label", std::string(aspect_label(aspect)));
        aspects.push_back(question);
    }
    put(data, "aspects", aspects);
    std::vector<std::pair<std::string, std::string>> groups;
    for (auto group : kPaymentGroups) groups.emplace_back(payment_group_key(group), payment_group_label(group));
    put(data, "payment_group", radios("payment_group", field(answers, "payment_group"), groups, errors));
    const auto wants = field(answers, "get_codename");
    put(data, "get_codename",
        radios("get_codename", wants.empty() ? "yes" : wants, {{"yes", "Yes, give me a codename"}, {"no", "No thanks"}},
               errors));
    put(data, "codename_value", std::string(field(answers, "codename")));
    put(data, "story_value", std::string(field(answers, "story")));
    if (auto e = error_for(errors, "story"); !e.empty()) put(data, "story_error", e);
    if (auto e = error_for(errors, "codename"); !e.empty()) put(data, "codename_error", e);
    if (auto e = error_for(errors, "noticed"); !e.empty()) put(data, "noticed_error", e);
    set_error_summary(data, errors);
    return data;
}

namespace {
std::string raters_text(const Score& score, double count_sd) {
    return disclosure::count_band(score.raters, count_sd, score.shown_from) + " ratings";
}
}  // namespace

const UnitScores& unit_scores(const publication::Snapshot* snapshot, const publication::UnitKey& unit) {
    static const UnitScores none = [] {
        UnitScores empty;
        empty.overall.shown_from = ScoreSettings{}.min_raters;
        return empty;
    }();
    return snapshot ? snapshot->scores(unit) : none;
}

boost::json::value scores_json(const UnitScores& scores, const publication::Snapshot* snapshot) {
    boost::json::object o;
    if (snapshot) {
        o["snapshot"] = snapshot->info().id;
        o["period"] = snapshot->info().period.to_string();
        o["window_start"] = snapshot->info().window_start.to_string();
    }
    const auto& s = scores.overall;
    o["shown"] = s.shown;
    o["ratings"] = disclosure::count_band(s.raters, scores.count_sd, s.shown_from);
    if (!s.shown) {
        o["status"] = "not enough ratings yet";
        return o;
    }
    o["mean"] = std::round(s.mean * 10) / 10;
    o["lower"] = std::round(s.lower * 10) / 10;
    o["upper"] = std::round(s.upper * 10) / 10;
    o["count_noise_sd"] = std::round(scores.count_sd * 10) / 10;
    boost::json::array distribution;
    for (auto count : s.distribution) distribution.push_back(count);
    o["stars_1_to_5"] = std::move(distribution);
    boost::json::object aspects;
    for (std::size_t i = 0; i < kAspects.size(); ++i) {
        const auto& a = scores.aspects[i];
        aspects[aspect_key(kAspects[i])] =
            a.shown ? boost::json::value(std::round(a.mean * 10) / 10) : boost::json::value(nullptr);
    }
    o["aspects"] = std::move(aspects);
    return o;
}

std::string score_summary(const UnitScores& scores) {
    const auto& s = scores.overall;
    if (!s.shown) return "Not enough ratings yet";
    return fmt::format("{} out of 5 ({} to {}), {}", one_decimal(s.mean), one_decimal(s.lower), one_decimal(s.upper),
                       raters_text(s, scores.count_sd));
}

mustache::data scores_view(const UnitScores& scores, const publication::Snapshot* snapshot) {
    mustache::data data;
    const auto& overall = scores.overall;
    put(data, "shown", flag(overall.shown));
    put(data, "published", snapshot_note(snapshot));
    put(data, "shown_from", std::to_string(overall.shown_from));
    if (!overall.shown) return data;
    put(data, "raters", raters_text(overall, scores.count_sd));
    put(data, "mean", one_decimal(overall.mean));
    put(data, "lower", one_decimal(overall.lower));
    put(data, "upper", one_decimal(overall.upper));
    put(data, "noise", fmt::format("{:.0f}", scores.count_sd));
    mustache::data rows{mustache::data::type::list};
    for (int stars = 5; stars >= 1; --stars) {
        mustache::data row;
        put(row, "stars", stars == 1 ? std::string("1 star") : fmt::format("{} stars", stars));
        put(row, "count", std::to_string(overall.distribution[stars - 1]));
        rows.push_back(row);
    }
    put(data, "distribution", rows);
    mustache::data aspects{mustache::data::type::list};
    for (std::size_t i = 0; i < kAspects.size(); ++i) {
        mustache::data aspect;
        put(aspect, "label", std::string(aspect_label(kAspects[i])));
        const auto& s = scores.aspects[i];
        put(aspect, "score", s.shown ? fmt::format("{} out of 5", one_decimal(s.mean)) : "Not enough ratings yet");
        aspects.push_back(aspect);
    }
    put(data, "aspects", aspects);
    return data;
}

}  // namespace pw::web
