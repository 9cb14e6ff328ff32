#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace pw::testing {

std::string source_dir() {
    return PW_SOURCE_DIR;
}
std::string binary_path() {
    return PW_BINARY;
}

namespace {

pid_t spawn(const std::vector<std::string>& args, int& out_fd, int& err_fd, RunOptions options) {
    int out[2];
    int err[2];
    if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]);
        close(err[0]);
        close(out[1]);
        close(err[1]);
        if (options.as_nobody && geteuid() == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0) _exit(126);
        }
        if (options.file_size_limit > 0) {
            signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG, as on a full disk
            const rlimit limit{static_cast<rlim_t>(options.file_size_limit),
                               static_cast<rlim_t>(options.file_size_limit)};
            if (setrlimit(RLIMIT_FSIZE, &limit) != 0) _exit(126);
        }
        std::vector<char*> argv;
        std::string binary = binary_path();
        argv.push_back(binary.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    out_fd = out[0];
    err_fd = err[0];
    return pid;
}

// Reads what is available from fd into text; false at end of file.
bool read_some(int fd, std::string& text, int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return true;
    char buffer[4096];
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return false;
    text.append(buffer, static_cast<std::size_t>(n));
    return true;
}

int decode(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

CommandResult run_cli(const std::vector<std::string>& args, RunOptions options) {
    CommandResult result;
    int out_fd = -1;
    int err_fd = -1;
    const pid_t pid = spawn(args, out_fd, err_fd, options);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool out_open = true;
    bool err_open = true;
    while ((out_open || err_open) && std::chrono::steady_clock::now() < deadline) {
        if (out_open) out_open = read_some(out_fd, result.out, 20);
        if (err_open) err_open = read_some(err_fd, result.err, 20);
    }
    if (out_open || err_open) kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    close(out_fd);
    close(err_fd);
    result.exit_code = decode(status);
    return result;
}

std::string shared_secrets_file() {
    // One file for every server this test process starts, as one deployment has; removed at exit.
    struct File {
        std::string path =
            (std::filesystem::temp_directory_path() / ("providerwatch-test-secrets-" + std::to_string(getpid())))
                .string();
        File() {
            std::filesystem::remove(path);
            const auto made = run_cli({"secrets", "init", path});
            if (made.exit_code != 0) throw std::runtime_error("secrets init failed: " + made.err);
        }
        ~File() { std::filesystem::remove(path); }
    };
    static const File file;
    return file.path;
}

ServerProcess::ServerProcess(const std::string& db_url, std::vector<std::string> extra, RunOptions options) {
    std::vector<std::string> args{
        "serve",  "--db",     db_url,
        "--port", "0",        "--threads",
        "2",      "--public", std::filesystem::path(binary_path()).parent_path().string() + "/public"};
    // SQLite finds its own beside the database; PostgreSQL must be given one.
    const bool secrets_given = std::find(extra.begin(), extra.end(), "--secrets") != extra.end();
    if (db_url.starts_with("postgresql") && !secrets_given && !options.as_nobody) {
        args.insert(args.end(), {"--secrets", shared_secrets_file()});
    }
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = spawn(args, out_fd_, err_fd_, options);
    fcntl(err_fd_, F_SETFL, O_NONBLOCK);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    const std::string marker = "listening on http://127.0.0.1:";
    while (std::chrono::steady_clock::now() < deadline) {
        if (!read_some(out_fd_, out_, 50)) break;
        drain_stderr();
        auto at = out_.find(marker);
        auto end = at == std::string::npos ? at : out_.find('\n', at);
        if (end != std::string::npos) {
            port_ = static_cast<unsigned short>(std::stoi(out_.substr(at + marker.size(), end - at - marker.size())));
            return;
        }
    }
    wait(5000);
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0 && exit_code_ == -1) {
        kill(pid_, SIGKILL);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    if (out_fd_ >= 0) close(out_fd_);
    if (err_fd_ >= 0) close(err_fd_);
}

void ServerProcess::signal(int sig) const {
    kill(pid_, sig);
}

void ServerProcess::drain_stderr() {
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(err_fd_, buffer, sizeof buffer);
        if (n <= 0) return;
        err_.append(buffer, static_cast<std::size_t>(n));
    }
}

int ServerProcess::wait(int timeout_ms) {
    if (exit_code_ != -1) return exit_code_;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        drain_stderr();
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            exit_code_ = decode(status);
            drain_stderr();
            return exit_code_;
        }
        usleep(10'000);
    }
    return -1;
}

const std::string& ServerProcess::err() const {
    const_cast<ServerProcess*>(this)->drain_stderr();
    return err_;
}

}  // namespace pw::testing
