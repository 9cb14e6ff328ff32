#pragma once
// The one writer: every change the web site makes goes through here. Jobs from many requests
// are written together in one transaction, with one fsync, and only then is each acknowledged
// (group commit): durable and fast. Each job runs inside its own savepoint, so one failing job
// does not undo the others in its batch. The queue is bounded: past it a job is refused at once
// (its done gets the error) rather than held in memory without end.
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "store/database.hpp"
#include "store/writer/statement_cache.hpp"

namespace pw::store {

class Writer {
public:
    // What a job asks for: keep its writes, or undo them (a refused change; not an error).
    enum class Outcome { keep, undo };
    using Job = std::function<Outcome(soci::session&)>;
    // Called on the writer thread once the batch is on disk, or with the job's (or the
    // commit's) exception, or at once from submit when the queue is full. Must not block; what
    // it throws is logged and dropped.
    using Done = std::function<void(std::exception_ptr)>;

    // Writes on a connection of its own (Database::connect), where the statements jobs run most
    // are kept prepared; max_batch bounds how many jobs share a transaction, max_queue how many
    // may wait.
    explicit Writer(Database& db, std::size_t max_batch = 1024, std::size_t max_queue = 65536);
    ~Writer();  // stop()
    // Finishes what was submitted, then stops; later jobs are refused. Call it before anything
    // the done callbacks refer to (the app) goes away. Idempotent.
    void stop();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void submit(Job job, Done done);

    // Batches written and jobs written so far (for metrics and benchmarks).
    std::size_t batches() const;
    std::size_t jobs() const;

private:
    struct Item {
        Job job;
        Done done;
    };
    void run();
    void write_batch(std::deque<Item>& batch);
    bool write_quickly(std::deque<Item>& batch);
    void write_carefully(std::deque<Item>& batch, std::vector<std::exception_ptr>& errors);
    soci::session& connection();  // the writer's own, made again after a batch fails
    void drop_connection();

    Database& db_;
    std::size_t max_batch_;
    std::size_t max_queue_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Item> queue_;
    bool stopping_ = false;
    std::size_t batches_ = 0;
    std::size_t jobs_ = 0;
    // Only the writer's thread touches these. The statements go before the connection they
    // were prepared on.
    std::unique_ptr<soci::session> connection_;
    std::unique_ptr<StatementCache> statements_;
    std::thread thread_;
};

}  // namespace pw::store
