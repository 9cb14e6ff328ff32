#include "core/redaction/public_names.hpp"

#include <algorithm>

#include "core/redaction/scanners.hpp"
#include "core/text/unicode.hpp"

namespace pw::redaction::detail {

namespace {

// Ministers and others whose names are part of the public debate about the programme; shops,
// employers, charities and programmes named after people. Longest first where one contains
// another, so "Iain Duncan Smith" wins over "Duncan Smith".
constexpr std::string_view kPublicNames[] = {
    // Politicians: work and pensions secretaries and ministers, prime ministers, party leaders.
    "Iain Duncan Smith", "Duncan Smith", "Esther McVey", "McVey", "Chris Grayling", "Grayling", "Mark Hoban",
    "Damian Green", "Stephen Crabb", "David Gauke", "Gauke", "Amber Rudd", "Thérèse Coffey", "Therese Coffey", "Coffey",
    "Chloe Smith", "Mel Stride", "Liz Kendall", "Pat McFadden", "Alison McGovern", "Jonathan Reynolds",
    "Justin Tomlinson", "Guy Opperman", "Mims Davies", "Lord Freud", "David Freud", "Priti Patel", "Theresa May",
    "Boris Johnson", "David Cameron", "George Osborne", "Osborne", "Nick Clegg", "Gordon Brown", "Tony Blair",
    "Margaret Thatcher", "Thatcher", "Liz Truss", "Rishi Sunak", "Sunak", "Keir Starmer", "Starmer", "Rachel Reeves",
    "Jeremy Corbyn", "Corbyn", "Ed Miliband", "Miliband", "Jeremy Hunt", "Kemi Badenoch", "Badenoch", "Nigel Farage",
    "Farage", "Frank Field", "Debbie Abrahams", "Stephen Timms", "Jonathan Ashworth", "Owen Smith", "Kit Malthouse",
    "Chris Philp", "Stella Creasy", "Creasy", "Yvette Cooper", "Angela Rayner", "Ken Loach", "Loach", "Daniel Blake",
    "Martin Lewis", "Jack Monroe", "Mo Farah", "King Charles", "Prince Harry", "Prince William",
    // Members who speak for claimants in the House, and the face of "The Jeremy Kyle Show". Names
    // common enough for a private person to bear ("Emma Harrison", "Jess Phillips") are not here:
    // "Jess Phillips MP" is public by the rule for members; "Emma Harrison" alone is removed.
    "Mhairi Black", "Chi Onwurah", "Marsha de Cordova", "Liz Saville Roberts", "Dennis Skinner", "Jeremy Kyle",
    // Providers of the Work Programme and the Restart Scheme, and programmes.
    "Reed in Partnership", "Reed", "Shaw Trust", "Working Links", "Ingeus", "Maximus", "Seetec", "Serco", "Avanta",
    "Pertemps", "Prospects", "Interserve", "PeoplePlus", "Fedcap", "Remploy", "Rehab JobFit", "Tomorrow's People",
    "Careers Development Group", "Learndirect", "Jobcentre Plus", "Universal Credit", "Work Programme", "Restart",
    "Kickstart", "Capita", "Atos", "Fair Start Scotland", "Steps 2 Success", "Work and Health Programme",
    "Jobs and Benefits", "Access to Work", "Flexible Support Fund", "Mandatory Work Activity", "Help to Work",
    "New Deal", "Youth Contract", "Wise Group",
    // Sayings and figures of speech named after people.
    "Doubting Thomas", "Jack the lad", "Hobson's choice", "Murphy's law", "Nosy Parker", "Joe Public", "Joe Bloggs",
    "Heath Robinson", "Secret Santa", "Willy Wonka", "Smart Alec", "Peeping Tom", "Bob's your uncle", "Hope Not Hate",
    "Harland and Wolff", "Burns Night", "Burns Supper",
    // Shops and employers.
    "Marks and Spencer", "Marks & Spencer", "Sainsbury's", "Sainsburys", "Sainsbury", "Morrisons", "McDonald's",
    "McDonalds", "Wetherspoons", "Wetherspoon's", "Wetherspoon", "John Lewis", "Boots", "Greggs", "Dr Martens", "Tesco",
    "Asda", "Aldi", "Lidl", "Iceland", "Poundland", "Currys", "Halfords", "Argos", "Primark", "Wilko", "Wilkinsons",
    "Screwfix", "Toby Carvery", "Costa", "Nando's", "Burger King", "Domino's", "Deliveroo", "Amazon", "Sports Direct",
    "Royal Mail", "Timpsons", "Timpson", "Ted Baker", "Ronald McDonald", "Debenhams", "Indeed", "Totaljobs", "Ocado",
    "Hermes", "Evri", "Lloyds", "Barclays", "Santander", "Specsavers", "Matalan", "Superdrug", "Waitrose",
    "Home Bargains", "TK Maxx", "Peacocks", "Farmfoods", "Dunelm", "Wickes", "Homebase", "Selfridges", "Harrods",
    "Pizza Hut", "Subway", "Starbucks", "Pret", "Co-op", "Morrison's",
    // Charities and advice.
    "Prince's Trust", "Princes Trust", "Salvation Army", "Citizens Advice", "Barnardo's", "Barnardos", "Barnardo",
    "St Mungo's", "Mencap", "Macmillan", "Sue Ryder", "Marie Curie", "Age UK", "Trussell Trust", "Trussell",
    "Joseph Rowntree", "Rowntree", "Samaritans", "Shelter", "Turn2us", "StepChange", "Oxfam"};

// A member of a parliament or assembly after their name: "Jess Phillips MP", "Mr Lavery MP's
// office"; the elected are public in what they do for the programme.
constexpr std::string_view kMembers[] = {"MP", "MSP", "MS", "AM", "MLA", "MEP", "MPs"};

// The letters, apostrophes and hyphens before end, by code point: an em dash or a no-break space
// ends a word ("Lord Freud—Jane Doe" is two).
bool capitalised_word_ending_at(std::string_view t, std::size_t end, std::size_t& begin) {
    begin = end;
    while (begin > 0) {
        std::size_t lead = begin - 1;
        while (lead > 0 && (static_cast<unsigned char>(t[lead]) & 0xC0) == 0x80) --lead;
        const auto c = text::code_point_at(t, lead);
        if (!(text::is_letter(c.value) || c.value == U'\'' || c.value == U'-')) break;
        begin = lead;
    }
    return begin < end && is_upper(t[begin]) && boundary_before(t, begin);
}

// "Jess Phillips MP": up to three capitalised words before a member's letters.
void add_members(std::string_view t, std::vector<ByteRange>& found) {
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        if (t[i - 1] != ' ' || !is_upper(t[i]) || !boundary_before(t, i)) continue;
        std::string_view member;
        for (auto m : kMembers)
            if (t.substr(i, m.size()) == m && boundary_after(t, i + m.size())) member = m;
        // "MS Teams", "AM Session": letters before a capitalised word are something else.
        if (!member.empty() && i + member.size() + 1 < t.size() && t[i + member.size()] == ' ' &&
            is_upper(t[i + member.size() + 1]))
            member = {};
        if (member.empty()) continue;
        std::size_t begin = i - 1;  // the space before the letters
        std::size_t first = begin;
        for (int words = 0; words < 3 && first > 0 && t[first] == ' '; ++words) {
            std::size_t word_begin = 0;
            if (!capitalised_word_ending_at(t, first, word_begin)) break;
            first = word_begin;
            if (first == 0 || t[first - 1] != ' ') break;
            --first;
        }
        if (first < begin && t[first] == ' ') ++first;
        if (first < begin) found.push_back({first, i + member.size()});
    }
}

// The end of up to max_words capitalised words from at, one space apart ("Esther Rantzen").
std::size_t capitalised_words_end(std::string_view t, std::size_t at, int max_words) {
    std::size_t end = at;
    for (int words = 0; words < max_words && end < t.size() && is_upper(t[end]); ++words) {
        while (end < t.size()) {
            const auto c = text::code_point_at(t, end);
            if (!(text::is_letter(c.value) || c.value == U'\'' || c.value == U'-')) break;
            end += c.bytes;
        }
        if (end + 1 < t.size() && t[end] == ' ' && is_upper(t[end + 1])) ++end;
    }
    while (end > at && t[end - 1] == ' ') --end;
    return end;
}

// "Sir Keir", "Dame Esther Rantzen", "Lord Freud": a title the state gives makes a public figure.
void add_honoured(std::string_view t, std::vector<ByteRange>& found) {
    static constexpr std::string_view kHonours[] = {"Sir ", "Dame ", "Lord ", "Baroness ", "Baron "};
    for (auto honour : kHonours) {
        for (auto at = t.find(honour); at != std::string_view::npos; at = t.find(honour, at + 1)) {
            if (!boundary_before(t, at)) continue;
            const auto end = capitalised_words_end(t, at + honour.size(), 2);
            if (end > at + honour.size()) found.push_back({at, end});
        }
    }
}

// "Dear Mr Flynn, / I am a constituent in Torry": a letter to a member of parliament or a
// minister names its addressee, who is public. Only the name after "Dear", and only where the
// letter says whom it is written to.
void add_addressed_member(std::string_view t, std::vector<ByteRange>& found) {
    // Words only a letter to a member says of its writer: not "secretary of state" (a minister's
    // office writes back to citizens by name), not "my MP" ("I have copied this to my MP").
    static constexpr std::string_view kCues[] = {"i am a constituent", "i am your constituent", "as your constituent",
                                                 "i am one of your constituents", "as my mp", "as my member of parliament",
                                                 "in your constituency"};
    if (t.find("Dear ") == std::string_view::npos) return;  // most texts: no letter, no copy below
    std::string lowered;
    lowered.reserve(t.size());
    for (char c : t) lowered.push_back(lower(c));
    const auto says = [&](std::string_view cue) {
        for (auto at = lowered.find(cue); at != std::string::npos; at = lowered.find(cue, at + 1))
            if (boundary_before(t, at) && boundary_after(t, at + cue.size())) return true;
        return false;
    };
    if (std::ranges::none_of(kCues, says)) return;
    static constexpr std::string_view kTitles[] = {"Mr ", "Mrs ", "Ms ", "Miss ", "Dr "};
    for (auto at = t.find("Dear "); at != std::string_view::npos; at = t.find("Dear ", at + 1)) {
        std::size_t name = at + 5;
        for (auto title : kTitles)
            if (t.substr(name, title.size()) == title) name += title.size();
        if (name == at + 5 && t.substr(name, 4) != "Sir ") continue;  // "Dear Sir Keir" is an honour's
        const auto end = capitalised_words_end(t, name, 3);
        if (end > name) found.push_back({at + 5, end});
    }
}

}  // namespace

