#include "store/events/events.hpp"

#include <soci/boost-optional.h>
#include <soci/soci.h>
#include <boost/optional.hpp>

#include "store/row.hpp"
#include "store/writer/statement_cache.hpp"

namespace pw::store {

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
    const auto object_id = id_or_null(event.object_id);
    const auto from_state = or_null(event.from_state);
    const auto to_state = or_null(event.to_state);
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

std::vector<EventRow> recent_events(soci::session& session, int limit) {
    std::vector<EventRow> out;
    soci::rowset<soci::row> rows =
        (session.prepare << "SELECT what, object_kind, object_id, from_state, to_state, actor_role, month FROM events "
                            "ORDER BY id DESC LIMIT :n",
         soci::use(limit));
    for (const auto& row : rows) {
        EventRow e{get_text(row, 0), get_text(row, 1), std::nullopt,    get_text(row, 3),
                   get_text(row, 4), get_text(row, 5), get_text(row, 6)};
        if (row.get_indicator(2) != soci::i_null) e.object_id = get_int(row, 2);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace pw::store
