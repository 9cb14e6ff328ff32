#include "web/cache/page_cache.hpp"

#include <map>

namespace pw::web {

PageCache::Shard& PageCache::shard() const {
    thread_local std::map<const PageCache*, Shard> shards;
    return shards[this];
}

std::optional<Response> PageCache::find(const std::string& key, Clock::time_point now) const {
    if (!enabled()) return std::nullopt;
    auto& entries = shard();
    auto it = entries.find(key);
    if (it == entries.end()) return std::nullopt;
    if (it->second.expires <= now || it->second.generation != generation_) {
        entries.erase(it);
        return std::nullopt;
    }
    return it->second.response;
}

void PageCache::store(const std::string& key, const Response& response, Clock::time_point now) {
    if (!enabled()) return;
    auto& entries = shard();
    if (entries.size() >= max_entries_) entries.clear();  // crude, bounded: a full cache starts again
    entries.insert_or_assign(key, Entry{response, now + ttl_, generation_});
}

}  // namespace pw::web
