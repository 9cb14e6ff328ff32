#pragma once
// Reports being made. An upload whose file reads cleanly is answered at once with its report's
// address; the tests run afterwards on a thread of their own, one report at a time (the slow-work
// pool stays free for sign-ins, the other core for pages), and the address shows the researcher
// who uploaded it (and nobody else) where it is ("2 reports ahead of yours", "being made", or why
// it failed) until the kept report takes its place. No request waits for the tests, so a large
// file is never cut off at the request deadline and lost. Its stages are one lifecycle
// (web/research/pending_lifecycle.hpp).
//
// Bounded before anything is read: an upload first takes a place (reserve), which counts against
// 4 places in all and 2 for each researcher, whether its file is still being read, its report
// waits to be made, or the report made waits to be saved; it is given back when the report is
// saved or has failed (done, failed). Beyond them an upload is refused at once, so a flood of
// uploads neither fills memory with files and reports nor holds up the slow-work pool, and one
// researcher cannot keep out the others.
//
// Its researcher may cancel a report until it is handed to the writer (cancel): one waiting is
// dropped with its file at once, and its place given back; one being made is never kept, and its
// place is given back once its tests stop, at the next unit (DetectOptions::stop, which also
// stops a report past its time: web/research/pages.cpp). After that it is too late: the report
// is kept, and its researcher deletes it from its page.
//
// close() (the server's first step in stopping) refuses new reports, and the report being made
// stops at its next unit and fails ("the site was restarted"); stop() then marks those still
// waiting failed without making them, and joins: stopping takes a unit's tests, well inside the
// service's stop timeout (deploy/systemd: 30 s). Nothing here is written to disk and no time is kept:
// after a restart a report that was not made is forgotten, and its address says "not found" (the
// waiting page tells its researcher so).
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <variant>

#include "web/research/pending_lifecycle.hpp"

namespace pw::web {

class PendingReports {
public:
    // What the report's address shows its researcher before the report is kept.
    struct Status {
        enum class Stage { waiting, making, saving, failed };
        Stage stage = Stage::waiting;
        std::size_t ahead = 0;  // reports to be made before this one (waiting)
        std::string failure;    // why it was not made (failed)
    };
    // Makes the report and hands it to the writer (start_saving), which calls done() or failed().
    using Make = std::function<void()>;
    static const char* const kCouldNotMake;  // what a failed report says when its make threw

    // A place taken by an upload: given back when it is dropped unless a report was added with it.
    class Place {
    public:
        Place(PendingReports& owner, std::int64_t researcher) : pending_(&owner), researcher_(researcher) {}
        ~Place();
        Place(const Place&) = delete;
        Place& operator=(const Place&) = delete;

    private:
        friend class PendingReports;
        PendingReports* pending_;
        std::int64_t researcher_;
        bool used_ = false;
    };
    enum class Refused { full, yours_full };

    explicit PendingReports(std::size_t places = 4, std::size_t places_each = 2, std::size_t max_failed = 64);
    ~PendingReports();  // stop()
    PendingReports(const PendingReports&) = delete;
    PendingReports& operator=(const PendingReports&) = delete;
    // Refuses new reports and has the thread stop after the report being made, failing those
    // waiting; returns at once. Idempotent.
    void close();
    bool closed() const;
    // close(), then joins: the report being made is finished. Idempotent.
    void stop();
    static const char* const kStopped;  // what a report waiting at stop() says

    // A place for `researcher`'s upload, or why there is none.
    std::variant<std::shared_ptr<Place>, Refused> reserve(std::int64_t researcher);
    // Adds the report to make in the place taken. False (the place given back) once stopped.
    bool add(Place& place, std::int64_t id, Make make);
    // Made: true when it is now the writer's to keep, false when its researcher has cancelled it
    // (nothing of it is to be kept).
    bool start_saving(std::int64_t id);
    // Whether its researcher has cancelled it: what is left of its making need not be done.
    bool is_cancelled(std::int64_t id) const;
    // Its kept report is written: the address now shows it, and its place is given back.
    void done(std::int64_t id);
    // It could not be made or kept: the address says why, to its researcher, until forgotten; its
    // place is given back. A cancelled report is forgotten instead (as it also is once its making
    // returns, however that ends).
    void failed(std::int64_t id, std::string_view why) noexcept;
    enum class Cancel { cancelled, too_late, not_found };
    // `researcher` cancels their report: cancelled (or already was), too late (it is being
    // saved), or not found (not theirs, failed, or kept).
    Cancel cancel(std::int64_t id, std::int64_t researcher);
    // Held by whatever makes and saves report `id`, copies going with its callbacks (the writer's
    // answer): once the last copy is dropped, the report is marked failed (kCouldNotMake) unless
    // done() or failed() has settled it. So no path that ends without either (a throw inside a
    // callback, a callback dropped unrun) keeps its place for good. Must not outlive this object.
    std::shared_ptr<const void> settle_guard(std::int64_t id);

    // The report's status, for its researcher only; nullopt for anyone else or an unknown id.
    std::optional<Status> status(std::int64_t id, std::int64_t reader) const;
    std::size_t places_taken() const;

private:
    struct Entry {
        std::int64_t owner = 0;
        PendingStage stage = PendingStage::waiting;
        std::string failure;
        bool holds_place = true;  // until failed or gone
    };
    using Entries = std::unordered_map<std::int64_t, Entry>;
    void give_back(std::int64_t researcher);
    void give_back_locked(std::int64_t researcher);
    // Moves the entry along kPendingTransitions (false, and nothing changes, when the table does
    // not allow it); failed and gone give its place back, gone forgets it.
    bool move_locked(Entries::iterator it, PendingStage to);
    void fail_locked(std::int64_t id, std::string_view why) noexcept;
    void work();

    std::size_t places_, places_each_, max_failed_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    Entries entries_;
    std::unordered_map<std::int64_t, std::size_t> taken_;  // places by researcher
    std::size_t taken_total_ = 0;
    std::deque<std::pair<std::int64_t, Make>> queue_;  // waiting, in order
    std::deque<std::int64_t> failed_;                  // oldest first, to forget beyond max_failed
    std::optional<std::int64_t> making_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace pw::web
