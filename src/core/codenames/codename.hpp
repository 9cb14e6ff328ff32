#pragma once
// A codename is four ordinary words. People type them as they remember them: any case, any
// spacing or punctuation between the words. This is the one place that decides what counts.
#include <optional>
#include <string>
#include <string_view>

namespace pw::codenames {

inline constexpr int kWords = 4;

// "Maple-River  candle,ORBIT" -> "maple river candle orbit"; nullopt unless four words of letters.
std::optional<std::string> normalise(std::string_view typed);

}  // namespace pw::codenames
