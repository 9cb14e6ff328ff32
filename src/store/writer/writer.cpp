#include "store/writer/writer.hpp"

#include <stdexcept>

#include <spdlog/spdlog.h>

namespace pw::store {

namespace {
// A done callback's failure is the caller's bug: logged, never allowed to stop the writer.
void call_done(const Writer::Done& done, std::exception_ptr error) {
    try {
        done(error);
    } catch (const std::exception& e) {
        spdlog::error("event=write_done_failed error=\"{}\"", describe(e));
    } catch (...) {
        spdlog::error("event=write_done_failed error=\"not a std::exception\"");
    }
}
}  // namespace

Writer::Writer(Database& db, std::size_t max_batch, std::size_t max_queue)
    : db_(db), max_batch_(max_batch), max_queue_(max_queue), thread_([this] { run(); }) {}

Writer::~Writer() {
    stop();
}

void Writer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Writer::submit(Job job, Done done) {
    {
        std::lock_guard lock(mutex_);
        if (!stopping_ && queue_.size() < max_queue_) {
            queue_.push_back({std::move(job), std::move(done)});
            job = nullptr;
        }
    }
    if (job) {
        spdlog::warn("event=write_refused max_queue={}", max_queue_);
        call_done(done, std::make_exception_ptr(std::runtime_error("the write queue is full or stopping")));
        return;
    }
    wake_.notify_one();
}

std::size_t Writer::batches() const {
    std::lock_guard lock(mutex_);
    return batches_;
}

std::size_t Writer::jobs() const {
    std::lock_guard lock(mutex_);
    return jobs_;
}

void Writer::run() {
    for (;;) {
        std::deque<Item> batch;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) {  // stopping, and nothing left to write
                lock.unlock();
                drop_connection();
                return;
            }
            while (!queue_.empty() && batch.size() < max_batch_) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        write_batch(batch);
        std::lock_guard lock(mutex_);
        ++batches_;
        jobs_ += batch.size();
    }
}

// First without savepoints: most batches are all keep, and a savepoint and its release cost the
// writer two statements per job. A job that throws or asks to undo sends the whole batch, rolled
// back, through write_carefully, which runs every job again in a savepoint of its own (a job is
// a function of what it captured, so running it twice writes the same).
bool Writer::write_quickly(std::deque<Item>& batch) {
    auto& session = connection();
    UsingStatementCache cached(*statements_);
    soci::transaction tx(session);
    for (auto& item : batch) {
        try {
            if (item.job(session) != Outcome::keep) return false;
        } catch (...) {
            return false;
        }
    }
    // A failed commit is not retried the careful way: on PostgreSQL a connection lost during
    // COMMIT leaves unknown whether it happened, and writing the batch again could write it twice.
    tx.commit();  // synchronous=FULL: on disk when this returns
    return true;
}

void Writer::write_carefully(std::deque<Item>& batch, std::vector<std::exception_ptr>& errors) {
    auto& session = connection();
    UsingStatementCache cached(*statements_);
    soci::transaction tx(session);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        session << "SAVEPOINT job";
        bool keep = false;
        try {
            keep = batch[i].job(session) == Outcome::keep;
        } catch (const std::exception& e) {
            spdlog::error("event=write_job_failed error=\"{}\"", describe(e));
            errors[i] = std::current_exception();
        } catch (...) {
            spdlog::error("event=write_job_failed error=\"not a std::exception\"");
            errors[i] = std::current_exception();
        }
        if (!keep) session << "ROLLBACK TO SAVEPOINT job";
        session << "RELEASE SAVEPOINT job";
    }
    tx.commit();
}

soci::session& Writer::connection() {
    if (!connection_) {
        connection_ = db_.connect();
        statements_ = std::make_unique<StatementCache>(*connection_);
    }
    return *connection_;
}

void Writer::drop_connection() {
    statements_.reset();
    connection_.reset();
}

void Writer::write_batch(std::deque<Item>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    std::exception_ptr commit_error;
    try {
        if (!write_quickly(batch)) write_carefully(batch, errors);
    } catch (const std::exception& e) {
        spdlog::error("event=write_batch_failed jobs={} error=\"{}\"", batch.size(), describe(e));
        commit_error = std::current_exception();
        drop_connection();  // perhaps dead (PostgreSQL restarted): the next batch connects again
        db_.heal();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) call_done(batch[i].done, commit_error ? commit_error : errors[i]);
}

}  // namespace pw::store
