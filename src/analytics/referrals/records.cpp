#include "analytics/referrals/records.hpp"

#include <cstring>

namespace pw::analytics {

RecordReader::RecordReader(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a spreadsheet's byte-order mark
}

bool RecordReader::next(Record& record, std::string& error) {
    if (pos_ >= text_.size()) return false;
    const char* begin = text_.data() + pos_;
    const std::size_t left = text_.size() - pos_;
    const char* newline = static_cast<const char*>(std::memchr(begin, '\n', left));
    const char* end = newline ? newline : begin + left;
    if (std::memchr(begin, '"', static_cast<std::size_t>(end - begin)) != nullptr) return quoted(record, error);

    record.line = line_;
    record.count = 0;
    record.too_many = false;
    const char* stop = end;
    if (stop > begin && stop[-1] == '\r') --stop;
    const char* field = begin;
    for (;;) {
        const char* comma = static_cast<const char*>(std::memchr(field, ',', static_cast<std::size_t>(stop - field)));
        const char* field_end = comma ? comma : stop;
        if (record.count < kMaxColumns)
            record.fields[record.count] = std::string_view(field, static_cast<std::size_t>(field_end - field));
        else
            record.too_many = true;
        ++record.count;
        if (!comma) break;
        field = comma + 1;
    }
    pos_ = static_cast<std::size_t>(end - text_.data()) + (newline ? 1 : 0);
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
