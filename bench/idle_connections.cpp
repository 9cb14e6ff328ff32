// idle_connections HOST PORT N_IDLE N_PROBES PATH [silent|request]
//
// Opens N_IDLE TCP connections to HOST:PORT and keeps them open without finishing any
// request (mode "silent", the default: connected, nothing sent) or after one complete
// keep-alive request whose response has been read (mode "request"). Then makes N_PROBES
// fresh connections, one after another, each sending
//   GET PATH HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n
// and reading until the server closes, and times each with steady_clock.
//
// Prints one line per probe, then
//   idle_open=N probes=K median_ms=X max_ms=Y
// Exits 0 whatever the timings; 1 only when no connection at all could be made, 2 on usage.
// POSIX sockets only.

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

constexpr int connect_timeout_ms = 10'000;  // for the whole batch of idle connections
constexpr int probe_timeout_ms = 10'000;    // per probe, connect to close

struct Target {
    sockaddr_storage addr{};
    socklen_t len = 0;
};

bool resolve(const char* host, const char* port, Target& out) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0 || res == nullptr) {
        std::fprintf(stderr, "idle_connections: cannot resolve %s:%s: %s\n", host, port, gai_strerror(rc));
        return false;
    }
    std::memcpy(&out.addr, res->ai_addr, res->ai_addrlen);
    out.len = res->ai_addrlen;
    freeaddrinfo(res);
    return true;
}

int remaining_ms(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

// Starts a non-blocking connect; returns the fd (connect may still be in progress) or -1.
int start_connect(const Target& t) {
    int fd = socket(t.addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, reinterpret_cast<const sockaddr*>(&t.addr), t.len) == 0 || errno == EINPROGRESS) return fd;
    close(fd);
    return -1;
}

int socket_error(int fd) {
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return errno;
    return err;
}

// Writes all of data, waiting with poll until deadline. False on error or timeout.
bool send_all(int fd, std::string_view data, Clock::time_point deadline) {
    while (!data.empty()) {
        ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n > 0) {
            data.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd p{fd, POLLOUT, 0};
            int left = remaining_ms(deadline);
            if (left == 0 || poll(&p, 1, left) <= 0) return false;
            continue;
        }
        return false;
    }
    return true;
}

std::string request_for(const std::string& path, bool close_after) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: " + (close_after ? "close" : "keep-alive") + "\r\n\r\n";
}

// Reads one whole HTTP response on a keep-alive connection (headers plus Content-Length body).
bool read_one_response(int fd, Clock::time_point deadline) {
    std::string buf;
    char chunk[16384];
    std::size_t need = std::string::npos;
    while (true) {
        if (need == std::string::npos) {
            auto end = buf.find("\r\n\r\n");
            if (end != std::string::npos) {
                std::size_t body = 0;
                std::string head = buf.substr(0, end);
                for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                auto cl = head.find("\r\ncontent-length:");
                if (cl != std::string::npos) body = std::strtoul(head.c_str() + cl + 17, nullptr, 10);
                need = end + 4 + body;
            }
        }
        if (need != std::string::npos && buf.size() >= need) return true;
        ssize_t n = recv(fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            buf.append(chunk, static_cast<std::size_t>(n));
            continue;
        }
        if (n == 0) return false;
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return false;
        pollfd p{fd, POLLIN, 0};
        int left = remaining_ms(deadline);
        if (left == 0 || poll(&p, 1, left) <= 0) return false;
    }
}

struct ProbeResult {
    bool connected = false;
    bool complete = false;  // read until the server closed
    int status = 0;
    std::size_t bytes = 0;
    double ms = 0;
    std::string error;
};

