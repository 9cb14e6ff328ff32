#include "core/redaction/public_names.hpp"

#include <algorithm>

#include "core/redaction/scanners.hpp"

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
    "Martin Lewis", "Jack Monroe", "King Charles", "Prince Harry", "Prince William",
    // Providers of the Work Programme and the Restart Scheme, and programmes.
    "Reed in Partnership", "Reed", "Shaw Trust", "Working Links", "Ingeus", "Maximus", "Seetec", "Serco", "Avanta",
    "Pertemps", "Prospects", "Interserve", "PeoplePlus", "Fedcap", "Remploy", "Rehab JobFit", "Tomorrow's People",
    "Careers Development Group", "Learndirect", "Jobcentre Plus", "Universal Credit", "Work Programme", "Restart",
    "Kickstart", "Capita", "Atos",
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

}  // namespace

std::vector<ByteRange> public_name_ranges(std::string_view t) {
    std::vector<ByteRange> found;
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
    return found;
}

}  // namespace pw::redaction::detail
