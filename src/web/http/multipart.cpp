#include "web/http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace pw::web {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The value of `name="..."` (or name=token) in a header value such as Content-Disposition.
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
    const std::string low = lower(header);
    for (std::size_t at = low.find(name); at != std::string::npos; at = low.find(name, at + 1)) {
        const bool starts = at == 0 || low[at - 1] == ' ' || low[at - 1] == ';';
        const auto eq = at + name.size();
        if (!starts || eq >= header.size() || header[eq] != '=') continue;
        if (eq + 1 < header.size() && header[eq + 1] == '"') {
            const auto close = header.find('"', eq + 2);
            if (close == std::string_view::npos) return std::nullopt;
            return std::string(header.substr(eq + 2, close - eq - 2));
        }
        const auto end = std::min(header.find(';', eq + 1), header.size());
        return std::string(header.substr(eq + 1, end - eq - 1));
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    if (!lower(content_type).starts_with("multipart/form-data")) return std::nullopt;
    auto boundary = parameter(content_type, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70) return std::nullopt;
    return boundary;
}

Result<Multipart> parse_multipart(std::string_view body, std::string_view boundary) {
    auto bad = [](std::string detail) {
        return fail(ErrorKind::invalid_input, "The upload was not understood. Please choose the file again.", std::move(detail));
    };
    const std::string delimiter = "--" + std::string(boundary);
    auto at = body.find(delimiter);
    if (at == std::string_view::npos) return bad("no opening boundary");
    Multipart result;
    for (;;) {
        at += delimiter.size();
        if (body.substr(at, 2) == "--") return result;  // the closing delimiter
        if (body.substr(at, 2) != "\r\n") return bad("boundary not followed by CRLF");
        at += 2;
        const auto headers_end = body.find("\r\n\r\n", at);
        if (headers_end == std::string_view::npos) return bad("part headers not ended");
        const auto headers = body.substr(at, headers_end - at);
        const auto next = body.find("\r\n" + delimiter, headers_end + 4);
        if (next == std::string_view::npos) return bad("part not closed by a boundary");
        const auto data = body.substr(headers_end + 4, next - headers_end - 4);
        std::optional<std::string> name, filename;
        for (std::size_t line = 0; line < headers.size();) {
            const auto end = std::min(headers.find("\r\n", line), headers.size());
            const auto header = headers.substr(line, end - line);
            if (lower(header).starts_with("content-disposition:")) {
                name = parameter(header, "name");
                filename = parameter(header, "filename");
            }
            line = end + 2;
        }
        if (!name) return bad("part without a name");
        if (filename)
            result.files.push_back({*name, *filename, std::string(data)});
        else
            result.fields[*name] = std::string(data);
        if (result.fields.size() + result.files.size() > 20) return bad("too many parts");
        at = next + 2;
    }
}

}  // namespace pw::web
