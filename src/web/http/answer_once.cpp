#include "web/http/answer_once.hpp"

#include <atomic>
#include <memory>

namespace pw::web {

namespace {
struct Slot {
    Responder respond;
    std::function<Response()> fallback;
    std::atomic<bool> answered{false};

    void answer(Response response) {
        if (!answered.exchange(true)) respond(std::move(response));
    }
    ~Slot() {
        if (answered) return;
        try {
            answer(fallback());
        } catch (...) {  // a destructor must not throw; the server's deadline answers instead
        }
    }
};
}  // namespace

Responder answer_once(Responder respond, std::function<Response()> fallback) {
    auto slot = std::make_shared<Slot>();
    slot->respond = std::move(respond);
    slot->fallback = std::move(fallback);
    return [slot](Response response) { slot->answer(std::move(response)); };
}

}  // namespace pw::web
