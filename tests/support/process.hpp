#pragma once
// Running the real providerwatch binary from tests: one-shot commands and a served site.
#include <sys/types.h>

#include <string>
#include <vector>

namespace pw::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

struct RunOptions {
    bool as_nobody = false;    // when root: drop to uid 65534 first, so file permissions bind
    long file_size_limit = 0;  // bytes: no file may grow past this (a full disk, without one)
};

// Runs build/providerwatch with args and waits (at most 60 s).
CommandResult run_cli(const std::vector<std::string>& args, RunOptions options = {});

class ServerProcess {
public:
    // Starts `providerwatch serve --db url --port 0 ...` and waits for its listening line.
    // On failure, started() is false and result() holds what it printed.
    explicit ServerProcess(const std::string& db_url, std::vector<std::string> extra = {}, RunOptions options = {});
    ~ServerProcess();
    bool started() const { return port_ != 0; }
    unsigned short port() const { return port_; }

    void signal(int sig) const;
    // Waits for the process to end (at most timeout_ms); returns its exit code or -1.
    int wait(int timeout_ms);
    const std::string& err() const;  // what it wrote to stderr so far (after wait: all of it)
    const std::string& startup_output() const { return out_; }

private:
    void drain_stderr();
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    unsigned short port_ = 0;
    std::string out_;
    mutable std::string err_;
    int exit_code_ = -1;
};

// A deployment secrets file shared by every server this test process starts.
std::string shared_secrets_file();

std::string source_dir();
std::string binary_path();

}  // namespace pw::testing
