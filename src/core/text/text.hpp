#pragma once
// Plain-text checks and normalisation shared by importers, search and forms.
#include <optional>
#include <string>
#include <string_view>

namespace pw::text {

bool is_valid_utf8(std::string_view s);

// Trimmed of ASCII space; nullopt when it holds invalid UTF-8, control characters
// (tab, CR and LF too) or is longer than max_bytes.
std::optional<std::string> clean_line(std::string_view s, std::size_t max_bytes);

std::string_view trim(std::string_view s);

// At most max_bytes of s, cut before a character rather than inside one ("…" added when cut).
std::string shortened(std::string_view s, std::size_t max_bytes);

// Lower-case ASCII letters and digits, every other run of characters folded to one space.
// "Reed in Partnership" and "reed-in-partnership" give the same key.
std::string search_key(std::string_view s);

// URL-safe lower-case slug: "Rehab Group (Rehab JobFit)" -> "rehab-group-rehab-jobfit".
std::string slug(std::string_view s);

std::optional<long long> parse_positive_int(std::string_view s, long long max);

}  // namespace pw::text
