#include "analytics/referrals/records.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pw::analytics {

RecordReader::RecordReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a spreadsheet's byte-order mark
}

namespace {

// Where the line starting at `begin` ends (its '\n', or `end`), noting where each comma is, 16
// bytes at a time: one pass over the bytes instead of a search per field. Returns nullptr when
// the line holds a quote (the caller reads it by the full rules instead).
const char* split_line(const char* begin, const char* end, Record& record) {
    record.count = 0;
    record.too_many = false;
    const char* field = begin;
    auto add_field = [&](const char* field_end) {
        if (record.count < kMaxColumns)
            record.fields[record.count] = std::string_view(field, static_cast<std::size_t>(field_end - field));
        else
            record.too_many = true;
        ++record.count;
        field = field_end + 1;
    };
    const char* p = begin;
#if defined(__SSE2__)
    const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
    for (; end - p >= 16; p += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const auto lf = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline)));
        // Only the bytes before the line's end count.
        const unsigned before = lf ? (lf & (0u - lf)) - 1 : 0xffffu;
        if (static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, quote))) & before) return nullptr;
        for (auto commas = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, comma))) & before; commas;
             commas &= commas - 1)
            add_field(p + __builtin_ctz(commas));
        if (lf) {
            const char* line_end = p + __builtin_ctz(lf);
            add_field(line_end > field && line_end[-1] == '\r' ? line_end - 1 : line_end);
            return line_end;
        }
    }
#endif
    for (; p < end && *p != '\n'; ++p) {
        if (*p == '"') return nullptr;
        if (*p == ',') add_field(p);
    }
    add_field(p > field && p[-1] == '\r' ? p - 1 : p);
    return p;
}

}  // namespace

bool RecordReader::next(Record& record, std::string& error) {
    if (pos_ >= text_.size()) return false;
    const char* begin = text_.data() + pos_;
    const char* text_end = text_.data() + text_.size();
    record.line = line_;
    const char* line_end = split_line(begin, text_end, record);
    if (!line_end) return quoted(record, error);
    pos_ = static_cast<std::size_t>(line_end - text_.data()) + (line_end < text_end ? 1 : 0);
    ++line_;
    return true;
}

bool RecordReader::quoted(Record& record, std::string& error) {
    record.line = line_;
    record.count = 0;
    record.too_many = false;
    for (auto& s : scratch_) s.clear();
    std::string overflow;
    auto current = [&]() -> std::string& { return record.count < kMaxColumns ? scratch_[record.count] : overflow; };
    std::size_t i = pos_;
    bool in_quotes = false;
    bool finished = false;
    while (i < text_.size() && !finished) {
        const char c = text_[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text_.size() && text_[i + 1] == '"') {
                    current() += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line_;
                current() += c;
            }
        } else if (c == '"') {
            in_quotes = true;
        } else if (c == ',') {
            ++record.count;
            overflow.clear();
        } else if (c == '\n') {
            finished = true;
        } else if (c != '\r' || (i + 1 < text_.size() && text_[i + 1] != '\n')) {
            current() += c;
        }
        ++i;
    }
    if (in_quotes) {
        error = "a quote opened on line " + std::to_string(record.line) + " is never closed";
        pos_ = text_.size();
        return false;
    }
    ++record.count;
    if (record.count > kMaxColumns) record.too_many = true;
    for (std::size_t f = 0; f < std::min(record.count, kMaxColumns); ++f) record.fields[f] = scratch_[f];
    pos_ = i;
    ++line_;
    return true;
}

}  // namespace pw::analytics