ProbeResult probe(const Target& t, const std::string& request) {
    ProbeResult r;
    auto start = Clock::now();
    auto deadline = start + std::chrono::milliseconds(probe_timeout_ms);
    auto finish = [&] {
        r.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        return r;
    };
    int fd = start_connect(t);
    if (fd < 0) {
        r.error = std::string("socket/connect: ") + std::strerror(errno);
        return finish();
    }
    pollfd p{fd, POLLOUT, 0};
    int rc = poll(&p, 1, remaining_ms(deadline));
    if (rc <= 0) {
        r.error = rc == 0 ? "connect timeout" : std::string("poll: ") + std::strerror(errno);
        close(fd);
        return finish();
    }
    if (int err = socket_error(fd); err != 0) {
        r.error = std::string("connect: ") + std::strerror(err);
        close(fd);
        return finish();
    }
    r.connected = true;
    if (!send_all(fd, request, deadline)) {
        r.error = "send failed or timed out";
        close(fd);
        return finish();
    }
    std::string head;
    char chunk[16384];
    while (true) {
        ssize_t n = recv(fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            r.bytes += static_cast<std::size_t>(n);
            if (head.size() < 64) head.append(chunk, static_cast<std::size_t>(std::min<ssize_t>(n, 64)));
            continue;
        }
        if (n == 0) {
            r.complete = true;
            break;
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            r.error = std::string("recv: ") + std::strerror(errno);
            break;
        }
        pollfd q{fd, POLLIN, 0};
        int left = remaining_ms(deadline);
        if (left == 0 || poll(&q, 1, left) <= 0) {
            r.error = "response timeout";
            break;
        }
    }
    close(fd);
    // "HTTP/1.1 200 OK"
    if (head.size() >= 12 && head.compare(0, 5, "HTTP/") == 0) r.status = std::atoi(head.c_str() + 9);
    return finish();
}

void raise_fd_limit(std::size_t want) {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return;
    rlim_t target = static_cast<rlim_t>(want);
    if (lim.rlim_max != RLIM_INFINITY && target > lim.rlim_max) target = lim.rlim_max;
    if (lim.rlim_cur == RLIM_INFINITY || lim.rlim_cur >= target) return;
    lim.rlim_cur = target;
    setrlimit(RLIMIT_NOFILE, &lim);
}

bool parse_count(const char* s, long& out) {
    char* end = nullptr;
    errno = 0;
    out = std::strtol(s, &end, 10);
    return errno == 0 && end != s && *end == '\0' && out >= 0;
}

}  // namespace

