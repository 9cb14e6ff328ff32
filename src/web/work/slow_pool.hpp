#pragma once
// Slow work (argon2id: making and checking codenames and passwords, about 50 ms of one core
// each) runs here, on a few threads of its own, never on the threads that serve connections:
// a burst of codenames must not hold up /healthz or anyone's page. Bounded: when too much is
// already waiting, a job is refused at once and the caller answers "busy", rather than queueing
// work nobody will wait for.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pw::web {

class SlowPool {
public:
    SlowPool(unsigned threads, std::size_t max_waiting);
    ~SlowPool();  // stop()
    // Runs what is already waiting, then joins; later work is refused. Call it before anything
    // the work refers to (the app) goes away. Idempotent.
    void stop();
    SlowPool(const SlowPool&) = delete;
    SlowPool& operator=(const SlowPool&) = delete;

    // False, without running it, when max_waiting jobs already wait. What a job throws is
    // logged and dropped (a request's answer_once responder then answers 500).
    bool try_run(std::function<void()> job);

    std::size_t waiting() const;

private:
    void work();
    std::size_t max_waiting_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace pw::web
