#include "cli/commands/secrets.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands/commands.hpp"
#include "store/database.hpp"

namespace pw::cli {

Result<void> write_new_secrets(const std::string& path) {
    const std::string text = crypto::secrets_text(crypto::new_secrets());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(ErrorKind::conflict, errno == EEXIST ? path + " already exists: it is never overwritten"
                                                         : "cannot create " + path + ": " + std::strerror(errno));
    }
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        std::filesystem::remove(path);
        return fail(ErrorKind::unavailable, "cannot write " + path);
    }
    return {};
}

Result<crypto::Secrets> load_secrets(const std::string& path, bool make_if_missing) {
    if (make_if_missing && !std::filesystem::exists(path)) {
        if (auto made = write_new_secrets(path); !made) return std::unexpected(made.error());
        std::cerr << "providerwatch: made " << path << ": back it up with the database\n";
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorKind::not_found, "cannot read the secrets file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    auto secrets = crypto::parse_secrets(text.str());
    if (!secrets) return fail(ErrorKind::invalid_input, path + ": " + secrets.error().message);
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 0077) != 0) {
        return fail(ErrorKind::invalid_input, path + " can be read by others: chmod 600 it");
    }
    return secrets;
}

Result<SecretsPath> secrets_path_for(const std::string& given, const std::string& db_url) {
    if (!given.empty()) return SecretsPath{given, false};
    auto url = store::parse_database_url(db_url);
    if (!url) return SecretsPath{};  // opening the database says what is wrong with it
    if (url->engine != store::Engine::sqlite) {
        return fail(ErrorKind::invalid_input,
                    "--secrets is required with PostgreSQL: make one file with `providerwatch secrets init FILE` "
                    "and give it to every server");
    }
    return SecretsPath{url->display + ".secrets", true};
}

void add_secrets(CLI::App& app, int& exit_code) {
    static std::string path;
    auto* cmd = app.add_subcommand("secrets", "Deployment secrets: the form-token and codename look-up keys");
    cmd->require_subcommand(1);
    auto* init = cmd->add_subcommand("init", "Make a new secrets file (readable by its owner only); never overwrites");
    init->add_option("file", path, "Where to write it, e.g. /etc/providerwatch/secrets")->required();
    init->footer(
        "Give the same file to every server with --secrets, and back it up apart from the database: "
        "without it no codename can be found again, and a new one signs every open form out.");
    init->callback([&exit_code] {
        if (auto made = write_new_secrets(path); !made) {
            exit_code = report_error(made.error().message);
            return;
        }
        std::cout << "wrote " << path << std::endl;
        exit_code = ok;
    });
}

}  // namespace pw::cli
