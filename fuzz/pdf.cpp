// The PDF writer on arbitrary text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/documents/pdf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto pdf = pw::documents::text_pdf(std::string_view(reinterpret_cast<const char*>(data), size), "t");
    if (!pdf.starts_with("%PDF-1.4") || !pdf.ends_with("%%EOF\n")) std::abort();
    return 0;
}
