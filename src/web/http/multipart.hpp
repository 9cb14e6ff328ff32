#pragma once
// multipart/form-data bodies (RFC 7578): the one kind of upload the site takes, a CSV file on the
// researcher page. Text parts become form fields; file parts keep their bytes as sent.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.hpp"
#include "core/common/form.hpp"

namespace pw::web {

struct FilePart {
    std::string field;
    std::string filename;
    std::string data;
};

struct Multipart {
    FormFields fields;            // text parts
    std::vector<FilePart> files;  // parts sent with a filename
};

// The boundary from a Content-Type of multipart/form-data; nullopt when it is not one.
std::optional<std::string> multipart_boundary(std::string_view content_type);
Result<Multipart> parse_multipart(std::string_view body, std::string_view boundary);

}  // namespace pw::web
