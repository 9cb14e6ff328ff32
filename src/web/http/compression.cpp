#include "web/http/compression.hpp"

#include <array>
#include <stdexcept>

#include <brotli/encode.h>
#include <zlib.h>

namespace pw::web {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// Whether the coding is listed with a q-value above zero.
bool accepts(std::string_view header, std::string_view coding) {
    while (!header.empty()) {
        const auto comma = header.find(',');
        auto item = trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        const auto semicolon = item.find(';');
        if (!equals_ignoring_case(trim(item.substr(0, semicolon)), coding)) continue;
        if (semicolon == std::string_view::npos) return true;
        auto parameter = trim(item.substr(semicolon + 1));
        if (!parameter.starts_with("q=") && !parameter.starts_with("Q=")) return true;
        parameter.remove_prefix(2);
        // q=0, q=0.0, q=0.00, q=0.000 refuse; anything else accepts.
        return parameter.find_first_not_of("0.") != std::string_view::npos;
    }
    return false;
}

bool compressible(std::string_view content_type) {
    for (std::string_view type : {"text/", "application/json", "application/javascript", "image/svg+xml",
                                  "application/manifest+json"}) {
        if (content_type.starts_with(type)) return true;
    }
    return false;
}

}  // namespace

Encoding choose_encoding(std::string_view accept_encoding) {
    if (accepts(accept_encoding, "br")) return Encoding::brotli;
    if (accepts(accept_encoding, "gzip")) return Encoding::gzip;
    return Encoding::identity;
}

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
        case Encoding::gzip: return "gzip";
        case Encoding::brotli: return "br";
        case Encoding::identity: break;
    }
    return "identity";
}

std::string gzip_compress(std::string_view body, int level) {
    z_stream stream{};
    // 15 window bits, +16 for a gzip header and trailer.
    if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw std::runtime_error("zlib: deflateInit2 failed");
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(body.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = static_cast<uInt>(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END) throw std::runtime_error("zlib: deflate did not finish");
    return out;
}

std::string brotli_compress(std::string_view body, int quality) {
    std::string out(BrotliEncoderMaxCompressedSize(body.size()), '\0');
    std::size_t size = out.size();
    if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, body.size(),
                               reinterpret_cast<const std::uint8_t*>(body.data()), &size,
                               reinterpret_cast<std::uint8_t*>(out.data()))) {
        throw std::runtime_error("brotli: compression failed");
    }
    out.resize(size);
    return out;
}

void compress_response(Response& response, Encoding encoding) {
    if (!compressible(response.content_type)) return;
    for (const auto& [name, value] : response.headers) {
        if (name == "Content-Encoding") return;
    }
    response.set_header("Vary", "Accept-Encoding");
    constexpr std::size_t kWorthIt = 1024;
    if (encoding == Encoding::identity || response.body.size() < kWorthIt) return;
    response.body = encoding == Encoding::brotli ? brotli_compress(response.body) : gzip_compress(response.body);
    response.set_header("Content-Encoding", std::string(encoding_name(encoding)));
}

}  // namespace pw::web
