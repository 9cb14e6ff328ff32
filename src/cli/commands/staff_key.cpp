#include "cli/commands/staff_key.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands/commands.hpp"

namespace pw::cli {

namespace {

constexpr const char* kPassphraseVariable = "PROVIDERWATCH_STAFF_KEY_PASSPHRASE";

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The passphrase from its file (one line; a trailing newline is not part of it), else the variable.
Result<std::string> passphrase(const std::string& path) {
    if (!path.empty()) {
        auto text = read_file(path);
        if (!text) return fail(ErrorKind::not_found, "cannot read the passphrase file " + path);
        while (!text->empty() && (text->back() == '\n' || text->back() == '\r')) text->pop_back();
        return *text;
    }
    if (const char* value = std::getenv(kPassphraseVariable); value && *value) return std::string(value);
    return fail(ErrorKind::not_found,
                std::string("no passphrase: give --staff-key-passphrase-file or set ") + kPassphraseVariable);
}

Result<void> write_key_file(const std::string& path, const std::string& passphrase_path) {
    auto phrase = passphrase(passphrase_path);
    if (!phrase) return std::unexpected(phrase.error());
    auto text = crypto::moderator_key_file(crypto::new_key_pair(), *phrase);
    if (!text) return std::unexpected(text.error());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(ErrorKind::conflict, errno == EEXIST ? path + " already exists: it is never overwritten"
                                                         : "cannot create " + path + ": " + std::strerror(errno));
    }
    const bool written =
        ::write(fd, text->data(), text->size()) == static_cast<ssize_t>(text->size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        std::filesystem::remove(path);
        return fail(ErrorKind::unavailable, "cannot write " + path);
    }
    return {};
}

}  // namespace

web::StaffReportKeys open_staff_keys(const std::string& key_path, const std::string& passphrase_path) {
    web::StaffReportKeys keys;
    if (key_path.empty()) {
        keys.closed_because = "no moderators' key file was given (--staff-key)";
        return keys;
    }
    const auto text = read_file(key_path);
    if (!text) {
        keys.closed_because = "cannot read the moderators' key file " + key_path;
        return keys;
    }
    struct stat info {};
    if (::stat(key_path.c_str(), &info) == 0 && (info.st_mode & 0077) != 0) {
        keys.closed_because = key_path + " can be read by others: chmod 600 it";
        return keys;
    }
    auto phrase = passphrase(passphrase_path);
    if (!phrase) {
        keys.closed_because = phrase.error().message;
        return keys;
    }
    auto opened = crypto::open_moderator_key_file(*text, *phrase);
    if (!opened) {
        keys.closed_because = key_path + ": " + opened.error().message;
        return keys;
    }
    keys.moderators = *opened;
    keys.lookup.emplace(crypto::staff_lookup_key(*opened));
    return keys;
}

void add_staff_key(CLI::App& app, int& exit_code) {
    static std::string path, passphrase_path;
    auto* cmd = app.add_subcommand("staff-key", "The moderators' key for staff reports");
    cmd->require_subcommand(1);
    auto* init = cmd->add_subcommand(
        "init", "Make a new key pair, its secret half locked with a passphrase (readable by its owner only)");
    init->add_option("file", path, "Where to write it, e.g. /etc/providerwatch/staff.key")->required();
    init->add_option("--passphrase-file", passphrase_path,
                     std::string("A file holding the passphrase (12 characters or more); else ") + kPassphraseVariable);
    init->footer(
        "Serve with --staff-key FILE and the same passphrase. Keep the file and the passphrase apart, and back "
        "both up: without them no staff report or reply can be read again. A file is never overwritten.");
    init->callback([&exit_code] {
        if (auto made = write_key_file(path, passphrase_path); !made) {
            exit_code = report_error(made.error().message);
            return;
        }
        std::cout << "wrote " << path << std::endl;
        exit_code = ok;
    });
}

}  // namespace pw::cli
