#pragma once
// Statements prepared once on the writer's own connection and run again for every job that needs
// them. SQLite takes about as long to parse and plan a small INSERT as to run it, and the writer
// runs thousands a second: preparing each time cost it half its time. Only the writer's thread,
// during a batch, sees its cache; anywhere else (a store test, the CLI) cached_statements gives
// nullptr and the caller prepares its statement each time, as before.
#include <memory>
#include <typeindex>
#include <unordered_map>

#include <soci/soci.h>

namespace pw::store {

class StatementCache {
public:
    explicit StatementCache(soci::session& s) : session_(s) {}
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    // The one T on this connection, made the first time: T(soci::session&) prepares its
    // statement, binding it to T's own members, which the caller sets before each execute.
    template <class T>
    T& get() {
        auto& slot = entries_[std::type_index(typeid(T))];
        if (!slot) slot = std::make_shared<T>(session_);
        return *static_cast<T*>(slot.get());
    }
    soci::session& session() { return session_; }

private:
    soci::session& session_;
    std::unordered_map<std::type_index, std::shared_ptr<void>> entries_;
};

// The writer's cache when `s` is the connection the writer's current batch runs on, on the
// writer's thread; nullptr anywhere else.
StatementCache* cached_statements(soci::session& s);

// Makes `cache` the current thread's while in scope (the writer, around a batch).
class UsingStatementCache {
public:
    explicit UsingStatementCache(StatementCache& cache);
    ~UsingStatementCache();
    UsingStatementCache(const UsingStatementCache&) = delete;
    UsingStatementCache& operator=(const UsingStatementCache&) = delete;

private:
    StatementCache* previous_;
};

// Runs a prepared statement once more and steps it to its end, so that it holds nothing open
// (an INSERT … RETURNING read once would otherwise stay active until its next run).
inline void run_to_end(soci::statement& statement) {
    statement.execute(true);
    while (statement.fetch()) {
    }
}

}  // namespace pw::store
