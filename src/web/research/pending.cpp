#include "web/research/pending.hpp"

#include <spdlog/spdlog.h>

namespace pw::web {

const char* const PendingReports::kCouldNotMake =
    "The report could not be made, because of a fault on our side. Try again in a few minutes.";

bool PendingReports::add(std::int64_t id, std::int64_t owner, Make make) {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= max_waiting_) return false;
    entries_[id] = Entry{owner, Status::Stage::waiting, {}};
    queue_.emplace_back(id, std::move(make));
    return true;
}

void PendingReports::run_waiting() {
    {
        std::lock_guard lock(mutex_);
        if (running_) return;  // the thread making them will come to it
        running_ = true;
    }
    for (;;) {
        std::pair<std::int64_t, Make> next;
        {
            std::lock_guard lock(mutex_);
            if (queue_.empty()) {
                running_ = false;  // under the lock add() takes: a report added now finds no one making them
                return;
            }
            next = std::move(queue_.front());
            queue_.pop_front();
            if (auto it = entries_.find(next.first); it != entries_.end()) it->second.stage = Status::Stage::making;
        }
        try {
            next.second();
        } catch (...) {  // what it was is not logged: it may quote the file
            spdlog::error("event=report_failed");
            failed(next.first, kCouldNotMake);
        }
    }
}

void PendingReports::done(std::int64_t id) {
    std::lock_guard lock(mutex_);
    entries_.erase(id);
}

void PendingReports::failed(std::int64_t id, std::string why) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    it->second.stage = Status::Stage::failed;
    it->second.failure = std::move(why);
    failed_.push_back(id);
    while (failed_.size() > max_failed_) {
        entries_.erase(failed_.front());
        failed_.pop_front();
    }
}

std::optional<PendingReports::Status> PendingReports::status(std::int64_t id, std::int64_t reader) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(id);
    if (it == entries_.end() || it->second.owner != reader) return std::nullopt;
    Status s{it->second.stage, 0, it->second.failure};
    if (s.stage == Status::Stage::waiting) {
        for (const auto& [waiting, make] : queue_) {
            if (waiting == id) break;
            ++s.ahead;
        }
        s.ahead += running_ ? 1 : 0;  // the one being made
    }
    return s;
}

std::size_t PendingReports::waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

}  // namespace pw::web
