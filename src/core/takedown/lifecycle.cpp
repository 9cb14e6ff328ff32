#include "core/takedown/lifecycle.hpp"

namespace pw::takedown {

std::string_view notice_state_name(NoticeState state) {
    switch (state) {
        case NoticeState::received:
            return "received";
        case NoticeState::writer_answered:
            return "writer_answered";
        case NoticeState::upheld:
            return "upheld";
        case NoticeState::dismissed:
            return "dismissed";
    }
    return "received";
}

std::optional<NoticeState> notice_state_from(std::string_view name) {
    return state_named(kNoticeStates, notice_state_name, name);
}

}  // namespace pw::takedown
