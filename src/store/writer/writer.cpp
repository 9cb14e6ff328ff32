#include "store/writer/writer.hpp"

#include <spdlog/spdlog.h>

namespace pw::store {

Writer::Writer(Database& db, std::size_t max_batch) : db_(db), max_batch_(max_batch), thread_([this] { run(); }) {}

Writer::~Writer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void Writer::submit(Job job, Done done) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({std::move(job), std::move(done)});
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
            if (queue_.empty()) return;  // stopping, and nothing left to write
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

void Writer::write_batch(std::deque<Item>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    std::exception_ptr commit_error;
    try {
        auto session = db_.session();
        soci::transaction tx(session);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            session << "SAVEPOINT job";
            try {
                batch[i].job(session);
                session << "RELEASE SAVEPOINT job";
            } catch (...) {
                errors[i] = std::current_exception();
                session << "ROLLBACK TO SAVEPOINT job";
                session << "RELEASE SAVEPOINT job";
            }
        }
        tx.commit();  // synchronous=FULL: on disk when this returns
    } catch (const std::exception& e) {
        spdlog::error("event=write_batch_failed jobs={} error=\"{}\"", batch.size(), describe(e));
        commit_error = std::current_exception();
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        try {
            batch[i].done(commit_error ? commit_error : errors[i]);
        } catch (const std::exception& e) {
            spdlog::error("event=write_done_failed error=\"{}\"", e.what());
        }
    }
}

}  // namespace pw::store
