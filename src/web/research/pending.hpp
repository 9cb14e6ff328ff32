#pragma once
// Reports being made. An upload whose file reads cleanly is answered at once with its report's
// address; the tests run afterwards, one report at a time (the other core keeps serving the
// site), and the address shows the researcher who uploaded it where it is ("2 reports ahead of
// yours", "being made", or why it failed) until the kept report takes its place. No request waits
// for the tests, so a large file is never cut off at the request deadline and lost.
//
// The reports wait here in order of upload; whoever finds none being made makes them, on the
// slow-work pool, until none waits. A server that stops finishes them first (SlowPool::stop runs
// the job that drains them). Nothing here is written to disk and no time is kept: after a
// restart a report that failed is forgotten, and one that was waiting was made before the stop.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace pw::web {

class PendingReports {
public:
    // What the report's address shows its researcher before the report is kept.
    struct Status {
        enum class Stage { waiting, making, failed };
        Stage stage = Stage::waiting;
        std::size_t ahead = 0;  // reports to be made before this one (waiting)
        std::string failure;    // why it was not made (failed)
    };
    using Make = std::function<void()>;  // makes and keeps the report; calls done() or failed()
    static const char* const kCouldNotMake;  // what a failed report says when its make threw

    explicit PendingReports(std::size_t max_waiting = 4, std::size_t max_failed = 64)
        : max_waiting_(max_waiting), max_failed_(max_failed) {}

    // Adds a report to make, for `owner`. False (nothing added) when max_waiting already wait.
    // When it returns true, the caller must call run_waiting() (on the pool), which makes it now
    // or leaves it to the report being made.
    bool add(std::int64_t id, std::int64_t owner, Make make);
    // Makes the waiting reports in order until none waits, unless they are already being made on
    // another thread (then it returns at once). What a report's make throws marks it failed.
    void run_waiting();
    // Its kept report is written: the address now shows it.
    void done(std::int64_t id);
    // It could not be made or kept: the address says why, to its researcher, until forgotten.
    void failed(std::int64_t id, std::string why);

    // The report's status, for its researcher only; nullopt for anyone else or an unknown id.
    std::optional<Status> status(std::int64_t id, std::int64_t reader) const;
    std::size_t waiting() const;
    bool full() const { return waiting() >= max_waiting_; }

private:
    struct Entry {
        std::int64_t owner = 0;
        Status::Stage stage = Status::Stage::waiting;
        std::string failure;
    };
    std::size_t max_waiting_, max_failed_;
    mutable std::mutex mutex_;
    std::unordered_map<std::int64_t, Entry> entries_;
    std::deque<std::pair<std::int64_t, Make>> queue_;  // waiting, in order
    std::deque<std::int64_t> failed_;                  // oldest first, to forget beyond max_failed
    bool running_ = false;
};

}  // namespace pw::web
