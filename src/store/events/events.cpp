#include "store/events/events.hpp"

#include <soci/boost-optional.h>
#include <boost/optional.hpp>

#include "store/writer/statement_cache.hpp"

namespace pw::store {

namespace {
template <class T>
boost::optional<T> opt(const std::optional<T>& value) {
    return value ? boost::optional<T>(*value) : boost::none;
}
}  // namespace

namespace {
constexpr const char* kInsert =
    "INSERT INTO events (what, object_kind, object_id, from_state, to_state, actor_role, month) "
    "VALUES (:what, :kind, :id, :from_state, :to_state, :actor, :month)";

// The insert prepared once on the writer's connection, bound to these members.
struct PreparedInsert {
    explicit PreparedInsert(soci::session& s)
        : statement((s.prepare << kInsert, soci::use(what), soci::use(kind), soci::use(object_id),
                     soci::use(from_state), soci::use(to_state), soci::use(actor), soci::use(month))) {}
    std::string what;
    std::string kind;
    boost::optional<long long> object_id;
    boost::optional<std::string> from_state;
    boost::optional<std::string> to_state;
    std::string actor;
    std::string month;
    soci::statement statement;
};
}  // namespace

void append_event(soci::session& session, const events::Event& event) {
    const std::string actor = events::to_string(event.actor);
    const std::string month = event.month.to_string();
    const auto object_id = opt(event.object_id.transform([](std::int64_t v) { return static_cast<long long>(v); }));
    const auto from_state = opt(event.from_state);
    const auto to_state = opt(event.to_state);
    if (auto* cache = cached_statements(session)) {
        auto& insert = cache->get<PreparedInsert>();
        insert.what = event.what;
        insert.kind = event.object_kind;
        insert.object_id = object_id;
        insert.from_state = from_state;
        insert.to_state = to_state;
        insert.actor = actor;
        insert.month = month;
        insert.statement.execute(true);
        return;
    }
    session << kInsert, soci::use(event.what), soci::use(event.object_kind), soci::use(object_id),
        soci::use(from_state), soci::use(to_state), soci::use(actor), soci::use(month);
}

}  // namespace pw::store
