#pragma once
// Letters and case in any script (utf8proc's Unicode tables), for code that reads people's
// names: "Łukasz", "Siobhán" and "Gwenllïan" are words, not a word cut at its first accent.
#include <cstddef>
#include <string>
#include <string_view>

namespace pw::text {

struct CodePoint {
    char32_t value = 0;
    std::size_t bytes = 1;  // its length in the text; invalid UTF-8 counts as one byte, not a letter
};

// The code point that starts at byte i (i < s.size()).
CodePoint code_point_at(std::string_view s, std::size_t i);

bool is_letter(char32_t c);
bool is_mark(char32_t c);          // Mn, Mc or Me: the vowel signs of Gurmukhi and Devanagari, say
bool is_upper_letter(char32_t c);  // Lu or Lt
bool is_lower_letter(char32_t c);  // Ll

// c in UTF-8.
std::string utf8(char32_t c);
// Characters (code points) in UTF-8 text, not bytes.
std::size_t character_count(std::string_view s);

bool is_space_separator(char32_t c);  // Zs: a space, no-break, thin or ideographic
bool is_invisible(char32_t c);        // default ignorable: zero-width spaces and joiners, soft hyphens, ...

// The text without the controls that reorder what is shown (U+202A-202E embeddings and overrides,
// U+2066-2069 isolates, U+200E/200F marks): "\u202E321009 00770" shows as "07700 900123", which
// nothing that reads the bytes in order would see.
std::string without_direction_controls(std::string_view s);

// The compatibility form (NFKC) with invisible characters left out: "０７" is "07", "＠" is "@",
// "ﬁ" is "fi". Invalid UTF-8 is kept as it is.
std::string compatible(std::string_view s);

// The form two spellings of one word share: case folded, accents removed, composed (NFKC), so
// "SIOBHÁN", "Siobhán" and "siobhan" are one key. Invalid UTF-8 is kept byte for byte.
std::string fold(std::string_view s);

}  // namespace pw::text
