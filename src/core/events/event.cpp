#include "core/events/event.hpp"

namespace pw::events {

const char* to_string(ActorRole role) {
    switch (role) {
        case ActorRole::system:
            return "system";
        case ActorRole::participant:
            return "participant";
        case ActorRole::staff:
            return "staff";
        case ActorRole::provider:
            return "provider";
        case ActorRole::moderator:
            return "moderator";
        case ActorRole::evaluator:
            return "evaluator";
        case ActorRole::admin:
            return "admin";
        case ActorRole::researcher:
            return "researcher";
    }
    return "system";
}

}  // namespace pw::events
