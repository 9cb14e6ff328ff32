#pragma once
// A fast CSV record splitter for large referral files. Lines without a quote are split in one
// pass, 16 bytes at a time (SSE2);
// a line with quotes is read by the full RFC 4180 rules (doubled quotes, commas and newlines
// inside quotes). Fields are views into the text, or into scratch storage for quoted fields.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace pw::analytics {

constexpr std::size_t kMaxColumns = 16;

struct Record {
    std::size_t line = 0;  // 1-based line on which the record starts
    std::size_t count = 0;
    std::array<std::string_view, kMaxColumns> fields{};
    bool too_many = false;  // more than kMaxColumns fields
};

class RecordReader {
public:
    explicit RecordReader(std::string_view text);
    // False at the end of the text. A structural fault (an unterminated quote) sets `error`.
    bool next(Record& record, std::string& error);
    std::size_t offset() const { return pos_; }

private:
    bool quoted(Record& record, std::string& error);
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::array<std::string, kMaxColumns> scratch_;
};

}  // namespace pw::analytics
