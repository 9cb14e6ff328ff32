#include "web/work/slow_pool.hpp"

#include "store/database.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

namespace pw::web {

SlowPool::SlowPool(unsigned threads, std::size_t max_waiting) : max_waiting_(max_waiting) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { work(); });
}

SlowPool::~SlowPool() {
    stop();
}

void SlowPool::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) {
        if (thread.joinable()) thread.join();
    }
}

bool SlowPool::try_run(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || queue_.size() >= max_waiting_) return false;
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

std::size_t SlowPool::waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void SlowPool::work() {
    // Below the connection threads: when both want the core, /healthz and pages go first. On
    // Linux a thread's nice value is its own.
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10) != 0) {
        spdlog::warn("event=slow_pool_priority_unchanged");
    }
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        try {
            job();
        } catch (const std::exception& e) {
            spdlog::error("event=slow_job_failed error=\"{}\"", store::describe(e));
        } catch (...) {
            spdlog::error("event=slow_job_failed error=\"not a std::exception\"");
        }
    }
}

}  // namespace pw::web
