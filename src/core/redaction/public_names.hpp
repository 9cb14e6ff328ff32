#pragma once
// Names that are not private people's: public figures people write about ("Iain Duncan Smith")
// and organisations, shops and things named after people ("Reed in Partnership", "Marks and
// Spencer", "Dr Martens"). The name scanners leave them. Internal to redaction.
#include <string_view>
#include <vector>

namespace pw::redaction::detail {

struct ByteRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Where the text names one of them, any case, on word boundaries; sorted, not overlapping.
std::vector<ByteRange> public_name_ranges(std::string_view text);
// Whether [begin, end) lies inside one of the ranges (sorted, not overlapping): a binary search.
bool within(const std::vector<ByteRange>& ranges, std::size_t begin, std::size_t end);
// "MP", "MSP", "MS", "AM", "MLA" or "MEP" after the name that ends at end: "Mr Lavery MP".
bool member_follows(std::string_view text, std::size_t end);

}  // namespace pw::redaction::detail
