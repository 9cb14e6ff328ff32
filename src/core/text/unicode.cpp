#include "core/text/unicode.hpp"

#include <utf8proc.h>

namespace pw::text {

CodePoint code_point_at(std::string_view s, std::size_t i) {
    utf8proc_int32_t value = 0;
    const auto read = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                       static_cast<utf8proc_ssize_t>(s.size() - i), &value);
    if (read <= 0) return {0xFFFD, 1};
    return {static_cast<char32_t>(value), static_cast<std::size_t>(read)};
}

bool is_letter(char32_t c) {
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:  // a combining accent belongs to its letter
            return true;
        default:
            return false;
    }
}

bool is_upper_letter(char32_t c) {
    const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT;
}

bool is_lower_letter(char32_t c) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}

}  // namespace pw::text
