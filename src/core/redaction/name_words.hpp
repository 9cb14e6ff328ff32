#pragma once
// The short word lists the name scanner reads beside the generated ones (gazetteer_names.cpp):
// words that are never names here, what sits between names, and what around a word says it is a
// place, a title or a person. Internal to redaction; folded keys (text::fold).
#include <array>
#include <string_view>

namespace pw::redaction::detail {

// Words that are names in the lists but, capitalised, almost always something else here.
inline constexpr auto kNeverNames = std::to_array<std::string_view>(
    {"i", "i'm", "i've", "i'd", "i'll", "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "dear", "mum", "dad", "mam",
     "nan", "gran", "god", "lord", "jesus", "christ", "allah", "january", "february", "march", "april", "may", "june",
     "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "christmas", "easter", "xmas", "english", "british", "scottish", "welsh", "irish",
     "polish", "christian", "muslim", "asian", "african", "european", "jobcentre", "job", "centre", "work", "programme",
     "credit", "universal", "esa", "jsa", "pip", "dla", "dwp", "jcp", "nhs", "cv", "uc", "ice", "gp", "hmrc", "ok",
     "okay", "hi", "hello", "thanks", "yeah", "yes", "no", "lol", "tbh", "im", "ive", "id", "dont", "cant", "wont",
     "didnt", "thats", "u", "ur", "ya", "x", "xx", "ta", "wasnt", "my", "nino", "north", "south", "east", "west",
     "jobseeker", "jobseekers",
     // Words of chat that the long name list holds: "cos i was late".
     "cos", "coz", "cuz", "innit", "bruv", "wiv", "wid", "fink", "dunno", "summat", "nowt", "owt", "gonna", "wanna",
     "gotta", "dinnae", "cannae", "didnae", "wouldnae", "havnae", "isnae", "sed", "goin", "doin", "nothin", "fur",
     "wis", "aye", "naw", "bonjour", "merci", "obrigada", "obrigado", "gracias", "hola", "salaam", "shukran",
     // Weekdays cut short, and words of forms and chat written without their apostrophe.
     "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat", "sun", "fax", "cust", "hasnt",
     "couldnt", "arent", "isnt", "wouldnt", "shouldnt", "doesnt", "havent", "werent", "aint", "yer", "naff", "brill",
     // Words cut short: "30 mins late", "my mot was due".
     "mins", "hrs", "secs", "yrs", "wks", "mot", "appt", "appts", "pls", "plz", "msg", "msgs", "txt",
     // Case notes' words cut short: "Ptp attended", "Adv: KM".
     "ptp", "ptps", "clt", "adv", "advr",
     // Welsh words of letters and addresses: "Annwyl Mr Hughes, diolch am eich llythyr", "Heol y Parc".
     "annwyl", "diolch", "cofion", "croeso", "eich", "heol", "ffordd", "stryd", "rhodfa", "cilgant", "parc", "maes",
     "ysgol", "capel", "coleg", "canolfan", "neuadd", "gaelscoil", "culturlann", "gymraeg", "cymraeg", "gaeilge",
     "gaidhlig", "failte", "meas", "hiya", "jummah",
     // Letters in capitals that are cards and courses, not initials: "a CSCS card".
     "cscs", "nvq", "gcse", "gcses", "dbs", "hgv", "ecdl", "esol",
     // Words that open a sentence and that the long list holds as surnames: "In Glasgow they".
     "in", "at", "on", "of", "from", "into", "onto", "with",
     // Words of the languages people here also write in that no list holds as a name: Polish
     // "że", "mówi"; Welsh "oedd", "pum" and the days after "dydd"; Gaelic "tha"; Romanian "bună";
     // Somali; Nigerian pidgin; Arabic blessings in Latin letters; and "[redacted]".
     "ze", "mowi", "jest", "pani", "oedd", "pum", "iawn", "llun", "mercher", "iau", "gwener", "sadwrn", "sul", "tha",
     "agus", "buna", "multumesc", "mahadsanid", "abeg", "wahala", "alhamdulillah", "inshallah", "mashallah", "wallahi",
     "redacted", "jobcentres",
     // The nations, and the words and greetings of the UK's dialects and of other languages that
     // the long list holds: "howay", "alreet", "och", "bab" (Birmingham's "love"), "Salam",
     // "Buongiorno".
     "scotland", "england", "wales", "britain", "howay", "haway", "alreet", "och", "bab", "geordies", "scouse",
     "scouser", "scousers", "brummie", "brummies", "mammy", "abt", "salam", "buongiorno", "ciao", "dobry", "dzien",
     "merhaba", "privet", "jai",
     // Festivals and times everyone knows: "off for Eid", "since Covid".
     "eid", "ramadan", "ramadhan", "diwali", "hanukkah", "vaisakhi", "passover", "covid", "coronavirus", "brexit"});

// Words that are words first and names only beside a name or after a cue ("Sarah French", "Mae
// said"): peoples and languages ("a Greek speaker"), words for a person ("a tall man called
// Winston"), words of other languages that are also names ("mae" in Welsh, "nie" and "tak" in
// Polish). A list holding one as a name makes it a surname that is also a word; else it is never
// a name.
inline constexpr auto kWordsFirst = std::to_array<std::string_view>(
    {"greek",    "romanian", "somali",     "somalian",   "nigerian",  "ghanaian",  "kurdish",     "turkish",
     "cypriot",  "slovak",   "czech",      "lithuanian", "latvian",   "bulgarian", "hungarian",   "portuguese",
     "spanish",  "italian",  "french",     "german",     "chinese",   "bengali",   "sylheti",     "punjabi",
     "urdu",     "arabic",   "gaelic",     "jamaican",   "caribbean", "pakistani", "bangladeshi", "indian",
     "eritrean", "sudanese", "syrian",     "afghan",     "iranian",   "iraqi",     "albanian",    "ukrainian",
     "russian",  "filipino", "vietnamese", "tamil",      "gujarati",  "hindi",     "congolese",   "zimbabwean",
     "yoruba",   "igbo",     "twi",        "amharic",    "tigrinya",  "farsi",     "pashto",      "cantonese",
     "mandarin", "man",      "woman",      "lady",       "bloke",     "chap",      "gentleman",   "person",
     "carer",    "imam",     "mae",        "nie",        "tak",
     // "mair" (Scots "more", Welsh "Mair"); "Geordie" and "Ola" stay names, which they often are.
     "mair"});

// Welsh words that open a street's or a house's name: "Heol y Wern", "Lôn y Felin", "Tŷ Gwyn".
inline constexpr std::array<std::string_view, 14> kWelshPlaceWords{
    "heol", "lon", "ffordd", "stryd", "rhodfa", "cilgant", "parc", "maes", "ty", "ysgol", "capel", "coleg", "canolfan",
    "neuadd"};

// Words the name lists hold that are pronouns or a letter's closing words here, whatever their
// case: "He said", "Love, Mum".
inline constexpr auto kNotNames = std::to_array<std::string_view>(
    {"he", "she", "we", "me", "us", "it", "you", "they", "him", "her", "his", "our", "them", "love", "best", "regards",
     "cheers", "thanks", "will", "may", "can", "van", "art", "bill", "re", "fwd", "ps"});

// Between a first name and a surname: "Siobhán Ní Bhriain", "Ibrahim bin Salleh" (folded: "Ó" is "o").
inline constexpr std::array<std::string_view, 20> kParticles{"ní", "nic", "ni", "mac", "van", "von", "de",
                                                             "da", "di",  "du", "la",  "le",  "bin", "ibn",
                                                             "al", "el",  "ap", "o",   "ua",  "der"};

inline constexpr std::array<std::string_view, 8> kDeterminers{"the", "a", "an", "this", "that", "our", "their", "your"};

// Words after a name that make it a street, a building or a place: "Victoria Road", "Cedar
// Close", "Eastgate House"; the first list is never a name, the second may be a surname
// ("Jenny Hall"); and words before one that make it public ("Karl Turner MP").
inline constexpr std::array<std::string_view, 25> kStreetWords{
    "road",     "street", "lane",   "close",  "avenue", "drive",    "crescent", "terrace", "gardens",
    "square",   "mews",   "estate", "parade", "centre", "building", "college",  "school",  "station",
    "hospital", "bus",    "rd",     "grove",  "place",  "way",      "fair"};

// Words after a name that make it an organisation: "Blakey Joinery", "Hackney Welfare Rights",
// "Radford Advice Centre", "the Restart Team".
inline constexpr auto kOrganisationWords = std::to_array<std::string_view>(
    {"welfare", "rights",  "advice",    "team",     "joinery",  "group",   "trust",   "services", "solutions",
     "associates", "partnership", "foundation", "project", "network", "council", "ltd",  "limited", "plc",
     "cic",     "charity", "society",   "agency",   "recruitment", "training", "consultancy", "builders",
     "motors",  "logistics", "bureau",  "academy",  "institute", "union",   "department", "unit",
     // Hospitals, schools, clubs and pubs: "Queen Elizabeth University Hospital", "Newport County".
     "hospital", "infirmary", "university", "uni", "college", "school", "surgery", "clinic", "stadium", "club",
     "fc", "afc", "city", "town", "county", "united", "rovers", "athletic", "wanderers", "albion", "hotel",
     "arms", "inn", "tavern", "café", "cafe", "restaurant", "bakery", "takeaway", "foodbank"});

inline constexpr std::array<std::string_view, 11> kBuildingWords{"hall", "green", "hill", "park",   "house", "court",
                                                                 "view", "walk",  "row",  "bridge", "church"};

inline constexpr std::array<std::string_view, 6> kPublicRoles{"mp",         "minister", "secretary",
                                                              "councillor", "cllr",     "lord"};

inline constexpr std::array<std::string_view, 10> kPlacePrepositions{"in",      "at",      "from", "near",    "around",
                                                                     "outside", "towards", "via",  "through", "of"};

// Verbs that say a person did something: "Sian rang", "Victoria explained".
inline constexpr std::array<std::string_view, 58> kPersonVerbs{
    "said", "says", "told", "rang", "phoned", "called", "emailed", "texted", "messaged", "helped", "asked", "sent",
    "gave", "refused", "shouted", "laughed", "explained", "promised", "agreed", "replied", "answered", "sorted",
    "arranged", "booked", "found", "wrote", "listened", "wouldn't", "didn't", "couldn't", "won't", "doesn't", "reckons",
    "admitted",
    // The verbs of minutes and case notes: "Martin G stated", "Lee presented in distress".
    "stated", "noted", "reported", "confirmed", "suggested", "mentioned", "raised", "presented", "attended", "advised",
    "informed", "insisted", "warned", "abstained", "apologised",
    // What people do and towns do not: "Connor left in May", "Glenys runs it".
    "left", "runs", "quit", "resigned", "retired", "smiled", "joked", "shrugged", "sighed"};

// Words that follow a person more than the word: "Ruby in reception", "Hope was lovely".
inline constexpr std::array<std::string_view, 30> kAfterPerson{
    "at",     "from", "on",    "in",   "was",     "is",     "said",     "says",   "told",   "rang",
    "and",    "who",  "has",   "had",  "did",     "didn't", "never",    "always", "gave",   "got",
    "helped", "let",  "asked", "sent", "refused", "kept",   "wouldn't", "from",   "called", "phoned"};

// People someone names by who they are to them: "my nan pat", "his missus chantelle".
inline constexpr std::array<std::string_view, 55> kRelations{
    "wife",     "husband",       "son",     "daughter",     "lad",       "lass",       "boy",     "girl",  "nan",
    "nana",     "nanna",         "gran",    "granny",       "grandad",   "grandma",    "grandpa", "mum",   "mam",
    "dad",      "brother",       "sister",  "bro",          "sis",       "cousin",     "auntie",  "aunty", "aunt",
    "uncle",    "niece",         "nephew",  "partner",      "fiance",    "fiancee",    "mate",    "pal",   "friend",
    "bestie",   "neighbour",     "missus",  "fella",        "boyfriend", "girlfriend", "bf",      "gf",    "kid",
    "grandson", "granddaughter", "stepson", "stepdaughter", "carer",     "colleague",  "youngest", "granda",
    "gramps",   "da"};

// Staff by their job: "my manager gaz", "the receptionist sian".
inline constexpr std::array<std::string_view, 25> kJobs{
    "adviser",    "advisor",   "coach",      "manager",     "worker",    "leader",       "mentor",
    "tutor",      "trainer",   "supervisor", "caseworker",  "keyworker", "receptionist", "boss",
    "consultant", "officer",   "specialist", "coordinator", "navigator", "assessor",     "practitioner",
    "advocate",   "solicitor", "volunteer",  "counsellor"};

// Short words of a text written in capitals, which are no initials: "TO THE MANAGER OF THE".
inline constexpr auto kShoutedWords = std::to_array<std::string_view>(
    {"of",  "is",  "to",  "in",  "on",  "at",  "it",  "be",  "we",  "he",  "me",   "my",  "no",  "so",
     "do",  "go",  "up",  "us",  "an",  "as",  "by",  "if",  "or",  "the", "and",  "for", "but", "not",
     "you", "are", "was", "has", "had", "her", "his", "she", "him", "our", "any",  "all", "can", "did",
     "get", "got", "how", "let", "may", "new", "now", "old", "one", "own", "say",  "see", "too", "two",
     "way", "who", "why", "yes", "yet", "off", "out", "its", "i'm", "ive", "dont", "am",  "pm"});

template <std::size_t N>
bool in_list(const std::array<std::string_view, N>& list, std::string_view folded) {
    for (auto word : list)
        if (word == folded) return true;
    return false;
}

inline bool is_shouted_word(std::string_view folded) {
    return in_list(kShoutedWords, folded);
}

inline bool is_job_or_relation(std::string_view folded) {
    return in_list(kRelations, folded) || in_list(kJobs, folded);
}

}  // namespace pw::redaction::detail
