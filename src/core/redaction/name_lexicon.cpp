#include "core/redaction/name_lexicon.hpp"

#include <string>
#include <unordered_set>

#include "core/redaction/lexicon_data.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

// Looked up by string_view without making a string each time.
struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;

struct Lexicon {
    WordSet first;
    WordSet curated;
    WordSet names;
    WordSet proper;
    WordSet words;
    WordSet modern;
    WordSet places;
};

void load(std::string_view lines, WordSet& into) {
    for (std::size_t at = 0; at < lines.size();) {
        auto end = lines.find('\n', at);
        if (end == std::string_view::npos) end = lines.size();
        if (end > at) into.insert(text::fold(lines.substr(at, end - at)));
        at = end + 1;
    }
}

// Built once from the generated lists, then only read: every thread sees the same sets.
const Lexicon& lexicon() {
    static const Lexicon built = [] {
        Lexicon l;
        load(lexicon_data::kFirstNames, l.first);
        load(lexicon_data::kCuratedNames, l.curated);
        load(lexicon_data::kPersonNames, l.names);
        load(lexicon_data::kProperNouns, l.proper);
        load(lexicon_data::kEnglishWords, l.words);
        load(lexicon_data::kModernWords, l.modern);
        load(lexicon_data::kPlaces, l.places);
        return l;
    }();
    return built;
}

bool contains(const WordSet& set, std::string_view key) {
    return set.contains(key);
}

}  // namespace

bool is_first_name(std::string_view folded) {
    return contains(lexicon().first, folded);
}

bool is_proper_noun(std::string_view folded) {
    return contains(lexicon().proper, folded);
}

bool is_person_name(std::string_view folded) {
    return contains(lexicon().curated, folded) || contains(lexicon().names, folded);
}

bool is_curated_name(std::string_view folded) {
    return contains(lexicon().curated, folded);
}

bool is_english_word(std::string_view folded) {
    return contains(lexicon().words, folded);
}

bool is_modern_word(std::string_view folded) {
    // Folded, "rosé" is "rose": the first names are left out here as well as in the list.
    return contains(lexicon().modern, folded) && !contains(lexicon().first, folded);
}

bool is_place(std::string_view folded) {
    return contains(lexicon().places, folded);
}

}  // namespace pw::redaction::detail
