#include "web/assets/assets.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pw::web {

namespace fs = std::filesystem;

namespace {
const std::map<std::string, std::string, std::less<>> kTypes = {
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
};

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    return body.str();
}

// A compressed copy the build made beside the file, when it is not older than the file.
std::string compressed_copy(const fs::path& file, std::string_view extension) {
    fs::path copy = file;
    copy += extension;
    std::error_code ec;
    if (!fs::is_regular_file(copy, ec) || fs::last_write_time(copy, ec) < fs::last_write_time(file, ec)) return {};
    return read_file(copy);
}

std::uint64_t fnv1a(std::string_view data, std::uint64_t hash = 1469598103934665603ull) {
    for (unsigned char c : data) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}
}  // namespace

Result<Assets> Assets::load(const std::string& directory) {
    Assets assets;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        return fail(ErrorKind::unavailable,
                    fmt::format("asset directory {} does not exist: run `make build` first", directory));
    }
    std::uint64_t all = 0;
    for (const auto& entry : fs::recursive_directory_iterator(directory, ec)) {
        if (!entry.is_regular_file()) continue;
        auto type = kTypes.find(entry.path().extension().string());
        if (type == kTypes.end()) continue;
        std::string body = read_file(entry.path());
        const std::string url = "/" + fs::relative(entry.path(), directory).generic_string();
        const auto hash = fnv1a(body);
        all = fnv1a(std::to_string(hash), all);
        assets.files_[url] = Asset{std::move(body), type->second, fmt::format("\"{:016x}\"", hash),
                                   compressed_copy(entry.path(), ".br"), compressed_copy(entry.path(), ".gz")};
    }
    if (ec) return fail(ErrorKind::unavailable, fmt::format("cannot read {}: {}", directory, ec.message()));
    assets.version_ = fmt::format("{:08x}", all & 0xffffffffu);
    return assets;
}

const Asset* Assets::find(std::string_view url_path) const {
    auto it = files_.find(url_path);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace pw::web
