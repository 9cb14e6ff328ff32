// Every CSV importer's checks on arbitrary bytes: a clear error or rows, never a crash.
#include <cstdint>
#include <string_view>

#include "core/registry/import_rows.hpp"
#include "core/sanctions/published.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto rows = pw::csv::parse(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!rows) return 0;
    pw::registry::check_registry(*rows);
    pw::registry::check_providers(*rows);
    pw::registry::check_offices(*rows);
    pw::registry::check_standards(*rows);
    pw::sanctions::check_published_figures(*rows);
    pw::sanctions::check_provider_sanctions(*rows);
    for (const auto& row : *rows) (void)pw::csv::format_row(row.fields);
    return 0;
}
