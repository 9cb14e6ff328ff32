#include "web/research/pending.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

namespace pw::web {

const char* const PendingReports::kCouldNotMake =
    "The report could not be made, because of a fault on our side. Try again in a few minutes.";
const char* const PendingReports::kStopped =
    "The site was restarted before your report was made. Upload the file again.";

PendingReports::Place::~Place() {
    if (!used_) pending_->give_back(researcher_);
}

PendingReports::PendingReports(std::size_t places, std::size_t places_each, std::size_t max_failed)
    : places_(places), places_each_(places_each), max_failed_(max_failed) {
    thread_ = std::thread([this] { work(); });
}

PendingReports::~PendingReports() {
    stop();
}

void PendingReports::close() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
}

bool PendingReports::closed() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

void PendingReports::stop() {
    close();
    if (thread_.joinable()) thread_.join();
}

std::shared_ptr<const void> PendingReports::settle_guard(std::int64_t id) {
    // Should the guard itself not be made (no memory), the deleter runs at once: failed.
    return std::shared_ptr<const void>(nullptr, [this, id](const void*) { failed(id, kCouldNotMake); });
}

std::variant<std::shared_ptr<PendingReports::Place>, PendingReports::Refused> PendingReports::reserve(
    std::int64_t researcher) {
    std::lock_guard lock(mutex_);
    if (stopping_ || taken_total_ >= places_) return Refused::full;
    // What can throw (out of memory) comes before the counts change; a Place not yet counted gives
    // nothing back when it is dropped.
    auto place = std::make_shared<Place>(*this, researcher);
    place->used_ = true;
    auto& theirs = taken_[researcher];
    if (theirs >= places_each_) return Refused::yours_full;
    ++theirs;
    ++taken_total_;
    place->used_ = false;
    return place;
}

void PendingReports::give_back(std::int64_t researcher) {
    std::lock_guard lock(mutex_);
    give_back_locked(researcher);
}

void PendingReports::give_back_locked(std::int64_t researcher) {
    if (auto it = taken_.find(researcher); it != taken_.end() && it->second > 0) {
        if (--it->second == 0) taken_.erase(it);
        --taken_total_;
    }
}

bool PendingReports::add(Place& place, std::int64_t id, Make make) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return false;
        queue_.emplace_back(id, std::move(make));
        try {
            entries_.emplace(id, Entry{place.researcher_, Status::Stage::waiting, {}, true});
        } catch (...) {  // out of memory: nothing is added, and the place is given back when dropped
            queue_.pop_back();
            throw;
        }
        place.used_ = true;  // the entry holds it now, until done() or failed()
    }
    wake_.notify_one();
    return true;
}

void PendingReports::work() {
    // Below the connection threads, like the slow-work pool: pages and /healthz go first.
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10) != 0)
        spdlog::warn("event=report_thread_priority_unchanged");
    for (;;) {
        std::pair<std::int64_t, Make> next;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) {  // those still waiting are not made: stopping waits for one report at most
                for (const auto& [waiting, make] : queue_) fail_locked(waiting, kStopped);
                queue_.clear();
                return;
            }
            next = std::move(queue_.front());
            queue_.pop_front();
            making_ = next.first;
            if (auto it = entries_.find(next.first); it != entries_.end()) it->second.stage = Status::Stage::making;
        }
        try {
            next.second();  // done() or failed() gives its place back once the report is saved or not
        } catch (...) {     // what it was is not logged: it may quote the file
            spdlog::error("event=report_failed");
            failed(next.first, kCouldNotMake);
        }
        next.second = nullptr;  // the file it held goes now, not when the next report comes
        std::lock_guard lock(mutex_);
        making_.reset();
    }
}

void PendingReports::done(std::int64_t id) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    if (it->second.holds_place) give_back_locked(it->second.owner);
    entries_.erase(it);
}

void PendingReports::failed(std::int64_t id, std::string_view why) noexcept {
    std::lock_guard lock(mutex_);
    fail_locked(id, why);
}

void PendingReports::fail_locked(std::int64_t id, std::string_view why) noexcept {
    auto it = entries_.find(id);
    if (it == entries_.end() || it->second.stage == Status::Stage::failed) return;
    if (it->second.holds_place) {
        it->second.holds_place = false;
        give_back_locked(it->second.owner);
    }
    try {
        failed_.push_back(id);
        it->second.stage = Status::Stage::failed;
        it->second.failure = why;  // copied here, inside the try: the callers build no string
    } catch (...) {  // no memory even for that: forget it, so its page says "not found", never "waiting"
        entries_.erase(it);
        return;
    }
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
        s.ahead += making_ ? 1 : 0;
    }
    return s;
}

std::size_t PendingReports::places_taken() const {
    std::lock_guard lock(mutex_);
    return taken_total_;
}

}  // namespace pw::web