int main(int argc, char** argv) {
    long n_idle = 0;
    long n_probes = 0;
    if ((argc != 6 && argc != 7) || !parse_count(argv[3], n_idle) || !parse_count(argv[4], n_probes) ||
        argv[5][0] != '/') {
        std::fprintf(stderr, "usage: %s HOST PORT N_IDLE N_PROBES PATH [silent|request]\n", argv[0]);
        return 2;
    }
    std::string mode = argc == 7 ? argv[6] : "silent";
    if (mode != "silent" && mode != "request") {
        std::fprintf(stderr, "idle_connections: mode must be silent or request\n");
        return 2;
    }
    const std::string path = argv[5];
    signal(SIGPIPE, SIG_IGN);
    raise_fd_limit(static_cast<std::size_t>(n_idle) + 64);

    Target target;
    if (!resolve(argv[1], argv[2], target)) return 1;

    // 1. Open the idle connections, all connects in flight at once, then wait for them.
    std::vector<int> fds;
    fds.reserve(static_cast<std::size_t>(n_idle));
    int start_failures = 0;
    int first_errno = 0;
    for (long i = 0; i < n_idle; ++i) {
        int fd = start_connect(target);
        if (fd < 0) {
            if (first_errno == 0) first_errno = errno;
            ++start_failures;
            continue;
        }
        fds.push_back(fd);
    }
    std::vector<int> established;
    int connect_failures = 0;
    {
        auto deadline = Clock::now() + std::chrono::milliseconds(connect_timeout_ms);
        std::vector<int> pending = fds;
        while (!pending.empty()) {
            std::vector<pollfd> pfds;
            pfds.reserve(pending.size());
            for (int fd : pending) pfds.push_back(pollfd{fd, POLLOUT, 0});
            int left = remaining_ms(deadline);
            int rc = left == 0 ? 0 : poll(pfds.data(), pfds.size(), left);
            if (rc < 0 && errno == EINTR) continue;
            if (rc <= 0) break;  // timeout: whatever is still pending failed
            std::vector<int> still;
            for (const auto& p : pfds) {
                if (p.revents == 0) {
                    still.push_back(p.fd);
                } else if (int err = socket_error(p.fd); err == 0 && (p.revents & POLLOUT)) {
                    established.push_back(p.fd);
                } else {
                    if (first_errno == 0) first_errno = err;
                    ++connect_failures;
                    close(p.fd);
                }
            }
            pending.swap(still);
        }
        for (int fd : pending) {
            ++connect_failures;
            close(fd);
        }
    }

    // 2. In "request" mode, each idle connection completes one keep-alive request first.
    int request_failures = 0;
    if (mode == "request") {
        const std::string req = request_for(path, false);
        std::vector<int> kept;
        for (int fd : established) {
            auto deadline = Clock::now() + std::chrono::milliseconds(probe_timeout_ms);
            if (send_all(fd, req, deadline) && read_one_response(fd, deadline)) {
                kept.push_back(fd);
            } else {
                ++request_failures;
                close(fd);
            }
        }
        established.swap(kept);
    }
    std::printf("idle mode=%s requested=%ld established=%zu connect_failures=%d request_failures=%d%s%s\n",
                mode.c_str(), n_idle, established.size(), start_failures + connect_failures, request_failures,
                first_errno ? " first_error=" : "", first_errno ? std::strerror(first_errno) : "");
    std::fflush(stdout);

    // Let the server's accept loops catch up with the backlog before timing anything.
    usleep(500'000);

    // 3. Probes: fresh connections, one at a time.
    const std::string req = request_for(path, true);
    std::vector<double> times;
    int probe_connects = 0;
    int probe_ok = 0;
    for (long i = 0; i < n_probes; ++i) {
        ProbeResult r = probe(target, req);
        if (r.connected) ++probe_connects;
        bool ok = r.complete && r.status >= 200 && r.status < 300;
        if (ok) ++probe_ok;
        times.push_back(r.ms);
        std::printf("probe %ld status=%d bytes=%zu ms=%.3f %s%s%s\n", i + 1, r.status, r.bytes, r.ms,
                    ok ? "ok" : "FAILED", r.error.empty() ? "" : " error=", r.error.c_str());
        std::fflush(stdout);
        usleep(20'000);
    }

    // 4. How many idle connections did the server keep? Readable now means closed or reset
    //    (in silent mode nothing was asked, so any data is an error response before close).
    std::size_t still_open = 0;
    {
        std::vector<pollfd> pfds;
        for (int fd : established) pfds.push_back(pollfd{fd, POLLIN | POLLRDHUP, 0});
        if (!pfds.empty() && poll(pfds.data(), pfds.size(), 0) >= 0) {
            for (const auto& p : pfds)
                if (p.revents == 0) ++still_open;
        }
    }

    double median = 0;
    double max = 0;
    if (!times.empty()) {
        std::vector<double> sorted = times;
        std::sort(sorted.begin(), sorted.end());
        std::size_t n = sorted.size();
        median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        max = sorted.back();
    }
    std::printf("idle_open=%zu idle_still_open=%zu probes=%ld probes_ok=%d median_ms=%.3f max_ms=%.3f\n",
                established.size(), still_open, n_probes, probe_ok, median, max);
    std::fflush(stdout);

    for (int fd : established) close(fd);
    bool nothing_connected = established.empty() && probe_connects == 0 && (n_idle > 0 || n_probes > 0);
    if (nothing_connected) {
        std::fprintf(stderr, "idle_connections: could not connect to %s:%s at all\n", argv[1], argv[2]);
        return 1;
    }
    return 0;
}