bool within(const std::vector<ByteRange>& ranges, std::size_t begin, std::size_t end) {
    // The last range that starts at or before begin is the only one that can hold it.
    auto after = std::ranges::upper_bound(ranges, begin, {}, &ByteRange::begin);
    return after != ranges.begin() && end <= std::prev(after)->end;
}

bool member_follows(std::string_view t, std::size_t end) {
    if (end + 1 >= t.size() || t[end] != ' ') return false;
    for (auto m : kMembers) {
        const auto after = end + 1 + m.size();
        if (t.substr(end + 1, m.size()) == m && boundary_after(t, after) &&
            !(after + 1 < t.size() && t[after] == ' ' && is_upper(t[after + 1])))
            return true;
    }
    return false;
}

std::vector<ByteRange> public_name_ranges(std::string_view t) {
    std::vector<ByteRange> found;
    add_members(t, found);
    add_honoured(t, found);
    add_addressed_member(t, found);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_alpha(t[i]) || !boundary_before(t, i)) continue;
        for (auto phrase : kPublicNames) {  // first match is the longest: the list says so
            if (lower(t[i]) == lower(phrase[0]) && phrase_at(t, i, phrase)) {
                found.push_back({i, i + phrase.size()});
                i += phrase.size() - 1;
                break;
            }
        }
    }
    // Sorted and not overlapping, as the name scanners read them.
    std::ranges::sort(found, {}, &ByteRange::begin);
    std::vector<ByteRange> merged;
    for (const auto& range : found) {
        if (!merged.empty() && range.begin < merged.back().end)
            merged.back().end = std::max(merged.back().end, range.end);
        else
            merged.push_back(range);
    }
    return merged;
}

}  // namespace pw::redaction::detail
