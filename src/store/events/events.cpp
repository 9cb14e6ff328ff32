#include "store/events/events.hpp"

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

namespace pw::store {

namespace {
template <class T>
boost::optional<T> opt(const std::optional<T>& value) {
    return value ? boost::optional<T>(*value) : boost::none;
}
}  // namespace

void append_event(soci::session& session, const events::Event& event) {
    const std::string actor = events::to_string(event.actor);
    const std::string month = event.month.to_string();
    const auto object_id = opt(event.object_id.transform([](std::int64_t v) { return static_cast<long long>(v); }));
    const auto from_state = opt(event.from_state);
    const auto to_state = opt(event.to_state);
    session << "INSERT INTO events (what, object_kind, object_id, from_state, to_state, actor_role, month) "
               "VALUES (:what, :kind, :id, :from_state, :to_state, :actor, :month)",
        soci::use(event.what), soci::use(event.object_kind), soci::use(object_id), soci::use(from_state),
        soci::use(to_state), soci::use(actor), soci::use(month);
}

}  // namespace pw::store
