// slow_clients HOST PORT N SECONDS
//
// Holds N connections that send a request one byte a second and never finish it (a "slowloris"
// client), for SECONDS. When the server closes one (its read timeout), another is opened in its
// place, so N stay open. Prints
//   slow_clients=N seconds=S server_closed=C reopened=R min_open=M mean_open=A
// (open = sending, counted once a second; one closed by the server is replaced at once and
// counted again from the next second)
// POSIX sockets only; exits 1 when no connection can be made, 2 on usage.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

int open_connection(const sockaddr_in& address) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    return fd;
}

struct Slow {
    int fd = -1;
    std::size_t sent = 0;  // bytes of the endless request sent so far
};

// The next byte of a request whose headers never end.
char byte_at(std::size_t i) {
    static const std::string start = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    return i < start.size() ? start[i] : 'a';
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s HOST PORT N SECONDS\n", argv[0]);
        return 2;
    }
    const long n = std::strtol(argv[3], nullptr, 10);
    const long seconds = std::strtol(argv[4], nullptr, 10);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(std::atoi(argv[2])));
    if (n <= 0 || seconds <= 0 || inet_pton(AF_INET, argv[1], &address.sin_addr) != 1) {
        std::fprintf(stderr, "slow_clients: bad arguments\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < static_cast<rlim_t>(n + 64)) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, static_cast<rlim_t>(n + 64));
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    std::vector<Slow> clients(static_cast<std::size_t>(n));
    long server_closed = 0, reopened = 0, min_open = n, ticks = 0, sum_open = 0;
    for (auto& c : clients) c.fd = open_connection(address);
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    while (Clock::now() < end) {
        const auto tick = Clock::now();
        long open = 0;
        for (auto& c : clients) {
            if (c.fd >= 0) {
                char ignored[512];
                const ssize_t got = recv(c.fd, ignored, sizeof ignored, MSG_DONTWAIT);
                bool closed = got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != ENOTCONN);
                if (!closed) {
                    const char next = byte_at(c.sent);
                    if (send(c.fd, &next, 1, MSG_DONTWAIT) == 1) ++c.sent;
                    else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ENOTCONN) closed = true;
                }
                if (!closed) {
                    ++open;
                    continue;
                }
                close(c.fd);
                ++server_closed;
            }
            c = Slow{open_connection(address), 0};
            if (c.fd >= 0) ++reopened;
        }
        if (Clock::now() > start + std::chrono::seconds(2)) {
            min_open = std::min(min_open, open);
            sum_open += open;
            ++ticks;
        }
        std::this_thread::sleep_until(tick + std::chrono::seconds(1));
    }
    if (min_open == 0 && server_closed == 0) {
        std::fprintf(stderr, "slow_clients: no connection could be made\n");
        return 1;
    }
    std::printf("slow_clients=%ld seconds=%ld server_closed=%ld reopened=%ld min_open=%ld mean_open=%ld\n", n, seconds,
                server_closed, reopened, min_open, ticks ? sum_open / ticks : 0);
    return 0;
}
