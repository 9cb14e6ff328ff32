#pragma once
// What a word is, as far as word lists can tell: part of people's names, an English word, a
// town. Keys are text::fold()ed, so case and accents do not matter. Internal to redaction.
#include <string_view>

namespace pw::redaction::detail {

bool is_first_name(std::string_view folded);  // a common first name in English-speaking countries
bool is_person_name(std::string_view folded);  // any first name or surname, from either list
bool is_curated_name(std::string_view folded);  // one from the curated list, not just the long one
bool is_proper_noun(std::string_view folded);  // a country, a county, a language, a famous name
bool is_english_word(std::string_view folded);
// A word today's spell checker writes in small letters and no common first name ("rota",
// "chemo"): in small letters it is that word, whatever the name lists say.
bool is_modern_word(std::string_view folded);
bool is_place(std::string_view folded);

}  // namespace pw::redaction::detail
