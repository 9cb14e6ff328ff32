#include "store/writer/statement_cache.hpp"

namespace pw::store {

namespace {
thread_local StatementCache* current = nullptr;
}  // namespace

StatementCache* cached_statements(soci::session& s) {
    return current != nullptr && &current->session() == &s ? current : nullptr;
}

UsingStatementCache::UsingStatementCache(StatementCache& cache) : previous_(current) {
    current = &cache;
}

UsingStatementCache::~UsingStatementCache() {
    current = previous_;
}

}  // namespace pw::store
