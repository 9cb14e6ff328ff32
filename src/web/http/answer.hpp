#pragma once
// Who answers a request: its handler, or the server when the request's deadline passes first.
// One lifecycle, one table; the server and the handlers move it only through Answer's verbs.
#include <atomic>
#include <memory>

namespace pw::web {

enum class AnswerState {
    open,         // nobody has answered yet
    claimed,      // the handler will answer, and the deadline waits for it (ServerConfig::claimed_grace)
    at_deadline,  // the server answered at the deadline, before the handler
    after_grace,  // the handler claimed it but did not answer within the grace: the server answered
};

struct AnswerTransition {
    AnswerState from, to;
};

inline constexpr AnswerTransition kAnswerTransitions[] = {
    {AnswerState::open, AnswerState::claimed},         // the handler: Answer::claim
    {AnswerState::open, AnswerState::at_deadline},     // the server: Answer::answer_at_deadline
    {AnswerState::claimed, AnswerState::after_grace},  // the server: Answer::answer_after_grace
};

constexpr bool answer_transition_allowed(AnswerState from, AnswerState to) {
    for (const auto& t : kAnswerTransitions)
        if (t.from == from && t.to == to) return true;
    return false;
}

class Answer {
public:
    // For work whose answer must be the one the person sees (a report queued under the address the
    // answer gives): true when the answer is now the handler's to give (or already was), and the
    // deadline waits for it; false when the server has answered, and the work should not be done.
    // The handler must answer promptly once it has claimed.
    bool claim() { return move(AnswerState::open, AnswerState::claimed) || state() == AnswerState::claimed; }
    // The server at the deadline: true when it now answers, false when the handler has claimed it.
    bool answer_at_deadline() { return move(AnswerState::open, AnswerState::at_deadline); }
    // The server once a claimed answer's grace has run out.
    void answer_after_grace() { move(AnswerState::claimed, AnswerState::after_grace); }
    // The server has answered: work queued for the request and not yet done should not be done,
    // since its answer can no longer say what happened.
    bool abandoned() const {
        const auto s = state();
        return s == AnswerState::at_deadline || s == AnswerState::after_grace;
    }
    AnswerState state() const { return state_.load(); }

private:
    bool move(AnswerState from, AnswerState to) {
        static_assert(std::atomic<AnswerState>::is_always_lock_free);
        return answer_transition_allowed(from, to) && state_.compare_exchange_strong(from, to);
    }
    std::atomic<AnswerState> state_{AnswerState::open};
};

// Whether the server has answered a request (false where no server runs it: tests, jobs).
inline bool abandoned(const std::shared_ptr<const Answer>& answer) {
    return answer && answer->abandoned();
}
// Answer::claim, and true where no server runs the request.
inline bool claim_answer(const std::shared_ptr<Answer>& answer) {
    return !answer || answer->claim();
}

}  // namespace pw::web
