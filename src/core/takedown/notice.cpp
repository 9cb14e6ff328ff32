#include "core/takedown/notice.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include <tuple>

#include "core/stories/story.hpp"

namespace pw::takedown {

namespace {

struct GroundText {
    Ground ground;
    std::string_view name;
    std::string_view label;
};
constexpr std::array<GroundText, 3> kGrounds{{
    {Ground::identifying, "identifying", "it identifies someone"},
    {Ground::defamatory, "defamatory", "it is untrue and harms someone's reputation (defamation)"},
    {Ground::abusive, "abusive", "it is abusive or threatening"},
}};

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

bool looks_like_email(std::string_view text) {
    const auto at = text.find('@');
    return at != std::string_view::npos && at > 0 && text.find('.', at) != std::string_view::npos &&
           text.back() != '.' && std::ranges::none_of(text, [](char c) { return c == ' ' || c == '\n'; });
}

}  // namespace

std::string_view ground_name(Ground ground) {
    return kGrounds[static_cast<std::size_t>(ground)].name;
}

std::string_view ground_label(Ground ground) {
    return kGrounds[static_cast<std::size_t>(ground)].label;
}

std::optional<Ground> ground_from(std::string_view name) {
    for (const auto& g : kGrounds) {
        if (g.name == name) return g.ground;
    }
    return std::nullopt;
}

std::expected<Notice, FieldError> check_notice(const NoticeForm& form) {
    const auto ground = ground_from(form.ground);
    if (!ground) return std::unexpected(FieldError{"ground", "Select why the story should be taken down"});
    auto explanation = stories::check_text(form.explanation, "Your explanation");
    if (!explanation) return std::unexpected(FieldError{"explanation", explanation.error().message});
    Notice notice{*ground, std::move(*explanation), std::nullopt, std::nullopt};
    // Optional for some grounds, so an empty one is no error; a filled one is checked like any text.
    for (auto [text, what, field, limit] :
         {std::tuple{&form.name, "Your name", "name", std::size_t{100}},
          std::tuple{&form.contact, "Your email address", "contact", std::size_t{200}}}) {
        if (trimmed(*text).empty()) continue;
        auto checked = stories::check_text(*text, what);
        if (!checked) return std::unexpected(FieldError{field, checked.error().message});
        if (stories::character_count(*checked) > limit || checked->find('\n') != std::string::npos) {
            return std::unexpected(
                FieldError{field, fmt::format("{} must be one line of {} characters or fewer", what, limit)});
        }
        (std::string_view(field) == "name" ? notice.name : notice.contact) = std::move(*checked);
    }
    if (notice.contact && !looks_like_email(*notice.contact)) {
        return std::unexpected(FieldError{"contact", "Enter an email address like name@example.com"});
    }
    // The Act's notice of complaint names the complainant and says how to reach them.
    if (*ground == Ground::defamatory && !notice.name) {
        return std::unexpected(FieldError{"name", "Enter your name: a complaint of defamation must give it"});
    }
    if (*ground == Ground::defamatory && !notice.contact) {
        return std::unexpected(
            FieldError{"contact", "Enter your email address: a complaint of defamation must give it"});
    }
    return notice;
}

bool hidden_at_once(Ground ground, bool writer_reachable) {
    return ground == Ground::identifying || !writer_reachable;
}

std::chrono::sys_days answer_due(std::chrono::sys_days received) {
    return received + kWriterAnswerDays;
}

std::string day_text(std::chrono::sys_days day) {
    const std::chrono::year_month_day ymd{day};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

}  // namespace pw::takedown
