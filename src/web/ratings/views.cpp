#include "web/ratings/views.hpp"

#include <fmt/format.h>

#include "web/pages/page.hpp"

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
    question.set("name", std::string(name));
    const auto error = error_for(errors, name);
    if (!error.empty()) question.set("error", error);
    mustache::data list{mustache::data::type::list};
    int n = 0;
    for (const auto& [value, label] : options) {
        mustache::data option;
        option.set("id", n == 0 ? std::string(name) : fmt::format("{}-{}", name, n));  // the first takes the error link
        option.set("value", value);
        option.set("label", label);
        option.set("checked", flag(value == chosen));
        list.push_back(option);
        ++n;
    }
    question.set("options", list);
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
        for (const auto& area : areas) {
            options.emplace_back(std::to_string(area.id.value), fmt::format("CPA {}: {}", area.number, area.name));
        }
        data.set("area", radios("area", field(answers, "area"), options, errors));
    }
    data.set("stars", radios("stars", field(answers, "stars"), kStarOptions, errors));
    mustache::data aspects{mustache::data::type::list};
    auto options = kStarOptions;
    options.emplace_back("not-sure", "Not sure");
    for (auto aspect : kAspects) {
        auto question = radios(aspect_key(aspect), field(answers, aspect_key(aspect)), options, errors);
        question.set("label", std::string(aspect_label(aspect)));
        aspects.push_back(question);
    }
    data.set("aspects", aspects);
    std::vector<std::pair<std::string, std::string>> groups;
    for (auto group : kPaymentGroups) groups.emplace_back(payment_group_key(group), payment_group_label(group));
    data.set("payment_group", radios("payment_group", field(answers, "payment_group"), groups, errors));
    const auto wants = field(answers, "get_codename");
    data.set("get_codename", radios("get_codename", wants.empty() ? "yes" : wants,
                                    {{"yes", "Yes, give me a codename"}, {"no", "No thanks"}}, errors));
    data.set("codename_value", std::string(field(answers, "codename")));
    data.set("story_value", std::string(field(answers, "story")));
    if (auto e = error_for(errors, "story"); !e.empty()) data.set("story_error", e);
    if (auto e = error_for(errors, "codename"); !e.empty()) data.set("codename_error", e);
    set_error_summary(data, errors);
    return data;
}

mustache::data scores_view(const UnitScores& scores) {
    mustache::data data;
    const auto& overall = scores.overall;
    data.set("shown", flag(overall.shown));
    data.set("raters", std::to_string(overall.raters));
    if (!overall.shown) return data;
    data.set("mean", one_decimal(overall.mean));
    data.set("lower", one_decimal(overall.lower));
    data.set("upper", one_decimal(overall.upper));
    mustache::data rows{mustache::data::type::list};
    for (int stars = 5; stars >= 1; --stars) {
        const auto& cell = scores.distribution[stars - 1];
        mustache::data row;
        row.set("stars", stars == 1 ? std::string("1 star") : fmt::format("{} stars", stars));
        row.set("count", cell.shown ? std::to_string(cell.value) : std::string("not shown"));
        rows.push_back(row);
    }
    data.set("distribution", rows);
    mustache::data aspects{mustache::data::type::list};
    for (std::size_t i = 0; i < kAspects.size(); ++i) {
        mustache::data aspect;
        aspect.set("label", std::string(aspect_label(kAspects[i])));
        const auto& s = scores.aspects[i];
        aspect.set("score", s.shown ? fmt::format("{} out of 5", one_decimal(s.mean)) : "Not enough ratings yet");
        aspects.push_back(aspect);
    }
    data.set("aspects", aspects);
    return data;
}

}  // namespace pw::web
