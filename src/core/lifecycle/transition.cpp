#include "core/lifecycle/transition.hpp"

namespace pw {

std::string_view actor_name(Actor actor) {
    switch (actor) {
        case Actor::participant:
            return "participant";
        case Actor::moderator:
            return "moderator";
        case Actor::provider:
            return "provider";
        case Actor::admin:
            return "admin";
        case Actor::staff:
            return "staff";
    }
    return "unknown";
}

}  // namespace pw
