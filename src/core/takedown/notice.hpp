#pragma once
// What a notice of complaint must hold, and what follows from it: whether the story is hidden
// at once, and by when the writer must answer before it is hidden anyway. Pure.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/error.hpp"
#include "core/common/form.hpp"

namespace pw::takedown {

// Why someone wants a story taken down.
enum class Ground { identifying, defamatory, abusive };

std::string_view ground_name(Ground ground);  // "identifying", "defamatory", "abusive"
std::optional<Ground> ground_from(std::string_view name);
std::string_view ground_label(Ground ground);  // "it identifies someone", for the pages

// The form as sent.
struct NoticeForm {
    std::string ground;
    std::string explanation;  // what in the story, and why
    std::string name;         // the complainant: needed for defamation, as the Act's notice needs it
    std::string contact;      // an e-mail address, likewise
};

struct Notice {
    Ground ground = Ground::identifying;
    std::string explanation;
    std::optional<std::string> name;
    std::optional<std::string> contact;
};

// The notice, or the first problem with one field (for the GOV.UK error summary).
std::expected<Notice, FieldError> check_notice(const NoticeForm& form);

// A story that identifies someone is hidden at once, whoever can be told; so is any story whose
// writer cannot be told (they left no codename), which meets the Act's 48 hours at once.
bool hidden_at_once(Ground ground, bool writer_reachable);

// The last day a writer told of a notice has to answer: five days after it, as the Regulations
// give a poster. A story still unanswered the day after is hidden until a moderator decides.
inline constexpr std::chrono::days kWriterAnswerDays{5};
std::chrono::sys_days answer_due(std::chrono::sys_days received);

// "2026-12-02"
std::string day_text(std::chrono::sys_days day);

}  // namespace pw::takedown
