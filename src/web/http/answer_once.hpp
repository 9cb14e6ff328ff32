#pragma once
// Every request is answered exactly once, whatever throws where: a responder that ignores a
// second answer and, when its last copy is dropped unanswered (a callback threw, a job was
// lost), gives the fallback's answer instead of leaving the connection waiting.
#include <functional>

#include "web/http/message.hpp"

namespace pw::web {

// fallback is called at most once, only when nothing else answered; it must not throw (what it
// throws is dropped, and then nothing answers: the server's deadline does).
Responder answer_once(Responder respond, std::function<Response()> fallback);

}  // namespace pw::web
