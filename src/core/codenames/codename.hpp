#pragma once
// A codename is four ordinary words. People type them as they remember them: any case, any
// spacing or punctuation between the words. This is the one place that decides what counts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/month.hpp"

namespace pw::codenames {

inline constexpr int kWords = 4;
// Staff reports' codenames are longer: 66 bits, for reports worth more to an attacker.
inline constexpr int kStaffWords = 6;

// "Maple-River  candle,ORBIT" -> "maple river candle orbit"; nullopt unless `count` words of letters.
std::optional<std::string> normalise(std::string_view typed, int count = kWords);
// The words typed, in small letters, however many; nullopt when something typed (a digit, a
// symbol, a letter outside A to Z) is never part of a codename, or it is over 100 characters.
std::optional<std::vector<std::string>> typed_words(std::string_view typed);

// What is kept of a new codename: its look-up key and its argon2id hash, made on the slow-work
// pool before the write, never inside the writer's batch.
struct HashedCodename {
    std::int64_t lookup_key = 0;
    std::string hash;
};

// Where commands that can make a codename store it (store/ implements it inside the writer's
// transaction).
class CodenameRepository {
public:
    virtual ~CodenameRepository() = default;
    virtual std::int64_t insert_codename(const HashedCodename& codename, Month month) = 0;
};

// The codename a submission is kept under: the one recognised, else the new one stored now,
// else none.
inline std::optional<std::int64_t> keep_under(std::optional<std::int64_t> recognised,
                                              const std::optional<HashedCodename>& fresh, Month month,
                                              CodenameRepository& codenames) {
    if (recognised) return recognised;
    if (fresh) return codenames.insert_codename(*fresh, month);
    return std::nullopt;
}

}  // namespace pw::codenames
