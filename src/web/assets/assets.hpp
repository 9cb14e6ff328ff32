#pragma once
// Static files (GOV.UK Frontend assets, compiled CSS, our scripts), read once at start-up from
// the public directory the build prepares, and served from memory. Only files found at start-up
// can ever be served, so no request path reaches the file system.
#include <map>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace pw::web {

struct Asset {
    std::string body;
    std::string content_type;
    std::string etag;
    std::string brotli;  // compressed at build (FILE.br beside it), or empty
    std::string gzip;    // likewise FILE.gz
};

class Assets {
public:
    static Result<Assets> load(const std::string& directory);
    // url_path like "/assets/fonts/x.woff2" or "/static/providerwatch.css".
    const Asset* find(std::string_view url_path) const;
    // A short content hash for cache-busting links to files that are not fingerprinted.
    std::string version() const { return version_; }
    std::size_t size() const { return files_.size(); }

private:
    std::map<std::string, Asset, std::less<>> files_;
    std::string version_;
};

}  // namespace pw::web
