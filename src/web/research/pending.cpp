#include "web/research/pending.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

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
            entries_.emplace(id, Entry{place.researcher_, PendingStage::waiting, {}, true});
        } catch (...) {  // out of memory: nothing is added, and the place is given back when dropped
            queue_.pop_back();
            throw;
        }
        place.used_ = true;  // the entry holds it now, until it fails or is gone
    }
    wake_.notify_one();
    return true;
}

bool PendingReports::move_locked(Entries::iterator it, PendingStage to) {
    if (!pending_transition_allowed(it->second.stage, to)) return false;
    if (it->second.holds_place && (to == PendingStage::failed || to == PendingStage::gone)) {
        it->second.holds_place = false;
        give_back_locked(it->second.owner);
    }
    if (to == PendingStage::gone)
        entries_.erase(it);
    else
        it->second.stage = to;
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
            if (auto it = entries_.find(next.first); it != entries_.end()) move_locked(it, PendingStage::making);
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
        // Cancelled while it was made: nothing more happens to it (start_saving refuses it), so it
        // is forgotten here, whether or not what made it settled it.
        if (auto it = entries_.find(next.first); it != entries_.end() && it->second.stage == PendingStage::cancelled)
            move_locked(it, PendingStage::gone);
    }
}

bool PendingReports::start_saving(std::int64_t id) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(id);
    return it != entries_.end() && move_locked(it, PendingStage::saving);
}

bool PendingReports::is_cancelled(std::int64_t id) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(id);
    return it != entries_.end() && it->second.stage == PendingStage::cancelled;
}

void PendingReports::done(std::int64_t id) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(id); it != entries_.end()) move_locked(it, PendingStage::gone);
}

void PendingReports::failed(std::int64_t id, std::string_view why) noexcept {
    std::lock_guard lock(mutex_);
    fail_locked(id, why);
}

void PendingReports::fail_locked(std::int64_t id, std::string_view why) noexcept {
    auto it = entries_.find(id);
    if (it == entries_.end()) return;
    if (it->second.stage == PendingStage::cancelled) {  // nobody waits to be told why
        move_locked(it, PendingStage::gone);
        return;
    }
    if (!move_locked(it, PendingStage::failed)) return;
    try {
        failed_.push_back(id);
        it->second.failure = why;  // copied here, inside the try: the callers build no string
    } catch (...) {
        // No memory even for that: forget it, so its page says "not found", never "waiting".
        move_locked(it, PendingStage::gone);
        return;
    }
    while (failed_.size() > max_failed_) {
        if (auto old = entries_.find(failed_.front()); old != entries_.end()) move_locked(old, PendingStage::gone);
        failed_.pop_front();
    }
}

PendingReports::Cancel PendingReports::cancel(std::int64_t id, std::int64_t researcher) {
    Make dropped;  // a waiting report's file, let go after the lock
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(id);
    if (it == entries_.end() || it->second.owner != researcher) return Cancel::not_found;
    switch (it->second.stage) {
        case PendingStage::waiting: {
            const auto queued = std::ranges::find(queue_, id, &std::pair<std::int64_t, Make>::first);
            if (queued != queue_.end()) {
                dropped = std::move(queued->second);
                queue_.erase(queued);
            }
            move_locked(it, PendingStage::gone);
            return Cancel::cancelled;
        }
        case PendingStage::making:
            move_locked(it, PendingStage::cancelled);
            return Cancel::cancelled;
        case PendingStage::cancelled:
            return Cancel::cancelled;
        case PendingStage::saving:
            return Cancel::too_late;
        case PendingStage::failed:
        case PendingStage::gone:
            break;
    }
    return Cancel::not_found;
}

std::optional<PendingReports::Status> PendingReports::status(std::int64_t id, std::int64_t reader) const {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(id);
    if (it == entries_.end() || it->second.owner != reader || it->second.stage == PendingStage::cancelled)
        return std::nullopt;
    using Stage = Status::Stage;
    const auto stage = it->second.stage;
    Status s{stage == PendingStage::waiting  ? Stage::waiting
             : stage == PendingStage::saving ? Stage::saving
             : stage == PendingStage::failed ? Stage::failed
                                             : Stage::making,
             0, it->second.failure};
    if (s.stage == Stage::waiting) {
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
