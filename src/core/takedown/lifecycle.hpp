#pragma once
// A notice asking for a published story, or a provider's published response to one, to be
// taken down, and nothing else. The steps follow in outline the procedure for website operators
// under section 5 of the Defamation Act 2013 (docs/takedown.md): the writer (a response's
// provider) is told and may answer; a moderator decides.
#include <array>
#include <optional>
#include <string_view>

#include "core/lifecycle/transition.hpp"

namespace pw::takedown {

enum class NoticeState { received, writer_answered, upheld, dismissed };
inline constexpr std::array kNoticeStates{NoticeState::received, NoticeState::writer_answered, NoticeState::upheld,
                                          NoticeState::dismissed};

inline constexpr Transition<NoticeState> kNoticeTransitions[] = {
    {NoticeState::received, NoticeState::writer_answered, Actor::participant},  // the writer objects, saying why
    {NoticeState::received, NoticeState::writer_answered, Actor::provider},     // a response's provider, likewise
    {NoticeState::received, NoticeState::upheld, Actor::moderator},             // the story is removed
    {NoticeState::received, NoticeState::dismissed, Actor::moderator},          // the story stays, or comes back
    {NoticeState::writer_answered, NoticeState::upheld, Actor::moderator},
    {NoticeState::writer_answered, NoticeState::dismissed, Actor::moderator},
};

std::string_view notice_state_name(NoticeState state);
std::optional<NoticeState> notice_state_from(std::string_view name);

inline Result<void> check_notice_transition(NoticeState from, NoticeState to, Actor actor) {
    return check_transition<NoticeState>(kNoticeTransitions, from, to, actor, notice_state_name);
}

}  // namespace pw::takedown
