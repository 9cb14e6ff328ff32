#pragma once
// The words of a text as the name scanners read them: where each starts and ends, its shape
// (small letters, a capital, all capitals, an initial) and what the word lists say of it.
// Internal to redaction (gazetteer_names.cpp, lower_case_names.cpp).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/redaction/scanners.hpp"

namespace pw::redaction::detail {

enum class Shape { lower, capitalised, upper, initial, other };
// What the word lists say of a word: a name and nothing else ("Declan", "Nowak"); a common
// first name that is also a word ("Grace", "Will"); a surname that is also a word ("Cook");
// a name that is also a town or another proper noun ("Derby", "Essex"); not a name; in no
// list; never a name here ("May", "Jobcentre").
enum class Class { name, first_and_word, surname_and_word, name_and_place, word, unknown, never };

struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;  // the name's end: no possessive "'s", no closing quote
    std::size_t word_end = 0;
    Shape shape = Shape::other;
    Class kind = Class::word;
    bool sentence_start = false;
    bool is_public = false;
    std::string folded;  // text::fold of the name
};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view folded) {
    return std::ranges::find(list, folded) != list.end();
}

bool is_name_class(Class c);
std::vector<Token> tokenise(std::string_view t);
// Marks the tokens inside a public name (public_names.hpp): never a private person's.
void mark_public(std::vector<Token>& tokens, const std::vector<ByteRange>& public_names);
// Two tokens next to each other: one space, or an initial's full stop and a space.
bool joined(std::string_view t, const Token& a, const Token& b);
bool capital(const Token& token);

}  // namespace pw::redaction::detail
